// Rules posted as JSON text (the admin's forms): why a text is not JSON, in words, with the line and column.
import { fail, pass, type Checked } from './checked.js';

const JSON_MISTAKES: [RegExp, string][] = [
  [/Unexpected end of JSON input/, '内容不完整，缺少右括号、右方括号或引号'],
  [/Unterminated string/, '字符串缺少结尾的英文双引号'],
  [/Bad control character/, '字符串里不能直接换行'],
  [/Expected property name|Expected double-quoted property name/, '键名必须用英文双引号括起来，最后一项后面不能有逗号'],
  [/Expected ':' after property name/, '键名后面缺少冒号'],
  [/Expected ',' or '}' after property value/, '两项之间缺少逗号，或缺少右花括号 }'],
  [/Expected ',' or ']' after array element/, '数组元素之间缺少逗号，或缺少右方括号 ]'],
];

/** Where JSON.parse gave up: its reported position, or the shortest prefix that already fails (binary search). */
function errorOffset(text: string, message: string): number | undefined {
  const reported = /position (\d+)/.exec(message);
  if (reported) return Number(reported[1]);
  if (/Unexpected end of JSON input/.test(message)) return undefined;
  const failsWithin = (length: number) => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const at = /position (\d+)/.exec(error);
      return at ? Number(at[1]) < length : !/Unexpected end of JSON input/.test(error);
    }
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (failsWithin(middle)) high = middle;
    else low = middle + 1;
  }
  return low > 0 ? low - 1 : undefined;
}

/** Why a text is not JSON, in words, with the line and column where it goes wrong. */
export function jsonMistake(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  let what = JSON_MISTAKES.find(([pattern]) => pattern.test(message))?.[1];
  const token = /Unexpected token '?(.+?)'?,/.exec(message) ?? /Unexpected token (\S+)/.exec(message);
  if (!what && token) what = `出现了意外的字符“${token[1]}”`;
  what ??= '格式有误';
  const offset = errorOffset(text, message);
  if (offset !== undefined && offset < text.length) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    what = `第 ${line} 行第 ${column} 列：${what}`;
  }
  if (/[“”，：［］｛｝]/.test(text)) what += '（请改用英文标点：文中有中文引号、逗号、冒号或括号）';
  return what;
}

/** Admin forms post JSON as text; anything else is taken as already parsed. */
export function fromJsonText(value: unknown, field: string): Checked<unknown> {
  if (typeof value !== 'string') return pass(value);
  const text = value.trim();
  if (text === '') return pass(null);
  if (!/^[[{]/.test(text)) return pass(value);
  try {
    return pass(JSON.parse(text));
  } catch (e) {
    return fail(`${field}不是合法的 JSON：${jsonMistake(text, e)}`);
  }
}
