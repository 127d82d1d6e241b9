// Traditional characters read as simplified, for matching only (stored text keeps what was written). Converted one
// character at a time, so the converted text is exactly as long as the original: a match found in the converted
// text is at the same offsets in the original.
import * as OpenCC from 'opencc-js/t2cn';

const convert = OpenCC.Converter({ from: 'hk', to: 'cn' });
const cache = new Map<string, string>();

function simplifiedChar(char: string): string {
  const known = cache.get(char);
  if (known !== undefined) return known;
  const converted = convert(char);
  const simplified = converted.length === char.length ? converted : char;
  cache.set(char, simplified);
  return simplified;
}

/** The text with each traditional character replaced by its simplified form; same length, same offsets. */
export function toSimplified(text: string): string {
  // Only CJK needs looking up; ASCII and punctuation pass through.
  if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return text;
  let out = '';
  for (const char of text) out += char.charCodeAt(0) >= 0x3400 ? simplifiedChar(char) : char;
  return out;
}
