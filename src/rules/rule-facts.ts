// The four facts every rule is evaluated against: who asks (actor), what they ask to do (action), the record as it
// is (record, {} when the action has none) and the Shanghai clock (now).
import type { Actor } from './actor.js';
import type { RuleFacts } from './compile.js';
import { shanghaiDay, shanghaiHour, shanghaiWeekday } from '../lib/shanghai.js';

export type { RuleFacts } from './compile.js';

export interface ActorFacts {
  id: number;
  positionCode: string | null;
  positionName: string | null;
  departmentId: number | null;
  departmentName: string | null;
  supervisesDepartmentIds: number[];
  isSupervisor: boolean;
  isSystemAdmin: boolean;
}

export interface NowFacts {
  /** 0–23 in Asia/Shanghai. */
  hour: number;
  /** 1 (Monday) – 7 (Sunday) in Asia/Shanghai. */
  weekday: number;
  /** 'YYYY-MM-DD' in Asia/Shanghai. */
  date: string;
}

export function actorFacts(actor: Actor): ActorFacts {
  return {
    id: actor.id,
    positionCode: actor.positionCode,
    positionName: actor.positionName,
    departmentId: actor.departmentId,
    departmentName: actor.departmentName,
    supervisesDepartmentIds: actor.supervisesDepartmentIds,
    isSupervisor: actor.supervisesDepartmentIds.length > 0,
    isSystemAdmin: actor.isSystemAdmin,
  };
}

export function nowFacts(at: Date): NowFacts {
  return { hour: shanghaiHour(at), weekday: shanghaiWeekday(at), date: shanghaiDay(at) };
}

/** The four facts (record `{}` when the action has none). */
export function toFacts(
  actor: Actor,
  action: string,
  record: Record<string, unknown> | null | undefined,
  now: Date,
): RuleFacts {
  return { actor: { ...actorFacts(actor) }, action, record: record ?? {}, now: { ...nowFacts(now) } };
}
