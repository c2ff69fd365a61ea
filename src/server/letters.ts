// Server side of the "Surat Jawaban" sidebar: opening it, loading one complaint's letter state, running one letter
// step. Every function checks the caller itself; errors come back as Indonesian sentences.
import { ScriptPropertiesSentMarks } from '../gas/sentMarks';
import { jsonForScript } from '../lib/html';
import {
  LETTER_ACTIONS,
  deliverLetter,
  draftLetter,
  letterActions,
  letterView,
  listsLetterStep,
  makeBeritaAcara,
  mayHaveLetterStep,
  returnLetter,
  roleText,
  signLetter,
  submitLetter,
  uploadScan,
  type LetterAction,
  type LetterDeps,
  type LetterOutcome,
  type LetterRequest,
  type LetterView,
} from '../app/letters';
import { readRefusal } from '../app/workflowSidebars';
import type { TeamMember } from '../app/team';
import { usedLetterNumbers } from '../domain/letter';
import { dayKeyOf } from '../domain/time';
import { GasLetterDocs } from '../gas/letterDocs';
import { LetterRegisterSheet } from '../gas/letterRegister';
import { GasSeal } from '../gas/letterSeal';
import { readColumnWithKey } from '../gas/registerSelection';
import { REGISTER_COLUMNS } from '../gas/registerColumns';
import { storedFrom } from '../gas/registerReads';
import type { StoredComplaint } from '../ports';
import type { WaOffer } from '../app/whatsapp';
import { offersFor } from './whatsapp';
import { templateTitles } from './replyTemplates';
import { LETTER_UI } from '../messages/letters';
import { LETTER_ROLES, LETTER_STEPS, lettersRefusal } from '../domain/permissions';
import { Refusal, alert, answeringShell, asMember, guard, run, screen, type Services } from './wiring';
import { finishJob, jobOf, jobsToRun, pending, queueJob, runJob, type LetterJob } from '../gas/letterJobs';
import { findTyped } from './workflow';
import { ensureQueuedWorkTrigger } from '../gas/queuedWork';

export interface LetterPayload {
  regNumber?: string;
  version?: number | string;
  action?: string;
  answer?: string;
  note?: string;
  method?: string;
  handedOverDate?: string;
  /** The signed scan, base64 (the sidebar reads the file with FileReader). */
  fileBase64?: string;
  /** After a delivery stopped while emailing: 'sent' (found in the Sent folder) or 'resend'. */
  emailCheck?: string;
}

/** A step of the complaint queued to run (gas/letterJobs.ts): still to come, or failed (what the person is told). */
export interface LetterWork {
  pending: boolean;
  message: string;
  /** A queued delivery stopped while emailing: the page asks the person to check the Sent folder. */
  emailUnconfirmed?: boolean;
}
export type LetterLoadResult = { ok: true; letter: LetterView; work?: LetterWork } | { ok: false; message: string };
export type LetterActionResult =
  | {
      ok: true;
      message: string;
      warnings: string[];
      letter: LetterView;
      url: string;
      whatsapp: WaOffer[];
      /** The step was queued: the page asks `runLetterWork` for it, and shows its outcome when it comes. */
      pending?: boolean;
    }
  | { ok: false; message: string; conflict: boolean; letter: LetterView | null; emailUnconfirmed?: boolean };

function letterRecords(ctx: Services): LetterRegisterSheet {
  if (!ctx.workbook.has('letters')) throw new Refusal(LETTER_UI.noLetterRegister);
  return new LetterRegisterSheet(ctx.workbook.sheet('letters'));
}

function letterDeps(ctx: Services): LetterDeps {
  const settings = ctx.settings();
  const sheet = () => ctx.workbook.sheet('register');
  const letters = letterRecords(ctx);
  return {
    ...ctx.workflowDeps(),
    // Split deployment: files are the core's; a draft is shared with the person drafting it (letterDocs.ts).
    docs: new GasLetterDocs(settings.templateDocId, settings.lettersFolderId, {
      editor: ctx.workbook.split ? ctx.userEmail() : null,
    }),
    // Two single-column reads: the register's letter numbers and the letters register's (voided ones included).
    usedLetterNumbers: () =>
      usedLetterNumbers(
        readColumnWithKey(sheet(), ctx.registerLayout(), 'letterNumber').map((n) => n.value),
        letters.numbers(),
      ),
    letters,
    seal: new GasSeal(ctx.signer()),
    sentMarks: new ScriptPropertiesSentMarks(),
  };
}

