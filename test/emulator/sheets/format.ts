// Number formats: which kind a format is, and the text Sheets shows for a value (en_US locale).
import { toWall } from './tz';

export const GENERAL = '0.###############'; // what Range.getNumberFormat() answers for an unformatted cell

export function isGeneral(format: string | undefined): boolean {
  return format === undefined || format === '' || format === GENERAL || format.toLowerCase() === 'general';
}

export function isText(format: string | undefined): boolean {
  return format === '@';
}

/** Strips quoted literals and escapes so tokens can be inspected. */
function bare(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function isDateFormat(format: string | undefined): boolean {
  if (format === undefined || isGeneral(format) || isText(format)) return false;
  const b = bare(format).toLowerCase();
  return /[ydhs]/.test(b) || (/m/.test(b) && !/[0#?]/.test(b));
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Token = { t: 'lit'; v: string } | { t: 'y' | 'm' | 'd' | 'h' | 's'; n: number } | { t: 'ampm'; v: string };

function tokenizeDate(format: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i];
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      out.push({ t: 'lit', v: format.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? format.length : end + 1;
    } else if (ch === '\\') {
      out.push({ t: 'lit', v: format[i + 1] ?? '' });
      i += 2;
    } else if (/^am\/pm/i.test(format.slice(i))) {
      out.push({ t: 'ampm', v: format.slice(i, i + 5) });
      i += 5;
    } else if ('ymdhs'.includes(lower)) {
      let n = 1;
      while (format[i + n]?.toLowerCase() === lower) n++;
      out.push({ t: lower as 'y' | 'm' | 'd' | 'h' | 's', n });
      i += n;
    } else {
      out.push({ t: 'lit', v: ch });
      i++;
    }
  }
  return out;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Formats an instant with a Sheets date format, in `timeZone`. */
export function formatDate(ms: number, format: string, timeZone: string): string {
  const w = toWall(timeZone, ms);
  const tokens = tokenizeDate(format);
  const twelve = tokens.some((t) => t.t === 'ampm');
  const dateTokens = tokens.filter((t) => t.t !== 'lit');
  let out = '';
  for (const tok of tokens) {
    switch (tok.t) {
      case 'lit':
        out += tok.v;
        break;
      case 'y':
        out += tok.n <= 2 ? pad(w.year % 100) : String(w.year);
        break;
      case 'm': {
        // "m" means minutes right after an hour token or right before a seconds token.
        const k = dateTokens.indexOf(tok);
        const minutes = tok.n <= 2 && (dateTokens[k - 1]?.t === 'h' || dateTokens[k + 1]?.t === 's');
        if (minutes) out += tok.n === 1 ? String(w.minute) : pad(w.minute);
        else if (tok.n === 1) out += String(w.month);
        else if (tok.n === 2) out += pad(w.month);
        else if (tok.n === 3) out += MONTHS[w.month - 1].slice(0, 3);
        else if (tok.n === 4) out += MONTHS[w.month - 1];
        else out += MONTHS[w.month - 1][0];
        break;
      }
      case 'd':
        if (tok.n === 1) out += String(w.day);
        else if (tok.n === 2) out += pad(w.day);
        else if (tok.n === 3) out += DAYS[w.weekday].slice(0, 3);
        else out += DAYS[w.weekday];
        break;
      case 'h': {
        const h = twelve ? ((w.hour + 11) % 12) + 1 : w.hour;
        out += tok.n === 1 ? String(h) : pad(h);
        break;
      }
      case 's':
        out += tok.n === 1 ? String(w.second) : pad(w.second);
        break;
      case 'ampm': {
        const pm = w.hour >= 12;
        const word = pm ? 'PM' : 'AM';
        out += tok.v === tok.v.toLowerCase() ? word.toLowerCase() : word;
        break;
      }
    }
  }
  return out;
}

function scientific(n: number, digits: number): string {
  if (n === 0) return '0E+00';
  const exp = Math.floor(Math.log10(Math.abs(n)));
  let mantissa = Number((n / 10 ** exp).toPrecision(digits));
  let e = exp;
  if (Math.abs(mantissa) >= 10) {
    mantissa /= 10;
    e += 1;
  }
  const sign = e < 0 ? '-' : '+';
  return `${String(mantissa).toUpperCase()}E${sign}${pad(Math.abs(e))}`;
}

/**
 * Sheets' "Automatic" (General) text for a number: integers in full below 1e15, then scientific
 * with 6 significant digits (a 16-digit NIK shows as 5.10201E+15); fractions to 10 significant digits.
 */
export function formatGeneralNumber(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  const abs = Math.abs(n);
  if (abs >= 1e15) return scientific(n, 6);
  if (Number.isInteger(n)) return String(n);
  if (abs < 1e-9) return scientific(n, 6);
  const text = String(Number(n.toPrecision(10)));
  return /e/i.test(text) ? scientific(n, 6) : text;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Formats a number with an explicit numeric format such as `0`, `0.00`, `#,##0`, `0%`, `"Rp "#,##0`. */
export function formatNumber(n: number, format: string): string {
  const sections = format.split(';');
  let section = sections[0];
  let value = n;
  if (n < 0 && sections.length > 1) {
    section = sections[1];
    value = -n;
  } else if (n === 0 && sections.length > 2) {
    section = sections[2];
  }
  // Literal text before and after the digit placeholders.
  let prefix = '';
  let suffix = '';
  let body = '';
  let i = 0;
  let seenBody = false;
  while (i < section.length) {
    const ch = section[i];
    let lit: string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit = section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end + 1;
    } else if (ch === '\\') {
      lit = section[i + 1] ?? '';
      i += 2;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? undefined : end);
      lit = inner.startsWith('$') ? inner.slice(1).split('-')[0] : '';
      i = end < 0 ? section.length : end + 1;
    } else if ('0#?,.'.includes(ch) || (seenBody && /[eE+-]/.test(ch) && /[eE]/.test(section.slice(i - 1, i + 1)))) {
      body += ch;
      seenBody = true;
      i++;
      continue;
    } else {
      lit = ch;
      i++;
    }
    if (seenBody) suffix += lit;
    else prefix += lit;
  }
  if (section.includes('%')) value *= 100;
  if (/E\+/i.test(section)) {
    const decimals = (/\.(0+)/.exec(body)?.[1].length ?? 0) + 1;
    return prefix + scientific(value, decimals) + suffix;
  }
  const [intPart, fracPart = ''] = body.split('.');
  const maxDec = (fracPart.match(/[0#?]/g) ?? []).length;
  const minDec = (fracPart.match(/0/g) ?? []).length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const fixed = Math.abs(value).toFixed(maxDec);
  let [ip, fp = ''] = fixed.split('.');
  while (fp.length > minDec && fp.endsWith('0')) fp = fp.slice(0, -1);
  if (ip === '0' && minInt === 0) ip = '';
  ip = ip.padStart(minInt, '0');
  if (intPart.includes(',')) ip = groupThousands(ip);
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return prefix + sign + ip + (fp !== '' ? `.${fp}` : '') + suffix;
}

/** The format Sheets gives a Date written by a script into a General cell. */
export function autoDateFormat(ms: number, timeZone: string): string {
  const w = toWall(timeZone, ms);
  return w.hour === 0 && w.minute === 0 && w.second === 0 ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss';
}
