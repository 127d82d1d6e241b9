import { LogDetail } from './log-fields.js';

export default LogDetail;
