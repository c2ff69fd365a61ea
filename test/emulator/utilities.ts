// Utilities: Java SimpleDateFormat dates in any IANA zone, blobs, base64, digests, UUIDs, sleep on the simulated clock.
import { createHash, createHmac } from 'node:crypto';
import { makeBlob, toBytes, toSignedBytes } from './blob';
import type { EmuContext } from './core/context';
import { expose } from './core/expose';
import { isValidTimeZone, offsetMinutes, zonedParts } from './tz';

export const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;
export const MacAlgorithm = {
  HMAC_MD5: 'HMAC_MD5',
  HMAC_SHA_1: 'HMAC_SHA_1',
  HMAC_SHA_256: 'HMAC_SHA_256',
  HMAC_SHA_384: 'HMAC_SHA_384',
  HMAC_SHA_512: 'HMAC_SHA_512',
} as const;
export const Charset = { US_ASCII: 'US-ASCII', UTF_8: 'UTF-8' } as const;
export const MAX_SLEEP_MS = 300000;

const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const NODE_MAC: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

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
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Java's names for the zones this project meets; other zones print as GMT±hh:mm (unverified for Apps Script). */
const ZONE_NAMES: Record<string, [string, string]> = {
  'Asia/Makassar': ['WITA', 'Central Indonesia Time'],
  'Asia/Jakarta': ['WIB', 'Western Indonesia Time'],
  'Asia/Jayapura': ['WIT', 'Eastern Indonesia Time'],
  UTC: ['UTC', 'Coordinated Universal Time'],
  'Etc/UTC': ['UTC', 'Coordinated Universal Time'],
  GMT: ['GMT', 'Greenwich Mean Time'],
};

function pad(n: number, width: number): string {
  return String(Math.abs(n)).padStart(width, '0');
}

function offsetText(minutes: number, style: 'Z' | 'X' | 'XX' | 'XXX' | 'GMT'): string {
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const m = pad(Math.abs(minutes) % 60, 2);
  if (style === 'Z') return `${sign}${h}${m}`;
  if (minutes === 0 && style !== 'GMT') return 'Z';
  if (style === 'X') return `${sign}${h}`;
  if (style === 'XX') return `${sign}${h}${m}`;
  if (style === 'XXX') return `${sign}${h}:${m}`;
  return `GMT${sign}${h}:${m}`;
}

function dayOfYear(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86400000) + 1;
}

/**
 * Java's week fields for Locale.US (GregorianCalendar: weeks start on Sunday, week 1 is the week holding 1 January).
 * So the last days of December can be week 1 of the next week year: 31 December 2026 (a Thursday) is week 1 of 2027.
 * https://docs.oracle.com/javase/8/docs/api/java/util/GregorianCalendar.html#week_year
 */
export function usWeek(year: number, month: number, day: number): { weekYear: number; week: number } {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay(); // 0 = Sunday
  const saturday = new Date(Date.UTC(year, month - 1, day + 6 - weekday));
  if (saturday.getUTCFullYear() > year) return { weekYear: year + 1, week: 1 };
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  return { weekYear: year, week: Math.floor((dayOfYear(year, month, day) - 1 + jan1) / 7) + 1 };
}

