// The words job descriptions label their fields and sections with, however a document spells them, and the title
// lines ("某某项目收费员兼文员岗位职责及素质要求") that name a position without a field. All matching is on simplified
// text (toSimplified), so 崗位名稱 reads as 岗位名称.
import type { ClauseKind } from '../../models/position-clause.js';

export type FieldKey = 'name' | 'department' | 'grade' | 'supervisor' | 'subordinates';
/** skip: a label whose value is read over silently (定员, 编写日期 …); summary: 工作概述, which may run over lines. */
export type LabelKey = FieldKey | ClauseKind | 'skip' | 'summary';

interface LabelDef {
  key: LabelKey;
  words: string[];
  /**
   * Short everyday words (部门, 上级, 岗位, 日期) that a clause may use before a colon: inside a clause section they
   * are a label only at the start of a line.
   */
  weak?: boolean;
}

const LABEL_DEFS: LabelDef[] = [
  { key: 'name', words: ['岗位名称', '职位名称', '职务名称'] },
  { key: 'name', words: ['岗位'], weak: true },
  { key: 'department', words: ['所属部门'] },
  { key: 'department', words: ['部门'], weak: true },
  { key: 'grade', words: ['职务等级', '岗位等级', '职位等级'] },
  { key: 'supervisor', words: ['直接上级职务', '直接主管', '直接上级', '汇报对象'] },
  { key: 'supervisor', words: ['上级'], weak: true },
  { key: 'subordinates', words: ['直接下级'] },
  { key: 'duty', words: ['主要职责与任务', '岗位职责', '工作职责', '主要职责', '工作内容', '职责'] },
  { key: 'authority', words: ['岗位权限', '职权', '权限'] },
  { key: 'qualification', words: ['资格要求', '任职资格', '任职要求', '任职条件', '素质要求'] },
  {
    key: 'skip',
    words: [
      '定员',
      '岗位定员',
      '岗位编码',
      '岗位编号',
      '职位代码',
      '职位编号',
      '所辖人员',
      '工资等级',
      '编写日期',
      '批准人',
      '审核人',
      '编写人',
      '实施者签字',
    ],
  },
  { key: 'skip', words: ['日期'], weak: true },
  { key: 'summary', words: ['工作概述', '岗位概述', '职位概述'] },
];

export interface LabelInfo {
  key: LabelKey;
  weak: boolean;
}

const LABELS = new Map<string, LabelInfo>();
for (const def of LABEL_DEFS) for (const word of def.words) LABELS.set(word, { key: def.key, weak: def.weak ?? false });

/** A known label word (simplified, without colon or spaces), or undefined. */
export function labelOf(word: string): LabelInfo | undefined {
  return LABELS.get(word);
}

const ALTERNATION = [...LABELS.keys()].sort((a, b) => b.length - a.length).join('|');

/**
 * A label inside a line: it starts the line or follows whitespace / punctuation, and ends with a colon. Inside a
 * clause ("报事管理:包括…", "工作经验要求:") the words run on from other characters and are not labels.
 */
export const INLINE_LABEL = new RegExp(`(?<=^|[\\s。；;，,、|】\\])）])(${ALTERNATION})[ \\t\\u3000]*[:：︰]`, 'g');

const ITEM_PREFIXES = ['职责', '职权', '权限'];
const STRONG_ALTERNATION = [...LABELS.entries()]
  .filter(([word, info]) => !info.weak && !ITEM_PREFIXES.includes(word))
  .map(([word]) => word)
  .sort((a, b) => b.length - a.length)
  .join('|');
/**
 * A label without a colon, standing between spaces: a table flattened onto one line ("职位名称 房管员 职位代码 …").
 * Chinese prose does not put spaces around words, so a label word between spaces is a label; the short everyday
 * words (部门, 上级, 岗位, 日期) still need their colon, and "职责 1 …" is an item's number, not a label.
 */
export const SPACED_LABEL = new RegExp(
  `(?<=^|\\s)(${STRONG_ALTERNATION}|(?:${ITEM_PREFIXES.join('|')})(?![ \\t\\u3000]+(?:\\d{1,2}|[一二三四五六七八九十]{1,3})(?:[\\s:：、.．]|$)))(?=[ \\t\\u3000]+\\S)[ \\t\\u3000]*`,
  'g',
);

