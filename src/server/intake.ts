// Server side of intake: the form-submit trigger, reconciliation, and the "Catat Pengaduan" sidebar.
import { DEFAULT_PRIVACY } from '../domain/vocabulary';
import { answersToIntake } from '../app/intakeForm';
import { recordingKey, registerIntake, type FollowingAction, type IntakeOutcome } from '../app/intake';
import { jsonForScript } from '../lib/html';
import { lostReceiptContact, publicAgencyName, statusPageLink } from '../app/status';
import { attachmentLine } from '../app/attachments';
import { notifyAfterAction } from '../app/workflowNotify';
import { CHANNELS, PRIVACY_LEVELS, type Complaint } from '../domain/complaint';
import { formatDateTime, formatDayLong } from '../domain/format';
import { instantAt, parseDayKey } from '../domain/time';
import { openForm, readResponse, type FormSubmission } from '../gas/intakeFormBuilder';
import { RECORD_TEXT, SIDEBAR_TITLES, TEXT } from '../messages/ui';
import { storedFrom } from '../gas/registerReads';
import { ANYONE, alert, may, run, screen, type Services } from './wiring';
import { cellText } from '../lib/cells';
import type { WaOffer } from '../app/whatsapp';
import type { TeamMember } from '../app/team';
import { offersFor } from './whatsapp';

function registerSubmission(s: Services, submission: FormSubmission): IntakeOutcome {
  return registerIntake(s.intakeDeps(), {
    input: answersToIntake(submission.answers, submission.timestamp),
    actor: null,
    responseId: submission.id,
    neverRefuse: true,
  });
}

/** Installed form-submit trigger. A failure here is not a loss: reconcile registers the response later. */
export function handleFormSubmit(event: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  run(ANYONE, (s) => registerSubmission(s, readResponse(event.response, event.source)));
}

/** Registers every form response missing from the register; returns how many were added. */
export function reconcileResponses(ctx: Services): number {
  const form = openForm(ctx.settings().formId);
  if (!form) return 0;
  const responses = form.getResponses();
  if (responses.length === 0) return 0; // no register read at all
  const known = new Set(storedFrom(ctx.reader().columns(['responseId']), false).map((s) => s.responseId));
  let added = 0;
  for (const response of responses) {
    if (known.has(response.getId())) continue;
    if (registerSubmission(ctx, readResponse(response, form)).kind === 'registered') added += 1;
  }
  if (added > 0) ctx.reader().forget(); // the register grew: a later read this execution must see the new rows
  return added;
}

export function reconcileFromMenu(): void {
  run(may('reconcile'), (s) => alert(TEXT.reconcileDone(reconcileResponses(s))), alert);
}

// ------------------------------------------------------------------ the "Catat Pengaduan" sidebar

/** What the sidebar sends; every value arrives as text or boolean across google.script.run. */
export interface RecordPayload {
  channel?: string;
  receivedDate?: string; // 'YYYY-MM-DD' (WITA); empty = now
  receivedTime?: string; // 'HH:MM'
  name?: string;
  nik?: string;
  phone?: string;
  email?: string;
  address?: string;
  subject?: string;
  description?: string;
  privacy?: string;
  ktpSeen?: boolean;
  letterPresent?: boolean;
  unit?: string;
  outcome?: string; // walk-in: 'onSpot' | 'agreed'
  answer?: string;
  agreedDate?: string;
  /** SP4N-LAPOR!: the tracking ID as pasted, the day LAPOR! forwarded it ('YYYY-MM-DD'). */
  laporId?: string;
  laporForwardedOn?: string;
  /** One of the Kategori sheet's names, or ''. */
  category?: string;
  /** Drawn by the sidebar once per complaint it shows: a retry of the same save registers nothing new. */
  requestId?: string;
}

/** What the CS officer copies or prints for the complainant right after saving. */
export interface Receipt {
  regNumber: string;
  accessCode: string;
  /** e.g. "Senin, 7 Desember 2026" (WITA). */
  deadline: string;
  received: string;
  /** The status page with the number filled in; '' before the web app is deployed. */
  statusUrl: string;
  /** The sentence with the signed upload link for photos and PDFs; '' when there is none. */
  attachLine: string;
  /** "Kirim via WhatsApp" for the receipt (and the rating invitation of a walk-in answered on the spot). */
  whatsapp: WaOffer[];
}

export type RecordResult =
  | { ok: true; regNumber: string; message: string; warnings: string[]; receipt: Receipt | null }
  | { ok: false; message: string; errors: Record<string, string> };

function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : cellText(v);
}

function receivedAt(p: RecordPayload, now: Date): Date | { error: string } {
  const date = str(p.receivedDate).trim();
  if (date === '') return now;
  const day = parseDayKey(date);
  const time = /^(\d{1,2}):(\d{2})$/.exec(str(p.receivedTime).trim() || '00:00');
  if (!day || !time || Number(time[1]) > 23 || Number(time[2]) > 59) return { error: RECORD_TEXT.badReceivedAt };
  const at = instantAt(day, Number(time[1]), Number(time[2]));
  if (at.getTime() > now.getTime()) return { error: RECORD_TEXT.receivedInFuture };
  return at;
}

