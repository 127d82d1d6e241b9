// Shared field rules: money is integer fen, phones are mainland mobiles or landlines. Each message starts with the
// field's label, which the models take from the vocabulary (fieldNames in src/vocabulary/fields.ts).

/** 手机 1xxxxxxxxxx, or a landline such as 0755-86001234 / 86001234 (optional extension). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|(0\d{2,3}-?)?\d{7,8}(-\d{1,5})?)$/;

/** A required field: not missing ('业主不能为空'). */
export function required(label: string) {
  return { notNull: { msg: `${label}不能为空` } };
}

/** A required text field: neither missing nor empty, in words the clerk understands ('房号不能为空'). */
export function requiredText(label: string) {
  return { notNull: { msg: `${label}不能为空` }, notEmpty: { msg: `${label}不能为空` } };
}

/** One of the stored codes ('状态不正确'). */
export function oneOf(values: readonly string[], label: string) {
  return { isIn: { args: [values as unknown as string[]], msg: `${label}不正确` } };
}

/** A date ('缴费期限格式不正确'). */
export function validDate(label: string) {
  return { isDate: { args: true, msg: `${label}格式不正确` } } as const;
}

/** A mainland mobile or landline ('联系电话格式不正确'). */
export function phone(label: string) {
  return { is: { args: PHONE_PATTERN, msg: `${label}格式不正确` } };
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

/**
 * A model-level validator: `end` may not come before `start` when both are set ('完成时间不能早于派工时间', in the
 * labels `label` gives).
 */
export function datesInOrder<F extends string>(label: (field: F) => string, startField: F, endField: F) {
  const message = `${label(endField)}不能早于${label(startField)}`;
  return function (this: Record<string, unknown>) {
    const start = this[startField] as Date | string | null | undefined;
    const end = this[endField] as Date | string | null | undefined;
    if (start && end && new Date(end).getTime() < new Date(start).getTime()) throw new Error(message);
  };
}
