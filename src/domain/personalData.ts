// Personal data written into free text (NIKs, Indonesian mobile numbers, email addresses): found, flagged,
// masked, stripped from digests, removed by the purge, and released by the Ketua Tim when it is a false positive.
import { PERSONAL_DATA } from '../messages/domain';
import type { Complaint } from './complaint';
import { FLAG_SEPARATOR } from './complaint';
import { maskEmail, maskNik, maskPhone, validateNik } from './validation';

export type PersonalDataKind = 'nik' | 'phone' | 'email';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  start: number;
  end: number;
  /** The text as written. */
  value: string;
  /** Its masked form ('5102********0001', '0812****7890', 'b***@x.id'): what a release records. */
  fingerprint: string;
}

/** The free-text columns of a complaint, in the order the flag names them. */
export const FREE_TEXT_FIELDS = [
  'subject',
  'description',
  'followUpNotes',
  'answer',
  'instruction',
  'forwardNote',
  'extReason',
] as const;
export type FreeTextField = (typeof FREE_TEXT_FIELDS)[number];

// Local part and domain of an address; the top-level domain has 2+ letters.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// 16 digits written together, or in the groups people use (4-4-4-4, 6-6-4, 2-2-2-6-4) with one space, dot or
// dash between them; not inside a longer number.
const NIK_SHAPE =
  /(?<!\d)(?:\d{16}|\d{4}([ .-])\d{4}\1\d{4}\1\d{4}|\d{6}([ .-])\d{6}\2\d{4}|\d{2}([ .-])\d{2}\3\d{2}\3\d{6}\3\d{4})(?!\d)/g;
// A mobile number: 08…, 628… or +628… (also "+62 8"), then 8 to 11 more digits, with single spaces,
// dots or dashes between them; not inside a longer number or a word, nor running into one joined by a dot, dash or
// slash ("628100000 005/001/…" is an amount and a letter number, not a phone).
const PHONE = /(?<![\d+])(?<!\d[.\-/])(?:\+62|62|0)[ .-]?8[1-9](?:[ .-]?\d){7,10}(?!\d|[.\-/]\d)/g;

function overlaps(a: { start: number; end: number }, list: readonly { start: number; end: number }[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

function fingerprintOf(kind: PersonalDataKind, value: string): string {
  if (kind === 'email') return maskEmail(value);
  return kind === 'nik' ? maskNik(value) : maskPhone(value);
}

/**
 * Every NIK, mobile number and email address in `text`, in order, never overlapping. Emails first (a number
 * inside an address belongs to the address), then NIKs (16 digits with a valid NIK structure: province code,
 * day 1-31 or 41-71, month 1-12, a date that exists, serial not 0000), then mobile numbers.
 */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const s = String(text ?? '');
  const found: PersonalDataMatch[] = [];
  const add = (kind: PersonalDataKind, start: number, end: number): void => {
    const span = { start, end };
    if (overlaps(span, found)) return;
    const value = s.slice(start, end);
    found.push({ kind, ...span, value, fingerprint: fingerprintOf(kind, value) });
  };
  for (const m of s.matchAll(EMAIL)) add('email', m.index, m.index + m[0].length);
  // Candidates may overlap ("2026 5102 0115 0190 0001"): an invalid one is retried one character further on. Groups
  // can also line up two valid ways ("7100 1101 0101 0100 0001"): overlapping valid candidates make one match, so
  // the real NIK is masked whichever it is (more is masked, never less).
  const nikShape = new RegExp(NIK_SHAPE.source, 'g');
  const validAt = (from: number): RegExpExecArray | null => {
    nikShape.lastIndex = from;
    return nikShape.exec(s);
  };
  for (let from = 0; from < s.length;) {
    const m = validAt(from);
    if (!m) break;
    if (!validateNik(m[0]).ok) {
      from = m.index + 1;
      continue;
    }
    let end = m.index + m[0].length;
    for (let next = m.index + 1; next < end; next++) {
      const o = validAt(next);
      if (!o || o.index >= end) break;
      if (validateNik(o[0]).ok) end = Math.max(end, o.index + o[0].length);
      next = o.index;
    }
    add('nik', m.index, end);
    from = end;
  }
  for (const m of s.matchAll(PHONE)) add('phone', m.index, m.index + m[0].length);
  return found.sort((a, b) => a.start - b.start);
}

/** Fingerprints the Ketua Tim has released as "not personal data" for this complaint (kept in its flags). */
export function releasedFingerprints(c: Pick<Complaint, 'verificationFlags'>): Set<string> {
  const out = new Set<string>();
  for (const entry of c.verificationFlags.split(FLAG_SEPARATOR)) {
    if (!entry.startsWith(PERSONAL_DATA.releasedPrefix)) continue;
    for (const f of entry.slice(PERSONAL_DATA.releasedPrefix.length).split(',')) {
      if (f.trim() !== '') out.add(f.trim());
    }
  }
  return out;
}

/** The matches still held as personal data (not released). */
export function unreleased(text: string, released: ReadonlySet<string>): PersonalDataMatch[] {
  return findPersonalData(text).filter((m) => !released.has(m.fingerprint));
}

function replaceMatches(text: string, matches: readonly PersonalDataMatch[], by: (m: PersonalDataMatch) => string) {
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + by(m);
    at = m.end;
  }
  return out + text.slice(at);
}

