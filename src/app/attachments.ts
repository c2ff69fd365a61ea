// Attachments by signed link: the receipts' link, the public upload page and its one call, the staff's list and
// opening a file. Files live in the Administrator's folder, shared with no one; a member reads one only through the
// web app (which runs as the Administrator) with a short-lived ticket signed here after the permission check.
import {
  ATTACHMENT_MIME,
  IMAGE_MAX_SIDE,
  IMAGE_TARGET_BYTES,
  MAX_BASE64_CHARS,
  MAX_FILES_PER_COMPLAINT,
  MAX_FILE_BYTES,
  attachmentFileName,
  attachmentLinkMessage,
  linkLastDay,
  linkState,
  sizeText,
  uploadRefusal,
  type AttachmentMeta,
  type AttachmentType,
  type DayCount,
} from '../domain/attachments';
import type { Complaint } from '../domain/complaint';
import { formatDateTime, formatDayLong } from '../domain/format';
import { scopeOf } from '../domain/permissions';
import { canSeeContent } from '../domain/privacy';
import { sameUnit, type Actor } from '../domain/roles';
import { dayKeyOf } from '../domain/time';
import { ATTACH, ATTACH_UI } from '../messages/attachments';
import { STAGE_TEXT } from '../messages/workflow';
import { logOnce, type AuditPort, type LockPort } from '../ports';
import type { Signer } from './feedback';
import type { Settings } from './settings';
import { normalizeRegNumber, publicAgencyName, sameSecret } from './status';

export const ATTACH_PAGE = 'lampiran';
/** The web app's route that serves one file to a member's execution (never linked from a page). */
export const FILE_ROUTE = 'berkas';
/** A ticket to read one file lives this long: it is used at once, server to server. */
export const TICKET_MS = 2 * 60 * 1000;
const MB = MAX_FILE_BYTES / (1024 * 1024);

/** The index of a complaint's files and the web app's daily count (Script Properties). */
export interface AttachmentIndexPort {
  list(regNumber: string): AttachmentMeta[];
  save(regNumber: string, files: readonly AttachmentMeta[]): void;
  remove(regNumber: string): void;
  /** Every complaint that has an index entry. */
  complaints(): string[];
  day(day: string): DayCount;
  saveDay(count: DayCount): void;
}

/** The Administrator's attachments folder. */
export interface AttachmentFilesPort {
  /** Stores the bytes under `name`; returns the file's id. */
  create(name: string, mime: string, bytes: number[]): string;
  /** The file's bytes as base64; throws when it cannot be read. */
  base64(fileId: string): string;
  /** Moves the files to the trash; returns how many were trashed (a file already gone counts as done). */
  trash(fileIds: readonly string[]): number;
}

function validLink(base: string): string | null {
  const url = base.trim();
  return /^https:\/\/\S+$/.test(url) ? url : null;
}

/** The signed upload link of `c` with its last day, or null (no web app, links off, the complaint closed or expired). */
export function attachmentLink(
  c: Complaint,
  settings: Pick<Settings, 'statusPageUrl' | 'attachmentLinkDays'>,
  signer: Signer,
  now: Date,
): { url: string; lastDay: string } | null {
  const base = validLink(settings.statusPageUrl);
  if (!base || linkState(c, now, settings.attachmentLinkDays) !== 'open') return null;
  const last = linkLastDay(c.receivedAt, settings.attachmentLinkDays);
  if (last === null) return null;
  const sep = base.includes('?') ? '&' : '?';
  const t = signer.sign(attachmentLinkMessage(c));
  return {
    url: `${base}${sep}halaman=${ATTACH_PAGE}&no=${encodeURIComponent(c.regNumber)}&t=${encodeURIComponent(t)}`,
    lastDay: formatDayLong(last),
  };
}

/** The receipts' sentence about attachments; '' when there is no link to give. */
export function attachmentLine(
  c: Complaint,
  settings: Pick<Settings, 'statusPageUrl' | 'attachmentLinkDays'>,
  signer: Signer,
  now: Date,
): string {
  const link = attachmentLink(c, settings, signer, now);
  return link ? ATTACH.receiptLine(link.url, link.lastDay, MAX_FILES_PER_COMPLAINT) : '';
}

