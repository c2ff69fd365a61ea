// Turning what Apps Script returns into plain JSON observations, and comparing observations exactly.
import type { Json } from './types';

/** True for a Date of any realm (Apps Script's, or the emulator's across the vm boundary). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A cell value as JSON: a Date becomes `{ date: ISO instant }` so its type survives the round trip. */
export function cellValue(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (isDate(value)) return { date: Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString() };
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return `<${Object.prototype.toString.call(value).slice(8, -1)}>`;
}

/** The message of whatever `fn` throws, or null when it returns normally. */
export function thrownBy(fn: () => unknown): Json {
  try {
    fn();
    return null;
  } catch (error) {
    return {
      error:
        error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
          ? String(error.message)
          : String(error),
    };
  }
}

/** JSON text with object keys sorted, so equal observations give equal text. */
export function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sameJson(a: Json, b: Json): boolean {
  return canonical(a) === canonical(b);
}
