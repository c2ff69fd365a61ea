// A sheet cell's value as text. Cells hold strings, numbers, booleans or Dates; never let anything else
// become "[object Object]" silently.
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value instanceof Date) {
    return String(value);
  }
  return JSON.stringify(value) ?? '';
}
