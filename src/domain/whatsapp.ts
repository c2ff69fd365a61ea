// WhatsApp without an API: click-to-chat links (https://wa.me/<number>?text=…) that open WhatsApp on the officer's own
// device with the message written. The messages carry the number, the status and the status-page link; the access
// code only in the complainant's receipt; never a name, NIK, address, email or the complaint's text (a chat passes
// through a personal phone and a third party). A rahasia complaint's info request does not quote the question.
import { WA_DELIVERY, WA_STAFF_TEXT, WA_TEXT } from '../messages/whatsapp';
import { isClosed, type Complaint } from './complaint';
import { formatDateTime, formatDayLong } from './format';
import { singleLine } from './letter';
import { maskNik } from './validation';

export type ComplainantNotice =
  'receipt' | 'infoRequest' | 'letterSent' | 'ratingInvite' | 'reopened' | 'extended' | 'forwarded';
export type StaffNotice = 'awaitingDisposition' | 'disposition' | 'reopenedForUnit';
export type WhatsAppKind = ComplainantNotice | StaffNotice;

export const COMPLAINANT_NOTICES: readonly ComplainantNotice[] = [
  'receipt',
  'infoRequest',
  'letterSent',
  'ratingInvite',
  'reopened',
  'extended',
  'forwarded',
];
export const STAFF_NOTICES: readonly StaffNotice[] = ['awaitingDisposition', 'disposition', 'reopenedForUnit'];

export function isWhatsAppKind(value: unknown): value is WhatsAppKind {
  return (
    typeof value === 'string' &&
    ((COMPLAINANT_NOTICES as readonly string[]).includes(value) || (STAFF_NOTICES as readonly string[]).includes(value))
  );
}

export function isComplainantNotice(kind: WhatsAppKind): kind is ComplainantNotice {
  return (COMPLAINANT_NOTICES as readonly string[]).includes(kind);
}

/**
 * The wa.me number of a canonical phone ('+6281234567890' → '6281234567890'); null unless it is an Indonesian
 * mobile number (WhatsApp lives on mobiles; a landline would open a chat that never arrives).
 */
export function waNumber(phoneCanonical: string): string | null {
  const m = /^\+(628[1-9]\d{7,10})$/.exec(phoneCanonical.trim());
  return m ? m[1] : null;
}

/** The click-to-chat link, or null when the number cannot receive WhatsApp. */
export function waLink(phoneCanonical: string, text: string): string | null {
  const number = waNumber(phoneCanonical);
  return number === null ? null : `https://wa.me/${number}?text=${encodeURIComponent(text)}`;
}

export interface ComplainantFacts {
  /** The agency as the public reads it. */
  agency: string;
  /** The status page with the number prefilled ('' before the web app is deployed). */
  statusUrl: string;
  /** The agency's phone, for when there is no status page. */
  contact: string;
  /** The signed rating link, null without a status page. */
  ratingUrl: string | null;
  /** The receipt's sentence with the signed upload link; '' or absent when there is none. */
  attachLine?: string;
  /** The question just asked (info request), as typed; '' when not known. */
  question?: string;
}

/** The message telling the complainant `kind` about `c`, or null when it does not apply to the complaint now. */
export function complainantText(kind: ComplainantNotice, c: Complaint, facts: ComplainantFacts): string | null {
  const base = {
    agency: facts.agency,
    regNumber: c.regNumber,
    status: c.status,
    statusUrl: facts.statusUrl,
    contact: facts.contact,
  };
  switch (kind) {
    case 'receipt':
      if (c.accessCode === '') return null;
      return WA_TEXT.receipt({
        ...base,
        accessCode: c.accessCode,
        received: formatDateTime(c.receivedAt),
        deadline: c.deadline === '' ? '-' : formatDayLong(c.deadline),
        attachLine: facts.attachLine ?? '',
      });
    case 'infoRequest':
      if (c.infoRequestedAt === null || isClosed(c.status)) return null;
      return WA_TEXT.infoRequest({
        ...base,
        question: c.privacy === 'rahasia' ? '' : oneLine(facts.question ?? ''),
      });
    case 'letterSent':
      if (c.sentAt === null || c.deliveryMethod === '') return null;
      return WA_TEXT.letterSent({ ...base, letterNumber: c.letterNumber, how: WA_DELIVERY[c.deliveryMethod] });
    case 'ratingInvite':
      if (c.status !== 'Selesai' || c.closedAt === null || !facts.ratingUrl) return null;
      return WA_TEXT.ratingInvite({ ...base, ratingUrl: facts.ratingUrl });
    case 'reopened':
      if (c.reopenCount < 1 || isClosed(c.status) || c.deadline === '') return null;
      return WA_TEXT.reopened({ ...base, deadline: formatDayLong(c.deadline) });
    case 'extended':
      if (c.deadlineKind !== 'khusus' || isClosed(c.status) || c.deadline === '') return null;
      return WA_TEXT.extended({ ...base, deadline: formatDayLong(c.deadline) });
    case 'forwarded':
      if (c.status !== 'Dialihkan' || c.forwardedTo === '') return null;
      return WA_TEXT.forwarded({ ...base, forwardedTo: singleLine(c.forwardedTo) });
  }
}

/** The message telling a staff member `kind` about `c`, or null when it does not apply now. */
export function staffText(kind: StaffNotice, c: Complaint, registerUrl: string): string | null {
  const v = {
    regNumber: c.regNumber,
    status: c.status,
    deadline: c.deadline === '' ? '-' : formatDayLong(c.deadline),
    unit: c.unit,
    registerUrl,
  };
  switch (kind) {
    case 'awaitingDisposition':
      return c.status === 'Menunggu Disposisi' ? WA_STAFF_TEXT.awaitingDisposition(v) : null;
    case 'disposition':
      return c.status === 'Didisposisikan' && c.unit !== '' ? WA_STAFF_TEXT.disposition(v) : null;
    case 'reopenedForUnit':
      return c.reopenCount > 0 && !isClosed(c.status) && c.unit !== '' ? WA_STAFF_TEXT.reopenedForUnit(v) : null;
  }
}

/** A question typed in a sidebar, on one line and short: a chat message, not a letter. */
function oneLine(text: string): string {
  // A NIK typed into the question (it happens) goes out masked, like everywhere else.
  const flat = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<!\d)\d{16}(?!\d)/g, (nik) => maskNik(nik));
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}
