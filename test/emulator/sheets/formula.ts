// A small formula engine: parses a Sheets formula and computes its value, or the error Sheets shows.
// Supported: literals, same-spreadsheet references and ranges, + - * / ^ & comparisons, %, and
// HYPERLINK SUM IF AND OR NOT CONCATENATE CONCAT LEN UPPER LOWER TRIM TODAY NOW IFERROR ISBLANK COUNTA.
// Anything else gives #NAME? (unknown function or name) or #ERROR! (parse error), as Sheets would.
import { columnNumber } from './a1';
import { isDateValue, type Scalar } from './values';
import { fromWall, serialFromMs, toWall } from './tz';

export class FormulaError {
  constructor(readonly code: '#ERROR!' | '#NAME?' | '#VALUE!' | '#DIV/0!' | '#REF!' | '#N/A' | '#NUM!') {}
}

export interface FormulaEnv {
  /** Computed value of a cell, null when empty; sheetName null = the formula's own sheet. */
  cell(sheetName: string | null, row: number, col: number): Scalar | null | FormulaError;
  now(): number;
  timeZone: string;
}

type Node =
  | { k: 'lit'; v: Scalar }
  | { k: 'ref'; sheet: string | null; row: number; col: number }
  | { k: 'range'; sheet: string | null; r1: number; c1: number; r2: number; c2: number }
  | { k: 'name'; name: string }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'un'; op: string; e: Node }
  | { k: 'bin'; op: string; l: Node; r: Node }
  | { k: 'pct'; e: Node };

type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'id'; v: string } | { t: 'op'; v: string };

class ParseError extends Error {}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === ' ' || ch === '\n' || ch === '\t') {
      // Sheets has no intersection operator: a space between two operands is a parse error.
      const prev = out[out.length - 1];
      let j = i;
      while (src[j] === ' ' || src[j] === '\n' || src[j] === '\t') j++;
      const next = src[j];
      if (prev && prev.t !== 'op' && next !== undefined && /[A-Za-z0-9_$."'(]/.test(next))
        throw new ParseError('space');
      i = j;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
    if (num && !/^[A-Za-z]/.test(src.slice(i + num[0].length))) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let v = '';
      for (;;) {
        if (j >= src.length) throw new ParseError('unterminated string');
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            v += '"';
            j += 2;
            continue;
          }
          break;
        }
        v += src[j++];
      }
      out.push({ t: 'str', v });
      i = j + 1;
      continue;
    }
    const quotedSheet = /^'((?:[^']|'')+)'!/.exec(src.slice(i));
    if (quotedSheet) {
      const rest = /^\$?[A-Za-z]+\$?\d+(?::\$?[A-Za-z]+\$?\d+)?/.exec(src.slice(i + quotedSheet[0].length));
      if (!rest) throw new ParseError('bad sheet reference');
      out.push({ t: 'id', v: `'${quotedSheet[1]}'!${rest[0]}` });
      i += quotedSheet[0].length + rest[0].length;
      continue;
    }
    const id = /^[A-Za-z_$][A-Za-z0-9_.$]*(?:![A-Za-z0-9_.$]+)?(?::\$?[A-Za-z]+\$?\d+)?/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = /^(?:<>|<=|>=|[-+*/^&=<>(),%:;])/.exec(src.slice(i));
    if (!op) throw new ParseError(`unexpected ${ch}`);
    out.push({ t: 'op', v: op[0] });
    i += op[0].length;
  }
  return out;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

function refNode(text: string): Node | null {
  let sheet: string | null = null;
  let local = text;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheet = text
      .slice(0, bang)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'");
    local = text.slice(bang + 1);
  }
  const [a, b] = local.split(':');
  const ma = CELL.exec(a);
  if (!ma) return null;
  const row = Number(ma[2]);
  const col = columnNumber(ma[1]);
  if (b === undefined) return { k: 'ref', sheet, row, col };
  const mb = CELL.exec(b);
  if (!mb) return null;
  const r2 = Number(mb[2]);
  const c2 = columnNumber(mb[1]);
  return {
    k: 'range',
    sheet,
    r1: Math.min(row, r2),
    c1: Math.min(col, c2),
    r2: Math.max(row, r2),
    c2: Math.max(col, c2),
  };
}

