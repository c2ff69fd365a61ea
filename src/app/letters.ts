// The reply letter's use cases: draft (Doc from the template), submit, approve and sign (gap-free number under the
// lock, final PDF), return to the unit, upload the signed scan, deliver (email with the PDF, or post / by hand) and
// the berita acara of a face-to-face answer. Each refuses before touching Drive, and writes through performAction.
import type { Complaint } from '../domain/complaint';
import { formatDateTime, formatDay } from '../domain/format';
import {
  beritaAcaraValues,
  draftValues,
  nextLetterNumber,
  headTitle,
  signingValues,
  type LetterValues,
  type SignerInfo,
} from '../domain/letter';
import {
  parseSigningMode,
  signatureProblem,
  verificationUrl,
  type LetterRecord,
  type SignatureForm,
} from '../domain/signature';
import { canSeeContent, canSeeIdentity, forEmail, redact } from '../domain/privacy';
import { permits, scopeOf } from '../domain/permissions';
import { ROLE_LABELS, sameUnit, type Role } from '../domain/roles';
import { addDays, compareDayKeys, dayKeyOf, parseDayKey, type DayKey } from '../domain/time';
import { cleanText, validateEmail } from '../domain/validation';
import {
  TRANSITIONS,
  accessAllows,
  allowedActions,
  applyAction,
  type ActionInput,
  type ActionName,
} from '../domain/workflow';
import { letterEmailSubject } from '../messages/letterEmail';
import { LETTER_ACTION_LABELS, LETTER_TEXT, LETTER_UI } from '../messages/letters';
import {
  logOnce,
  type AuditEntry,
  type LockPort,
  type MailAttachment,
  type SentMarksPort,
  type StoredComplaint,
} from '../ports';
import type { TeamMember } from './team';
import { HeldEvents, type WorkflowEvents } from './events';
import { performAction, type WorkflowDeps } from './workflow';

/** A setup problem (template or letters folder gone) the adapter reports with a message a person can act on. */
export class LetterDocsSetupError extends Error {}

/** What the use cases need from Google Docs and Drive (gas/letterDocs.ts implements it). */
export interface LetterDocsPort {
  /** True when the Doc exists and is not in the trash. */
  exists(docId: string): boolean;
  /** Copies the template into the folder of `day` as `name` and fills it; returns the Doc's id and URL. */
  createDraft(name: string, day: DayKey, values: LetterValues): { id: string; url: string };
  /** Rebuilds an existing draft from the template (same Doc) and fills it. */
  redraft(docId: string, values: LetterValues): void;
  /**
   * Fills the approval values (mark, verification code and link included), puts the QR of `qrUrl` (none when ''),
   * saves, and stores the PDF `pdfName` beside the Doc; returns placeholders left over. Safe to run again.
   */
  finalize(docId: string, values: LetterValues, pdfName: string, qrUrl: string): { leftovers: string[] };
  /** Moves the letter's PDF to the trash (a voided signature); false when there was none. */
  voidPdf(docId: string, pdfName: string): boolean;
  /** Stores the signed scan as the letter's PDF beside the Doc. */
  storeScan(docId: string, pdfName: string, bytes: number[]): void;
  /** The letter's PDF as a mail attachment, or null when there is none. */
  pdf(docId: string, pdfName: string): MailAttachment | null;
  /** A berita acara Doc named `name` in the folder of `day`: the existing one, or a new one from `values`. */
  beritaAcara(name: string, day: DayKey, values: LetterValues): { url: string; created: boolean };
  trash(docId: string): void;
  docIdOf(url: string): string | null;
}

/** The letters register ("Register Surat"): every issued number, its code, signature form and fate. */
export interface LetterRecordsPort {
  /** Every letter number in the sheet (one column read, under the lock). */
  numbers(): string[];
  find(letterNumber: string): LetterRecord | null;
  findByCode(code: string): LetterRecord | null;
  /** Writes the record's row (call under the lock). */
  save(record: LetterRecord): void;
}

/** The letter's seal: its verification code (keyed, from the number) and the SHA-256 of bytes (hex). */
export interface SealPort {
  code(letterNumber: string): string;
  sha256(bytes: readonly number[]): string;
}