/** The bare document title, which separates one position's description from the next. */
export const BARE_TITLES = ['岗位职务说明书', '岗位说明书', '职位说明书', '职务说明书', '工作说明书', '岗位职责说明书'];
export const BARE_TITLE = new RegExp(`(?<=^|\\s)(${BARE_TITLES.join('|')})(?=\\s|$)`, 'g');

/** Heading decorations around a label standing alone: "## 工作职责", "【任职资格】", "**职责**", "二、主要职责：". */
const HEADING_NUMBER = String.raw`(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[、.．]|[（(]\d{1,2}[)）]|第[一二三四五六七八九十\d]{1,3}[部分章节条项]+[、.．:：]?)`;
const HEADING = new RegExp(
  String.raw`^[ \t\u3000]*(?:#{1,6}[ \t\u3000]*)?(?:\*\*)?(${HEADING_NUMBER})?[ \t\u3000]*(?:\*\*)?[【\[〖]?[ \t\u3000]*([^【】\[\]〖〗:：︰]{1,16}?)[ \t\u3000]*[】\]〗]?(?:\*\*)?[ \t\u3000]*([:：︰])?[ \t\u3000]*(?:\*\*)?[ \t\u3000]*$`,
);

export interface Heading {
  /** The label words, spaces removed ("岗 位 职 责" → "岗位职责"). */
  word: string;
  /** The heading's own number, when it has one ("一、" → "cn"): other lines numbered alike are headings too. */
  numberStyle: 'cn' | 'cn-paren' | 'arabic' | 'chapter' | null;
}

