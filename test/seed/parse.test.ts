import fs from 'node:fs';
import { expect } from 'chai';
import { SHIPPED_JOB_DESCRIPTIONS } from '../../src/seed/jd/import.js';
import {
  JobDescriptionFormatError,
  normaliseDocumentText,
  parseJobDescriptionDocument,
  parseJobDescriptions,
  type ParsedPosition,
} from '../../src/seed/jd/parse.js';
import { expectRefused } from '../support/refusals.js';

const DOC = fs.readFileSync(SHIPPED_JOB_DESCRIPTIONS, 'utf8');
const SOURCE = '客户中心人员岗位职务说明书.txt';

function counts(p: ParsedPosition) {
  return ['duty', 'authority', 'qualification'].map((kind) => p.clauses.filter((c) => c.kind === kind).length);
}

/** The refusal of a malformed document (a JobDescriptionFormatError). */
const parseError = (text: string, source = 'bad.txt') =>
  expectRefused(() => parseJobDescriptions(text, source), JobDescriptionFormatError);

describe('parsing a job-description document', () => {
  it('ships a byte-identical copy of the customer centre document', () => {
    const shared = '/work/shared/job-descriptions/客户中心人员岗位职务说明书.txt';
    if (!fs.existsSync(shared)) return; // outside the team's machines only the shipped copy exists
    const original = fs.readFileSync(shared);
    expect(fs.readFileSync(SHIPPED_JOB_DESCRIPTIONS).equals(original)).to.equal(true);
  });

  describe('the real document', () => {
    const positions = parseJobDescriptions(DOC, SOURCE);

    it('finds the four positions in order, with department, blank grade and supervisor as written', () => {
      expect(positions.map((p) => p.name)).to.deep.equal([
        '客户接待员',
        '客户服务协调员',
        '客户服务收费员',
        '客户服务助理',
      ]);
      expect(positions.map((p) => p.departmentText)).to.deep.equal(['客户中心', '客户中心', '客户中心', '客户中心']);
      expect(positions.map((p) => p.grade)).to.deep.equal([null, null, null, null]);
      expect(positions.map((p) => p.supervisorText)).to.deep.equal([
        '客户中心助理',
        '客户中心助理',
        '管理中心助理',
        '管理处主任',
      ]);
      expect(positions.every((p) => p.source === SOURCE)).to.equal(true);
    });

    it('counts duties, authorities and qualifications of each position', () => {
      expect(positions.map(counts)).to.deep.equal([
        [6, 5, 5],
        [9, 6, 5],
        [7, 6, 5],
        [8, 6, 5],
      ]);
    });

    it('numbers every section 1, 2, 3 … and keeps each clause verbatim as it stands in the document', () => {
      for (const p of positions) {
        for (const kind of ['duty', 'authority', 'qualification']) {
          const numbers = p.clauses.filter((c) => c.kind === kind).map((c) => c.number);
          expect(numbers).to.deep.equal(numbers.map((_, i) => i + 1));
        }
        for (const c of p.clauses) {
          expect(c.text).to.equal(c.text.trim());
          expect(DOC).to.include(`${c.number}、 ${c.text} `);
        }
      }
    });

    it('does not take digits inside a clause ("ISO9002、14000", "2年以上") for clause numbers', () => {
      const coordinator = positions[1];
      expect(coordinator.clauses.find((c) => c.kind === 'duty' && c.number === 2)?.text).to.equal(
        '对培训记录、会议记要、ISO9002、14000资料、部门邮件及电脑资料的整理。',
      );
      const cashier = positions[2];
      expect(cashier.clauses.find((c) => c.kind === 'qualification' && c.number === 4)?.text).to.equal(
        '工作经验要求:具有2年以上行业客户服务经验,有较强的组织协调沟通能力。',
      );
    });

    it('keeps a qualification that starts with the words "资格要求:" as a clause, not a new section', () => {
      const q2 = positions[0].clauses.find((c) => c.kind === 'qualification' && c.number === 2);
      expect(q2?.text).to.equal('资格要求:熟悉物业管理行业及相关法律、法规文件。');
      const lastQualification = positions[0].clauses.at(-1)!;
      expect(lastQualification.text).to.equal('健康要求:身体健康,无不良嗜好。');
    });

    it('keeps clauses without a closing full stop whole ("…,并记录", "制定月工作计划(五周滚动计划)")', () => {
      const authorities = positions[0].clauses.filter((c) => c.kind === 'authority');
      expect(authorities[1].text).to.equal('督促检查其他部门对报事处理的抽查回访情况,并记录');
      expect(authorities[4].text).to.equal('制定月工作计划(五周滚动计划)');
    });
  });

  it('reads the same positions from a copy with a BOM, Windows line ends, line breaks and full-width colons', () => {
    const variant =
      '\uFEFF' +
      DOC.replace(/(岗位名称|所属部门|职务等级|直接主管|职责|职权|资格要求|实施者签字|日期): /g, '\n$1： ')
        .replace(/ (\d+、)/g, '\n$1')
        .replace(/\n/g, '\r\n');
    expect(variant).to.include('\r\n2、 资格要求:熟悉');
    expect(parseJobDescriptions(variant, SOURCE)).to.deep.equal(parseJobDescriptions(DOC, SOURCE));
  });

  it('reads a position without a signature line, a filled-in grade and a wrapped clause', () => {
    const text = [
      '岗位职务说明书 岗位名称：测试员甲 所属部门：测试部 职务等级：三级 直接主管：测试主管',
      '职责：1、 第一项职责，',
      '  跨行书写。 2、 第二项职责。 职权：1、 一项职权。 资格要求：1、 一项要求。',
      '岗位职务说明书 岗位名称：测试员乙 职责：1、 乙的职责。 职权：1、 乙的职权。 资格要求：1、 乙的要求。',
    ].join('\n');
    const [a, b] = parseJobDescriptions(text, 't.txt');
    expect(a.grade).to.equal('三级');
    expect(a.clauses.map((c) => c.text)).to.deep.equal([
      '第一项职责，\n  跨行书写。',
      '第二项职责。',
      '一项职权。',
      '一项要求。',
    ]);
    expect(b).to.deep.include({ name: '测试员乙', departmentText: null, grade: null, supervisorText: null });
    expect(b.clauses.at(-1)!.text).to.equal('乙的要求。');
  });

  describe('reads over what a real document gets wrong, and says so (the lines not understood, or a note)', () => {
    const read = (text: string) =>
      parseJobDescriptionDocument({
        fileName: 'bad.txt',
        format: 'txt',
        blocks: normaliseDocumentText(text)
          .split('\n')
          .flatMap((line, i) =>
            line.trim() ? [{ kind: 'paragraph' as const, text: line, where: `第${i + 1}行` }] : [],
          ),
      });
    const texts = (p: ParsedPosition, kind: string) => p.clauses.filter((c) => c.kind === kind).map((c) => c.text);

    it('a section with no clauses: the position simply has none of that kind', () => {
      const start = DOC.indexOf('职权: 1、 督促客户服务各职能部门');
      const end = DOC.indexOf('资格要求:', start);
      const { positions, unrecognised } = read(DOC.slice(0, start) + '职权: ' + DOC.slice(end));
      expect(positions.map(counts)[0]).to.deep.equal([6, 0, 5]);
      expect(unrecognised).to.deep.equal([]);
    });

    it('a missing section: the position has none of that kind', () => {
      const start = DOC.indexOf('职权: 1、 督促物业公司');
      const end = DOC.indexOf('资格要求:', start);
      const { positions } = read(DOC.slice(0, start) + DOC.slice(end));
      expect(positions.map(counts)[1]).to.deep.equal([9, 0, 5]);
    });

    it('numbering that skips a number: clauses are numbered by their place, with a note', () => {
      const { positions, unrecognised, notes } = read(
        DOC.replace('3、 对通知、告示、各种电话记录表格等内部事务的处理。 ', ''),
      );
      expect(texts(positions[0], 'duty')[2]).to.match(/^协调处理小区内的综合报事/);
      expect(positions[0].clauses.filter((c) => c.kind === 'duty').map((c) => c.number)).to.deep.equal([1, 2, 3, 4, 5]);
      expect(unrecognised).to.deep.equal([]);
      expect(notes).to.deep.equal([
        { text: '岗位"客户接待员"的"职责"的编号不连续：第 2 条之后是第 4 条，按顺序记为第 3 条', where: '第1行' },
      ]);
    });

    it('numbering that does not start at 1', () => {
      const { positions, unrecognised, notes } = read(
        DOC.replace('职责: 1、 负责管理处物管费', '职责: 2、 负责管理处物管费'),
      );
      expect(texts(positions[2], 'duty')[0]).to.equal('负责管理处物管费及其他各项费用的收取和统计工作。');
      expect(texts(positions[2], 'duty')[1]).to.equal('负责装修押金的收取、退还和统计。');
      expect(unrecognised).to.deep.equal([]);
      expect(notes).to.deep.equal([
        { text: '岗位"客户服务收费员"的"职责"的编号从 2 开始，按顺序记为第 1 条', where: '第5行' },
      ]);
    });

    it('text before the first clause of a section', () => {
      const { positions, unrecognised } = read(DOC.replace('职责: 1、 组织定期', '职责: 说明 1、 组织定期'));
      expect(texts(positions[3], 'duty')[0]).to.equal('组织定期的客户满意度调查,拟定调查计划。');
      expect(unrecognised).to.deep.equal([{ text: '说明', where: '第7行' }]);
    });

    it('a repeated clause number', () => {
      const { positions, unrecognised, notes } = read(DOC.replace('2、 负责装修押金', '1、 负责装修押金'));
      expect(texts(positions[2], 'duty').slice(0, 2)).to.deep.equal([
        '负责管理处物管费及其他各项费用的收取和统计工作。',
        '负责装修押金的收取、退还和统计。',
      ]);
      expect(unrecognised).to.deep.equal([]);
      expect(notes).to.deep.equal([
        { text: '岗位"客户服务收费员"的"职责"的第 1 条编号重复，按顺序记为第 2 条', where: '第5行' },
      ]);
    });

    it('an empty clause is left out, with a note', () => {
      const { positions, unrecognised, notes } = read(DOC.replace('5、 校核会所收费明细。', '5、 '));
      expect(texts(positions[2], 'authority')).to.have.length(5);
      expect(texts(positions[2], 'authority')[4]).to.equal('制定个人月工作计划(五周滚动计划)');
      expect(unrecognised).to.deep.equal([]);
      expect(notes).to.deep.equal([
        { text: '岗位"客户服务收费员"的"职权"中"5、"之后没有内容，未导入', where: '第5行' },
      ]);
    });

    it('fields in another order', () => {
      const text = DOC.replace(
        '所属部门: 客户中心 职务等级: 直接主管: 客户中心助理 职责:',
        '职务等级: 所属部门: 客户中心 直接主管: 客户中心助理 职责:',
      );
      expect(read(text).positions).to.deep.equal(read(DOC).positions);
    });
  });

  describe('refuses a malformed document with a Chinese message naming the file, the place and the problem', () => {
    it('an empty document', async () => {
      const error = await parseError('\uFEFF  \r\n');
      expect(error.message).to.equal(
        '文件「bad.txt」：没有找到任何岗位——没有"岗位名称""职位名称"等栏目，也没有"……岗位职责"这样的标题',
      );
    });

    it('a first position without 岗位名称', async () => {
      const error = await parseError(DOC.replace('岗位名称: 客户接待员 ', ''));
      expect(error.message).to.equal(
        '文件「bad.txt」第1行：第1个岗位没有名称：在"所属部门"之前缺少"岗位名称"；是否漏写了栏目名？',
      );
    });

    it('a later position without 岗位名称', async () => {
      const error = await parseError(DOC.replace('岗位名称: 客户服务协调员 ', ''));
      expect(error.message).to.include('岗位"客户接待员"').and.include('缺少"岗位名称"');
    });

    it('a later position without 岗位名称 after a position without a signature line', async () => {
      const text = DOC.replace(/实施者签字: 日期:/g, '').replace('岗位名称: 客户服务收费员 ', '');
      const error = await parseError(text);
      expect(error.message).to.include('岗位"客户服务协调员"').and.include('岗位名称');
    });

    it('a blank 岗位名称', async () => {
      const error = await parseError(DOC.replace('岗位名称: 客户接待员 ', '岗位名称: '));
      expect(error.message).to.include('第1个岗位的"岗位名称"为空');
    });

    it('the same position twice', async () => {
      const first = DOC.slice(0, DOC.indexOf('岗位职务说明书', 10));
      const error = await parseError(first + first);
      expect(error.message).to.equal('文件「bad.txt」第3行：岗位"客户接待员"在文档中出现了两次（第一次在第1行）');
    });

    it('a position name longer than the database holds', async () => {
      const error = await parseError(DOC.replace('岗位名称: 客户接待员', `岗位名称: ${'很'.repeat(41)}`));
      expect(error.message).to.include('"岗位名称"过长（最多 40 个字）');
    });
  });
});