function tokenMatches(c: Complaint, token: unknown, signer: Signer): boolean {
  return typeof token === 'string' && token.length <= 100 && sameSecret(signer.sign(attachmentLinkMessage(c)), token);
}

export interface AttachDeps {
  now: Date;
  settings: Settings;
  find: (regNumber: string) => Complaint | null;
  signer: Signer;
}

export type PageState =
  | {
      state: 'open';
      agency: string;
      regNumber: string;
      token: string;
      stage: string;
      count: number;
      max: number;
      validUntil: string;
      limits: string;
      maxBytes: number;
      maxBase64: number;
      imageMaxSide: number;
      imageTargetBytes: number;
    }
  | { state: 'refused'; agency: string; message: string };

type Admitted = { ok: true; c: Complaint } | { ok: false; message: string };

/** The complaint of a correctly signed, still open link; or the page's one sentence for why not. */
function admit(deps: AttachDeps, rawNumber: unknown, token: unknown): Admitted {
  const n = normalizeRegNumber(rawNumber);
  const c = n === null ? null : deps.find(n);
  // Unknown number and forged signature: the same answer, so numbers cannot be enumerated.
  if (!c || !tokenMatches(c, token, deps.signer)) return { ok: false, message: ATTACH.linkInvalid };
  const state = linkState(c, deps.now, deps.settings.attachmentLinkDays);
  if (state === 'off') return { ok: false, message: ATTACH.linkOff };
  if (state === 'expired') {
    const last = linkLastDay(c.receivedAt, deps.settings.attachmentLinkDays) ?? dayKeyOf(deps.now);
    return { ok: false, message: ATTACH.linkExpired(formatDayLong(last)) };
  }
  if (state === 'closed') return { ok: false, message: ATTACH.linkClosed };
  return { ok: true, c };
}

/** The upload page: only the number and the stage of the complaint, whatever its privacy (nothing else is shown). */
export function uploadPageState(
  deps: AttachDeps & { index: AttachmentIndexPort },
  rawNumber: unknown,
  token: unknown,
): PageState {
  const agency = publicAgencyName(deps.settings);
  const a = admit(deps, rawNumber, token);
  if (!a.ok) return { state: 'refused', agency, message: a.message };
  const last = linkLastDay(a.c.receivedAt, deps.settings.attachmentLinkDays);
  return {
    state: 'open',
    agency,
    regNumber: a.c.regNumber,
    token: String(token),
    stage: STAGE_TEXT[a.c.status],
    count: deps.index.list(a.c.regNumber).length,
    max: MAX_FILES_PER_COMPLAINT,
    validUntil: last ? ATTACH.validUntil(formatDayLong(last)) : '',
    limits: ATTACH.limits(MAX_FILES_PER_COMPLAINT, MB),
    maxBytes: MAX_FILE_BYTES,
    maxBase64: MAX_BASE64_CHARS,
    imageMaxSide: IMAGE_MAX_SIDE,
    imageTargetBytes: IMAGE_TARGET_BYTES,
  };
}

export interface UploadPayload {
  no?: unknown;
  t?: unknown;
  /** The file as base64 (standard alphabet, no data: prefix). */
  data?: unknown;
}

export type UploadResult =
  | { ok: true; message: string; count: number; max: number }
  | { ok: false; message: string; count: number; max: number };

export interface UploadDeps extends AttachDeps {
  index: AttachmentIndexPort;
  files: AttachmentFilesPort;
  lock: LockPort;
  audit: AuditPort;
  decodeBase64: (text: string) => number[];
}

function refusalText(r: ReturnType<typeof uploadRefusal>): string {
  if (!('refusal' in r)) return '';
  switch (r.refusal) {
    case 'tooLarge':
      return ATTACH.refusals.tooLarge(MB);
    case 'complaintFull':
      return ATTACH.refusals.complaintFull(MAX_FILES_PER_COMPLAINT);
    default:
      return ATTACH.refusals[r.refusal];
  }
}

/**
 * One file from the page: the link checked again, the size before decoding, then under the lock the complaint's
 * and the day's counts, the type by content, the file stored under the number and the next sequence, the index and
 * the day's count written, one audit row.
 */