export interface LetterDeps extends WorkflowDeps {
  docs: LetterDocsPort;
  /** Letter numbers already issued: the register's letter-number column and the letters register's, under the lock. */
  usedLetterNumbers: () => string[];
  letters: LetterRecordsPort;
  seal: SealPort;
  /** The letter emails already sent: a retry after the closing write failed does not send the letter again. */
  sentMarks?: SentMarksPort;
}

/** The steps of a letter's life; messages/letters.ts labels each (the compiler asks for every one). */
const LETTER_ACTION_NAMES = ['draft', 'submit', 'sign', 'returnToUnit', 'upload', 'deliver', 'beritaAcara'] as const;
export type LetterAction = (typeof LETTER_ACTION_NAMES)[number];
export const LETTER_ACTIONS: readonly LetterAction[] = LETTER_ACTION_NAMES;

export const MAX_SCAN_BYTES = 5 * 1024 * 1024;

export interface LetterRequest {
  regNumber: string;
  version: number;
  answer?: string;
  note?: string;
  method?: string;
  handedOverDate?: string;
  /** The signed scan's bytes (decoded by the server). */
  scan?: number[];
  /** After a delivery stopped while emailing: what the person found in the sender's Sent folder. */
  emailCheck?: string;
}

export type LetterOutcome =
  | { ok: true; message: string; warnings: string[]; stored: StoredComplaint; changed: boolean }
  | { ok: false; message: string; stale?: boolean; emailUnconfirmed?: boolean };

/** A lock already held by the caller: performAction runs inside our own lock where the number is chosen. */
const HELD: LockPort = { withLock: <T>(fn: () => T): T => fn() };

function refuse(message: string, stale = false): LetterOutcome {
  return { ok: false, message, stale };
}

function letterName(c: Complaint): string {
  return LETTER_TEXT.letterFileName(c.regNumber);
}

/** The complaint at the version the person saw, or a refusal. */
function current(deps: LetterDeps, request: LetterRequest): StoredComplaint | LetterOutcome {
  const stored = deps.register.find(request.regNumber);
  if (!stored) return refuse(LETTER_UI.notFound(request.regNumber));
  if (stored.complaint.version !== request.version) return refuse(LETTER_UI.stale, true);
  return stored;
}

function isOutcome(x: StoredComplaint | LetterOutcome): x is LetterOutcome {
  return 'ok' in x;
}

/** The domain's verdict without writing anything: refuse before any Drive work. */
function dryRun(
  deps: LetterDeps,
  c: Complaint,
  actor: TeamMember,
  action: ActionName,
  input: ActionInput,
): string | null {
  const r = applyAction(c, action, actor, input, {
    now: deps.now,
    calendar: deps.calendar,
    units: deps.units,
  });
  return r.ok ? null : r.error;
}

function act(
  deps: LetterDeps,
  actor: TeamMember,
  request: LetterRequest,
  action: ActionName,
  input: ActionInput,
  lock: LockPort = deps.lock,
  events: WorkflowEvents = deps.events,
) {
  return performAction({ ...deps, lock, events }, actor, {
    regNumber: request.regNumber,
    version: request.version,
    action,
    input,
  });
}

function signerOf(member: TeamMember): SignerInfo {
  return { name: member.name || member.email, rank: member.rank, nip: member.nip };
}

// ------------------------------------------------------------------ draft

/** "Buat Konsep Jawaban": the same answer again changes nothing; a new answer rebuilds the same Doc. */
export function draftLetter(deps: LetterDeps, actor: TeamMember, request: LetterRequest): LetterOutcome {
  const found = current(deps, request);
  if (isOutcome(found)) return found;
  const c = found.complaint;
  const answer = cleanText(request.answer ?? '');
  const docId = c.replyDocUrl ? deps.docs.docIdOf(c.replyDocUrl) : null;
  const docLive = docId !== null && deps.docs.exists(docId);
  if (c.status === 'Konsep Jawaban' && c.answer === answer && docLive) {
    return { ok: true, message: LETTER_UI.draftSame(c.regNumber), warnings: [], stored: found, changed: false };
  }
  const refusal = dryRun(deps, c, actor, 'draftReply', { answer, replyDocUrl: 'https://docs.google.com/' });
  if (refusal) return refuse(refusal);
  const values = draftValues({ ...c, answer }, deps.settings);
  let url = c.replyDocUrl;
  let created: string | null = null;
  try {
    if (docLive && docId) deps.docs.redraft(docId, values);
    else {
      const doc = deps.docs.createDraft(letterName(c), dayKeyOf(deps.now), values);
      created = doc.id;
      url = doc.url;
    }
  } catch (error) {
    // Docs or Drive failed: the adapter left no orphan copy, the register is untouched; trying again is safe.
    if (error instanceof LetterDocsSetupError) throw error;
    return refuse(LETTER_UI.draftFailed(error instanceof Error ? error.message : String(error)));
  }
  const outcome = act(deps, actor, request, 'draftReply', { answer, replyDocUrl: url });
  if (!outcome.ok) {
    // Someone acted meanwhile: the new Doc must not stay behind unlinked.
    if (created) deps.docs.trash(created);
    return refuse(outcome.message, outcome.code === 'stale');
  }
  const message = created ? LETTER_UI.drafted(c.regNumber) : LETTER_UI.redrafted(c.regNumber);
  return { ok: true, message, warnings: outcome.warnings, stored: outcome.stored, changed: true };
}

