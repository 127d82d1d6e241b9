// The system administrator's one way into the rules: put back the rule that lets 管理处主任 manage rules, exactly as
// seeded, and switch off any deny rule standing in its way — so no edit can lock the office out of its own rules.
import { AuthorityRule } from '../models/index.js';
import { inTransaction } from './transaction.js';
import { authorize } from './authorize.js';
import { audit } from './audit.js';
import type { Actor } from '../rules/actor.js';
import { RESTORE_ACTION } from '../rules/decide.js';
import { defaultRuleDefinitions } from '../rules/default-rules.js';
import { RULE_MANAGEMENT_RULE, ruleValues } from '../rules/seed.js';

const ANY_RULE_ACTION = 'AuthorityRule.*';

export async function restoreRuleManagement(actor: Actor | null): Promise<string> {
  const definition = defaultRuleDefinitions().find((d) => d.name === RULE_MANAGEMENT_RULE)!;
  return inTransaction(async (transaction) => {
    const administrator = authorize(actor, RESTORE_ACTION);
    const values = { ...ruleValues(definition), enabled: true, editedByDirector: false, updatedById: administrator.id };
    const existing = await AuthorityRule.findOne({
      where: { name: definition.name },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    const wasEnabled = existing ? existing.enabled : null;
    const rule = existing
      ? await existing.update(values, { transaction })
      : await AuthorityRule.create({ ...values, version: 1 }, { transaction });

    const blocking = (
      await AuthorityRule.findAll({
        where: { effect: 'deny', enabled: true },
        transaction,
        lock: transaction.LOCK.UPDATE,
      })
    ).filter((deny) =>
      deny.actions.some((action) => action === ANY_RULE_ACTION || definition.actions.includes(action)),
    );
    for (const deny of blocking) await deny.update({ enabled: false, updatedById: administrator.id }, { transaction });

    const stopped =
      blocking.length > 0 ? `；已停用挡住它的拒绝规则：${blocking.map((d) => `「${d.name}」`).join('、')}` : '';
    const message = `已将「${rule.name}」恢复为默认（第 ${rule.version} 版），管理处主任可以管理权限规则${stopped}`;
    await audit(
      {
        who: administrator,
        action: RESTORE_ACTION,
        recordId: rule.id,
        changes: { enabled: [wasEnabled, true] },
        note: message,
      },
      transaction,
    );
    return message;
  });
}