/** Java SimpleDateFormat(pattern, Locale.US) in `timeZone`; unknown zones fall back to GMT as Java's TimeZone does. */
export function formatJavaDate(ms: number, timeZone: string, pattern: string): string {
  const tz = isValidTimeZone(timeZone) ? timeZone : 'GMT';
  const p = zonedParts(ms, tz);
  const off = offsetMinutes(ms, tz);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      // '' is a literal quote; 'text' is literal text.
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Inside quotes, '' is still a literal quote.
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length) throw new Error('Exception: Unterminated quote');
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          out += "'";
          j += 2;
        } else if (pattern[j] === "'") break;
        else out += pattern[j++];
      }
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n += 1;
    i += n;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case 'Y': {
        // Java's week year, not the calendar year: 'YYYY' prints 2027 on 28 December 2026, the classic date bug.
        const wy = usWeek(p.year, p.month, p.day).weekYear;
        out += n === 2 ? pad(wy % 100, 2) : pad(wy, n);
        break;
      }
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'D':
        out += pad(dayOfYear(p.year, p.month, p.day), n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[p.weekday - 1] : DAYS[p.weekday - 1].slice(0, 3);
        break;
      case 'u':
        out += pad(p.weekday, n);
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'K':
        out += pad(p.hour % 12, n);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(p.millisecond, n);
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'z': {
        const names = ZONE_NAMES[tz];
        out += names ? names[n >= 4 ? 1 : 0] : offsetText(off, 'GMT');
        break;
      }
      case 'Z':
        out += offsetText(off, 'Z');
        break;
      case 'X':
        out += offsetText(off, n === 1 ? 'X' : n === 2 ? 'XX' : 'XXX');
        break;
      case 'w':
        out += pad(usWeek(p.year, p.month, p.day).week, n);
        break;
      default:
        throw new Error(`Exception: Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function signature(args: unknown[]): string {
  return args
    .map((a) =>
      isDate(a)
        ? 'Date'
        : typeof a === 'string'
          ? 'String'
          : typeof a === 'number'
            ? 'number'
            : a === null
              ? 'null'
              : 'Object',
    )
    .join(',');
}

/** CSV as RFC 4180: quoted fields, doubled quotes, newlines inside quotes. */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && csv[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Java String.format subset: %s, %d, %f with flags/width/precision, %%. */
export function formatString(template: string, args: unknown[]): string {
  let k = 0;
  return template.replace(
    /%([-0+ ]*)(\d+)?(?:\.(\d+))?([sdf%])/g,
    (_m, flags: string, width?: string, prec?: string, conv?: string) => {
      if (conv === '%') return '%';
      const arg = args[k++];
      let s: string;
      if (conv === 'd') s = String(Math.trunc(Number(arg)));
      else if (conv === 'f') s = Number(arg).toFixed(prec === undefined ? 6 : Number(prec));
      else s = prec === undefined ? String(arg) : String(arg).slice(0, Number(prec));
      if (flags.includes('+') && conv !== 's' && Number(arg) >= 0) s = `+${s}`;
      const w = width ? Number(width) : 0;
      if (s.length < w) {
        if (flags.includes('-')) s = s.padEnd(w);
        else if (flags.includes('0') && conv !== 's')
          s = s.startsWith('-') ? `-${s.slice(1).padStart(w - 1, '0')}` : s.padStart(w, '0');
        else s = s.padStart(w);
      }
      return s;
    },
  );
}

export class UtilitiesControl {
  /** Seed of getUuid: the same seed gives the same sequence of UUIDs. */
  seed = 'dumas';
  private counter = 0;
  readonly sleeps: number[] = [];

  nextUuid(): string {
    this.counter += 1;
    const h = createHash('sha256').update(`${this.seed}:${this.counter}`).digest();
    h[6] = (h[6] & 0x0f) | 0x40; // version 4
    h[8] = (h[8] & 0x3f) | 0x80; // RFC 4122 variant
    const x = h.subarray(0, 16).toString('hex');
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
  }
}

function decodeBase64(text: string, webSafe: boolean): number[] {
  const s = String(text).replace(/\s+/g, '');
  const re = webSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  if (!re.test(s) || s.replace(/=+$/, '').length % 4 === 1) throw new Error('Exception: Could not decode string.'); // unverified wording
  return toSignedBytes(new Uint8Array(Buffer.from(s, webSafe ? 'base64url' : 'base64')));
}

export function createUtilities(ctx: EmuContext): {
  global: GoogleAppsScript.Utilities.Utilities;
  control: UtilitiesControl;
} {
  const control = new UtilitiesControl();
  const impl = {
    DigestAlgorithm,
    MacAlgorithm,
    Charset,
    formatDate(date: unknown, timeZone: unknown, format: unknown): string {
      if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
        throw new Error(
          `Exception: The parameters (${signature([date, timeZone, format])}) don't match the method signature for Utilities.formatDate.`,
        );
      }
      if (Number.isNaN(date.getTime())) throw new Error('Exception: Invalid argument: date');
      return formatJavaDate(date.getTime(), timeZone, format);
    },
    sleep(ms: number): void {
      if (ms > MAX_SLEEP_MS) throw new Error(`Exception: Argument too large: milliseconds`); // unverified wording
      control.sleeps.push(ms);
      ctx.clock.advance(Math.max(0, ms));
    },
    getUuid: (): string => control.nextUuid(),
    newBlob: (data: unknown, contentType?: string, name?: string) =>
      makeBlob(ctx, data ?? '', contentType ?? null, name ?? null),
    base64Encode: (data: unknown, charset?: string): string => Buffer.from(toBytes(data, charset)).toString('base64'),
    // Apps Script keeps the '=' padding in the web-safe alphabet.
    base64EncodeWebSafe: (data: unknown, charset?: string): string =>
      Buffer.from(toBytes(data, charset)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
    base64Decode: (text: string): number[] => decodeBase64(text, false),
    base64DecodeWebSafe: (text: string): number[] => decodeBase64(text, true),
    computeDigest(algorithm: string, value: unknown, charset?: string): number[] {
      const alg = NODE_DIGEST[String(algorithm)];
      if (!alg) throw new Error(`not emulated: Utilities.computeDigest(${String(algorithm)})`);
      return toSignedBytes(new Uint8Array(createHash(alg).update(toBytes(value, charset)).digest()));
    },
    computeHmacSignature(algorithm: string, value: unknown, key: unknown, charset?: string): number[] {
      const alg = NODE_MAC[String(algorithm)];
      if (!alg) throw new Error(`not emulated: Utilities.computeHmacSignature(${String(algorithm)})`);
      return toSignedBytes(
        new Uint8Array(createHmac(alg, toBytes(key, charset)).update(toBytes(value, charset)).digest()),
      );
    },
    computeHmacSha256Signature(value: unknown, key: unknown, charset?: string): number[] {
      return impl.computeHmacSignature('HMAC_SHA_256', value, key, charset);
    },
    parseCsv: (csv: string, delimiter?: string): string[][] => parseCsv(String(csv), delimiter ?? ','),
    formatString: (template: string, ...args: unknown[]): string => formatString(String(template), args),
  };
  const global = expose(ctx.calls, 'Utilities', impl, { default: 'utilities' });
  return { global: global as unknown as GoogleAppsScript.Utilities.Utilities, control };
}