export function submitLetter(deps: LetterDeps, actor: TeamMember, request: LetterRequest): LetterOutcome {
  const outcome = act(deps, actor, request, 'submitForSignature', {});
  if (!outcome.ok) return refuse(outcome.message, outcome.code === 'stale');
  return {
    ok: true,
    message: LETTER_UI.submitted(request.regNumber),
    warnings: outcome.warnings,
    stored: outcome.stored,
    changed: true,
  };
}

// ------------------------------------------------------------------ approval

/** The record of a letter just numbered: nothing is signed or sent yet. */
function newRecord(deps: LetterDeps, c: Complaint): LetterRecord {
  return {
    letterNumber: c.letterNumber,
    letterDate: c.letterDate,
    regNumber: c.regNumber,
    code: deps.seal.code(c.letterNumber),
    signerName: '',
    signerTitle: '',
    form: 'none',
    state: 'incomplete',
    sha256: '',
    sentAt: null,
    method: '',
  };
}

/** True when the complaint holds a number whose signing sequence (Doc, PDF, record) has not finished. */
export function signingIncomplete(c: Complaint, record: LetterRecord | null): boolean {
  return c.status === 'Menunggu Tanda Tangan' && c.signedBy !== '' && (!record || record.state === 'incomplete');
}

/**
 * Approve and sign, as a resumable sequence: (1) the number, the next of the year's gap-free sequence, chosen and
 * stored with the letters-register row inside one lock; (2) the Doc completed (number, date, signature block, the
 * approval mark in mark mode, verification code and QR); (3) its PDF stored; (4) the row marked approved. A failure
 * after (1) leaves "belum selesai": signing again resumes at (2) with the same number and code.
 */
export function signLetter(deps: LetterDeps, actor: TeamMember, request: LetterRequest): LetterOutcome {
  const found = current(deps, request);
  if (isOutcome(found)) return found;
  if (signingIncomplete(found.complaint, deps.letters.find(found.complaint.letterNumber))) {
    if (actor.role !== 'KEPALA_DINAS') return refuse(LETTER_UI.roleNotAllowed(LETTER_ACTION_LABELS.sign));
    return completeSigning(deps, actor, found, [], true);
  }
  const outcome = deps.lock.withLock(() => {
    const letterNumber = nextLetterNumber(deps.usedLetterNumbers(), deps.settings, deps.now);
    const r = act(deps, actor, request, 'sign', { letterNumber }, HELD);
    // The number is recorded in the letters register at once: voided or not, it is never issued again.
    if (r.ok) deps.letters.save(newRecord(deps, r.stored.complaint));
    return r;
  });
  if (!outcome.ok) return refuse(outcome.message, outcome.code === 'stale');
  return completeSigning(deps, actor, outcome.stored, [...outcome.warnings], false);
}