/** Everyone with a step in the letter's life (the table's letter steps) opens the "Surat Jawaban" sidebar. */
const LETTERS = guard(LETTER_STEPS, lettersRefusal);

const refusedLoad = (message: string): LetterLoadResult => ({ ok: false, message });

export function openLetterComplaint(regNumber: string): LetterLoadResult {
  return run(LETTERS, (ctx, member) => openLetter(ctx, member, regNumber), refusedLoad);
}

function openLetter(ctx: Services, member: TeamMember, regNumber: string): LetterLoadResult {
  const key = String(regNumber ?? '').trim();
  const stored = key === '' ? null : findTyped(ctx, key); // typed in any case
  if (!stored) return { ok: false, message: LETTER_UI.notFound(key) };
  const refusal = readRefusal(member, stored.complaint);
  if (refusal) return { ok: false, message: refusal };
  const deps = { now: ctx.now, calendar: ctx.calendar(), letters: letterRecords(ctx), settings: ctx.settings() };
  const letter = letterView(stored.complaint, member, deps);
  const job = jobOf(stored.complaint.regNumber, ctx.now.getTime());
  if (!job) return { ok: true, letter };
  const work: LetterWork = pending(job)
    ? { pending: true, message: LETTER_UI.stillWorking(stored.complaint.regNumber) }
    : { pending: false, message: job.message ?? '', emailUnconfirmed: job.emailUnconfirmed === true };
  return { ok: true, letter, work };
}

/** Base64 from the page to bytes; anything that is not base64 becomes an empty file (refused as not a PDF). */
function decodeScan(base64: unknown): number[] {
  if (typeof base64 !== 'string' || base64 === '') return [];
  const clean = base64.replace(/^data:[^,]*,/, '');
  try {
    return Utilities.base64Decode(clean);
  } catch {
    return [];
  }
}

const RUN: Record<
  LetterAction,
  (deps: LetterDeps, actor: TeamMember, r: LetterRequest) => LetterOutcome & { url?: string }
> = {
  draft: draftLetter,
  submit: submitLetter,
  sign: signLetter,
  returnToUnit: returnLetter,
  upload: uploadScan,
  deliver: deliverLetter,
  beritaAcara: makeBeritaAcara,
};

export function runLetterAction(payload: LetterPayload): LetterActionResult {
  return run(
    LETTERS,
    (ctx, member) => letterAction(ctx, member, payload ?? {}),
    (message) => ({
      ok: false,
      message,
      conflict: false,
      letter: null,
    }),
  );
}

function letterAction(ctx: Services, member: TeamMember, p: LetterPayload): LetterActionResult {
  const action = String(p.action ?? '') as LetterAction;
  if (!LETTER_ACTIONS.includes(action)) throw new Refusal(LETTER_UI.unknownAction(String(p.action)));
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const request: LetterRequest = {
    regNumber: String(p.regNumber ?? '').trim(),
    version: Number(p.version),
    answer: text(p.answer),
    note: text(p.note),
    method: text(p.method),
    handedOverDate: text(p.handedOverDate),
    scan: action === 'upload' ? decodeScan(p.fileBase64) : undefined,
    emailCheck: text(p.emailCheck),
  };
  const deps = letterDeps(ctx);
  const visible = deps.register.find(request.regNumber);
  if (visible) {
    const refusal = readRefusal(member, visible.complaint);
    if (refusal) throw new Refusal(refusal);
  }
  if (visible && answeringShell() && makesDocuments(action, request)) {
    return queueStep(ctx, member, action, request, letterView(visible.complaint, member, deps));
  }
  return perform(ctx, deps, member, action, request);
}

/**
 * Steps that make or send documents: 5–12 s each, more than a sidebar's call may take through the shell (the round
 * trip alone is 1.5 s). Answering the shell they are queued; a one-project install runs them in the call.
 */
function makesDocuments(action: LetterAction, request: LetterRequest): boolean {
  if (action === 'deliver') return request.method === 'email' || request.emailCheck !== undefined;
  return action === 'draft' || action === 'sign' || action === 'beritaAcara';
}

