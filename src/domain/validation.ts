// Checking and cleaning what people type: NIK, phone, email, free text, and the intake as a whole.
import { MSG } from '../messages/domain';
import type { Channel, Privacy } from './complaint';
import { daysInMonth, parseDayKey, type DayKey } from './time';
import { CHANNEL_ALIASES, PRIVACY_ALIASES, aliasOf } from './vocabulary';

export interface ValidationIssue {
  field: string;
  message: string;
}

/** Maximum stored length per field, in characters. */
export const LIMITS = {
  name: 100,
  nik: 40,
  phone: 30,
  email: 254,
  address: 300,
  subject: 200,
  description: 5000,
  answer: 10000,
  note: 2000,
  instruction: 1000,
  unit: 100,
  assignedTo: 254,
  agendaNumber: 50,
  letterNumber: 100,
  replyDocUrl: 500,
  extOfficial: 150,
  extReason: 1000,
  forwardedTo: 200,
  forwardNote: 2000,
} as const;

/** Province codes of the NIK (Kemendagri): 34 older provinces plus the Papua codes 91-96 after the 2022 split. */
export const NIK_PROVINCE_CODES: readonly string[] = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '51',
  '52',
  '53',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '81',
  '82',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
];

export type NikResult = { ok: true; value: string } | { ok: false; message: string };

/** `PP RR KK DDMMYY SSSS`; spaces, dots and dashes between digit groups are tolerated. */
export function validateNik(s: string): NikResult {
  const raw = String(s ?? '').trim();
  if (raw === '') return { ok: false, message: MSG.nikEmpty };
  const digits = raw.replace(/[\s.-]/g, '');
  if (!/^\d{16}$/.test(digits)) return { ok: false, message: MSG.nikLength };
  const province = digits.slice(0, 2);
  if (!NIK_PROVINCE_CODES.includes(province)) return { ok: false, message: MSG.nikProvince(province) };
  let day = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  const yy = Number(digits.slice(10, 12));
  if (day > 40) day -= 40; // women: day + 40
  if (day < 1 || day > 31) return { ok: false, message: MSG.nikDay };
  if (month < 1 || month > 12) return { ok: false, message: MSG.nikMonth };
  // The century is not written; the date is real if it exists in either 19YY or 20YY.
  if (day > Math.max(daysInMonth(1900 + yy, month), daysInMonth(2000 + yy, month))) {
    return { ok: false, message: MSG.nikDate };
  }
  if (digits.slice(12) === '0000') return { ok: false, message: MSG.nikSerial };
  return { ok: true, value: digits };
}

export type PhoneResult = { ok: true; canonical: string } | { ok: false; message: string };

/**
 * Indonesian numbers to E.164 ('+628…'). Mobile: 8 then 8-11 digits after the 0 (0812 3456 7890);
 * landline: area code starting 2-7 or 9 plus subscriber, 7-11 digits after the 0 (0361 811073).
 */
export function normalizePhone(s: string): PhoneResult {
  const raw = String(s ?? '').trim();
  if (raw === '') return { ok: false, message: MSG.phoneEmpty };
  if (!/^\+?[\d\s().-]+$/.test(raw)) return { ok: false, message: MSG.phoneChars };
  const digits = raw.replace(/\D/g, '');
  let national: string;
  if (raw.startsWith('+')) {
    if (!digits.startsWith('62')) return { ok: false, message: MSG.phonePrefix };
    national = digits.slice(2).replace(/^0/, ''); // '+62 0812…' is a common slip
  } else if (digits.startsWith('62')) national = digits.slice(2).replace(/^0/, '');
  else if (digits.startsWith('0')) national = digits.slice(1);
  else return { ok: false, message: MSG.phonePrefix };
  if (national.startsWith('8')) {
    return /^8[1-9]\d{7,10}$/.test(national)
      ? { ok: true, canonical: `+62${national}` }
      : { ok: false, message: MSG.phoneMobile };
  }
  return /^[2-79]\d{6,10}$/.test(national)
    ? { ok: true, canonical: `+62${national}` }
    : { ok: false, message: MSG.phoneLandline };
}

export type EmailResult = { ok: true; value: string } | { ok: false; message: string };

