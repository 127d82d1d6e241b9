// The authority matrix: every catalogued action against every position — allowed outright, allowed on conditions
// (said in plain Chinese), or not at all — with the rules behind each cell. Read from the same compiled rules that
// decide, for the live rules or for the drafts about to be published.
import { SYSTEM_ADMIN_CODE } from './actor.js';
import { systemAdministratorDecision } from './decide.js';
import { resourceLabel, ACTION_LABELS, RESOURCES } from './catalogue.js';
import type { RuleFacts } from './compile.js';
import { topLevelAll } from './condition-tree.js';
import { readsOnlyTheActor, type CompiledRule } from './rule-index.js';
import { recordConditions, type RuleSet } from './rule-set.js';

export type Grant = 'allow' | 'conditional' | 'none';

export interface MatrixCell {
  grant: Grant;
  /** The conditions in plain Chinese (conditional), or why nothing is granted when a rule says so. */
  text: string;
  /** The rules behind the cell. */
  rules: (number | string)[];
}

export interface MatrixRow {
  action: string;
  label: string;
  resource: string;
  resourceLabel: string;
  cells: Record<string, MatrixCell>;
}

export interface MatrixPosition {
  code: string;
  name: string;
}

/** Catalogued actions, grouped by resource in the catalogue's order. */
function actionsByResource(): string[] {
  const order = new Map<string, number>(RESOURCES.map((resource, i) => [resource, i]));
  return Object.keys(ACTION_LABELS)
    .map((action, i) => ({ action, i, resource: order.get(action.split('.')[0]) ?? RESOURCES.length }))
    .sort((a, b) => a.resource - b.resource || a.i - b.i)
    .map(({ action }) => action);
}

/** Someone holding the position, and nothing else (no department, supervising nobody). */
function holderOf(position: MatrixPosition): RuleFacts {
  return {
    actor: {
      id: 0,
      positionCode: position.code,
      positionName: position.name,
      departmentId: null,
      departmentName: null,
      supervisesDepartmentIds: [],
      isSupervisor: false,
      isSystemAdmin: position.code === SYSTEM_ADMIN_CODE,
    },
    action: '',
    record: {},
    now: {},
  };
}

const meantFor = (rule: CompiledRule, holder: RuleFacts) => {
  try {
    return rule.forWhom === null || rule.forWhom(holder);
  } catch {
    return false;
  }
};
/** A rule whose conditions only say whom it is for. */
const outright = (rule: CompiledRule) => (topLevelAll(rule.conditions) ?? [null]).every(readsOnlyTheActor);
const ids = (rules: CompiledRule[]) => rules.map((rule) => rule.ref.id);

export function authorityMatrix(rules: RuleSet, positions: readonly MatrixPosition[]): MatrixRow[] {
  return actionsByResource().map((action) => {
    const entry = rules.rulesOf(action);
    const resource = action.split('.')[0];
    const cells: Record<string, MatrixCell> = {};
    for (const position of positions) {
      if (!entry) {
        cells[position.code] = { grant: 'none', text: '', rules: [] };
        continue;
      }
      if (entry.broken.length > 0) {
        cells[position.code] = {
          grant: 'none',
          text: `规则「${entry.broken[0].ref.name}」有误`,
          rules: ids(entry.broken),
        };
        continue;
      }
      const builtIn = systemAdministratorDecision({ isSystemAdmin: position.code === SYSTEM_ADMIN_CODE }, action);
      if (builtIn) {
        cells[position.code] = {
          grant: builtIn.allowed ? 'allow' : 'none',
          // The guard's short name (系统管理员不办理业务): its full reason repeats the action in every cell.
          text: builtIn.allowed ? '' : (builtIn.rules[0]?.name ?? builtIn.reason),
          rules: builtIn.rules.map((rule) => rule.id),
        };
        continue;
      }
      const holder = holderOf(position);
      const denies = entry.denies.filter((rule) => meantFor(rule, holder));
      const allows = entry.allows.filter((rule) => meantFor(rule, holder));
      const deniedOutright = denies.filter(outright);
      if (deniedOutright.length > 0) {
        const names = deniedOutright.map((rule) => `「${rule.ref.name}」`).join('、');
        cells[position.code] = { grant: 'none', text: `依据${names}禁止`, rules: ids(deniedOutright) };
        continue;
      }
      if (allows.length === 0) {
        cells[position.code] = { grant: 'none', text: '', rules: [] };
        continue;
      }
      const unless =
        denies.length > 0 ? `；但${denies.map((rule) => recordConditions(rule, entry)).join('，或')}时禁止` : '';
      const allowedOutright = allows.filter(outright);
      if (allowedOutright.length > 0 && denies.length === 0) {
        cells[position.code] = { grant: 'allow', text: '', rules: ids(allowedOutright) };
        continue;
      }
      const when =
        allowedOutright.length > 0 ? '不限' : allows.map((rule) => recordConditions(rule, entry)).join('；或 ');
      cells[position.code] = {
        grant: 'conditional',
        text: `${when}${unless}`,
        rules: ids([...(allowedOutright.length > 0 ? allowedOutright : allows), ...denies]),
      };
    }
    return {
      action,
      label: ACTION_LABELS[action],
      resource,
      resourceLabel: resourceLabel(resource),
      cells,
    };
  });
}