function followingAction(p: RecordPayload): FollowingAction | undefined {
  if (str(p.channel) !== 'Tatap Muka') return undefined;
  if (p.outcome === 'onSpot') return { action: 'answerOnSpot', input: { answer: str(p.answer), unit: str(p.unit) } };
  return { action: 'connectToUnit', input: { unit: str(p.unit), agreedDate: str(p.agreedDate) } };
}

function receiptOf(ctx: Services, member: TeamMember, c: Complaint): Receipt {
  return {
    regNumber: c.regNumber,
    accessCode: c.accessCode,
    deadline: c.deadline === '' ? '' : formatDayLong(c.deadline),
    received: formatDateTime(c.receivedAt),
    statusUrl: statusPageLink(ctx.settings().statusPageUrl, c.regNumber),
    attachLine: attachmentLine(c, ctx.settings(), ctx.signer(), ctx.now),
    whatsapp: offersFor(ctx, member, c, ['receipt', 'ratingInvite']),
  };
}

export function recordComplaint(payload: RecordPayload): RecordResult {
  return run(
    may('record'),
    (ctx, member) => record(ctx, member, payload ?? {}),
    (message) => ({
      ok: false,
      message,
      errors: {},
    }),
  );
}

function record(ctx: Services, member: TeamMember, p: RecordPayload): RecordResult {
  const channel = str(p.channel);
  if (!CHANNELS.includes(channel as never) || channel === 'Formulir Online') {
    return { ok: false, message: TEXT.fixErrors, errors: { channel: RECORD_TEXT.pickChannel } };
  }
  // The guard admitted a role that may record (the table's "record"); the form's channel is never recorded by hand.
  const at = receivedAt(p, ctx.now);
  if ('error' in at) return { ok: false, message: TEXT.fixErrors, errors: { receivedDate: at.error } };
  const outcome = registerIntake(ctx.intakeDeps(), {
    input: {
      channel,
      receivedAt: at,
      name: str(p.name),
      nik: str(p.nik),
      phone: str(p.phone),
      email: str(p.email),
      address: str(p.address),
      subject: str(p.subject),
      description: str(p.description),
      privacy: str(p.privacy) || DEFAULT_PRIVACY,
      ktpSeen: p.ktpSeen === true,
      letterPresent: p.letterPresent === true,
      registeredBy: member.email,
      laporId: str(p.laporId),
      laporForwardedOn: str(p.laporForwardedOn),
      category: str(p.category),
    },
    actor: member,
    responseId: recordingKey(p.requestId),
    neverRefuse: false,
    then: followingAction(p),
  });
  if (outcome.kind === 'refused') {
    const errors: Record<string, string> = {};
    for (const issue of outcome.issues) errors[issue.field] = issue.message;
    return { ok: false, message: outcome.issues.map((i) => i.message).join(' '), errors };
  }
  if (outcome.kind === 'duplicate') {
    // Saved by an earlier attempt whose answer was lost: the same receipt again (the code is on it).
    const saved = ctx.register().find(outcome.regNumber);
    return {
      ok: true,
      regNumber: outcome.regNumber,
      message: saved
        ? TEXT.receiptCode(outcome.regNumber, saved.complaint.accessCode)
        : TEXT.recorded(outcome.regNumber),
      warnings: [],
      receipt: saved ? receiptOf(ctx, member, saved.complaint) : null,
    };
  }
  const warnings = outcome.problems.map((i) => i.message);
  const then = followingAction(p);
  if (then?.action === 'connectToUnit') {
    // The unit hears of the walk-in now, not from tomorrow's digest.
    const sent = notifyAfterAction(ctx.workflowDeps(), member, 'connectToUnit', outcome.complaint, then.input);
    warnings.push(...sent.warnings);
  }
  const { regNumber, accessCode } = outcome.complaint;
  const receipt = receiptOf(ctx, member, outcome.complaint);
  return { ok: true, regNumber, message: TEXT.receiptCode(regNumber, accessCode), warnings, receipt };
}

export function showRecordSidebar(): void {
  run(
    may('record'),
    (ctx, member) => {
      const settings = ctx.settings();
      const boot = jsonForScript({
        units: ctx.unitNames(),
        categories: ctx.categories().map((c) => c.name),
        privacy: PRIVACY_LEVELS,
        user: member.email,
        agency: publicAgencyName(settings),
        contact: lostReceiptContact(settings),
      });
      screen().sidebar('RecordComplaint', SIDEBAR_TITLES.record, { boot });
    },
    alert, // e.g. not set up yet, or not in the team: a sentence, not a script error
  );
}