function completeSigning(
  deps: LetterDeps,
  actor: TeamMember,
  stored: StoredComplaint,
  warnings: string[],
  resumed: boolean,
): LetterOutcome {
  const c = stored.complaint;
  const mode = parseSigningMode(deps.settings.signingMode);
  const signer = signerOf(actor);
  const record = deps.letters.find(c.letterNumber) ?? newRecord(deps, c);
  const mark =
    mode === 'mark' ? LETTER_TEXT.approvalMark(signer.name, signer.nip, formatDateTime(c.signedAt ?? deps.now)) : '';
  const url = verificationUrl(deps.settings.statusPageUrl, record.code);
  const docId = deps.docs.docIdOf(c.replyDocUrl);
  const failed = (why: string): LetterOutcome => refuse(LETTER_UI.signingFailed(c.regNumber, c.letterNumber, why));
  if (!docId || !deps.docs.exists(docId)) return failed(LETTER_UI.docMissing);
  try {
    const values = signingValues(c, deps.settings, signer, { mark, code: record.code, url });
    const { leftovers } = deps.docs.finalize(docId, values, letterName(c), url);
    if (leftovers.length > 0) warnings.push(LETTER_UI.leftovers(leftovers.map((k) => `{{${k}}}`).join(', ')));
  } catch (error) {
    // Docs or Drive failed midway: the number stays with this complaint, the record says "belum selesai".
    return failed(error instanceof Error ? error.message : String(error));
  }
  const form: SignatureForm = mode === 'mark' ? 'mark' : 'none';
  if (resumed)
    deps.lock.withLock(() => deps.audit.append([auditEntry(deps, actor, c, LETTER_UI.auditResumed, c.letterNumber)]));
  deps.lock.withLock(() =>
    deps.letters.save({
      ...record,
      signerName: signer.name,
      signerTitle: headTitle(deps.settings),
      form,
      state: 'approved',
    }),
  );
  const message = resumed
    ? LETTER_UI.signingResumed(c.regNumber, c.letterNumber)
    : mode === 'mark'
      ? LETTER_UI.signed(c.regNumber, c.letterNumber)
      : LETTER_UI.signedNeedsScan(c.regNumber, c.letterNumber);
  return { ok: true, message, warnings, stored, changed: true };
}

/** Back to the unit with a note; a signed letter is voided (its number stays used) and its PDF goes to the trash. */
export function returnLetter(deps: LetterDeps, actor: TeamMember, request: LetterRequest): LetterOutcome {
  const outcome = act(deps, actor, request, 'returnToUnit', { note: request.note ?? '' });
  if (!outcome.ok) return refuse(outcome.message, outcome.code === 'stale');
  const voided = outcome.changes.find((ch) => ch.field === 'letterNumber');
  const wasSigned = outcome.changes.some((ch) => ch.field === 'signedBy');
  const docId = deps.docs.docIdOf(outcome.stored.complaint.replyDocUrl);
  if (wasSigned && docId) deps.docs.voidPdf(docId, letterName(outcome.stored.complaint));
  const record = voided ? deps.letters.find(String(voided.before)) : null;
  if (record) deps.lock.withLock(() => deps.letters.save({ ...record, state: 'voided' }));
  return {
    ok: true,
    message: LETTER_UI.returned(request.regNumber),
    warnings: outcome.warnings,
    stored: outcome.stored,
    changed: true,
  };
}

/** True when the bytes start like a PDF file ("%PDF-"). */
export function looksLikePdf(bytes: readonly number[]): boolean {
  const magic = [0x25, 0x50, 0x44, 0x46, 0x2d];
  return bytes.length > magic.length && magic.every((b, i) => (bytes[i] & 0xff) === b);
}

/** The signed scan replaces the generated PDF as the letter that will be sent. */
export function uploadScan(deps: LetterDeps, actor: TeamMember, request: LetterRequest): LetterOutcome {
  if (!permits(actor.role, 'uploadScan')) return refuse(LETTER_UI.roleNotAllowed(LETTER_ACTION_LABELS.upload));
  const bytes = request.scan ?? [];
  if (bytes.length > MAX_SCAN_BYTES) return refuse(LETTER_UI.tooLarge(MAX_SCAN_BYTES / 1024 / 1024));
  if (!looksLikePdf(bytes)) return refuse(LETTER_UI.notPdf);
  // Under the lock: the audit log is appended at its last row, which another execution may be writing at the
  // same moment (a lost row otherwise), and the letter must not be delivered between the check and the store.
  return deps.lock.withLock((): LetterOutcome => {
    const found = current(deps, request);
    if (isOutcome(found)) return found;
    const c = found.complaint;
    if (c.status !== 'Menunggu Tanda Tangan' || c.signedBy === '') return refuse(LETTER_UI.uploadNotSigned);
    const record = deps.letters.find(c.letterNumber);
    if (signingIncomplete(c, record) || !record) return refuse(LETTER_UI.signingIncomplete);
    const docId = deps.docs.docIdOf(c.replyDocUrl);
    if (!docId || !deps.docs.exists(docId)) return refuse(LETTER_UI.docMissing);
    deps.docs.storeScan(docId, letterName(c), bytes);
    deps.letters.save({ ...record, form: 'scan' });
    // The same scan again (a retry after the answer was lost) is the same step: logged once.
    logOnce(deps.audit, [
      auditEntry(deps, actor, c, LETTER_UI.auditUpload, `${letterName(c)}.pdf (${bytes.length} bytes)`),
    ]);
    return { ok: true, message: LETTER_UI.uploaded(c.regNumber), warnings: [], stored: found, changed: true };
  });
}