function parse(tokens: Tok[]): Node {
  let pos = 0;
  const peek = (): Tok | undefined => tokens[pos];
  const isOp = (v: string): boolean => {
    const t = peek();
    return t !== undefined && t.t === 'op' && t.v === v;
  };
  const expect = (v: string): void => {
    if (!isOp(v)) throw new ParseError(`expected ${v}`);
    pos++;
  };
  const binary =
    (ops: string[], next: () => Node): (() => Node) =>
    () => {
      let left = next();
      for (;;) {
        const t = peek();
        if (t && t.t === 'op' && ops.includes(t.v)) {
          pos++;
          left = { k: 'bin', op: t.v, l: left, r: next() };
        } else return left;
      }
    };
  const primary = (): Node => {
    const t = tokens[pos++];
    if (!t) throw new ParseError('unexpected end');
    if (t.t === 'num') return { k: 'lit', v: t.v };
    if (t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 'op') {
      if (t.v === '(') {
        const e = comparison();
        expect(')');
        return e;
      }
      if (t.v === '-' || t.v === '+') return { k: 'un', op: t.v, e: power() };
      throw new ParseError(`unexpected ${t.v}`);
    }
    if (isOp('(')) {
      pos++;
      const args: Node[] = [];
      if (!isOp(')')) {
        for (;;) {
          args.push(comparison());
          if (isOp(',')) {
            pos++;
            continue;
          }
          break;
        }
      }
      expect(')');
      return { k: 'call', name: t.v.toUpperCase(), args };
    }
    const upper = t.v.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return { k: 'lit', v: upper === 'TRUE' };
    return refNode(t.v) ?? { k: 'name', name: t.v };
  };
  const postfix = (): Node => {
    let e = primary();
    while (isOp('%')) {
      pos++;
      e = { k: 'pct', e };
    }
    return e;
  };
  const power: () => Node = binary(['^'], postfix);
  const unary = (): Node => {
    if (isOp('-') || isOp('+')) {
      const op = (tokens[pos++] as { v: string }).v;
      return { k: 'un', op, e: unary() };
    }
    return power();
  };
  const multiplicative = binary(['*', '/'], unary);
  const additive = binary(['+', '-'], multiplicative);
  const concat = binary(['&'], additive);
  const comparison = binary(['=', '<>', '<', '>', '<=', '>='], concat);
  const root = comparison();
  if (pos !== tokens.length) throw new ParseError('trailing tokens');
  return root;
}

type Val = Scalar | null | FormulaError | Val[];

function toNumber(v: Val, tz: string): number | FormulaError {
  if (v instanceof FormulaError) return v;
  if (Array.isArray(v)) return toNumber(v[0] ?? null, tz);
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isDateValue(v)) return serialFromMs(tz, v.date);
  const n = Number(v.trim());
  return v.trim() !== '' && Number.isFinite(n) ? n : new FormulaError('#VALUE!');
}

function toText(v: Val): string | FormulaError {
  if (v instanceof FormulaError) return v;
  if (Array.isArray(v)) return toText(v[0] ?? null);
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateValue(v)) return String(v.date);
  return String(v);
}

function toBool(v: Val, tz: string): boolean | FormulaError {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const u = v.toUpperCase();
    if (u === 'TRUE' || u === 'FALSE') return u === 'TRUE';
    return new FormulaError('#VALUE!');
  }
  const n = toNumber(v, tz);
  return n instanceof FormulaError ? n : n !== 0;
}

function flatten(vals: Val[]): Val[] {
  return vals.flatMap((v) => (Array.isArray(v) ? flatten(v) : [v]));
}

function evaluate(node: Node, env: FormulaEnv): Val {
  const tz = env.timeZone;
  switch (node.k) {
    case 'lit':
      return node.v;
    case 'ref':
      return env.cell(node.sheet, node.row, node.col);
    case 'range': {
      const out: Val[] = [];
      for (let r = node.r1; r <= node.r2; r++)
        for (let c = node.c1; c <= node.c2; c++) out.push(env.cell(node.sheet, r, c));
      return out;
    }
    case 'name':
      return new FormulaError('#NAME?');
    case 'pct': {
      const n = toNumber(evaluate(node.e, env), tz);
      return n instanceof FormulaError ? n : n / 100;
    }
    case 'un': {
      const n = toNumber(evaluate(node.e, env), tz);
      return n instanceof FormulaError ? n : node.op === '-' ? -n : n;
    }
    case 'bin':
      return binaryOp(node.op, evaluate(node.l, env), evaluate(node.r, env), tz);
    case 'call':
      return call(node.name, node.args, env);
  }
}

