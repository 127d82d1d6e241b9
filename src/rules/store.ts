// The rules in force: every AuthorityRule row, compiled into one RuleSet that decide() reads synchronously.
// A change saved in this process applies at once; other processes notice it within REFRESH_MS.
import { fn, col } from 'sequelize';
import { AuthorityRule, RuleChangeSet } from '../models/index.js';
import { logger } from '../logger.js';
import { RuleSet, type StoredRule } from './rule-set.js';
import './rule-writes.js';

export const REFRESH_MS = 2_000;

let current = new RuleSet([]);
let stamp = '';
let timer: NodeJS.Timeout | null = null;

export function ruleSet(): RuleSet {
  return current;
}

/** What changes whenever a rule is added, edited or deleted, in any process. */
async function readStamp(): Promise<string> {
  const row = (await AuthorityRule.findOne({
    attributes: [
      [fn('COUNT', col('id')), 'count'],
      [fn('MAX', col('updatedAt')), 'latest'],
      [fn('SUM', col('version')), 'versions'],
    ],
    raw: true,
  })) as unknown as { count: number; latest: string | Date | null; versions: number | null } | null;
  // A change set that removes one rule and adds another leaves the count as it was: its id tells them apart.
  const changeSets = Number((await RuleChangeSet.max('id')) ?? 0);
  return JSON.stringify([
    changeSets,
    Number(row?.count ?? 0),
    row?.latest ? new Date(row.latest).toISOString() : null,
    Number(row?.versions ?? 0),
  ]);
}

export async function loadRules(): Promise<RuleSet> {
  const nextStamp = await readStamp();
  const rows = await AuthorityRule.findAll({ order: [['id', 'ASC']] });
  current = new RuleSet(
    rows.map((rule): StoredRule => ({
      id: rule.id,
      name: rule.name,
      actions: rule.actions,
      effect: rule.effect,
      conditions: rule.conditions,
      priority: rule.priority,
      enabled: rule.enabled,
      clause: rule.clause,
      version: rule.version,
    })),
  );
  stamp = nextStamp;
  return current;
}

/** Reloads when the rules changed since the last load. */
export async function refreshRules(): Promise<boolean> {
  if ((await readStamp()) === stamp) return false;
  await loadRules();
  return true;
}

export function startRuleRefresh(intervalMs = REFRESH_MS) {
  if (timer) return;
  timer = setInterval(() => {
    refreshRules().catch((error) => logger.warn('reloading the authority rules failed', error));
  }, intervalMs);
  timer.unref();
}

export function stopRuleRefresh() {
  if (timer) clearInterval(timer);
  timer = null;
}

// A rule saved or deleted in this process governs the very next decision here.
for (const hook of ['afterSave', 'afterDestroy', 'afterBulkUpdate', 'afterBulkDestroy'] as const) {
  AuthorityRule.addHook(
    hook,
    'reloadAuthorityRules',
    async (_rule: unknown, options?: { transaction?: { afterCommit(fn: () => void): void } }) => {
      const reload = () => loadRules().catch((error) => logger.warn('reloading the authority rules failed', error));
      if (options?.transaction) options.transaction.afterCommit(() => void reload());
      else await reload();
    },
  );
}
