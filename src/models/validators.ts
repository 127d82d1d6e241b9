// Shared field rules: money is integer fen, phones are mainland mobiles or landlines.

/** 手机 1xxxxxxxxxx, or a landline such as 0755-86001234 / 86001234 (optional extension). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|(0\d{2,3}-?)?\d{7,8}(-\d{1,5})?)$/;

/** A required text field: neither missing nor empty, in words the clerk understands ('房号不能为空'). */
export function requiredText(label: string) {
  return { notNull: { msg: `${label}不能为空` }, notEmpty: { msg: `${label}不能为空` } };
}

/** Integer fen, never negative. */
export function moneyFen(label: string) {
  return {
    isInt: { msg: `${label}必须是以分为单位的整数` },
    min: { args: [0], msg: `${label}不能为负数` },
  } as const;
}

/** Integer fen, strictly positive (payments, deposits). */
export function positiveFen(label: string) {
  return {
    isInt: { msg: `${label}必须是以分为单位的整数` },
    min: { args: [1], msg: `${label}必须大于零` },
  } as const;
}

/** A model-level validator: `end` may not come before `start` when both are set. */
export function datesInOrder(startField: string, endField: string, message: string) {
  return function (this: Record<string, unknown>) {
    const start = this[startField] as Date | string | null | undefined;
    const end = this[endField] as Date | string | null | undefined;
    if (start && end && new Date(end).getTime() < new Date(start).getTime()) throw new Error(message);
  };
}
