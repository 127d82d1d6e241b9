import { LogRecord } from './log-fields.js';

export default LogRecord;
