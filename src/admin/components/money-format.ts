// The components share the server's money formatting.
export { formatFen, yuanToFen } from '../../lib/money.js';
