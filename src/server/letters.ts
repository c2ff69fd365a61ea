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
import { Refusal, alert, guard, run, screen, type Services } from './wiring';
import { findTyped } from './workflow';

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

export type LetterLoadResult = { ok: true; letter: LetterView } | { ok: false; message: string };
export type LetterActionResult =
  | { ok: true; message: string; warnings: string[]; letter: LetterView; url: string; whatsapp: WaOffer[] }
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
  return { ok: true, letter: letterView(stored.complaint, member, deps) };
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
  const outcome = RUN[action](deps, member, request);
  const view = (stored: typeof visible) => (stored ? letterView(stored.complaint, member, deps) : null);
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