export function uploadAttachment(deps: UploadDeps, payload: UploadPayload): UploadResult {
  const max = MAX_FILES_PER_COMPLAINT;
  const a = admit(deps, payload.no, payload.t);
  if (!a.ok) return { ok: false, message: a.message, count: 0, max };
  const c = a.c;
  const data = payload.data;
  if (typeof data !== 'string' || data.length === 0)
    return { ok: false, message: ATTACH.refusals.empty, count: deps.index.list(c.regNumber).length, max };
  if (data.length > MAX_BASE64_CHARS)
    return { ok: false, message: ATTACH.refusals.tooLarge(MB), count: deps.index.list(c.regNumber).length, max };
  let bytes: number[];
  try {
    bytes = deps.decodeBase64(data);
  } catch {
    return { ok: false, message: ATTACH.refusals.badType, count: deps.index.list(c.regNumber).length, max };
  }
  return deps.lock.withLock((): UploadResult => {
    const files = deps.index.list(c.regNumber);
    const today = deps.index.day(dayKeyOf(deps.now));
    const checked = uploadRefusal(bytes, files.length, today);
    if (!('type' in checked)) return { ok: false, message: refusalText(checked), count: files.length, max };
    const type: AttachmentType = checked.type;
    const seq = files.reduce((m, f) => Math.max(m, f.seq), 0) + 1;
    const name = attachmentFileName(c.regNumber, seq, type);
    const fileId = deps.files.create(name, ATTACHMENT_MIME[type], bytes);
    const meta: AttachmentMeta = { seq, fileId, type, bytes: bytes.length, at: deps.now.toISOString() };
    deps.index.save(c.regNumber, [...files, meta]);
    deps.index.saveDay({ day: today.day, files: today.files + 1, bytes: today.bytes + bytes.length });
    logOnce(deps.audit, [
      {
        at: deps.now,
        actor: ATTACH.auditActor,
        role: '',
        action: ATTACH.auditAction,
        regNumber: c.regNumber,
        before: '',
        after: '',
        note: ATTACH.auditNote(name, ATTACH_UI.typeLabels[type], sizeText(bytes.length)),
      },
    ]);
    return { ok: true, message: ATTACH.stored(name), count: files.length + 1, max };
  });
}

// ------------------------------------------------------------------ staff

/** The permission table's "attachments" entry (a unit member: own unit only) and rules.md §3 on the content. */
export function mayReadAttachments(member: Actor, c: Complaint): boolean {
  const scope = scopeOf('attachments', member.role);
  if (scope === null) return false;
  if (scope === 'unit' && !sameUnit(member.unit, c.unit)) return false;
  return canSeeContent(member, c);
}

export interface AttachmentItem {
  seq: number;
  name: string;
  type: string;
  size: string;
  at: string;
}

/** The sidebar's list, or null for a member not entitled (who is not told whether files exist). */
export function attachmentList(member: Actor, c: Complaint, index: AttachmentIndexPort): AttachmentItem[] | null {
  if (!mayReadAttachments(member, c)) return null;
  return index.list(c.regNumber).map((f) => ({
    seq: f.seq,
    name: attachmentFileName(c.regNumber, f.seq, f.type),
    type: ATTACH_UI.typeLabels[f.type],
    size: sizeText(f.bytes),
    at: formatDateTime(new Date(f.at)),
  }));
}

export function ticketMessage(regNumber: string, seq: number, expires: number): string {
  return `dumas-berkas|v1|${regNumber}|${seq}|${expires}`;
}

/** The web app's side: a ticket signed by a member's execution a moment ago, for exactly this file. */
export function ticketValid(
  signer: Signer,
  now: Date,
  regNumber: string,
  seq: number,
  expires: number,
  ticket: unknown,
): boolean {
  if (!Number.isInteger(seq) || !Number.isFinite(expires)) return false;
  if (expires < now.getTime() || expires > now.getTime() + TICKET_MS) return false;
  return (
    typeof ticket === 'string' &&
    ticket.length <= 100 &&
    sameSecret(signer.sign(ticketMessage(regNumber, seq, expires)), ticket)
  );
}