function auditEntry(deps: LetterDeps, actor: TeamMember, c: Complaint, action: string, note: string): AuditEntry {
  return {
    at: deps.now,
    actor: actor.email,
    role: actor.role,
    action,
    regNumber: c.regNumber,
    before: '',
    after: '',
    note,
  };
}

// ------------------------------------------------------------------ delivery

const SIGNATURE_REFUSALS = {
  incomplete: LETTER_UI.signingIncomplete,
  needsScan: LETTER_UI.needsScan,
  noMark: LETTER_UI.noMark,
} as const;

/** The hand-over day: today by default, not in the future, not before the letter's date; or why it is refused. */
function handOverDay(deps: LetterDeps, c: Complaint, raw: string | undefined): { day: DayKey } | { refusal: string } {
  const today = dayKeyOf(deps.now);
  if (!raw || raw.trim() === '') return { day: today };
  const day = parseDayKey(raw.trim());
  if (day === null) return { refusal: LETTER_UI.badDay };
  if (compareDayKeys(day, today) > 0) return { refusal: LETTER_UI.dayInFuture };
  if (c.letterDate !== '' && compareDayKeys(day, c.letterDate) < 0)
    return { refusal: LETTER_UI.dayBeforeLetter(formatDay(c.letterDate)) };
  return { day };
}

/** The complainant's address as this person may see it (a unit member delivering an anonim letter may not). */
function addressFor(actor: TeamMember, c: Complaint): string {
  return canSeeIdentity(actor, c) ? c.email : LETTER_UI.complainantAddress;
}

/** Written at once after sending; a failed write leaves the claim, so a retry asks instead of sending again. */
function markSent(marks: SentMarksPort | undefined, key: string): void {
  try {
    marks?.mark(key, { state: 'sent' });
  } catch {
    // the closing write below still runs
  }
}

/** The complaint is closed (or the email surely did not leave): the mark is no longer needed. */
function forgetSent(marks: SentMarksPort | undefined, key: string): void {
  try {
    marks?.clear(key);
  } catch {
    // harmless: a mark of a closed complaint is never read again
  }
}

/**
 * Sends the signed letter: by email with the PDF attached (sent inside the lock, so a double click can never send
 * it twice), or marked as handed over by post or in person on a given day. Then `deliver` closes the complaint.
 */
