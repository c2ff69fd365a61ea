// Attachments a complainant adds through the signed link on the receipt: what the link signs and how long it works,
// which files are accepted (by their bytes, never their name), the limits, and the stored name.
import type { Complaint } from './complaint';
import { isClosed } from './complaint';
import { addDays, compareDayKeys, dayKeyOf, type DayKey } from './time';

/** At most this many files per complaint (all uploads together). */
export const MAX_FILES_PER_COMPLAINT = 5;
/** Largest file accepted, in bytes, as it arrives (images are downscaled in the browser first). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Files the whole web app accepts in one day (WITA), all complaints together: a flood stops here. */
export const MAX_FILES_PER_DAY = 200;
/** Bytes the whole web app accepts in one day (WITA). */
export const MAX_BYTES_PER_DAY = 200 * 1024 * 1024;
/** The page downscales an image whose longer side is over this, or whose file is over IMAGE_TARGET_BYTES. */
export const IMAGE_MAX_SIDE = 1600;
export const IMAGE_TARGET_BYTES = 1024 * 1024;
/** Default validity of the link, in days from the day the complaint was received (setting `masa_tautan_lampiran_hari`). */
export const DEFAULT_LINK_DAYS = 14;

export type AttachmentType = 'jpeg' | 'png' | 'pdf';

export const ATTACHMENT_MIME: Record<AttachmentType, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
};
const EXTENSION: Record<AttachmentType, string> = { jpeg: 'jpg', png: 'png', pdf: 'pdf' };

/** Bytes as 0–255 whatever their source (Apps Script's Java bytes are signed). */
function at(bytes: ArrayLike<number>, i: number): number {
  return (bytes[i] ?? -1) & 0xff;
}

function startsWith(bytes: ArrayLike<number>, prefix: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  return prefix.every((b, i) => at(bytes, offset + i) === b);
}

const ascii = (s: string): number[] => Array.from(s, (ch) => ch.charCodeAt(0));

/**
 * The type the bytes are, or null. JPEG: SOI + a marker, ending with EOI; PNG: the signature then the IHDR chunk;
 * PDF: "%PDF-" at byte 0 and "%%EOF" in the last 1,024 bytes. Anything else (an .exe, an HTML page, WebP, HEIC,
 * a ZIP) is refused whatever it is called; the browser turns the images it can read (WebP, HEIC on iPhone) into JPEG.
 */
export function sniffType(bytes: ArrayLike<number>): AttachmentType | null {
  const n = bytes.length;
  if (n >= 4 && startsWith(bytes, [0xff, 0xd8, 0xff]) && at(bytes, n - 2) === 0xff && at(bytes, n - 1) === 0xd9)
    return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && startsWith(bytes, ascii('IHDR'), 12))
    return 'png';
  if (startsWith(bytes, ascii('%PDF-'))) {
    const tail = Array.from({ length: Math.min(n, 1024) }, (_, i) => at(bytes, n - Math.min(n, 1024) + i));
    const eof = ascii('%%EOF');
    for (let i = 0; i + eof.length <= tail.length; i++) if (eof.every((b, j) => tail[i + j] === b)) return 'pdf';
  }
  return null;
}

/** The stored name: the number and the sequence, nothing the citizen typed ("DUMAS-2026-0001-2.jpg"). */
export function attachmentFileName(regNumber: string, seq: number, type: AttachmentType): string {
  return `${regNumber}-${seq}.${EXTENSION[type]}`;
}

/** What the upload link signs: the number and when the complaint was received (a row re-used never matches). */
export function attachmentLinkMessage(c: Pick<Complaint, 'regNumber' | 'receivedAt'>): string {
  return `dumas-lampiran|v1|${c.regNumber}|${c.receivedAt.toISOString()}`;
}

/** The last day (WITA) the link works: the day received + `days`; null when the setting turns links off (< 1). */
export function linkLastDay(receivedAt: Date, days: number): DayKey | null {
  if (!Number.isInteger(days) || days < 1) return null;
  return addDays(dayKeyOf(receivedAt), days);
}

export type LinkState = 'open' | 'expired' | 'closed' | 'off';

/** Whether a correctly signed link may still add files now. */
export function linkState(c: Pick<Complaint, 'receivedAt' | 'status'>, now: Date, days: number): LinkState {
  const last = linkLastDay(c.receivedAt, days);
  if (last === null) return 'off';
  if (compareDayKeys(dayKeyOf(now), last) > 0) return 'expired';
  // A settled or forwarded complaint takes no more evidence: a reopening is the Ketua Tim's decision.
  if (isClosed(c.status)) return 'closed';
  return 'open';
}

/** One stored attachment, as the index keeps it (no name the citizen chose, no personal data). */
export interface AttachmentMeta {
  seq: number;
  fileId: string;
  type: AttachmentType;
  bytes: number;
  /** ISO instant of the upload. */
  at: string;
}

export interface DayCount {
  day: DayKey;
  files: number;
  bytes: number;
}

export type UploadRefusal = 'tooLarge' | 'empty' | 'badType' | 'complaintFull' | 'dayFull';

/** Checks one file against every limit; null when it may be stored. */
export function uploadRefusal(
  bytes: ArrayLike<number>,
  existing: number,
  today: DayCount,
): { refusal: UploadRefusal } | { type: AttachmentType } {
  if (existing >= MAX_FILES_PER_COMPLAINT) return { refusal: 'complaintFull' };
  if (bytes.length === 0) return { refusal: 'empty' };
  if (bytes.length > MAX_FILE_BYTES) return { refusal: 'tooLarge' };
  if (today.files >= MAX_FILES_PER_DAY || today.bytes + bytes.length > MAX_BYTES_PER_DAY) return { refusal: 'dayFull' };
  const type = sniffType(bytes);
  return type === null ? { refusal: 'badType' } : { type };
}

/** The base64 of a file of MAX_FILE_BYTES, plus room for padding: a longer string is refused before decoding. */
export const MAX_BASE64_CHARS = Math.ceil(MAX_FILE_BYTES / 3) * 4 + 4;

/** "1,2 MB", "350 KB" for the lists. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
