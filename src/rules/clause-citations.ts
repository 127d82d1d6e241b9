// Reads which clauses of the job descriptions a rule cites, from its clause text as the defaults write it:
// "接待员 职权2、协调员 职权2、助理 职权3", "收费员 职责1、职责4", "收费员 职责1—7：…", and an imported position by
// its full name: "收费员兼文员 职权2：…".
import type { ClauseKind } from '../models/position-clause.js';

/** The short names the rules use for the document's positions. */
export const SHORT_POSITION_NAMES: Record<string, string> = {
  接待员: '客户接待员',
  协调员: '客户服务协调员',
  收费员: '客户服务收费员',
  助理: '客户服务助理',
};

export interface ClauseCitation {
  position: string;
  kind: Extract<ClauseKind, 'duty' | 'authority'>;
  number: number;
}

const PART = /^(接待员|协调员|收费员|助理)?\s*(职责|职权)(\d+)(?:[—-](\d+))?$/;
/**
 * Any other position by its full name, then a space: "收费员兼文员 职权2" (an imported document's position; the
 * import's drafted rules cite it so). The space keeps words such as "参照职责3" from reading as a position.
 */
const NAMED_PART = /^([^\s、，,：:（()]{1,40})\s+(职责|职权)(\d+)(?:[—-](\d+))?$/;

export function parseCitations(text: string | null | undefined): ClauseCitation[] {
  if (!text) return [];
  const head = text.split(/[：（(]/)[0];
  const citations: ClauseCitation[] = [];
  let position: string | null = null;
  for (const raw of head.split('、')) {
    const match = PART.exec(raw.trim()) ?? NAMED_PART.exec(raw.trim());
    if (!match) continue;
    if (match[1]) position = SHORT_POSITION_NAMES[match[1]] ?? match[1];
    if (!position) continue;
    const kind = match[2] === '职权' ? 'authority' : 'duty';
    const first = Number(match[3]);
    const last = match[4] ? Number(match[4]) : first;
    for (let number = first; number <= last; number++) citations.push({ position, kind, number });
  }
  return citations;
}