function queueStep(
  ctx: Services,
  member: TeamMember,
  action: LetterAction,
  request: LetterRequest,
  letter: LetterView,
): LetterActionResult {
  const now = ctx.now.getTime();
  const waiting = jobOf(request.regNumber, now);
  const again = pending(waiting) && waiting?.actor === member.email && waiting.action === action;
  if (pending(waiting) && !again) throw new Refusal(LETTER_UI.busy(request.regNumber));
  const { scan: _scan, ...kept } = request;
  // The same step asked again while it waits (its run died, or the page lost its answer): it is followed, not doubled.
  if (again) ensureQueuedWorkTrigger(now);
  else queueJob({ action, request: kept, actor: member.email, queuedAt: now });
  return {
    ok: true,
    pending: true,
    message: again ? LETTER_UI.stillWorking(request.regNumber) : LETTER_UI.queued(request.regNumber),
    warnings: [],
    letter,
    url: letter.replyDocUrl,
    whatsapp: [],
  };
}

function perform(
  ctx: Services,
  deps: LetterDeps,
  member: TeamMember,
  action: LetterAction,
  request: LetterRequest,
): LetterActionResult {
  const outcome = RUN[action](deps, member, request);
  const view = (stored: StoredComplaint | null) => (stored ? letterView(stored.complaint, member, deps) : null);
  if (!outcome.ok) {
    return {
      ok: false,
      message: outcome.message,
      conflict: outcome.stale === true,
      emailUnconfirmed: outcome.emailUnconfirmed === true,
      letter: view(deps.register.find(request.regNumber)),
    };
  }
  const letter = letterView(outcome.stored.complaint, member, deps);
  return {
    ok: true,
    message: outcome.message,
    warnings: outcome.warnings,
    letter,
    url: outcome.url ?? letter.replyDocUrl,
    // Delivered: the complainant may hear it (and the rating invitation) on WhatsApp too.
    whatsapp:
      action === 'deliver' ? offersFor(ctx, member, outcome.stored.complaint, ['letterSent', 'ratingInvite']) : [],
  };
}

// ------------------------------------------------------------------ queued steps

/**
 * The page asks for its queued step at once: it runs here, as the person who asked, and answers as the step itself
 * would have. Someone else's job, or one the trigger runs now, is only reported.
 */
export function runLetterWork(regNumber: string): LetterActionResult {
  const failed = (message: string): LetterActionResult => ({ ok: false, message, conflict: false, letter: null });
  return run(LETTERS, (ctx, member) => letterWork(ctx, member, String(regNumber ?? '').trim()), failed);
}

function letterWork(ctx: Services, member: TeamMember, reg: string): LetterActionResult {
  const now = ctx.now.getTime();
  const mine = jobOf(reg, now);
  const ran = mine && mine.actor === member.email ? runJob(reg, now, (job) => runClaimed(job, true)) : null;
  if (ran) return ran;
  const loaded = openLetter(ctx, member, reg);
  if (!loaded.ok) return { ok: false, message: loaded.message, conflict: false, letter: null };
  const work = loaded.work;
  if (work && !work.pending)
    return {
      ok: false,
      message: work.message,
      conflict: false,
      letter: loaded.letter,
      emailUnconfirmed: work.emailUnconfirmed === true,
    };
  return {
    ok: true,
    pending: work?.pending === true,
    message: work?.pending ? LETTER_UI.stillWorking(reg) : LETTER_UI.jobDone(reg),
    warnings: [],
    letter: loaded.letter,
    url: loaded.letter.replyDocUrl,
    whatsapp: [],
  };
}

/**
 * Runs a claimed job as the member who asked, whoever runs it (their sidebar, or the trigger): their rights checked
 * again now, their draft's sharing; records how it ended for the page and the complaint. `waited`: their page asked
 * for it and waits, so its mail is queued; the trigger's run sends its own.
 */
