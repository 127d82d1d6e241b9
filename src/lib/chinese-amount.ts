// 大写金额: an amount in fen written in Chinese financial capitals, as receipts, cheques and bank slips write it.
//
// The rules are those of 中国人民银行《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》:
// - 到"元"为止的金额，在"元"之后写"整"（或"正"）字；在"角"之后可以不写"整"字；有"分"的，"分"后面不写"整"字。
//   We write 整 after 角 too (壹佰元伍角整): nothing can then be added after it.
// - 阿拉伯数字中间有"0"时写"零"字；中间连续有几个"0"时只写一个"零"字（￥1,409.50 → 壹仟肆佰零玖元伍角整）。
// - 万位、元位是"0"而千位、角位不是"0"时，可以只写一个"零"字，也可以不写（￥1,680.32 → 壹仟陆佰捌拾元叁角贰分）:
//   we write none there, so 零 between 元 and 角 never appears.
// - 角位是"0"而分位不是"0"时，"元"后面应写"零"字（￥16,409.02 → 壹万陆仟肆佰零玖元零贰分）.
// - "拾"前写"壹"（￥10.00 → 壹拾元整, ￥100,000.00 → 壹拾万元整), so that nothing can be written in front of it.
// - An amount under one yuan starts with its first non-zero unit (￥0.05 → 伍分, ￥0.10 → 壹角整), as banks print
//   it; nothing (0) is 零元整.
// The "人民币" in front is the receipt's to write, not this function's.
//
// Negative amounts are refused: a capital amount is never written with a sign. Money paid out (a refund) is printed as
// a refund receipt with its positive amount (Payment amounts are always positive).

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES = ['', '拾', '佰', '仟'];

/** 0 < n < 10,000: 壹仟零伍, 壹拾, 玖佰玖拾玖. */
function fourDigits(n: number): string {
  let text = '';
  let zeroPending = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      if (text) zeroPending = true;
      continue;
    }
    if (zeroPending) text += '零';
    zeroPending = false;
    text += DIGITS[digit] + PLACES[place];
  }
  return text;
}

/**
 * A whole number of yuan, n > 0, in groups of four digits (万, 亿; 万亿 comes out as 万 of 亿). A 零 stands between a
 * group and the lower part whenever the lower part does not fill its leading place (壹亿零壹, 壹万零壹拾).
 */
function wholeYuan(n: number): string {
  for (const [size, unit] of [
    [100_000_000, '亿'],
    [10_000, '万'],
  ] as const) {
    if (n >= size) {
      const high = Math.floor(n / size);
      const low = n % size;
      const head = wholeYuan(high) + unit;
      if (low === 0) return head;
      return head + (low < size / 10 ? '零' : '') + wholeYuan(low);
    }
  }
  return fourDigits(n);
}

/** The largest amount written: Number's exact integers (about 90 万亿元); no receipt comes near it. */
export const MAX_CHINESE_AMOUNT_FEN = Number.MAX_SAFE_INTEGER;

/** 123456 → 壹仟贰佰叁拾肆元伍角陆分; 1000 → 壹拾元整; 0 → 零元整. Throws on a non-integer or a negative amount. */
export function chineseAmount(fen: number): string {
  if (typeof fen !== 'number' || !Number.isInteger(fen))
    throw new TypeError(`大写金额须以分为单位的整数：${String(fen)}`);
  if (fen < 0) throw new RangeError(`大写金额不能为负数：${fen}（退款请按退款金额书写）`);
  if (fen > MAX_CHINESE_AMOUNT_FEN) throw new RangeError(`金额过大，无法书写大写金额：${fen}`);
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let text = yuan > 0 ? `${wholeYuan(yuan)}元` : '';
  if (jiao > 0) text += `${DIGITS[jiao]}角`;
  else if (cents > 0 && yuan > 0) text += '零';
  if (cents > 0) return `${text}${DIGITS[cents]}分`;
  return `${text}整`;
}
