// Who may see the complainant's identity and the complaint's content, and the masked copies others get.
import { HIDDEN_TEXT, LOG_MARKERS } from '../messages/domain';
import type { Complaint } from './complaint';
import { COMPLAINTS_TEAM, sameUnit, type Actor } from './roles';
import { FREE_TEXT_FIELDS, maskPersonalData, releasedFingerprints } from './personalData';
import { maskNik } from './validation';

/**
 * Identity (name, NIK, phone, email, address):
 * - biasa: every signed-in role;
 * - anonim and rahasia: only the complaints team (CS, Sekretaris, Ketua); the unit, the Kepala Dinas and
 *   the administrator see "(dirahasiakan)". The reply letter is produced by the team's tools, not from a redacted copy.
 * Nobody outside (actor null: the public status page) sees identity.
 */
export function canSeeIdentity(actor: Actor | null, c: Complaint): boolean {
  if (actor === null) return false;
  if (c.privacy === 'biasa') return true;
  return COMPLAINTS_TEAM.includes(actor.role);
}

/**
 * Content (subject, description, notes, answer):
 * - biasa and anonim: every signed-in role;
 * - rahasia: the complaints team, the Kepala Dinas (who must read it to dispose and sign) and the ANGGOTA of
 *   the assigned unit; not other units, not the administrator.
 * The public never sees content, only the status.
 */
export function canSeeContent(actor: Actor | null, c: Complaint): boolean {
  if (actor === null) return false;
  if (c.privacy !== 'rahasia') return true;
  if (COMPLAINTS_TEAM.includes(actor.role) || actor.role === 'KEPALA_DINAS') return true;
  return actor.role === 'ANGGOTA' && sameUnit(actor.unit, c.unit);
}

/** The identity columns hidden as a whole ("(dirahasiakan)"); the NIK is hidden too, or masked, see redact. */
export const IDENTITY_FIELDS = ['name', 'phone', 'phoneCanonical', 'email', 'address'] as const;
/** What a complaint says (rules.md §3 "isi"): hidden from those who may not read a rahasia complaint. */
export const CONTENT_FIELDS = [
  'subject',
  'description',
  'followUpNotes',
  'answer',
  'instruction',
  'forwardNote',
  'verificationFlags',
  'extReason',
] as const;

/** Shorter values (an initial, a one-word hamlet) would mask ordinary words of the text. */
const OWN_IDENTITY_MIN_LENGTH = 4;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The complainant's own name, address, NIK, phone and email wherever a text repeats them (complainants introduce
 * themselves in the description; staff quote the name in notes), as "(dirahasiakan)", for a reader who may not see
 * identity. Case and spacing are ignored; longer values first, so an address holding the name goes whole.
 */
export function maskOwnIdentity(text: string, c: Pick<Complaint, 'name' | 'nik' | 'phone' | 'email' | 'address'>) {
  if (text === '') return text;
  const values = [c.name, c.address, c.nik, c.phone, c.email]
    .map((v) => v.trim())
    .filter((v) => v.length >= OWN_IDENTITY_MIN_LENGTH && v !== HIDDEN_TEXT)
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const v of values) {
    const pattern = v.split(/\s+/).map(escapeRegExp).join('\\s+');
    out = out.replace(new RegExp(pattern, 'gi'), HIDDEN_TEXT);
  }
  return out;
}

export interface RedactOptions {
  /** Show the full NIK (only to someone who may see identity, e.g. to check it against the KTP). Default false. */
  revealNik?: boolean;
}

/**
 * A copy safe for `actor` to see. The NIK is masked ('5102********0001') even for those who may see identity,
 * unless revealNik is asked for: lists never need it. The access code is only for the complainant.
 */
export function redact(c: Complaint, actor: Actor | null, options: RedactOptions = {}): Complaint {
  const copy: Complaint = { ...c, accessCode: '' };
  const identity = canSeeIdentity(actor, c);
  if (identity) {
    if (!options.revealNik) copy.nik = maskNik(c.nik);
  } else {
    for (const f of IDENTITY_FIELDS) if (c[f] !== '') copy[f] = HIDDEN_TEXT;
    copy.nik = c.nik === '' ? '' : HIDDEN_TEXT;
  }
  if (!canSeeContent(actor, c)) {
    for (const f of CONTENT_FIELDS) if (c[f] !== '') copy[f] = HIDDEN_TEXT;
  }
  // Personal data written into the text is masked as the identity columns are: NIKs always, unless revealed;
  // phones and emails too when the identity is hidden from this reader.
  const level = identity ? (options.revealNik ? null : 'nikOnly') : 'all';
  if (level !== null) {
    const released = releasedFingerprints(c);
    for (const f of FREE_TEXT_FIELDS) copy[f] = maskPersonalData(copy[f], level, released);
  }
  // Hidden identity stays hidden when the text repeats it (the complainant's own words, a note quoting the name).
  if (!identity) for (const f of FREE_TEXT_FIELDS) copy[f] = maskOwnIdentity(copy[f], c);
  return copy;
}

export type EmailAudience = { kind: 'complainant' } | { kind: 'staff'; actor: Actor };

/**
 * The copy an email may be built from. The NIK never appears unmasked in any email. The complainant's
 * own email keeps their details and the access code (it is how they follow the complaint); a staff
 * email follows the same rules as the screen, without the access code.
 */
export function forEmail(c: Complaint, audience: EmailAudience): Complaint {
  if (audience.kind === 'complainant') return { ...c, nik: maskNik(c.nik) };
  const copy = redact(c, audience.actor);
  if (copy.nik !== '' && copy.nik !== HIDDEN_TEXT) copy.nik = maskNik(c.nik);
  return copy;
}

/**
 * Text for the execution log: email addresses, NIKs (16 digits) and phone numbers replaced by a marker.
 * Google's own error texts quote the address they refused ("Invalid email: …"), and the log is read by
 * whoever can open the script, so nothing a complainant typed about themselves may reach it.
 */
export function redactForLog(text: string): string {
  return text
    .replace(/[^\s@<>()"',;:]+@[^\s@<>()"',;:]+/g, LOG_MARKERS.email)
    .replace(/(?<!\d)\d{16}(?!\d)/g, LOG_MARKERS.nik)
    .replace(/(?<![\d\w])(?:\+?62|0)[\s-]?8(?:[\s-]?\d){7,11}(?!\d)/g, LOG_MARKERS.phone);
}
