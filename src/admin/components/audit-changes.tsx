import { AuditChanges } from './log-fields.js';

export default AuditChanges;