export function validateEmail(s: string): EmailResult {
  const v = String(s ?? '').trim();
  if (v.length > LIMITS.email || !/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[A-Za-z]{2,}$/.test(v)) {
    return { ok: false, message: MSG.emailInvalid };
  }
  // The domain part is case-insensitive; the local part is kept as typed.
  const at = v.lastIndexOf('@');
  return { ok: true, value: v.slice(0, at) + v.slice(at).toLowerCase() };
}

/**
 * Removes control characters (keeping \n and \t), normalises line ends and Unicode, trims, and cuts at
 * maxLength. Never touches = + - @ or quotes: keeping a value from being read as a formula is the
 * storage adapter's job, and the register must hold what the person wrote.
 */
export function cleanText(s: string, maxLength: number = Number.MAX_SAFE_INTEGER): string {
  const cleaned = String(s ?? '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u2028\u2029\uFEFF]/g, '')
    .trim();
  return cleaned.length > maxLength ? cleaned.slice(0, maxLength).trimEnd() : cleaned;
}

/** Length of the cleaned text before any cut, to tell "too long" apart from "fits". */
export function cleanedLength(s: string): number {
  return cleanText(s).length;
}

// ---------------------------------------------------------------- intake

export interface IntakeInput {
  /** 'Surat' | 'Tatap Muka' | 'Formulir Online', as typed or chosen. */
  channel: string;
  receivedAt: Date;
  name?: string;
  nik?: string;
  phone?: string;
  email?: string;
  address?: string;
  subject?: string;
  description?: string;
  /** 'biasa' | 'anonim' | 'rahasia'; blank means biasa. */
  privacy?: string;
  ktpSeen?: boolean;
  letterPresent?: boolean;
  /** Email of the person who recorded it ('' for the online form). */
  registeredBy?: string;
  /** A category of the Kategori sheet, already checked by the caller (app/categories). */
  category?: string;
  /** SP4N-LAPOR!: the tracking ID's digits and the forwarding day, already checked by the caller (app/lapor). */
  laporId?: string;
  laporForwardedOn?: string;
}

export interface IntakeValues {
  channel: Channel;
  receivedAt: Date;
  name: string;
  /** 16 digits when valid, otherwise the cleaned text as typed (flagged). */
  nik: string;
  phone: string;
  phoneCanonical: string;
  email: string;
  address: string;
  subject: string;
  description: string;
  privacy: Privacy;
  ktpSeen: boolean;
  letterPresent: boolean;
  registeredBy: string;
  category: string;
  laporId: string;
  laporForwardedOn: DayKey;
}

export function parseChannel(s: string): Channel | null {
  return aliasOf(
    CHANNEL_ALIASES,
    String(s ?? '')
      .trim()
      .toLowerCase()
      .replace(/\s+/g, ' '),
  );
}

export function parsePrivacy(s: string | undefined): Privacy | null {
  const v = String(s ?? '')
    .trim()
    .toLowerCase();
  return aliasOf(PRIVACY_ALIASES, v);
}

/** Subject line derived from the description when the person left it blank. */
function subjectFrom(description: string): string {
  const firstLine = description.split('\n')[0] ?? '';
  return firstLine.length > 80 ? `${firstLine.slice(0, 77).trimEnd()}...` : firstLine;
}

/**
 * Cleans and checks an intake. Blocking (the complaint cannot be recorded): no subject and no description,
 * an unknown channel or privacy level, or an invalid receipt time. Everything else is a soft issue: the
 * complaint is recorded and the issue is written to verificationFlags for the team to follow up
 * (invalid NIK or phone, no name, no contact, KTP not yet seen, text cut at its limit).
 */
export function validateIntake(raw: IntakeInput): {
  values: IntakeValues;
  issues: ValidationIssue[];
  blocking: ValidationIssue[];
} {
  const issues: ValidationIssue[] = [];
  const blocking: ValidationIssue[] = [];
  const text = (field: keyof typeof LIMITS, value: string | undefined): string => {
    const cleaned = cleanText(value ?? '');
    if (cleaned.length > LIMITS[field]) issues.push({ field, message: MSG.textTruncated(field, LIMITS[field]) });
    return cleanText(cleaned, LIMITS[field]);
  };

  const channel = parseChannel(raw.channel);
  if (channel === null) blocking.push({ field: 'channel', message: MSG.channelInvalid });
  const privacy = parsePrivacy(raw.privacy);
  if (privacy === null) blocking.push({ field: 'privacy', message: MSG.privacyInvalid });
  const receivedOk = raw.receivedAt instanceof Date && !Number.isNaN(raw.receivedAt.getTime());
  if (!receivedOk) blocking.push({ field: 'receivedAt', message: MSG.receivedAtInvalid });

  const description = text('description', raw.description);
  let subject = text('subject', raw.subject);
  if (subject === '' && description === '') {
    blocking.push({ field: 'subject', message: MSG.subjectOrDescriptionRequired });
  } else if (subject === '') {
    subject = subjectFrom(description);
  }

  const name = text('name', raw.name);
  if (name === '') issues.push({ field: 'name', message: MSG.nameMissing });

  let nik = cleanText(raw.nik ?? '', LIMITS.nik);
  const nikCheck = validateNik(nik);
  if (nikCheck.ok) nik = nikCheck.value;
  else issues.push({ field: 'nik', message: nikCheck.message });

  const phone = cleanText(raw.phone ?? '', LIMITS.phone);
  let phoneCanonical = '';
  if (phone !== '') {
    const p = normalizePhone(phone);
    if (p.ok) phoneCanonical = p.canonical;
    else issues.push({ field: 'phone', message: p.message });
  }

  let email = cleanText(raw.email ?? '', LIMITS.email);
  if (email !== '') {
    const e = validateEmail(email);
    if (e.ok) email = e.value;
    else issues.push({ field: 'email', message: e.message });
  }

  const address = text('address', raw.address);
  if (address === '' && phoneCanonical === '' && (email === '' || issues.some((i) => i.field === 'email'))) {
    issues.push({ field: 'address', message: MSG.noContact });
  }

  const ktpSeen = raw.ktpSeen === true;
  if (!ktpSeen) issues.push({ field: 'ktpSeen', message: MSG.ktpNotSeen });

  return {
    values: {
      channel: channel ?? 'Surat',
      receivedAt: raw.receivedAt,
      name,
      nik,
      phone,
      phoneCanonical,
      email,
      address,
      subject,
      description,
      privacy: privacy ?? 'biasa',
      ktpSeen,
      letterPresent: raw.letterPresent === true || (raw.letterPresent === undefined && channel === 'Surat'),
      registeredBy: cleanText(raw.registeredBy ?? '', LIMITS.email),
      category: cleanText(raw.category ?? '', LIMITS.subject),
      // Only a LAPOR! report keeps LAPOR! data: another channel's row never gets a LAPOR! deadline.
      laporId: channel === 'SP4N-LAPOR!' ? cleanText(raw.laporId ?? '', 20) : '',
      laporForwardedOn: channel === 'SP4N-LAPOR!' ? (parseDayKey(raw.laporForwardedOn ?? '') ?? '') : '',
    },
    issues,
    blocking,
  };
}

// ---------------------------------------------------------------- masking

function digitsOf(s: string): string {
  return String(s ?? '').replace(/\D/g, '');
}

/** Keeps the first and last 4 digits: '5102011501900001' → '5102********0001'. */
export function maskNik(s: string): string {
  return maskDigits(s);
}

/** Keeps the first 4 and up to the last 4 digits: '081234567890' → '0812****7890', '0812345678' → '0812****78'. */
export function maskPhone(s: string): string {
  return maskDigits(s);
}

/** At least 4 digits hidden: a short number masked as "first 4, last 4" would leave too few to guess (10 → 100). */
function maskDigits(s: string): string {
  const d = digitsOf(s);
  if (d === '') return '';
  if (d.length <= 8) return '*'.repeat(Math.max(0, d.length - 2)) + d.slice(-2);
  const hidden = Math.max(4, d.length - 8);
  return d.slice(0, 4) + '*'.repeat(hidden) + d.slice(4 + hidden);
}

/** 'budi@x.id' → 'b***@x.id'. */
export function maskEmail(s: string): string {
  const v = String(s ?? '').trim();
  const at = v.lastIndexOf('@');
  if (at < 1) return v === '' ? '' : '***';
  return `${v[0]}***${v.slice(at)}`;
}

/** 'Budi Santoso' → 'B*** S***'. */
export function maskName(s: string): string {
  return String(s ?? '')
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => `${Array.from(w)[0]}***`)
    .join(' ');
}
