// 直接主管 as written → the position it means. Sure when the words name a position (stored, described in the same
// document, or a built-in post the import creates) directly or through a known synonym; otherwise the positions
// with similar names are offered for IT to pick from, and nothing is linked until someone picks.
import { toSimplified } from '../../lib/simplified.js';
import type { SupervisorCandidate } from './preview.js';

/** The document's 直接主管 wording → the position it means. */
export const SUPERVISOR_ALIASES: Record<string, string> = {
  客户中心助理: '客户服务助理',
  管理中心助理: '客户服务助理',
};

export interface KnownPosition {
  /** Null for a position described in the document and not stored yet. */
  id: number | null;
  name: string;
}

export interface SupervisorLink {
  /** The position's name when the link is sure. */
  name: string | null;
  /** Its id when it is stored already. */
  positionId: number | null;
  reason: SupervisorCandidate['reason'] | null;
  /** Offered when the link is not sure; stored positions only (a pick is an id). */
  candidates: SupervisorCandidate[];
}

/** Spaces, brackets and a trailing 岗位/职务 do not change which post is meant. */
function key(text: string): string {
  return toSimplified(text)
    .replace(/[\s\u3000（）()【】[\]]/g, '')
    .replace(/(岗位|岗|职务|职位)$/, '');
}

/**
 * Shared two-character runs of the two names: as a share of the shorter name's runs (is one name mostly in the other?),
 * and as a share of both (which of several such names is closest: 保洁主管员 is nearer 保洁部主管 than 保洁员).
 */
function similarity(a: string, b: string): { overlap: number; closeness: number } {
  const pairs = (s: string) => new Set([...s].slice(0, -1).map((c, i) => c + [...s][i + 1]));
  const left = pairs(a);
  const right = pairs(b);
  if (left.size === 0 || right.size === 0) return { overlap: 0, closeness: 0 };
  let shared = 0;
  for (const pair of left) if (right.has(pair)) shared++;
  return { overlap: shared / Math.min(left.size, right.size), closeness: (2 * shared) / (left.size + right.size) };
}

const MAX_CANDIDATES = 5;

/**
 * Links the words of a 直接主管 to a position: `known` are the stored positions and the built-in posts, `inDocument`
 * the names of the positions the same document describes.
 */
export function linkSupervisor(
  text: string | null,
  known: readonly KnownPosition[],
  inDocument: readonly string[],
): SupervisorLink {
  const none: SupervisorLink = { name: null, positionId: null, reason: null, candidates: [] };
  if (!text) return none;
  const wanted = key(text);
  const alias = SUPERVISOR_ALIASES[wanted];
  const target = alias ?? wanted;
  const reason = alias ? 'synonym' : 'same';
  const stored = known.find((p) => key(p.name) === target);
  if (stored) return { name: stored.name, positionId: stored.id, reason, candidates: [] };
  const described = inDocument.find((name) => key(name) === target);
  if (described) return { name: described, positionId: null, reason: 'in-document', candidates: [] };

  const candidates = known
    .filter((p): p is KnownPosition & { id: number } => p.id !== null)
    .map((p) => ({ position: p, score: similarity(target, key(p.name)) }))
    .filter(({ score }) => score.overlap >= 0.4)
    .sort((a, b) => b.score.closeness - a.score.closeness || a.position.id - b.position.id)
    .slice(0, MAX_CANDIDATES)
    .map(({ position }) => ({ positionId: position.id, name: position.name, reason: 'similar' as const }));
  return { ...none, candidates };
}