/** A line that is nothing but a heading ("岗位职责", "一、岗位职责", "【任职资格】", "## 工作职责", "二、主要职责："). */
export function headingOf(simplifiedLine: string): Heading | null {
  // A heading is a few words: a long line or one with sentence punctuation is text (and skips the slow pattern).
  const t = simplifiedLine.trim();
  if (t.length > 40 || /[，,。；;]./.test(t) || t.slice(5).includes('、')) return null;
  const m = HEADING.exec(simplifiedLine);
  if (!m) return null;
  const word = m[2].replace(/[\s*]+/g, '');
  if (word === '') return null;
  const number = m[1] ?? '';
  const numberStyle = !number
    ? null
    : /^[一二三四五六七八九十]/.test(number)
      ? 'cn'
      : /^[（(][一二三四五六七八九十]/.test(number)
        ? 'cn-paren'
        : number.startsWith('第')
          ? 'chapter'
          : 'arabic';
  return { word, numberStyle };
}

/** Words that start a continuation line inside a clause ("工作任务：⑴…"), never a section of their own. */
export const INNER_WORDS = new Set([
  '工作任务',
  '任务',
  '工作标准',
  '标准',
  '要求',
  '说明',
  '备注',
  '注',
  '注意',
  '例如',
  '包括',
  '其中',
  '目的',
  '内容',
]);

/**
 * The sub-items of a qualification section (学历 / 经验 / 技能 / 健康 …): each is one clause, written with its label.
 * "学历要求" and "工作经验" read alike.
 */
export const QUALIFICATION_ITEM =
  /(?:学历|教育|专业|工作经验|经验|工作经历|经历|技能|能力|知识|健康|身体|年龄|性别|证书|其他)(?:要求|状况|条件)?(?:[ \t\u3000]*[:：︰]|[ \t\u3000]+(?=\S))/y;

// ---------------------------------------------------------------------------------------------------------------
// Titles

/** What a title ends with after the position's name; longest first. */
const TITLE_SUFFIXES = [
  '岗位职责及素质要求',
  '岗位职责及任职要求',
  '岗位职责与任职要求',
  '岗位职责和任职要求',
  '岗位职责及任职资格',
  '岗位职责与任职资格',
  '岗位职责和任职资格',
  '岗位职责及任职条件',
  '岗位职责与素质要求',
  '岗位职责说明书',
  '岗位职务说明书',
  '职务说明书',
  '岗位说明书',
  '职位说明书',
  '工作说明书',
  '岗位描述',
  '职位描述',
  '岗位职责',
  '工作职责',
  '职责',
];

/**
 * An organisation before the name: "某某项目", "某某物业管理有限公司", "某某集团", "某某管理处", "某某中心的". The
 * organisation's own name must come first (so 项目经理, 物业管理员 and 管理处主任 stay whole), and 中心 counts only
 * with 的 (客户服务中心经理 is a position).
 */
const ORGANISATION = /^.+?(?:项目部|项目|有限公司|分公司|公司|集团|物业|管理处|中心的|部的|处的)的?/;
const ORGANISATION_GREEDY = /^.+(?:项目部|项目|有限公司|分公司|公司|集团|物业|管理处|中心的|部的|处的)的?/;
/** A name that is an organisation or a unit, not a position. */
const ORGANISATION_ONLY = /(?:项目部|项目|公司|集团|物业|管理处|中心|小区|花园|大厦|广场|部门|部)$/;
/** A rank that names no position without its office: "管理处主任" stays whole. */
const BARE_RANK = /^(?:副?主任|副?经理|副?主管|助理|副?总监|副?站长)$/;
/** A line that reads like a clause, not a title: it starts with a verb or a pronoun-like word. */
const NOT_A_NAME =
  /^(?:履行|完成|负责|做好|落实|执行|遵守|遵循|明确|熟悉|了解|掌握|参与|协助|配合|本|其他|其它|各|以上|上述|相关|承担|按照|根据)/;
const SENTENCE_PUNCTUATION = /[，,。；;！!？?、：:（）()“”"]/;

export interface Title {
  /** The position's name as written (offsets of the simplified match in the original line), or '' for a bare title. */
  name: string;
  /** The title says the duties follow ("……岗位职责"): lines right after it are duties. */
  dutiesFollow: boolean;
}

/** A line that is a title: "某某项目收费员兼文员岗位职责及素质要求", "客户服务经理岗位职责", "岗位职务说明书". */
export function titleOf(line: string, simplified: string): Title | null {
  if (simplified.length > 80 || !/[书责求格件述][\s】\]〗*:：︰]*$/.test(simplified)) return null;
  const stripped =
    /^[ \t\u3000]*(?:#{1,6}[ \t\u3000]*)?(?:\*\*)?[【[〖]?[ \t\u3000]*(.*?)[ \t\u3000]*[】\]〗]?(?:\*\*)?[ \t\u3000]*[:：︰]?[ \t\u3000]*$/.exec(
      simplified,
    );
  if (!stripped) return null;
  const body = stripped[1];
  const start = simplified.indexOf(body);
  if (body.length > 60) return null;
  if (BARE_TITLES.includes(body)) return { name: '', dutiesFollow: false };
  const suffix = TITLE_SUFFIXES.find((s) => body.endsWith(s));
  if (!suffix) return null;
  let name = body.slice(0, body.length - suffix.length);
  let offset = start;
  // "翠湖花园物业管理处 岗位职务说明书", "某某公司岗位说明书": an organisation's document, not a position's name.
  if (/\s$/.test(name) || ORGANISATION_ONLY.test(name)) return { name: '', dutiesFollow: false };
  if (name.length < 2 || SENTENCE_PUNCTUATION.test(name) || /\s/.test(name.trim()) || NOT_A_NAME.test(name))
    return null;
  // "职责" alone is a heading word: "…职责" is a title only after a position-like name ("收费员职责").
  if (
    (suffix === '职责' || suffix === '工作职责') &&
    !/(?:员|长|理|管|任|师|工|书|监|计|纳|机|安|问|表|家|事)$/.test(name)
  )
    return null;
  const organisation = ORGANISATION_GREEDY.exec(name) ?? ORGANISATION.exec(name);
  if (organisation) {
    const rest = name.slice(organisation[0].length);
    if (rest.length >= 2 && !BARE_RANK.test(rest)) {
      offset += organisation[0].length;
      name = rest;
    } else {
      const lazy = ORGANISATION.exec(name);
      const lazyRest = lazy ? name.slice(lazy[0].length) : '';
      if (lazy && lazyRest.length >= 2 && !BARE_RANK.test(lazyRest)) {
        offset += lazy[0].length;
        name = lazyRest;
      }
    }
  }
  return {
    name: line.slice(offset, offset + name.length).trim(),
    dutiesFollow: suffix.startsWith('岗位职责') || suffix === '工作职责' || suffix === '职责',
  };
}
