// The layouts real 岗位职务说明书 come in, as the file readers hand them over (paragraphs and tables, each saying
// where it is): a web page with starred bullets, a housing clerk's 职位说明书, two managers in traditional
// characters, a Word table with merged cells, a manager's page numbered "1." and "（1）", headings with ① lists, and
// the shipped document flattened onto one line or with every label on its own line.
import fs from 'node:fs';
import { expect } from 'chai';
import { SHIPPED_JOB_DESCRIPTIONS } from '../../src/seed/jd/import.js';
import { titleOf } from '../../src/seed/jd/labels.js';
import { toSimplified } from '../../src/lib/simplified.js';
import {
  JobDescriptionFormatError,
  parseJobDescriptionDocument,
  parseJobDescriptions,
  type ParsedPosition,
} from '../../src/seed/jd/parse.js';
import type { SourceBlock, SourceCell, SourceDocument, SourceFormat } from '../../src/seed/jd/source.js';
import { expectRefused } from '../support/refusals.js';

/** Paragraphs one per line, "第N行" counting every line as a text file does. */
function textDocument(fileName: string, text: string, format: SourceFormat = 'text'): SourceDocument {
  return {
    fileName,
    format,
    blocks: text
      .split('\n')
      .flatMap((line, i) => (line.trim() ? [{ kind: 'paragraph' as const, text: line, where: `第${i + 1}行` }] : [])),
  };
}

/**
 * A Word table as read.ts gives it: `rows` of cell texts, where "^" repeats the cell above (a vertical merge) and
 * "<" the cell to the left (a horizontal merge); both come as merged copies.
 */
function wordTable(n: number, rows: string[][]): SourceBlock {
  const out: SourceCell[][] = [];
  rows.forEach((row, r) => {
    const cells: SourceCell[] = [];
    row.forEach((text, c) => {
      const where = `表格${n} 第${r + 1}行第${c + 1}列`;
      if (text === '^') cells.push({ text: out[r - 1][c].text, where, merged: true });
      else if (text === '<') cells.push({ text: cells[c - 1].text, where, merged: true });
      else cells.push({ text, where });
    });
    out.push(cells);
  });
  return { kind: 'table', rows: out, where: `表格${n}` };
}

const clauses = (p: ParsedPosition, kind: string) =>
  p.clauses.filter((c) => c.kind === kind).map((c) => [c.number, c.text] as [number, string]);

const refused = (doc: SourceDocument) =>
  expectRefused(() => parseJobDescriptionDocument(doc), JobDescriptionFormatError);

