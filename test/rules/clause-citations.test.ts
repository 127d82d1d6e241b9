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
