import { expect } from 'chai';
import { parseCitations } from '../../src/rules/clause-citations.js';
import { defaultRuleDefinitions } from '../../src/rules/default-rules.js';

describe('clause citations of a rule', () => {
  it('reads several positions, a position carried to the next part, and a range', () => {
    expect(parseCitations('接待员 职权2、协调员 职权2、助理 职权3')).to.deep.equal([
      { position: '客户接待员', kind: 'authority', number: 2 },
      { position: '客户服务协调员', kind: 'authority', number: 2 },
      { position: '客户服务助理', kind: 'authority', number: 3 },
    ]);
    expect(parseCitations('收费员 职责1、职责4')).to.deep.equal([
      { position: '客户服务收费员', kind: 'duty', number: 1 },
      { position: '客户服务收费员', kind: 'duty', number: 4 },
    ]);
    expect(parseCitations('收费员 职责1—3')).to.have.length(3);
    expect(parseCitations('收费员 职权4（车库管理员登记）')).to.deep.equal([
      { position: '客户服务收费员', kind: 'authority', number: 4 },
    ]);
  });

  it('reads an imported position by its full name before 职责/职权, and carries it to the next part', () => {
    expect(parseCitations('收费员兼文员 职权2：审核车位出租登记')).to.deep.equal([
      { position: '收费员兼文员', kind: 'authority', number: 2 },
    ]);
    expect(parseCitations('物业管理员 职责1、职权3')).to.deep.equal([
      { position: '物业管理员', kind: 'duty', number: 1 },
      { position: '物业管理员', kind: 'authority', number: 3 },
    ]);
    expect(parseCitations('客户服务收费员 职权1：审核、检查是否可退装修押金')).to.deep.equal([
      { position: '客户服务收费员', kind: 'authority', number: 1 },
    ]);
    // Without the space a word is not a position; a short name still needs none.
    expect(parseCitations('参照职责3')).to.deep.equal([]);
    expect(parseCitations('协调员职权3')).to.deep.equal([{ position: '客户服务协调员', kind: 'authority', number: 3 }]);
  });

  it('reads the default rules exactly as before: only the four document positions', () => {
    const positions = new Set(
      defaultRuleDefinitions().flatMap((rule) => parseCitations(rule.clause).map((c) => c.position)),
    );
    expect([...positions].sort()).to.deep.equal(
      ['客户接待员', '客户服务助理', '客户服务协调员', '客户服务收费员'].sort(),
    );
  });

  it('ignores text that cites no clause of the document', () => {
    expect(parseCitations('管理处主任：管理权限规则')).to.deep.equal([]);
    expect(parseCitations('')).to.deep.equal([]);
  });

  it('every 职权 the default rules cite exists in the document (4 positions: 5, 6, 6, 6 authorities)', () => {
    const counts: Record<string, number> = { 客户接待员: 5, 客户服务协调员: 6, 客户服务收费员: 6, 客户服务助理: 6 };
    for (const rule of defaultRuleDefinitions()) {
      for (const c of parseCitations(rule.clause)) {
        if (c.kind === 'authority')
          expect(c.number, `${rule.name}: ${rule.clause}`).to.be.within(1, counts[c.position]);
      }
    }
  });
});