export function deliverLetter(deps: LetterDeps, actor: TeamMember, request: LetterRequest): LetterOutcome {
  const method = String(request.method ?? '')
    .trim()
    .toLowerCase();
  if (!['email', 'pos', 'langsung'].includes(method)) return refuse(LETTER_UI.badMethod);
  if (request.emailCheck !== undefined && !['sent', 'resend'].includes(request.emailCheck))
    return refuse(LETTER_UI.badEmailCheck);
  const found = current(deps, request);
  if (isOutcome(found)) return found;
  const c = found.complaint;
  const refusal = dryRun(deps, c, actor, 'deliver', { deliveryMethod: method });
  if (refusal) return refuse(refusal);
  const name = letterName(c);
  // No unsigned letter leaves the office, by any route: the signature in the form the Kepala Dinas chose first.
  const problem = signatureProblem(parseSigningMode(deps.settings.signingMode), deps.letters.find(c.letterNumber));
  if (problem) return refuse(SIGNATURE_REFUSALS[problem]);
  const docId = deps.docs.docIdOf(c.replyDocUrl);
  const finalPdf = docId ? deps.docs.pdf(docId, name) : null;
  if (!finalPdf) return refuse(LETTER_UI.noPdf);
  let attachment: MailAttachment | null = null;
  let note: string;
  let dayText = '';
  if (method === 'email') {
    if (c.email === '' || !validateEmail(c.email).ok) return refuse(LETTER_UI.noEmail);
    attachment = finalPdf;
    note = LETTER_UI.noteEmailed(attachment.name);
  } else {
    const handOver = handOverDay(deps, c, request.handedOverDate);
    if ('refusal' in handOver) return refuse(handOver.refusal);
    dayText = formatDay(handOver.day);
    note = LETTER_UI.noteHandOver(LETTER_UI.handOver[method], dayText);
  }
  // "closed" waits until the letters register is written and the lock released (HeldEvents), then goes out.
  const closing = new HeldEvents();
  const outcome = deps.lock.withLock(() => {
    const again = current(deps, request);
    if (isOutcome(again)) return again;
    const sentKey = `letter:${again.complaint.regNumber}:${again.complaint.letterNumber}`;
    const mark = attachment ? (deps.sentMarks?.get(sentKey) ?? null) : null;
    const mine = forEmail(again.complaint, { kind: 'complainant' });
    if (mark?.state === 'sending' && request.emailCheck === undefined) {
      // A run stopped between claiming and recording: only a person can tell whether it left (the Sent folder).
      return {
        ok: false,
        message: LETTER_UI.emailUnconfirmed(mark.by, letterEmailSubject(mine.regNumber)),
        emailUnconfirmed: true,
      } satisfies LetterOutcome;
    }
    const alreadySent = mark?.state === 'sent' || (mark?.state === 'sending' && request.emailCheck === 'sent');
    if (attachment && !alreadySent) {
      const view = {
        name: mine.name,
        regNumber: mine.regNumber,
        subject: mine.subject,
        letterNumber: mine.letterNumber,
        letterDate: mine.letterDate === '' ? '' : formatDay(mine.letterDate),
        fileName: attachment.name,
        agencyName: deps.settings.agencyName,
        agencyPhone: deps.settings.agencyPhone,
        agencyEmail: deps.settings.agencyEmail,
        serviceComplaintEmail: deps.settings.serviceComplaintEmail,
        serviceComplaintPhone: deps.settings.serviceComplaintPhone,
      };
      // Claimed just before it leaves: a run stopped after sending never sends it again unasked.
      const sent = deps.notifier.tell(
        { kind: 'complainant', complaint: again.complaint },
        { kind: 'letterSent', view, attachment },
        () => deps.sentMarks?.mark(sentKey, { state: 'sending', by: actor.email }),
      );
      if (sent.failure !== null) {
        forgetSent(deps.sentMarks, sentKey); // refused: it did not leave
        return refuse(
          LETTER_UI.mailFailed(canSeeIdentity(actor, again.complaint) ? mine.email : LETTER_UI.complainant),
        );
      }
      markSent(deps.sentMarks, sentKey);
    }
    const r = act(deps, actor, request, 'deliver', { deliveryMethod: method, note }, HELD, closing);
    if (!r.ok) return refuse(r.message, r.code === 'stale');
    forgetSent(deps.sentMarks, sentKey);
    // What the verification page confirms: the hash of exactly the PDF that went out (or was printed and handed over).
    const record = deps.letters.find(c.letterNumber);
    if (record)
      deps.letters.save({
        ...record,
        state: 'sent',
        sha256: deps.seal.sha256(finalPdf.bytes),
        sentAt: deps.now,
        method,
      });
    return r;
  });
  if ('stale' in outcome || !outcome.ok) return outcome;
  deps.events.emit(closing.held);
  const message =
    method === 'email'
      ? LETTER_UI.deliveredEmail(c.regNumber, addressFor(actor, c))
      : LETTER_UI.deliveredHand(c.regNumber, LETTER_UI.handOver[method], dayText);
  return { ok: true, message, warnings: outcome.warnings, stored: outcome.stored, changed: true };
}

// ------------------------------------------------------------------ berita acara