function runClaimed(job: LetterJob, waited: boolean): LetterActionResult {
  const reg = job.request.regNumber;
  const refused = (message: string): LetterActionResult => {
    finishJob(job, { message: LETTER_UI.jobFailed(reg, message), emailUnconfirmed: false });
    return { ok: false, message, conflict: false, letter: null };
  };
  return asMember(
    job.actor,
    () =>
      run(
        LETTERS,
        (ctx, member) => {
          const result = perform(ctx, letterDeps(ctx), member, job.action, job.request);
          const failure = result.ok
            ? null
            : { message: LETTER_UI.jobFailed(reg, result.message), emailUnconfirmed: result.emailUnconfirmed === true };
          finishJob(job, failure);
          return result;
        },
        refused,
      ),
    waited,
  );
}

/** The queued work's trigger and the daily run: every job no sidebar ran (waiting, or whose run died). */
export function runLetterJobs(): number {
  let n = 0;
  for (const reg of jobsToRun()) if (runJob(reg, Date.now(), (job) => runClaimed(job, false))) n += 1;
  return n;
}

export interface LetterBoot {
  user: string;
  role: string;
  roles: string;
  today: string;
  candidates: { regNumber: string; status: string; subject: string; actions: LetterAction[] }[];
  selected: LetterLoadResult | null;
  /** The canned replies' titles, for the unit's draft. */
  templates: string[];
}

/** Every register field, for the rows the letter sidebar may list. */
const ALL_FIELDS = [...REGISTER_COLUMNS.map((c) => c.field), 'responseId'] as const;

/**
 * The rows that may give this person a letter step and are listed, whole: the status, channel and unit of every row
 * first (mayHaveLetterStep), then the closing time of the closed walk-ins left (only recent ones are listed:
 * listsLetterStep), then every column of the rows left (in blocks, or whole columns when cheaper).
 */
function letterRows(ctx: Services, member: TeamMember): StoredComplaint[] {
  const reader = ctx.reader();
  const raw = reader.filledColumns(['status', 'channel', 'unit']);
  const kept = storedFrom(raw, false).filter((s) => mayHaveLetterStep(s.complaint, member));
  const closed = kept.filter((s) => s.complaint.status === 'Selesai').map((s) => s.row);
  if (closed.length > 0) reader.rows(closed, ['closedAt'], raw);
  const today = dayKeyOf(ctx.now);
  const rows = storedFrom(new Map(kept.map((s) => [s.row, raw.get(s.row) ?? []])), false)
    .filter((s) => listsLetterStep(s.complaint, today))
    .map((s) => s.row);
  reader.rows(rows, ALL_FIELDS, raw);
  return storedFrom(new Map(rows.map((r) => [r, raw.get(r) ?? []])));
}

/** The row under the cursor when it has no letter step: shown (as before) if this person may read it. */
function selectedRow(ctx: Services, member: TeamMember, row: number): StoredComplaint | undefined {
  const [stored] = storedFrom(ctx.reader().rows([row], ALL_FIELDS));
  return stored && readRefusal(member, stored.complaint) === null ? stored : undefined;
}

/** Menu: the sidebar with the complaints that have a letter step for this person (one register read). */
export function showLetterSidebar(): void {
  run(LETTERS, showSidebar, alert);
}

function showSidebar(ctx: Services, member: TeamMember): void {
  const deps = { now: ctx.now, calendar: ctx.calendar(), letters: letterRecords(ctx), settings: ctx.settings() };
  const all = letterRows(ctx, member).filter((s) => readRefusal(member, s.complaint) === null);
  const candidates = all
    .map((s) => ({ s, actions: letterActions(s.complaint, member, deps) }))
    .filter((x) => x.actions.length > 0)
    .map((x) => ({
      regNumber: x.s.complaint.regNumber,
      status: x.s.complaint.status,
      subject: letterView(x.s.complaint, member, deps).subject,
      actions: x.actions,
    }));
  const row = screen().selectedRow();
  const chosen = row === null ? undefined : (all.find((s) => s.row === row) ?? selectedRow(ctx, member, row));
  const boot: LetterBoot = {
    user: member.email,
    role: member.role,
    roles: roleText(LETTER_ROLES),
    today: dayKeyOf(ctx.now),
    candidates,
    selected: chosen ? { ok: true, letter: letterView(chosen.complaint, member, deps) } : null,
    templates: templateTitles(ctx, member),
  };
  screen().sidebar('Surat', LETTER_UI.title, { boot: jsonForScript(boot) });
}