function binaryOp(op: string, l: Val, r: Val, tz: string): Val {
  if (op === '&') {
    const a = toText(l);
    const b = toText(r);
    if (a instanceof FormulaError) return a;
    if (b instanceof FormulaError) return b;
    return a + b;
  }
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    if (l instanceof FormulaError) return l;
    if (r instanceof FormulaError) return r;
    const a = typeof l === 'string' ? l.toLowerCase() : toNumber(l, tz);
    const b = typeof r === 'string' ? r.toLowerCase() : toNumber(r, tz);
    const cmp = a < b ? -1 : a > b ? 1 : 0;
    return { '=': cmp === 0, '<>': cmp !== 0, '<': cmp < 0, '>': cmp > 0, '<=': cmp <= 0, '>=': cmp >= 0 }[op] ?? false;
  }
  const a = toNumber(l, tz);
  const b = toNumber(r, tz);
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? new FormulaError('#DIV/0!') : a / b;
    default:
      return a ** b;
  }
}

function call(name: string, args: Node[], env: FormulaEnv): Val {
  const tz = env.timeZone;
  const arg = (i: number): Val => (args[i] ? evaluate(args[i], env) : null);
  const all = (): Val[] => flatten(args.map((a) => evaluate(a, env)));
  const firstError = (vals: Val[]): FormulaError | undefined =>
    vals.find((v): v is FormulaError => v instanceof FormulaError);
  const text = (i: number): string | FormulaError => toText(arg(i));
  switch (name) {
    case 'HYPERLINK': {
      if (args.length < 1 || args.length > 2) return new FormulaError('#N/A');
      const url = text(0);
      if (url instanceof FormulaError || args.length === 1) return url;
      return text(1);
    }
    case 'SUM': {
      const vals = all();
      const err = firstError(vals);
      if (err) return err;
      return vals.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
    }
    case 'COUNTA':
      return all().filter((v) => v !== null && v !== '').length;
    case 'IF': {
      const c = toBool(arg(0), tz);
      if (c instanceof FormulaError) return c;
      return c ? arg(1) : args.length > 2 ? arg(2) : false;
    }
    case 'IFERROR': {
      const v = arg(0);
      return v instanceof FormulaError ? arg(1) : v;
    }
    case 'AND':
    case 'OR': {
      const bools = all().map((v) => toBool(v, tz));
      const err = firstError(bools);
      if (err) return err;
      return name === 'AND' ? bools.every(Boolean) : bools.some(Boolean);
    }
    case 'NOT': {
      const b = toBool(arg(0), tz);
      return b instanceof FormulaError ? b : !b;
    }
    case 'CONCATENATE':
    case 'CONCAT': {
      const parts = all().map(toText);
      const err = firstError(parts);
      return err ?? parts.filter((p): p is string => typeof p === 'string').join('');
    }
    case 'LEN':
    case 'UPPER':
    case 'LOWER':
    case 'TRIM': {
      const t = text(0);
      if (t instanceof FormulaError) return t;
      if (name === 'LEN') return t.length;
      if (name === 'UPPER') return t.toUpperCase();
      if (name === 'LOWER') return t.toLowerCase();
      return t.trim().replace(/\s+/g, ' ');
    }
    case 'ISBLANK':
      return arg(0) === null;
    case 'NOW':
      return { date: env.now() };
    case 'TODAY': {
      const w = toWall(tz, env.now());
      return { date: fromWall(tz, w.year, w.month, w.day) };
    }
    default:
      return new FormulaError('#NAME?');
  }
}

/** Computes a formula (text starting with "="). */
export function computeFormula(formula: string, env: FormulaEnv): Scalar | null | FormulaError {
  let ast: Node;
  try {
    ast = parse(tokenize(formula.slice(1)));
  } catch (e) {
    if (e instanceof ParseError) return new FormulaError('#ERROR!');
    throw e;
  }
  const v = evaluate(ast, env);
  if (Array.isArray(v)) return (flatten(v)[0] ?? null) as Scalar | null | FormulaError; // no spilling: the top-left value
  return v;
}
