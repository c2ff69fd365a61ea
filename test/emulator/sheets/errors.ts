// Apps Script's wording for a call whose arguments match no overload of a method.
import { isDate } from './values';

/** Apps Script's name for an argument's type, as it appears in "The parameters (...) don't match". */
export function gasTypeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return `${v.length > 0 ? gasTypeName(v[0]) : 'Object'}[]`;
  if (isDate(v)) return 'Date';
  switch (typeof v) {
    case 'string':
      return 'String';
    case 'number':
      return 'number';
    case 'boolean':
      return 'Boolean';
    case 'function':
      return 'Function';
    default:
      return 'Object';
  }
}

/** e.g. `Exception: The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.` */
export function signatureError(method: string, args: unknown[], service = 'SpreadsheetApp'): Error {
  return new Error(
    `Exception: The parameters (${args.map(gasTypeName).join(',')}) don't match the method signature for ${service}.${method}.`,
  );
}