export type MaskLevel = 'nikOnly' | 'all';

/**
 * The text as a reader may see it. 'nikOnly' (someone who may see the identity): NIKs masked as in the NIK column,
 * phones and emails kept; 'all' (identity hidden from this reader): every match masked.
 */
export function maskPersonalData(text: string, level: MaskLevel, released: ReadonlySet<string> = new Set()): string {
  const matches = unreleased(text, released).filter((m) => level === 'all' || m.kind === 'nik');
  return replaceMatches(text, matches, (m) => m.fingerprint);
}

/** The text for a digest or the purge: each match replaced by a marker ("[NIK]", "[nomor telepon]", "[email]"). */
export function stripPersonalData(text: string, released: ReadonlySet<string> = new Set()): string {
  return replaceMatches(text, unreleased(text, released), (m) => PERSONAL_DATA.marker[m.kind]);
}

/** The free-text fields holding personal data that is not released. */
export function fieldsWithPersonalData(c: Complaint): FreeTextField[] {
  const released = releasedFingerprints(c);
  return FREE_TEXT_FIELDS.filter((f) => unreleased(c[f], released).length > 0);
}

/**
 * The complaint's flags with the personal-data entry brought up to date: one entry naming the kinds and fields
 * found ("Data pribadi dalam teks: NIK, nomor telepon (Uraian Pengaduan)"), none when nothing (unreleased) is left.
 * Other entries, the release record among them, are kept as they are.
 */
export function withPersonalDataFlag(c: Complaint): string {
  const released = releasedFingerprints(c);
  const kinds = new Set<PersonalDataKind>();
  const fields: FreeTextField[] = [];
  for (const f of FREE_TEXT_FIELDS) {
    const found = unreleased(c[f], released);
    if (found.length === 0) continue;
    fields.push(f);
    for (const m of found) kinds.add(m.kind);
  }
  const others = c.verificationFlags
    .split(FLAG_SEPARATOR)
    .filter((e) => e !== '' && !e.startsWith(PERSONAL_DATA.flagPrefix));
  if (fields.length > 0) {
    const order: PersonalDataKind[] = ['nik', 'phone', 'email'];
    others.push(
      PERSONAL_DATA.flag(
        order.filter((k) => kinds.has(k)).map((k) => PERSONAL_DATA.kindName[k]),
        fields.map((f) => PERSONAL_DATA.fieldName[f]),
      ),
    );
  }
  return others.join(FLAG_SEPARATOR);
}

export function hasPersonalDataFlag(c: Pick<Complaint, 'verificationFlags'>): boolean {
  return c.verificationFlags.split(FLAG_SEPARATOR).some((e) => e.startsWith(PERSONAL_DATA.flagPrefix));
}

/**
 * The Ketua Tim's release: every match now flagged is recorded (by its masked form) as not personal data, so it is
 * no longer flagged, masked, stripped or purged. Data written later is caught again.
 */
export function releasePersonalData(c: Complaint): { flags: string; released: string[] } {
  const before = releasedFingerprints(c);
  const fresh: string[] = [];
  for (const f of FREE_TEXT_FIELDS) {
    for (const m of unreleased(c[f], before)) if (!fresh.includes(m.fingerprint)) fresh.push(m.fingerprint);
  }
  const all = [...before, ...fresh];
  const others = c.verificationFlags
    .split(FLAG_SEPARATOR)
    .filter((e) => e !== '' && !e.startsWith(PERSONAL_DATA.flagPrefix) && !e.startsWith(PERSONAL_DATA.releasedPrefix));
  if (all.length > 0) others.push(`${PERSONAL_DATA.releasedPrefix}${all.join(', ')}`);
  return { flags: others.join(FLAG_SEPARATOR), released: fresh };
}

/** The purged copy of the free text: every unreleased match replaced by its marker. */
export function purgeFreeText(c: Complaint): Partial<Pick<Complaint, FreeTextField>> {
  const released = releasedFingerprints(c);
  const out: Partial<Pick<Complaint, FreeTextField>> = {};
  for (const f of FREE_TEXT_FIELDS) {
    if (unreleased(c[f], released).length > 0) out[f] = stripPersonalData(c[f], released);
  }
  return out;
}
