// The one question every use case asks before it writes: may this person take this action (on this record)?
import { Model } from 'sequelize';
import { ForbiddenByRule } from '../errors.js';
import { decide, type RecordFacts } from '../rules/decide.js';
import type { Actor } from '../rules/actor.js';

/**
 * Decides `action` for `actor` on `record` (a row is read as its plain values) and returns the actor, now known to
 * be signed in; a refusal throws ForbiddenByRule, whose message is the decision's reason.
 */
export function authorize(actor: Actor | null | undefined, action: string, record?: Model | RecordFacts): Actor {
  const facts = record instanceof Model ? (record.get({ plain: true }) as RecordFacts) : record;
  const decision = decide(actor, action, facts);
  if (!decision.allowed || !actor) throw new ForbiddenByRule(decision);
  return actor;
}
