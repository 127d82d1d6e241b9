// JSON columns (DataTypes.JSON: TEXT on SQLite, json on PostgreSQL) and the text forms send for them.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A setter for a JSON attribute: admin forms post JSON as text, so a string that parses as JSON is stored
 * parsed; a string that does not parse is kept as is, and the attribute's validator refuses it in Chinese.
 */
export function jsonTextSetter(field: string) {
  return function (this: { setDataValue(key: string, value: unknown): void }, value: unknown) {
    let parsed = value;
    if (typeof value === 'string') {
      const text = value.trim();
      if (text === '') parsed = null;
      else {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = value;
        }
      }
    }
    this.setDataValue(field, parsed);
  };
}
