import { expect } from 'chai';
import { AuthorityTest, RuleVersion } from '../../src/models/index.js';
import { signedInClient } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';

// The rule studio's pages read in words: a rule version as the rule it was, a 权限测试 as its sentence; their JSON
// (action codes, fact names, state codes) is kept for the folded 技术信息 section only.
const CODE = /[A-Z][a-zA-Z]+\.[a-z][a-zA-Z]+|"\w+":|\b(held|valid|passed|cashier|receptionist)\b/;

describe('the rule studio’s pages in words', () => {
  it('管理处主任 reads a rule version as the rule in words (规则说明), its snapshot kept for 技术信息', async () => {
    const version = await RuleVersion.findOne({ order: [['id', 'ASC']] });
    expect(version, 'the seeded rules have versions').to.not.equal(null);
    const director = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    const { body } = await director.show('RuleVersion', version!.id);
    const words = String(body.record.params.snapshotInWords);
    expect(words).to.match(/^(允许|拒绝)/);
    expect(words).to.not.match(CODE);
    expect(String(body.record.params.snapshot)).to.include('"conditions"');
  });

  it('管理处主任 reads a 权限测试 as its sentence (测试内容), not as JSON', async () => {
    const test = await AuthorityTest.create({
      name: '页面测试：接待员不能退押金',
      positionCode: 'receptionist',
      action: 'RenovationDeposit.refund',
      recordFacts: { status: 'held', inspectionResult: 'passed' },
      expect: 'deny',
    });
    const director = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    const { body } = await director.show('AuthorityTest', test.id);
    const sentence = String(body.record.params.sentence);
    expect(sentence).to.match(/^客户接待员 必须不能 退押金（装修押金），当 /);
    expect(sentence).to.include('在押').and.include('验收合格');
    expect(sentence).to.not.match(CODE);
  });
});