describe('parsing job descriptions in the layouts offices really have', () => {
  it('(a) a cashier-clerk web page: a title naming the position, starred bullets under 岗位职责 and 素质要求', () => {
    const doc = textDocument(
      '收费员兼文员.txt',
      [
        '某某项目收费员兼文员岗位职责及素质要求',
        '',
        '岗位职责',
        '* 负责小区管理费、水电费等各项费用的收取，做到日清月结。',
        '* 负责收费票据的领用、登记和保管。',
        '* 负责管理处文件的收发、打印、复印及归档工作。',
        '* 负责业主来电来访的接待和登记，及时转交相关部门处理。',
        '* 完成主管交办的其他工作。',
        '素质要求',
        '* 高中以上学历，有收费或文员工作经验者优先。',
        '* 熟悉电脑操作及办公软件。',
        '* 工作细心，责任心强，具有良好的服务意识。',
        '发布时间：2024-05-06 来源：某某物业网',
        '保安员岗位职责',
      ].join('\n'),
    );
    const { positions, unrecognised } = parseJobDescriptionDocument(doc);
    expect(positions).to.have.length(1);
    const [p] = positions;
    expect(p).to.deep.include({
      name: '收费员兼文员',
      departmentText: null,
      grade: null,
      supervisorText: null,
      subordinatesText: null,
      source: '收费员兼文员.txt',
    });
    expect(clauses(p, 'duty')).to.deep.equal([
      [1, '负责小区管理费、水电费等各项费用的收取，做到日清月结。'],
      [2, '负责收费票据的领用、登记和保管。'],
      [3, '负责管理处文件的收发、打印、复印及归档工作。'],
      [4, '负责业主来电来访的接待和登记，及时转交相关部门处理。'],
      [5, '完成主管交办的其他工作。'],
    ]);
    expect(clauses(p, 'authority')).to.deep.equal([]);
    expect(clauses(p, 'qualification')).to.deep.equal([
      [1, '高中以上学历，有收费或文员工作经验者优先。'],
      [2, '熟悉电脑操作及办公软件。'],
      [3, '工作细心，责任心强，具有良好的服务意识。'],
    ]);
    // The page's footer, and a link to another page that is a title with nothing under it.
    expect(unrecognised).to.deep.equal([
      { text: '发布时间：2024-05-06 来源：某某物业网', where: '第13行' },
      { text: '保安员岗位职责', where: '第14行' },
    ]);
  });

  it('(a) the page as copied from the browser: a 发布时间 line between the title and "一、岗位职责", links at the end', () => {
    const doc = textDocument(
      '收费员兼文员.txt',
      [
        '某某花园项目收费员兼文员岗位职责及素质要求',
        '发布时间：2021-03-05 来源：物业管理网 阅读：1234',
        '一、岗位职责',
        '* 负责管理处各项费用的收取工作，做到日清月结；',
        '* 负责对欠费业主进行电话催缴，并做好记录；',
        '二、素质要求',
        '* 高中以上学历；',
        '相关文章：保安员岗位职责 | 保洁员岗位职责',
      ].join('\n'),
    );
    const { positions, unrecognised } = parseJobDescriptionDocument(doc);
    expect(positions.map((p) => p.name)).to.deep.equal(['收费员兼文员']);
    expect(clauses(positions[0], 'duty')).to.deep.equal([
      [1, '负责管理处各项费用的收取工作，做到日清月结；'],
      [2, '负责对欠费业主进行电话催缴，并做好记录；'],
    ]);
    expect(clauses(positions[0], 'qualification')).to.deep.equal([[1, '高中以上学历；']]);
    expect(unrecognised).to.deep.equal([
      { text: '发布时间：2021-03-05 来源：物业管理网 阅读：1234', where: '第2行' },
      { text: '相关文章：保安员岗位职责 | 保洁员岗位职责', where: '第8行' },
    ]);
  });

  it('(b) a housing clerk: 职位名称 / 职位代码 / 直接下级 / 定员 lines, 工作概述, "职责一：… 工作任务：⑴…⑷", 学历/经验/技能/健康', () => {
    const doc = textDocument(
      '房管员职位说明书.txt',
      [
        '职位说明书',
        '职位名称：房管员    职位代码：WY-FG-03',
        '所属部门：客户服务中心',
        '直接上级：客户服务中心主管',
        '直接下级：无',
        '定员：2人        工资等级：五级',
        '工作概述：负责辖区房屋及公共设施的日常巡查与管理，',
        '协助处理业主装修、入住等事务。',
        '主要职责与任务',
        '职责一：辖区房屋管理',
        '工作任务：⑴建立并维护房屋档案；⑵每日巡查楼栋公共部位，发现问题及时报修；⑶跟进维修进度并回访；⑷每月汇总房屋完好率。',
        '职责二：装修管理',
        '工作任务：⑴受理业主装修申请；⑵巡查装修现场，制止违章装修；⑶参与装修验收。',
        '职责三：入住及收楼',
        '工作任务：⑴办理业主入住手续；⑵陪同业主验收房屋，记录问题并跟进整改。',
        '任职资格',
        '学历：大专以上学历，物业管理、土木工程相关专业',
        '经验：2年以上物业管理工作经验',
        '技能：熟悉房屋结构及维修常识，熟练使用办公软件',
        '健康：身体健康，能适应经常性巡查',
        '编写日期：2023年6月      批准人：张三',
      ].join('\n'),
      'txt',
    );
    const { positions, unrecognised } = parseJobDescriptionDocument(doc);
    expect(unrecognised).to.deep.equal([]);
    expect(positions).to.have.length(1);
    const [p] = positions;
    expect(p).to.deep.include({
      name: '房管员',
      departmentText: '客户服务中心',
      grade: null,
      supervisorText: '客户服务中心主管',
      subordinatesText: '无',
    });
    expect(clauses(p, 'duty')).to.deep.equal([
      [
        1,
        '辖区房屋管理\n工作任务：⑴建立并维护房屋档案；⑵每日巡查楼栋公共部位，发现问题及时报修；⑶跟进维修进度并回访；⑷每月汇总房屋完好率。',
      ],
      [2, '装修管理\n工作任务：⑴受理业主装修申请；⑵巡查装修现场，制止违章装修；⑶参与装修验收。'],
      [3, '入住及收楼\n工作任务：⑴办理业主入住手续；⑵陪同业主验收房屋，记录问题并跟进整改。'],
    ]);
    expect(clauses(p, 'qualification')).to.deep.equal([
      [1, '学历：大专以上学历，物业管理、土木工程相关专业'],
      [2, '经验：2年以上物业管理工作经验'],
      [3, '技能：熟悉房屋结构及维修常识，熟练使用办公软件'],
      [4, '健康：身体健康，能适应经常性巡查'],
    ]);
    // The summary is no clause.
    expect(p.clauses.map((c) => c.text).join()).not.to.include('日常巡查与管理');
  });

  it('(b) the same duties flattened onto one line: "职责1 … 工作任务 ⑴ … ⑷" is one duty holding its tasks', () => {
    const line =
      '职位名称：房管员 主要职责与任务：职责1 辖区房屋管理 工作任务 ⑴建立房屋档案 ⑵巡查公共部位 ⑶跟进维修 ⑷汇总完好率 ' +
      '职责2 装修管理 工作任务 ⑴受理申请 ⑵巡查现场 任职资格：学历：大专以上 经验：2年以上物业管理工作经验 健康：身体健康';
    const [p] = parseJobDescriptions(line, '一行.txt');
    expect(clauses(p, 'duty')).to.deep.equal([
      [1, '辖区房屋管理 工作任务 ⑴建立房屋档案 ⑵巡查公共部位 ⑶跟进维修 ⑷汇总完好率'],
      [2, '装修管理 工作任务 ⑴受理申请 ⑵巡查现场'],
    ]);
    expect(clauses(p, 'qualification')).to.deep.equal([
      [1, '学历：大专以上'],
      [2, '经验：2年以上物业管理工作经验'],
      [3, '健康：身体健康'],
    ]);
  });

  it('(b) a Word table flattened onto one line without colons: only the labels, skip labels included, separate the values', () => {
    const line =
      '房管员职位说明书 职位名称 房管员 职位代码 WY-FG-03 所属部门 客户服务中心 直接上级 客户服务中心主管 直接下级 无 ' +
      '定员 2 所辖人员 无 工资等级 五级 编写日期 2023年6月 批准人 张三 ' +
      '工作概述 负责辖区房屋及公共设施的日常巡查与管理。 ' +
      '主要职责与任务 职责一 辖区房屋管理 工作任务 ⑴建立并维护房屋档案 ⑵每日巡查楼栋公共部位 ⑶跟进维修进度并回访 ⑷每月汇总房屋完好率 ' +
      '职责二 装修管理 工作任务 ⑴受理业主装修申请 ⑵巡查装修现场 ⑶参与装修验收 ' +
      '任职资格 学历 大专以上学历 经验 2年以上物业管理工作经验 技能 熟悉房屋结构及维修常识 健康 身体健康';
    const { positions, unrecognised } = parseJobDescriptionDocument(textDocument('房管员.txt', line));
    expect(unrecognised).to.deep.equal([]);
    expect(positions).to.have.length(1);
    const [p] = positions;
    expect(p).to.deep.include({
      name: '房管员',
      departmentText: '客户服务中心',
      grade: null,
      supervisorText: '客户服务中心主管',
      subordinatesText: '无',
    });
    expect(clauses(p, 'duty')).to.deep.equal([
      [1, '辖区房屋管理 工作任务 ⑴建立并维护房屋档案 ⑵每日巡查楼栋公共部位 ⑶跟进维修进度并回访 ⑷每月汇总房屋完好率'],
      [2, '装修管理 工作任务 ⑴受理业主装修申请 ⑵巡查装修现场 ⑶参与装修验收'],
    ]);
    expect(clauses(p, 'qualification')).to.deep.equal([
      [1, '学历 大专以上学历'],
      [2, '经验 2年以上物业管理工作经验'],
      [3, '技能 熟悉房屋结构及维修常识'],
      [4, '健康 身体健康'],
    ]);
  });

  it('(b) "职责 1 … 工作任务 ⑴ … ⑷" with spaces, on lines and flattened', () => {
    const lines = [
      '岗位名称：房管员',
      '主要职责与任务',
      '职责 1 辖区房屋管理',
      '工作任务 ⑴建立房屋档案 ⑵巡查公共部位 ⑶跟进维修 ⑷汇总完好率',
      '职责 2 装修管理',
      '工作任务 ⑴受理申请 ⑵巡查现场',
    ];
    expect(clauses(parseJobDescriptions(lines.join('\n'), 'a.txt')[0], 'duty')).to.deep.equal([
      [1, '辖区房屋管理\n工作任务 ⑴建立房屋档案 ⑵巡查公共部位 ⑶跟进维修 ⑷汇总完好率'],
      [2, '装修管理\n工作任务 ⑴受理申请 ⑵巡查现场'],
    ]);
    expect(clauses(parseJobDescriptions(lines.join(' '), 'b.txt')[0], 'duty')).to.deep.equal([
      [1, '辖区房屋管理 工作任务 ⑴建立房屋档案 ⑵巡查公共部位 ⑶跟进维修 ⑷汇总完好率'],
      [2, '装修管理 工作任务 ⑴受理申请 ⑵巡查现场'],
    ]);
  });

  it('(c) two managers in traditional characters in one file: two positions, stored as written', () => {
    const doc = textDocument(
      '經理崗位說明書.txt',
      [
        '客戶服務中心經理崗位說明書',
        '崗位名稱：客戶服務中心經理',
        '所屬部門：客戶服務中心',
        '直接上級：管理處主任',
        '崗位職責：',
        '1、全面負責客戶服務中心的日常管理工作。',
        '2、審核客戶投訴的處理結果，並組織回訪。',
        '3、制定部門月度工作計劃，檢查落實情況。',
        '崗位權限：',
        '1、對部門員工的工作安排有調配權。',
        '2、對客戶投訴處理方案有審批權。',
        '任職資格：',
        '1、大專以上學歷，物業管理相關專業。',
        '2、五年以上物業管理工作經驗。',
        '',
        '工程部經理崗位說明書',
        '崗位名稱：工程部經理',
        '所屬部門：工程部',
        '直接上級：管理處主任',
        '直接下級：維修主管、設備主管',
        '崗位職責：',
        '1、負責管理處設備設施的運行、維修與保養管理。',
        '2、審核業主裝修方案，組織裝修驗收。',
        '崗位權限：',
        '1、對外委維修項目有審核權。',
        '任職資格：',
        '1、大專以上學歷，機電相關專業。',
        '2、三年以上同崗位工作經驗。',
      ].join('\n'),
    );
    const { positions, unrecognised } = parseJobDescriptionDocument(doc);
    expect(unrecognised).to.deep.equal([]);
    expect(positions.map((p) => [p.name, p.departmentText, p.supervisorText, p.subordinatesText])).to.deep.equal([
      ['客戶服務中心經理', '客戶服務中心', '管理處主任', null],
      ['工程部經理', '工程部', '管理處主任', '維修主管、設備主管'],
    ]);
    expect(clauses(positions[0], 'duty')).to.deep.equal([
      [1, '全面負責客戶服務中心的日常管理工作。'],
      [2, '審核客戶投訴的處理結果，並組織回訪。'],
      [3, '制定部門月度工作計劃，檢查落實情況。'],
    ]);
    expect(clauses(positions[0], 'authority')).to.deep.equal([
      [1, '對部門員工的工作安排有調配權。'],
      [2, '對客戶投訴處理方案有審批權。'],
    ]);
    expect(clauses(positions[1], 'qualification')).to.deep.equal([
      [1, '大專以上學歷，機電相關專業。'],
      [2, '三年以上同崗位工作經驗。'],
    ]);
    expect(positions[1].clauses).to.have.length(5);
  });

  it('(d) a cashier laid out as a Word table: 4-column rows, a 岗位职责 cell merged over 6 rows, a cell of numbered lines', () => {
    const doc: SourceDocument = {
      fileName: '收费员岗位说明书.docx',
      format: 'docx',
      blocks: [
        { kind: 'paragraph', text: '某某物业管理有限公司', where: '第1段' },
        wordTable(1, [
          ['客户服务收费员岗位说明书', '<', '<', '<'],
          ['岗位名称', '客户服务收费员', '所属部门', '客户中心'],
          ['直接上级', '客户服务助理', '岗位编码', 'KF-03'],
          ['职务等级', '', '定员', '2'],
          ['岗位职责', '负责管理处物管费及其他各项费用的收取和统计工作。', '<', '<'],
          ['^', '负责装修押金的收取、退还和统计。', '<', '<'],
          ['^', '协助公司财务部做好帐务的核算工作。', '<', '<'],
          ['^', '每日根据原始单据编制现金日报表。', '<', '<'],
          ['^', '负责管理处财务资料的装订、保管、存档。', '<', '<'],
          ['^', '日常电话接听、客户接待、派工等。', '<', '<'],
          [
            '岗位权限',
            '1、审核、检查是否可退装修押金。\n2、对其他人员收费情况进行核对统计。\n3、校核会所收费明细。',
            '<',
            '<',
          ],
          ['任职资格', '学历：财务专业或相关经济类专业，大专以上学历。\n经验：具有2年以上行业客户服务经验。', '<', '<'],
          ['工作环境', '室内，需久坐', '<', '<'],
        ]),
        { kind: 'paragraph', text: '编写日期：2024年3月', where: '第2段' },
      ],
    };
    const { positions, unrecognised } = parseJobDescriptionDocument(doc);
    expect(positions).to.have.length(1);
    const [p] = positions;
    expect(p).to.deep.include({
      name: '客户服务收费员',
      departmentText: '客户中心',
      grade: null,
      supervisorText: '客户服务助理',
      source: '收费员岗位说明书.docx',
    });
    expect(clauses(p, 'duty')).to.deep.equal([
      [1, '负责管理处物管费及其他各项费用的收取和统计工作。'],
      [2, '负责装修押金的收取、退还和统计。'],
      [3, '协助公司财务部做好帐务的核算工作。'],
      [4, '每日根据原始单据编制现金日报表。'],
      [5, '负责管理处财务资料的装订、保管、存档。'],
      [6, '日常电话接听、客户接待、派工等。'],
    ]);
    expect(clauses(p, 'authority')).to.deep.equal([
      [1, '审核、检查是否可退装修押金。'],
      [2, '对其他人员收费情况进行核对统计。'],
      [3, '校核会所收费明细。'],
    ]);
    expect(clauses(p, 'qualification')).to.deep.equal([
      [1, '学历：财务专业或相关经济类专业，大专以上学历。'],
      [2, '经验：具有2年以上行业客户服务经验。'],
    ]);
    expect(unrecognised).to.deep.equal([
      { text: '某某物业管理有限公司', where: '第1段' },
      { text: '工作环境 | 室内，需久坐', where: '表格1 第13行第1列' },
    ]);
  });

  it('(d) a table with a column header, a number column and a label cell written with spaces ("岗 位 职 责")', () => {
    const doc: SourceDocument = {
      fileName: '表格.xlsx',
      format: 'xlsx',
      blocks: [
        wordTable(1, [
          ['岗位名称：', '车库管理员'],
          ['岗 位 职 责', '序号', '工作内容', '频次'],
          ['^', '1', '负责车库车辆进出登记。', '每日'],
          ['^', '2', '负责车位租赁登记，报收费员审核。', '每月'],
          ['职权', '1', '对违规停放车辆有制止权。'],
        ]),
      ],
    };
    const [p] = parseJobDescriptionDocument(doc).positions;
    expect(p.name).to.equal('车库管理员');
    expect(clauses(p, 'duty')).to.deep.equal([
      [1, '负责车库车辆进出登记。 每日'],
      [2, '负责车位租赁登记，报收费员审核。 每月'],
    ]);
    expect(clauses(p, 'authority')).to.deep.equal([[1, '对违规停放车辆有制止权。']]);
  });

  it('(d) a Word table pasted as text: cells separated by tabs', () => {
    const text = [
      '岗位名称\t客户服务收费员\t所属部门\t客户中心',
      '直接上级\t客户服务助理\t定员\t2',
      '岗位职责\t1、负责物管费的收取和统计。',
      '\t2、负责装修押金的收取、退还和统计。',
      '岗位权限\t1、审核、检查是否可退装修押金。',
    ].join('\n');
    const [p] = parseJobDescriptions(text, '粘贴的文本');
    expect(p).to.deep.include({ name: '客户服务收费员', departmentText: '客户中心', supervisorText: '客户服务助理' });
    expect(p.clauses.map((c) => [c.kind, c.number, c.text])).to.deep.equal([
      ['duty', 1, '负责物管费的收取和统计。'],
      ['duty', 2, '负责装修押金的收取、退还和统计。'],
      ['authority', 1, '审核、检查是否可退装修押金。'],
    ]);
  });

  it('(e) a customer-service manager\'s page: a "……岗位职责" title, 工作职责 numbered "1.", 任职要求 numbered "（1）"', () => {
    const doc = textDocument(
      '客户服务经理.txt',
      [
        '客户服务经理岗位职责',
        '工作职责：',
        '1. 负责客户服务中心的日常运营管理，制定并落实部门工作计划；',
        '2. 处理业主重大投诉，组织投诉回访，分析投诉原因并提出改进措施；',
        '3. 组织开展客户满意度调查，编写调查分析报告（每年不少于2次）；',
        '4. 负责部门员工的培训、考核与排班。',
        '任职要求：',
        '（1）大专及以上学历，物业管理或相关专业；',
        '（2）3年以上物业客服管理经验，',
        '     其中1年以上主管经验；',
        '（3）具有良好的沟通协调能力和服务意识。',
      ].join('\n'),
    );
    const { positions, unrecognised } = parseJobDescriptionDocument(doc);
    expect(unrecognised).to.deep.equal([]);
    const [p] = positions;
    expect(p.name).to.equal('客户服务经理');
    expect(clauses(p, 'duty')).to.deep.equal([
      [1, '负责客户服务中心的日常运营管理，制定并落实部门工作计划；'],
      [2, '处理业主重大投诉，组织投诉回访，分析投诉原因并提出改进措施；'],
      [3, '组织开展客户满意度调查，编写调查分析报告（每年不少于2次）；'],
      [4, '负责部门员工的培训、考核与排班。'],
    ]);
    expect(clauses(p, 'qualification')).to.deep.equal([
      [1, '大专及以上学历，物业管理或相关专业；'],
      [2, '3年以上物业客服管理经验，\n     其中1年以上主管经验；'],
      [3, '具有良好的沟通协调能力和服务意识。'],
    ]);
  });

  it('(e) a page holding several "……岗位职责" sections yields one position per section', () => {
    const doc = textDocument(
      '岗位职责汇编.txt',
      [
        '保安员岗位职责',
        '1、负责小区出入口的车辆、人员登记。',
        '2、按时巡逻，做好巡逻记录。',
        '保洁员岗位职责',
        '1、负责责任区域的日常清洁。',
        '2、爱护保洁工具，节约用水用电。',
        '3、履行本岗位职责，完成领班交办的工作。',
        '岗位名称：绿化工',
        '岗位职责：',
        '1、负责绿化养护。',
      ].join('\n'),
    );
    const { positions } = parseJobDescriptionDocument(doc);
    expect(positions.map((p) => [p.name, p.clauses.length])).to.deep.equal([
      ['保安员', 2],
      ['保洁员', 3],
      ['绿化工', 1],
    ]);
    expect(clauses(positions[1], 'duty')[2]).to.deep.equal([3, '履行本岗位职责，完成领班交办的工作。']);
  });

  it('(f) headings "一、岗位职责" with ① lists; an unknown section "三、工作环境" is listed with its place', () => {
    const doc: SourceDocument = {
      fileName: '保洁主管.docx',
      format: 'docx',
      blocks: [
        '岗位名称：保洁主管',
        '所属部门：保洁部',
        '一、岗位职责',
        '① 负责制定小区保洁工作计划并组织实施。',
        '② 每日检查公共区域卫生，填写检查记录。',
        '③ 负责保洁员的培训、考核和排班。',
        '二、岗位权限',
        '① 对保洁员的工作有检查、考核权。',
        '② 对保洁用品的采购有建议权。',
        '三、工作环境',
        '室内外结合，需经常巡查。',
        '四、任职资格',
        '① 高中以上学历。',
        '② 两年以上保洁管理经验。',
      ].map((text, i) => ({ kind: 'paragraph', text, where: `第${i + 1}段` })),
    };
    const { positions, unrecognised } = parseJobDescriptionDocument(doc);
    const [p] = positions;
    expect(p).to.deep.include({ name: '保洁主管', departmentText: '保洁部' });
    expect(clauses(p, 'duty')).to.deep.equal([
      [1, '负责制定小区保洁工作计划并组织实施。'],
      [2, '每日检查公共区域卫生，填写检查记录。'],
      [3, '负责保洁员的培训、考核和排班。'],
    ]);
    expect(clauses(p, 'authority')).to.deep.equal([
      [1, '对保洁员的工作有检查、考核权。'],
      [2, '对保洁用品的采购有建议权。'],
    ]);
    expect(clauses(p, 'qualification')).to.deep.equal([
      [1, '高中以上学历。'],
      [2, '两年以上保洁管理经验。'],
    ]);
    expect(unrecognised).to.deep.equal([
      { text: '三、工作环境', where: '第10段' },
      { text: '室内外结合，需经常巡查。', where: '第11段' },
    ]);
  });

  it('(f) other headings: "【任职资格】", "## 工作职责", "二、岗位权限：", and an unknown "工作环境：室内" line', () => {
    const doc = textDocument(
      '维修工.md',
      [
        '# 维修工',
        '岗位名称：维修工',
        '## 工作职责',
        '- 负责小区公共设施的日常维修。',
        '- 负责业主报修的上门维修。',
        '工作环境：室内外',
        '二、岗位权限：',
        '1、对维修材料的领用有审核权。',
        '【任职资格】',
        '• 持有电工证。',
        '· 两年以上维修经验。',
      ].join('\n'),
      'md',
    );
    const { positions, unrecognised } = parseJobDescriptionDocument(doc);
    expect(clauses(positions[0], 'duty')).to.deep.equal([
      [1, '负责小区公共设施的日常维修。'],
      [2, '负责业主报修的上门维修。'],
    ]);
    expect(clauses(positions[0], 'authority')).to.deep.equal([[1, '对维修材料的领用有审核权。']]);
    expect(clauses(positions[0], 'qualification')).to.deep.equal([
      [1, '持有电工证。'],
      [2, '两年以上维修经验。'],
    ]);
    expect(unrecognised).to.deep.equal([
      { text: '# 维修工', where: '第1行' },
      { text: '工作环境：室内外', where: '第6行' },
    ]);
  });

  it('reads every spelling of the labels, and reads over the ones to skip with their values', () => {
    const doc = textDocument(
      '保安.txt',
      [
        '职务名称：保安领班',
        '部门：保安部      岗位等级：三级',
        '汇报对象：保安主管',
        '所辖人员：保安员6名   岗位编码：BA-02',
        '岗位概述：带领本班保安员做好小区秩序维护。',
        '工作内容：',
        '1、安排本班岗位，检查到岗情况。',
        '权限：',
        '1、对本班保安员的考勤有审核权。',
        '任职条件：',
        '1、高中以上学历。',
        '审核人：李四   日期：2024-01-01',
        '',
        '岗位：保安员',
        '上级：保安领班',
        '岗位职责：',
        '1、门岗值勤，登记来访人员。',
        '岗位权限：',
        '1、对违规进入小区的人员有劝阻权。',
        '素质要求：',
        '1、身体健康。',
        '',
        '职位名称：车库管理员',
        '直接上级职务：保安主管',
        '主要职责：',
        '1、车辆进出登记。',
        '职权：',
        '1、对违规停放有制止权。',
        '任职要求：',
        '1、初中以上学历。',
      ].join('\n'),
    );
    const { positions, unrecognised } = parseJobDescriptionDocument(doc);
    expect(unrecognised).to.deep.equal([]);
    expect(
      positions.map((p) => [p.name, p.departmentText, p.grade, p.supervisorText, p.clauses.map((c) => c.kind).join()]),
    ).to.deep.equal([
      ['保安领班', '保安部', '三级', '保安主管', 'duty,authority,qualification'],
      ['保安员', null, null, '保安领班', 'duty,authority,qualification'],
      ['车库管理员', null, null, '保安主管', 'duty,authority,qualification'],
    ]);
  });

  it('"一、岗位名称：…" after a list numbered ① starts the next position', () => {
    const text = [
      '一、岗位名称：绿化工',
      '二、岗位职责：',
      '① 负责小区绿化的日常养护。',
      '三、任职资格：',
      '① 身体健康。',
      '一、岗位名称：绿化领班',
      '二、岗位职责：',
      '① 安排绿化工的日常工作。',
    ].join('\n');
    const positions = parseJobDescriptions(text, '绿化.txt');
    expect(positions.map((p) => [p.name, p.clauses.map((c) => c.text)])).to.deep.equal([
      ['绿化工', ['负责小区绿化的日常养护。', '身体健康。']],
      ['绿化领班', ['安排绿化工的日常工作。']],
    ]);
  });

  it('a list after 工作概述 without its own label is shown as not understood, not swallowed by the summary', () => {
    const text = [
      '岗位名称：前台',
      '工作概述：负责前台接待，',
      '以及来电登记。',
      '1、接听电话。',
      '2、登记来访。',
      '职权：',
      '1、督促派工。',
    ];
    const { positions, unrecognised } = parseJobDescriptionDocument(textDocument('前台.txt', text.join('\n')));
    expect(positions[0].clauses.map((c) => c.text)).to.deep.equal(['督促派工。']);
    expect(unrecognised).to.deep.equal([
      { text: '1、接听电话。', where: '第4行' },
      { text: '2、登记来访。', where: '第5行' },
    ]);
  });

  describe('numbering: the top level is the style of the first item, other markers stay text', () => {
    const styles: Array<[string, string[]]> = [
      ['1、', ['1、', '2、', '3、']],
      ['1.', ['1.', '2.', '3.']],
      ['1．', ['1．', '2．', '3．']],
      ['1）', ['1）', '2）', '3）']],
      ['1)', ['1)', '2)', '3)']],
      ['（1）', ['（1）', '（2）', '（3）']],
      ['(1)', ['(1)', '(2)', '(3)']],
      ['⑴', ['⑴', '⑵', '⑶']],
      ['①', ['①', '②', '③']],
      ['一、', ['一、', '二、', '三、']],
      ['（一）', ['（一）', '（二）', '（三）']],
      ['a、', ['a、', 'b、', 'c、']],
      ['a.', ['a.', 'b.', 'c.']],
      ['* ', ['* ', '* ', '* ']],
      ['• ', ['• ', '• ', '• ']],
      ['·', ['·', '·', '·']],
      ['- ', ['- ', '- ', '- ']],
      ['none', ['', '', '']],
    ];
    for (const [name, markers] of styles) {
      it(`reads items numbered ${name}`, () => {
        const text = [
          '岗位名称：测试员',
          '岗位职责：',
          `${markers[0]}接听电话，记录报事（1）登记 ⑴派工 ①回访。`,
          `${markers[1]}整理ISO9002、14000资料，2年以上的档案 1、分类 a、装订。`,
          `${markers[2]}完成交办的其他任务。`,
        ].join('\n');
        const [p] = parseJobDescriptions(text, 't.txt');
        expect(clauses(p, 'duty')).to.deep.equal([
          [1, '接听电话，记录报事（1）登记 ⑴派工 ①回访。'],
          [2, '整理ISO9002、14000资料，2年以上的档案 1、分类 a、装订。'],
          [3, '完成交办的其他任务。'],
        ]);
      });
    }

    it('"职责一：…" items keep the lines under them, whatever they are numbered', () => {
      const text = ['岗位名称：测试员', '工作内容', '职责一：接待', '1、接听电话', '2、登记', '职责二：回访'].join(
        '\n',
      );
      const [p] = parseJobDescriptions(text, 't.txt');
      expect(clauses(p, 'duty')).to.deep.equal([
        [1, '接待\n1、接听电话\n2、登记'],
        [2, '回访'],
      ]);
    });
  });

  describe('(g) the shipped document', () => {
    const DOC = fs.readFileSync(SHIPPED_JOB_DESCRIPTIONS, 'utf8');
    const original = parseJobDescriptionDocument(textDocument('客户中心人员岗位职务说明书.txt', DOC, 'txt'));

    it('as shipped (each position on one line): 4 positions, 73 clauses, nothing left over', () => {
      expect(original.positions.map((p) => p.name)).to.deep.equal([
        '客户接待员',
        '客户服务协调员',
        '客户服务收费员',
        '客户服务助理',
      ]);
      expect(original.positions.flatMap((p) => p.clauses)).to.have.length(73);
      expect(original.unrecognised).to.deep.equal([]);
      expect(original.positions.every((p) => p.subordinatesText === null)).to.equal(true);
    });

    it('as one single line', () => {
      const flat = parseJobDescriptionDocument(textDocument('一行.txt', DOC.replace(/\s*\n\s*/g, ' ')));
      expect(flat.positions.map(({ source, ...p }) => p)).to.deep.equal(
        original.positions.map(({ source, ...p }) => p),
      );
      expect(flat.unrecognised).to.deep.equal([]);
    });

    it('with each label and each clause on its own line', () => {
      const text = DOC.replace(/(岗位职务说明书) /g, '$1\n')
        .replace(
          /(?<!、 ?)(?<=\s|^)(岗位名称|所属部门|职务等级|直接主管|职责|职权|资格要求|实施者签字|日期): ?/g,
          '\n$1:\n',
        )
        .replace(/ (\d+、)/g, '\n$1')
        .replace(/ +\n/g, '\n');
      expect(text).to.include('\n职务等级:\n\n直接主管:\n客户中心助理\n职责:\n1、 派工');
      expect(text).to.include('\n2、 资格要求:熟悉');
      const lines = parseJobDescriptionDocument(textDocument('每行一项.txt', text));
      expect(lines.positions.map(({ source, ...p }) => p)).to.deep.equal(
        original.positions.map(({ source, ...p }) => p),
      );
      expect(lines.unrecognised).to.deep.equal([]);
    });

    it('as a Word table per position', () => {
      const blocks: SourceBlock[] = original.positions.map((p, i) =>
        wordTable(i + 1, [
          ['岗位名称', p.name, '所属部门', p.departmentText!],
          ['职务等级', '', '直接主管', p.supervisorText!],
          ...(['duty', 'authority', 'qualification'] as const).map((kind) => [
            { duty: '职责', authority: '职权', qualification: '资格要求' }[kind],
            p.clauses
              .filter((c) => c.kind === kind)
              .map((c) => `${c.number}、${c.text}`)
              .join('\n'),
            '<',
            '<',
          ]),
        ]),
      );
      const tables = parseJobDescriptionDocument({ fileName: '表格.docx', format: 'docx', blocks });
      expect(tables.positions.map(({ source, ...p }) => p)).to.deep.equal(
        original.positions.map(({ source, ...p }) => p),
      );
    });
  });

  describe('titles name the position without cutting a real name', () => {
    const cases: Array<[string, string | null]> = [
      ['某某项目收费员兼文员岗位职责及素质要求', '收费员兼文员'],
      ['客户服务中心经理岗位职责', '客户服务中心经理'],
      ['某某物业客户服务中心经理岗位说明书', '客户服务中心经理'],
      ['某某物业管理有限公司客服主管职位说明书', '客服主管'],
      ['某某物业管理处主任岗位职责', '管理处主任'],
      ['管理处主任岗位职责', '管理处主任'],
      ['项目经理岗位职责', '项目经理'],
      ['物业管理员岗位说明书', '物业管理员'],
      ['绿城集团的工程部主管职务说明书', '工程部主管'],
      ['## 【客户服务收费员岗位说明书】', '客户服务收费员'],
      ['崗位職務說明書', ''],
      ['翠湖花园物业管理处 岗位职务说明书', ''],
      ['某某物业管理有限公司岗位说明书', ''],
      ['客户服务中心岗位职责', ''],
      ['岗位职责', null],
      ['一、岗位职责', null],
      ['主要职责', null],
      ['履行本岗位职责', null],
      ['3、完成公司交办的其他岗位职责', null],
      ['负责收费，完成岗位职责', null],
    ];
    for (const [line, name] of cases) {
      it(`"${line}" → ${name === null ? 'no title' : name === '' ? 'a title without a name' : name}`, () => {
        expect(titleOf(line, toSimplified(line))?.name ?? null).to.equal(name);
      });
    }
  });

  describe('(h) refuses with a Chinese message naming the file and the place', () => {
    it('no recognisable position', async () => {
      const error = await refused(textDocument('说明.txt', '本文件说明客户中心的工作安排。\n请各岗位遵照执行。'));
      expect(error.message).to.equal(
        '文件「说明.txt」：没有找到任何岗位——没有"岗位名称""职位名称"等栏目，也没有"……岗位职责"这样的标题',
      );
      expect(error.status).to.equal(422);
    });

    it('a blank name, probably a missed label', async () => {
      const error = await refused(textDocument('空.txt', '职位名称：\n所属部门：客户中心\n职责：\n1、接待。'));
      expect(error.message).to.equal('文件「空.txt」第1行：第1个岗位的"职位名称"为空；是否漏写了岗位名称？');
    });

    it('a name too long to be one, probably a missed label', async () => {
      const error = await refused(
        textDocument(
          '长.txt',
          `岗位名称：收费员 负责物管费的收取和统计并编制现金日报表每月与财务部核对一次并将结果报给客户服务助理\n职责：\n1、收费。`,
        ),
      );
      expect(error.message).to.match(
        /^文件「长\.txt」第1行：第1个岗位的"岗位名称"过长（最多 40 个字）：".*"；是否缺少下一个部分的标题？$/,
      );
    });

    it('the same position twice', async () => {
      const text = '岗位名称：收费员\n职责：\n1、收费。\n岗位名称：收费员\n职责：\n1、统计。';
      const error = await refused(textDocument('两次.txt', text));
      expect(error.message).to.equal('文件「两次.txt」第4行：岗位"收费员"在文档中出现了两次（第一次在第1行）');
    });

    it('a position with no clauses at all', async () => {
      const text = '岗位名称：司机\n所属部门：车队\n岗位名称：收费员\n职责：\n1、收费。';
      const error = await refused(textDocument('司机.txt', text));
      expect(error.message).to.equal(
        '文件「司机.txt」第1行：岗位"司机"没有任何条款：没有在"岗位职责""职权""任职资格"等栏目下找到内容；是否漏写了栏目名？',
      );
    });

    it('a supervisor field too long, naming the position and the field', async () => {
      const text = `岗位名称：收费员\n直接上级：${'客户服务助理'.repeat(7)}\n职责：\n1、收费。`;
      const error = await refused(textDocument('上级.txt', text));
      expect(error.message).to.include('文件「上级.txt」第2行：岗位"收费员"的"直接上级"过长（最多 40 个字）');
    });

    it('直接下级 may hold up to 200 characters', async () => {
      const ok = `岗位名称：经理\n直接下级：${'主管、'.repeat(66)}\n职责：\n1、管理。`;
      expect(parseJobDescriptions(ok, 'ok.txt')[0].subordinatesText).to.have.length(198);
      const error = await refused(textDocument('下级.txt', ok.replace('主管、', '主管、主管、')));
      expect(error.message).to.include('岗位"经理"的"直接下级"过长（最多 200 个字）');
    });

    it('a second position described without its name', async () => {
      const text =
        '岗位职务说明书\n岗位名称：收费员\n职责：\n1、收费。\n岗位职务说明书\n所属部门：客户中心\n职责：\n1、接待。';
      const error = await refused(textDocument('缺名.txt', text));
      expect(error.message).to.equal(
        '文件「缺名.txt」第6行：第2个岗位（岗位"收费员"之后）没有名称：在"所属部门"之前缺少"岗位名称"；是否漏写了栏目名？',
      );
    });
  });
});
