// What crosses google.script.run: JSON-like values only; a Date arrives as null (Apps Script's documented rule).
// Objects made by a class (an HtmlOutput from doGet, say) never cross it and are returned untouched.

/** A `{…}` literal of any realm (the bundle's vm context has its own Object.prototype). */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export function acrossScriptRun(value: unknown): unknown {
  if (value instanceof Date) return null;
  if (Array.isArray(value)) return value.map(acrossScriptRun);
  if (value && typeof value === 'object' && isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, acrossScriptRun(v)]));
  }
  return value;
}