/** A written record of a face-to-face answer given on the spot; asking again opens the same Doc. */
export function makeBeritaAcara(
  deps: LetterDeps,
  actor: TeamMember,
  request: LetterRequest,
): LetterOutcome & { url?: string } {
  const found = deps.register.find(request.regNumber);
  if (!found) return refuse(LETTER_UI.notFound(request.regNumber));
  const c = found.complaint;
  if (!permits(actor.role, 'beritaAcara')) return refuse(LETTER_UI.roleNotAllowed(LETTER_ACTION_LABELS.beritaAcara));
  if (scopeOf('beritaAcara', actor.role) === 'unit' && !sameUnit(actor.unit, c.unit))
    return refuse(LETTER_UI.roleNotAllowed(LETTER_ACTION_LABELS.beritaAcara));
  if (c.channel !== 'Tatap Muka' || c.status !== 'Selesai' || c.answer === '' || c.closedAt === null)
    return refuse(LETTER_UI.notWalkIn);
  // What this person may not see on screen does not go into a document they make either.
  const seen = redact(c, actor);
  const values = beritaAcaraValues({ ...seen, nik: '' }, deps.settings, signerOf(actor));
  const closed = c.closedAt;
  // Under the lock: two clicks must find one Doc (look-up and creation together), and the audit append is safe.
  const doc = deps.lock.withLock(() => {
    const made = deps.docs.beritaAcara(LETTER_TEXT.beritaAcaraFileName(c.regNumber), dayKeyOf(closed), values);
    if (made.created) deps.audit.append([auditEntry(deps, actor, c, LETTER_UI.auditBeritaAcara, made.url)]);
    return made;
  });
  return {
    ok: true,
    message: LETTER_UI.beritaAcara(c.regNumber),
    warnings: [],
    stored: found,
    changed: doc.created,
    url: doc.url,
  };
}

// ------------------------------------------------------------------ the sidebar's view

export interface LetterView {
  regNumber: string;
  version: number;
  status: string;
  channel: string;
  subject: string;
  complainant: string;
  unit: string;
  deadline: string;
  answer: string;
  /** The follow-up notes (a return to the unit carries the Kepala Dinas's note there), as this person may see them. */
  notes: string;
  replyDocUrl: string;
  letterNumber: string;
  letterDate: string;
  signedBy: string;
  sentAt: string;
  deliveryMethod: string;
  hasEmail: boolean;
  /** Where signing stands, in words ("belum selesai, ulangi", waiting for the scan, ready, sent); '' before approval. */
  signing: string;
  /** The signing mode the Kepala Dinas chose, in words. */
  signingMode: string;
  /** True when the letter may not leave yet for want of its signature. */
  needsSignature: boolean;
  actions: LetterAction[];
}

const DOMAIN_TO_LETTER: Partial<Record<ActionName, LetterAction>> = {
  draftReply: 'draft',
  submitForSignature: 'submit',
  sign: 'sign',
  returnToUnit: 'returnToUnit',
  deliver: 'deliver',
};

/** The domain's letter transitions (draft, submit, sign, return, deliver). */
const LETTER_TRANSITIONS: readonly ActionName[] = TRANSITIONS.map((t) => t.action).filter(
  (a) => DOMAIN_TO_LETTER[a] !== undefined,
);

/**
 * False when letterActions gives this person no step on this complaint, from its status, channel and unit alone: a
 * letter transition whose role, channel, status and unit rules let this person start it; the Kepala Dinas's resume
 * and the upload of a letter awaiting its signature; a closed walk-in's berita acara. The sidebar reads the other
 * columns only of the rows left.
 */
export function mayHaveLetterStep(c: Pick<Complaint, 'status' | 'channel' | 'unit'>, actor: TeamMember): boolean {
  if (LETTER_TRANSITIONS.some((a) => accessAllows(a, c, actor))) return true;
  if (c.status === 'Menunggu Tanda Tangan' && (actor.role === 'KEPALA_DINAS' || permits(actor.role, 'uploadScan')))
    return true; // resume, upload
  const unitOk = scopeOf('beritaAcara', actor.role) !== 'unit' || sameUnit(actor.unit, c.unit);
  return c.status === 'Selesai' && c.channel === 'Tatap Muka' && permits(actor.role, 'beritaAcara') && unitOk;
}

/** Closed walk-ins older than this are not listed for their berita acara (the list stays short); any can still be opened by its number. */
export const BERITA_ACARA_LIST_DAYS = 90;

/**
 * Whether the letter sidebar lists a complaint with a step: a closed walk-in (its berita acara) only when closed in the
 * last BERITA_ACARA_LIST_DAYS days, like the reopen picker's closings. Opened by its number, or under the cursor, an
 * older one still offers it (letterActions).
 */
