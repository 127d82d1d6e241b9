import { PlainText } from './log-fields.js';

export default PlainText;
