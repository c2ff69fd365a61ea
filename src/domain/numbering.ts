// Registration, agenda and reply-letter numbers from patterns, and the public status access code.

/** Tokens: {year}, {seq} or {seq:N} (zero-padded to N digits), {unit}, {class}, {month} (01-12), {romanMonth} (I-XII). */
export const DEFAULT_REG_PATTERN = 'DUMAS-{year}-{seq:4}';
/** Permendagri 83/2022 shape: classification code / sequence / unit code / year, e.g. 000.8.3.3/15/Diskopumkm/2026. */
export const DEFAULT_LETTER_PATTERN = '{class}/{seq}/{unit}/{year}';
/** The incoming-mail agenda (buku agenda surat masuk) restarts every year. */
export const DEFAULT_AGENDA_PATTERN = 'SM-{year}-{seq:4}';
export const DEFAULT_LETTER_CLASS = '000.8.3.3';
export const DEFAULT_UNIT_CODE = 'Diskopumkm';

export interface NumberParts {
  year: number;
  seq: number;
  unitCode?: string;
  classCode?: string;
  month?: number;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const TOKEN = /\{(year|seq(?::(\d{1,2}))?|unit|class|month|romanMonth)\}/g;

export function formatNumber(pattern: string, parts: NumberParts): string {
  if (!Number.isInteger(parts.seq) || parts.seq < 1)
    throw new RangeError('formatNumber: seq must be a positive integer');
  return pattern.replace(TOKEN, (_m, token: string, width: string | undefined) => {
    if (token === 'year') return String(parts.year);
    if (token.startsWith('seq')) return String(parts.seq).padStart(width ? Number(width) : 1, '0');
    if (token === 'unit') return parts.unitCode ?? DEFAULT_UNIT_CODE;
    if (token === 'class') return parts.classCode ?? DEFAULT_LETTER_CLASS;
    const month = parts.month ?? 1;
    return token === 'month' ? String(month).padStart(2, '0') : (ROMAN[month - 1] ?? '');
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The sequence in `value` if it was made from `pattern` in `year`; null for other years, patterns or typos. */
export function parseSequence(pattern: string, value: string, year: number): number | null {
  let source = '';
  let last = 0;
  let hasSeq = false;
  const token = new RegExp(TOKEN.source, 'g'); // a fresh lastIndex per call
  for (let m = token.exec(pattern); m !== null; m = token.exec(pattern)) {
    source += escapeRegExp(pattern.slice(last, m.index));
    const name = m[1];
    if (name === 'year') source += String(year);
    else if (name.startsWith('seq')) {
      source += '(\\d+)';
      hasSeq = true;
    } else if (name === 'month') source += '(?:0[1-9]|1[0-2])';
    else if (name === 'romanMonth') source += '(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)';
    else source += '.+?'; // unit and class codes are settings that may change during the year
    last = m.index + m[0].length;
  }
  source += escapeRegExp(pattern.slice(last));
  if (!hasSeq) return null;
  const match = new RegExp(`^${source}$`).exec(String(value).trim());
  if (!match) return null;
  const seq = Number(match[1]);
  return Number.isSafeInteger(seq) && seq > 0 ? seq : null;
}

/** Max existing + 1 (1 for the first of the year): gap-free as long as numbers are only issued under a lock. */
export function nextSequence(existing: readonly string[], pattern: string, year: number): number {
  let max = 0;
  for (const value of existing) {
    const seq = parseSequence(pattern, value, year);
    if (seq !== null && seq > max) max = seq;
  }
  return max + 1;
}

/** No 0/O, 1/I/L: the code is read aloud and typed from paper. */
export const ACCESS_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ACCESS_CODE_LENGTH = 6;

/** `random` returns [0, 1), e.g. Math.random or a seeded generator in tests. */
export function newAccessCode(random: () => number): string {
  let code = '';
  for (let i = 0; i < ACCESS_CODE_LENGTH; i++) {
    const r = random();
    const index = Math.min(ACCESS_CODE_ALPHABET.length - 1, Math.max(0, Math.floor(r * ACCESS_CODE_ALPHABET.length)));
    code += ACCESS_CODE_ALPHABET[index];
  }
  return code;
}