export function listsLetterStep(c: Pick<Complaint, 'status' | 'closedAt'>, today: DayKey): boolean {
  if (c.status !== 'Selesai') return true;
  return c.closedAt !== null && compareDayKeys(dayKeyOf(c.closedAt), addDays(today, -BERITA_ACARA_LIST_DAYS)) >= 0;
}

/** The letter steps this person may take now (the domain's table, plus upload and berita acara). */
export type LetterViewDeps = Pick<LetterDeps, 'now' | 'calendar'> & {
  letters?: Pick<LetterRecordsPort, 'find'>;
  settings?: Pick<LetterDeps['settings'], 'signingMode'>;
};

export function letterActions(c: Complaint, actor: TeamMember, deps: LetterViewDeps): LetterAction[] {
  const out: LetterAction[] = [];
  for (const a of allowedActions(c, actor, { now: deps.now, calendar: deps.calendar })) {
    const mapped = DOMAIN_TO_LETTER[a];
    if (mapped) out.push(mapped);
  }
  const record = deps.letters && c.letterNumber !== '' ? deps.letters.find(c.letterNumber) : null;
  const incomplete = deps.letters !== undefined && signingIncomplete(c, record);
  // "Belum selesai, ulangi": the Kepala Dinas resumes the signing with the same number.
  if (incomplete && actor.role === 'KEPALA_DINAS') out.push('sign');
  if (permits(actor.role, 'uploadScan') && c.status === 'Menunggu Tanda Tangan' && c.signedBy !== '' && !incomplete)
    out.push('upload');
  const unitOk = scopeOf('beritaAcara', actor.role) !== 'unit' || sameUnit(actor.unit, c.unit);
  if (
    permits(actor.role, 'beritaAcara') &&
    unitOk &&
    c.channel === 'Tatap Muka' &&
    c.status === 'Selesai' &&
    c.answer !== ''
  )
    out.push('beritaAcara');
  return LETTER_ACTIONS.filter((a) => out.includes(a));
}

function signingText(c: Complaint, record: LetterRecord | null, mode: 'scan' | 'mark'): string {
  if (c.signedBy === '' && c.status !== 'Selesai') return '';
  if (c.status === 'Selesai') return record?.state === 'sent' ? LETTER_UI.stateSent : '';
  if (signingIncomplete(c, record)) return LETTER_UI.stateIncomplete;
  if (record?.form === 'scan') return LETTER_UI.stateScan;
  if (record?.form === 'mark' && mode === 'mark') return LETTER_UI.stateMark;
  return mode === 'mark' ? LETTER_UI.noMark : LETTER_UI.stateNeedsScan;
}

export function letterView(c: Complaint, actor: TeamMember, deps: LetterViewDeps): LetterView {
  const seen = redact(c, actor);
  const record = deps.letters && c.letterNumber !== '' ? deps.letters.find(c.letterNumber) : null;
  const mode = parseSigningMode(deps.settings?.signingMode);
  const blocked =
    c.status === 'Menunggu Tanda Tangan' && c.signedBy !== '' ? signatureProblem(mode, record) !== null : false;
  return {
    regNumber: c.regNumber,
    version: c.version,
    status: c.status,
    channel: c.channel,
    subject: seen.subject,
    complainant: seen.name,
    unit: c.unit,
    deadline: c.deadline ? formatDay(c.deadline) : '',
    answer: canSeeContent(actor, c) ? c.answer : seen.answer,
    notes: seen.followUpNotes,
    replyDocUrl: c.replyDocUrl,
    letterNumber: c.letterNumber,
    letterDate: c.letterDate ? formatDay(c.letterDate) : '',
    signedBy: c.signedBy,
    sentAt: c.sentAt ? formatDay(c.sentAt) : '',
    deliveryMethod: c.deliveryMethod,
    hasEmail: canSeeIdentity(actor, c) ? c.email !== '' && validateEmail(c.email).ok : c.email !== '',
    signing: signingText(c, record, mode),
    signingMode: mode === 'mark' ? LETTER_UI.modeMark : LETTER_UI.modeScan,
    needsSignature: blocked,
    actions: letterActions(c, actor, deps),
  };
}

export function roleText(roles: readonly Role[]): string {
  return roles.map((r) => ROLE_LABELS[r]).join(', ');
}
