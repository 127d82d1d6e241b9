// What an import of job descriptions shows before anything is written (导入预览), and what confirming it did.
// The same preview serves the admin page (POST /api/job-descriptions/preview) and `npm run seed -- --jd FILE
// --dry-run` (its --json is the contract's subset: positions, unrecognised, proposals).
import type { ClauseKind } from '../../models/position-clause.js';

export interface PreviewClause {
  kind: ClauseKind;
  number: number;
  /** As written in the document. */
  text: string;
  /** Against the position's stored clauses: new, text changed (with the stored text), or the same. */
  change: 'added' | 'changed' | 'unchanged';
  /** The stored text, for a changed clause. */
  before?: string;
}

export interface SupervisorCandidate {
  positionId: number;
  name: string;
  /** Why it is offered: the same name, a known synonym (客户中心助理 → 客户服务助理), or a similar name. */
  reason: 'same' | 'synonym' | 'similar' | 'in-document';
}

export interface PreviewPosition {
  name: string;
  department: string | null;
  grade: string | null;
  /** 直接主管 as written. */
  supervisor: string | null;
  /** The position it links to when the link is sure (same name or a known synonym); null otherwise. */
  supervisorPositionId: number | null;
  /**
   * The name of the position the supervisor links to when the link is sure — an existing position or one described
   * earlier or later in the same document (which has no id until the import creates it); null otherwise.
   */
  supervisorLinkedName: string | null;
  /** What the picker offers when the link is not sure (empty when sure or when nothing is close). */
  supervisorCandidates: SupervisorCandidate[];
  subordinates: string | null;
  /** The stored position of the same name, if any: this import then updates it. */
  existingPositionId: number | null;
  status: 'new' | 'changed' | 'unchanged';
  clauses: PreviewClause[];
  /** Stored clauses the document no longer has: removed on confirmation. */
  removed: Array<{ kind: ClauseKind; number: number; text: string }>;
}

export interface PreviewLine {
  text: string;
  /** Where in the file: "第12行", "表格2 第3行第1列", "工作表「岗位」B4". */
  where: string;
}

export interface PreviewProposal {
  position: string;
  /** "职权1", "职责3". */
  clause: string;
  kind: ClauseKind;
  number: number;
  actions: string[];
  /** The actions in Chinese, in the same order ("退押金（装修押金）"). */
  actionLabels: string[];
  /** The words of the clause that matched. */
  matched: string;
  /** The rule as it would be drafted, in plain Chinese. */
  text: string;
  /**
   * drafted: becomes a 待审核 draft on confirmation; exists: a live rule already grants these actions to this
   * position citing this clause; pending: a draft of it is already waiting for the director.
   */
  status: 'drafted' | 'exists' | 'pending';
}

export interface FlaggedRule {
  ruleId: number;
  name: string;
  /** "客户服务收费员 职权1". */
  clause: string;
  change: 'changed' | 'removed';
}

export interface ImportPreview {
  fileName: string;
  /** A digest of the document and of what it would change: confirming with a stale digest is refused. */
  digest: string;
  positions: PreviewPosition[];
  /** Lines of the document that were not understood. */
  unrecognised: PreviewLine[];
  /** What was read but renumbered or left out (a clause numbering that skips or repeats, an empty item). */
  notes: PreviewLine[];
  proposals: PreviewProposal[];
  /** Authority and duty clauses that match no action: "系统中还没有对应的操作". */
  withoutAction: Array<{ position: string; clause: string; text: string }>;
  /** Rules citing a clause this import changes or removes: flagged for the director, never deleted. */
  flaggedRules: FlaggedRule[];
  totals: { positions: number; clauses: number; added: number; changed: number; removed: number; drafts: number };
}

export interface ImportOutcome {
  positions: { created: number; updated: number; unchanged: number };
  clauses: { created: number; updated: number; unchanged: number; removed: number };
  /** Ids of the 待审核 drafts written. */
  drafts: number[];
  flaggedRules: number[];
}
