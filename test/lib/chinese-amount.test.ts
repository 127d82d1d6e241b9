import { expect } from 'chai';
import { chineseAmount, MAX_CHINESE_AMOUNT_FEN } from '../../src/lib/chinese-amount.js';

// The largest amount a receipt can hold: amounts are INTEGER columns (32 bits on PostgreSQL).
const LARGEST_STORED_FEN = 2_147_483_647;

describe('大写金额 chineseAmount', () => {
  const cases: Array<[string, number, string]> = [
    ['0.00', 0, '零元整'],
    ['0.05', 5, '伍分'],
    ['0.10', 10, '壹角整'],
    ['0.15', 15, '壹角伍分'],
    ['1.00', 100, '壹元整'],
    ['10.00', 1_000, '壹拾元整'],
    ['10.05', 1_005, '壹拾元零伍分'],
    ['100.50', 10_050, '壹佰元伍角整'],
    ['1,000.00', 100_000, '壹仟元整'],
    ['1,001.00', 100_100, '壹仟零壹元整'],
    ['1,234.56', 123_456, '壹仟贰佰叁拾肆元伍角陆分'],
    ['1,409.50', 140_950, '壹仟肆佰零玖元伍角整'],
    ['1,680.32', 168_032, '壹仟陆佰捌拾元叁角贰分'],
    ['10,010.00', 1_001_000, '壹万零壹拾元整'],
    ['16,409.02', 1_640_902, '壹万陆仟肆佰零玖元零贰分'],
    ['107,000.53', 10_700_053, '壹拾万柒仟元伍角叁分'],
    ['110,000.00', 11_000_000, '壹拾壹万元整'],
    ['1,000,100.00', 100_010_000, '壹佰万零壹佰元整'],
    ['100,000,001.10', 10_000_000_110, '壹亿零壹元壹角整'],
    ['100,010,000.00', 10_001_000_000, '壹亿零壹万元整'],
    ['1,000,000,000.00', 100_000_000_000, '壹拾亿元整'],
    ['123,450,000,000.00', 12_345_000_000_000, '壹仟贰佰叁拾肆亿伍仟万元整'],
    ['1,234,500,000,000.00', 123_450_000_000_000, '壹万贰仟叁佰肆拾伍亿元整'],
    ['21,474,836.47 (the largest stored amount)', LARGEST_STORED_FEN, '贰仟壹佰肆拾柒万肆仟捌佰叁拾陆元肆角柒分'],
  ];
  for (const [figures, fen, capitals] of cases) {
    it(`¥${figures} is ${capitals}`, () => {
      expect(chineseAmount(fen)).to.equal(capitals);
    });
  }

  it('writes every exact amount up to the largest safe integer of fen', () => {
    // 9,007,199,254,740,991 fen = 90 万 0719 亿 9254 万 7409 元 9 角 1 分
    expect(chineseAmount(MAX_CHINESE_AMOUNT_FEN)).to.equal(
      '玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分',
    );
    expect(() => chineseAmount(MAX_CHINESE_AMOUNT_FEN + 1)).to.throw(RangeError, '金额过大');
  });

  it('refuses a negative amount: a refund prints its positive amount as a refund', () => {
    expect(() => chineseAmount(-100)).to.throw(RangeError, '不能为负数');
  });

  it('refuses what is not whole fen', () => {
    for (const bad of [0.5, 12.34, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => chineseAmount(bad), String(bad)).to.throw(TypeError, '以分为单位的整数');
    }
    expect(() => chineseAmount('100' as unknown as number)).to.throw(TypeError);
  });
});
