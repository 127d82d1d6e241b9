// 直接主管 as written → the position meant: sure links (same name, a synonym, the same document), and otherwise the
// similar names offered closest first, nothing linked.
import { expect } from 'chai';
import { linkSupervisor } from '../../src/seed/jd/supervisors.js';

const known = [
  { id: 1, name: '客户服务助理' },
  { id: 2, name: '保洁员' },
  { id: 3, name: '保洁部主管' },
  { id: 4, name: '管理处主任' },
  { id: null, name: '工程部主管' },
];

describe('linking a 直接主管 to a position', () => {
  it('the same name, written in traditional characters, with spaces or 岗位 after it, is sure', () => {
    expect(linkSupervisor('管理處主任', known, [])).to.deep.include({
      name: '管理处主任',
      positionId: 4,
      reason: 'same',
    });
    expect(linkSupervisor('客户服务助理 岗位', known, [])).to.deep.include({ positionId: 1, reason: 'same' });
  });

  it("the document's synonyms (客户中心助理, 管理中心助理) mean 客户服务助理", () => {
    for (const text of ['客户中心助理', '管理中心助理', '客戶中心助理'])
      expect(linkSupervisor(text, known, [])).to.deep.include({ positionId: 1, reason: 'synonym' });
  });

  it('a position described in the same document, or a built-in post not stored yet, is sure without an id', () => {
    expect(linkSupervisor('收费主管', known, ['收费主管'])).to.deep.include({
      name: '收费主管',
      positionId: null,
      reason: 'in-document',
    });
    expect(linkSupervisor('工程部主管', known, [])).to.deep.include({ name: '工程部主管', positionId: null });
  });

  it('an unsure name links nothing and offers the similar positions, closest first', () => {
    const link = linkSupervisor('保洁主管员', known, []);
    expect(link).to.deep.include({ name: null, positionId: null });
    expect(link.candidates.map((c) => c.name)).to.deep.equal(['保洁部主管', '保洁员']);
    expect(linkSupervisor('财务总监', known, []).candidates).to.deep.equal([]);
    expect(linkSupervisor(null, known, [])).to.deep.include({ name: null, candidates: [] });
  });
});
