import { expect } from 'chai';
import { Rng } from '../../src/seed/demo/fake.js';
import { defaultRuleDefinitions } from '../../src/rules/default-rules.js';
import { checkConditions } from '../../src/rules/condition-check.js';
import {
  BUILDER_FIELDS,
  RELATIONS,
  comparisonsOf,
  fromBuilder,
  toBuilder,
  whoOf,
  withWho,
  type BuilderNode,
  type BuilderField,
  type Literal,
  type Relation,
} from '../../src/rules/rule-builder.js';

const CASES = 3000;

function valueFor(rng: Rng, field: BuilderField): Literal {
  switch (field.kind) {
    case 'boolean':
      return rng.chance(0.5);
    case 'hour':
      return rng.int(0, 23);
    case 'weekday':
      return rng.int(1, 7);
    case 'date':
      return `2026-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    case 'money':
      return rng.int(0, 500000);
    case 'number':
      return rng.chance(0.2) ? rng.int(0, 100) + 0.5 : rng.int(-5, 100);
    case 'staff':
    case 'department':
    case 'departments':
    case 'positionId':
      return rng.int(1, 40);
    case 'position':
      return rng.pick(['receptionist', 'coordinator', 'cashier', 'assistant', 'director']);
    case 'action':
      return rng.pick(['Ticket.dispatch', 'RenovationDeposit.refund', 'Payment.new', 'Staff.list']);
    case 'state':
      return rng.pick(['held', 'reported', 'draft', 'passed', 'submitted']);
    default:
      return rng.pick(['客户服务部', '工程部', '收费员']);
  }
}

function condition(rng: Rng): BuilderNode {
  const field = rng.pick(BUILDER_FIELDS);
  const how = rng.pick(comparisonsOf(field.key));
  const value =
    how.shape === 'many'
      ? Array.from({ length: rng.int(1, 3) }, () => valueFor(rng, field))
      : how.shape === 'one'
        ? valueFor(rng, field)
        : null;
  return { kind: 'condition', field: field.key, how: how.id, value };
}

function relation(rng: Rng): BuilderNode {
  const name = rng.pick(Object.keys(RELATIONS) as Relation[]);
  const field = rng.pick(BUILDER_FIELDS.filter((f) => f.fact === 'record' && RELATIONS[name].kinds.includes(f.kind)));
  return { kind: 'relation', relation: name, field: field.key };
}

/** A builder tree as the editor makes it: relations only directly in 全部满足, no 已填写 just before its own relation. */
function tree(rng: Rng, depth: number, parent: 'all' | 'any' | 'not'): BuilderNode {
  const roll = rng.next();
  if (depth > 0 && roll < 0.25) {
    const kind = rng.chance(0.5) ? 'all' : 'any';
    const children: BuilderNode[] = [];
    const length = rng.int(1, 4);
    while (children.length < length) {
      const child = tree(rng, depth - 1, kind);
      const before = children[children.length - 1];
      // 已填写 followed by the comparison with the person on the same field reads as the relation (tested below).
      if (
        kind === 'all' &&
        before?.kind === 'condition' &&
        before.how === 'present' &&
        child.kind === 'condition' &&
        child.field === before.field
      )
        continue;
      children.push(child);
    }
    return { kind, children };
  }
  if (depth > 0 && roll < 0.35) return { kind: 'not', child: tree(rng, depth - 1, 'not') };
  if (parent === 'all' && roll < 0.5) return relation(rng);
  return condition(rng);
}

function root(rng: Rng): BuilderNode {
  const node = tree(rng, 4, 'all');
  return node.kind === 'all' || node.kind === 'any' || node.kind === 'not' ? node : { kind: 'all', children: [node] };
}

describe('the rule builder', () => {
  it('shows every default rule in the builder and writes it back exactly', () => {
    for (const rule of defaultRuleDefinitions()) {
      const parsed = toBuilder(rule.conditions);
      expect(parsed.ok, rule.name).to.equal(true);
      if (parsed.ok) expect(fromBuilder(parsed.root), rule.name).to.deep.equal(rule.conditions);
    }
  });

  it(`builder → JSON → builder is exact, and the JSON is a valid rule, on ${CASES} generated rules`, () => {
    const rng = new Rng(20261203);
    let relations = 0;
    let nots = 0;
    for (let i = 0; i < CASES; i += 1) {
      const node = root(rng);
      const json = fromBuilder(node);
      const text = JSON.stringify(json);
      relations += (text.match(/"greaterThan","value":0/g) ?? []).length;
      nots += (text.match(/"not"/g) ?? []).length;
      const parsed = toBuilder(json);
      expect(parsed, text).to.deep.equal({ ok: true, root: node });
      const checked = checkConditions(json, 'deny');
      expect(checked.ok, `${text}: ${checked.ok ? '' : checked.message}`).to.equal(true);
      // JSON → builder → JSON, on JSON the builder did not write (keys in another order)
      const reordered = JSON.parse(text, (_key, value) =>
        value && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).reverse())
          : value,
      );
      const again = toBuilder(reordered);
      expect(again.ok).to.equal(true);
      if (again.ok) expect(fromBuilder(again.root)).to.deep.equal(reordered);
    }
    // the generator reaches the whole grammar
    expect(relations).to.be.greaterThan(CASES / 4);
    expect(nots).to.be.greaterThan(CASES / 4);
  });

  it('reads 已填写 followed by the comparison with the person as one relation, writing the same JSON', () => {
    const json = {
      all: [
        { fact: 'record', path: 'cashierId', operator: 'greaterThan', value: 0 },
        { fact: 'record', path: 'cashierId', operator: 'notEqual', value: { fact: 'actor', path: 'id' } },
      ],
    };
    const parsed = toBuilder(json);
    expect(parsed).to.deep.equal({
      ok: true,
      root: { kind: 'all', children: [{ kind: 'relation', relation: 'notSelf', field: 'record.cashierId' }] },
    });
    // under 任一满足 the two are separate conditions
    const any = toBuilder({ any: json.all });
    expect(any.ok && any.root.kind === 'any' && any.root.children.map((c) => c.kind)).to.deep.equal([
      'condition',
      'condition',
    ]);
  });

  const outside: [string, unknown, string][] = [
    ['a leaf at the top', { fact: 'record', path: 'status', operator: 'equal', value: 'held' }, '顶层'],
    [
      'a leaf with params',
      { all: [{ fact: 'record', path: 'status', operator: 'equal', value: 'held', params: {} }] },
      'params',
    ],
    [
      'an order comparison of a staff field',
      { all: [{ fact: 'record', path: 'cashierId', operator: 'lessThan', value: 5 }] },
      '收费员',
    ],
    ['an hour that is not one', { all: [{ fact: 'now', path: 'hour', operator: 'equal', value: 25 }] }, '0–23'],
    ['money that is not whole fen', { all: [{ fact: 'record', path: 'amount', operator: 'equal', value: 1.5 }] }, '分'],
    [
      'a comparison with a fact the builder does not pair',
      { all: [{ fact: 'record', path: 'cashierId', operator: 'equal', value: { fact: 'record', path: 'staffId' } }] },
      '另一个事实',
    ],
    ['a group with a name', { all: [], name: 'x' }, 'name'],
    [
      'a path the catalogue lacks',
      { all: [{ fact: 'record', path: 'colour', operator: 'equal', value: 'x' }] },
      'colour',
    ],
  ];
  for (const [what, json, word] of outside) {
    it(`keeps ${what} on the JSON tab and says why`, () => {
      const parsed = toBuilder(json);
      expect(parsed.ok).to.equal(false);
      if (!parsed.ok)
        expect(parsed.reason)
          .to.include(word)
          .and.match(/[\u4e00-\u9fff]/);
    });
  }

  describe('who', () => {
    const refund = defaultRuleDefinitions().find((rule) => rule.actions.includes('RenovationDeposit.refund'))!;
    const parsed = toBuilder(refund.conditions);
    if (!parsed.ok) throw new Error(parsed.reason);

    it('reads the positions, staff and relations of the top level', () => {
      expect(whoOf(parsed.root)).to.deep.equal({ positions: ['cashier'], staff: [], relations: [] });
    });

    it('changes the positions in place and leaves the when-part as it was', () => {
      const changed = fromBuilder(
        withWho(parsed.root, { positions: ['cashier', 'assistant'], staff: [], relations: [] }),
      );
      const all = (refund.conditions as { all: unknown[] }).all;
      expect(changed).to.deep.equal({
        all: [
          { fact: 'actor', path: 'positionCode', operator: 'in', value: ['cashier', 'assistant'] },
          ...all.slice(1),
        ],
      });
    });

    it('adds staff after the positions and a relation after them, and removes them again', () => {
      const relation: BuilderNode = { kind: 'relation', relation: 'notSelf', field: 'record.cashierId' };
      const added = withWho(parsed.root, { positions: ['cashier'], staff: [7], relations: [relation] });
      expect(whoOf(added)).to.deep.equal({ positions: ['cashier'], staff: [7], relations: [relation] });
      const json = fromBuilder(added) as { all: { path: string }[] };
      expect(json.all.map((leaf) => leaf.path).slice(0, 4)).to.deep.equal([
        'positionCode',
        'id',
        'cashierId',
        'cashierId',
      ]);
      expect(fromBuilder(withWho(added, { positions: ['cashier'], staff: [], relations: [] }))).to.deep.equal(
        refund.conditions,
      );
    });

    it('wraps a top-level 任一满足 to add who may', () => {
      const any: BuilderNode = {
        kind: 'any',
        children: [{ kind: 'condition', field: 'now.hour', how: 'lessThan', value: 9 }],
      };
      expect(fromBuilder(withWho(any, { positions: ['director'], staff: [], relations: [] }))).to.deep.equal({
        all: [
          { fact: 'actor', path: 'positionCode', operator: 'in', value: ['director'] },
          { any: [{ fact: 'now', path: 'hour', operator: 'lessThan', value: 9 }] },
        ],
      });
    });
  });
});
