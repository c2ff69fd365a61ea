// Server side of the workflow sidebars (Agenda, Disposisi, Tindak Lanjut, Perpanjangan, Alihkan, Buka Kembali, Riwayat):
// opening them, loading one complaint, running one action. Every function checks the caller's role itself.
import { jsonForScript } from '../lib/html';
import { reopenCandidates } from '../app/reopenCandidates';
import type { TeamMember } from '../app/team';
import { performAction } from '../app/workflow';
import {
  ACTION_SIDEBARS,
  HISTORY_ROLES,
  isActionSidebar,
  readRefusal,
  rolesText,
  type ActionSidebar,
} from '../app/workflowSidebars';
import {
  actionOptions,
  complaintView,
  historyView,
  listItem,
  compareForMonitoring,
  type ComplaintView,
  type HistoryEntry,
  type ListItem,
  type ViewContext,
} from '../app/workflowView';
import { PRIORITIES, type Complaint, type ComplaintField } from '../domain/complaint';
import { formatDay } from '../domain/format';
import { formatNumber, nextSequence } from '../domain/numbering';
import { dayKeyOf, witaParts } from '../domain/time';
import {
  TRANSITIONS,
  accessAllows,
  transitionOf,
  type ActionInput,
  type ActionName,
  type InputField,
} from '../domain/workflow';
import { auditEntriesFor } from '../gas/auditLog';
import { RatingsSheet } from '../gas/ratingsSheet';
import { REGISTER_COLUMNS } from '../gas/registerColumns';
import { readComplaintAt, rowUrl } from '../gas/registerSelection';
import { MSG } from '../messages/domain';
import { ROLE_LABELS } from '../domain/roles';
import { REOPEN_TEXT, WF, WORKFLOW_TITLES } from '../messages/workflow';
import type { StoredComplaint } from '../ports';
import { storedFrom } from '../gas/registerReads';
import { publicAgencyName } from '../app/status';
import { Refusal, alert, guard, run, screen, type Guard, type Services } from './wiring';
import { scopeOf, type Permission } from '../domain/permissions';
import type { WaOffer } from '../app/whatsapp';
import { COMPLAINANT_NOTICES, STAFF_NOTICES, type WhatsAppKind } from '../domain/whatsapp';
import { offersFor } from './whatsapp';
import { templateTitles } from './replyTemplates';
import { attachmentList, type AttachmentItem } from '../app/attachments';
import { ScriptPropertiesAttachmentIndex } from '../gas/attachments';

export type WorkflowSidebar = ActionSidebar | 'riwayat';

/** What each action tells someone, offered right after it as "Kirim via WhatsApp". */
const WHATSAPP_AFTER: Partial<Record<ActionName, readonly WhatsAppKind[]>> = {
  forwardToHead: ['awaitingDisposition'],
  dispose: ['disposition'],
  requestInfo: ['infoRequest'],
  answerOnSpot: ['ratingInvite'],
  closeWithAnswer: ['ratingInvite'],
  reopen: ['reopened', 'reopenedForUnit'],
  extend: ['extended'],
  forward: ['forwarded'],
};
const ALL_WHATSAPP: readonly WhatsAppKind[] = [...COMPLAINANT_NOTICES, ...STAFF_NOTICES];

export type LoadResult =
  | {
      ok: true;
      complaint: ComplaintView;
      history: HistoryEntry[];
      notice: string;
      whatsapp: WaOffer[];
      /** The complainant's attachments; null for a member not entitled to them (rules.md §3). */
      attachments: AttachmentItem[] | null;
    }
  | { ok: false; message: string };

export interface WorkflowPayload {
  sidebar?: string;
  regNumber?: string;
  version?: number | string;
  action?: string;
  input?: Record<string, unknown>;
}

export type WorkflowResult =
  | {
      ok: true;
      message: string;
      warnings: string[];
      complaint: ComplaintView;
      history: HistoryEntry[];
      whatsapp: WaOffer[];
    }
  | { ok: false; message: string; conflict: boolean; complaint: ComplaintView | null; fields: string[] };

interface SidebarInfo {
  page: string;
  title: string;
  roles: readonly TeamMember['role'][];
  actions: readonly ActionName[];
  /** The actions that put a complaint in the picker (default: all). */
  listed?: readonly ActionName[];
  /** The permission table's entries that open it: its actions, or reading the history. */
  permissions: readonly Permission[];
}

function infoOf(sidebar: unknown): SidebarInfo | null {
  if (isActionSidebar(sidebar)) return { ...ACTION_SIDEBARS[sidebar], permissions: ACTION_SIDEBARS[sidebar].actions };
  if (sidebar === 'riwayat')
    return {
      page: 'Riwayat',
      title: WORKFLOW_TITLES.riwayat,
      roles: HISTORY_ROLES,
      actions: [],
      permissions: ['history'],
    };
  return null;
}

interface SidebarCaller {
  member: TeamMember;
  info: SidebarInfo;
}

/** A registered member holding a role the page is for (one of its actions, in the permission table). */
export function sidebarGuard(sidebar: unknown): Guard<SidebarCaller> {
  const info = infoOf(sidebar);
  const inner = info ? guard(info.permissions, () => WF.notAllowedSidebar(info.title, rolesText(info.roles))) : null;
  return {
    permissions: info?.permissions ?? [],
    admit(s) {
      if (!info || !inner) throw new Refusal(WF.actionNotInSidebar(String(sidebar), 'Dumas'));
      return { member: inner.admit(s), info };
    },
  };
}

/** `page`: the Disposisi page also reads the Kategori sheet (the unit a category suggests); the others need not. */
export function viewContext(ctx: Services, page = ''): ViewContext {
  const sheet = ctx.workbook.registerSheetForLinks();
  const url = ctx.workbook.url();
  const gid = sheet.getSheetId();
  return {
    ...ctx.actionContext(),
    rowUrl: (row) => rowUrl(url, gid, row),
    nameOf: (email) => nameIn(ctx.team(), email),
    agency: page === 'Lapor' ? publicAgencyName(ctx.settings()) : '',
    categories: page === 'Disposisi' ? ctx.categories() : [],
  };
}

/** The member's name for an email (the team is read once per call and memoised); the email when not found. */
function nameIn(team: readonly TeamMember[], email: string): string {
  const key = email.trim().toLowerCase();
  const m = team.find((t) => t.email === key);
  return m && m.name !== '' ? m.name : email;
}

/** Sidebar numbers as people type them: case and spaces do not matter (numbers are stored in upper case). */
export function findTyped(ctx: Services, typed: string): StoredComplaint | null {
  const register = ctx.register();
  return register.find(typed) ?? (typed.toUpperCase() === typed ? null : register.find(typed.toUpperCase()));
}

/** Fields the domain has no label for (bookkeeping, dates) are named as the register's headers name them. */
const HEADER_LABELS: Record<string, string> = Object.fromEntries(REGISTER_COLUMNS.map((c) => [c.field, c.header]));

/** The complaint's history; after an action, read up to the row its own audit append left last (no last-row call). */
function history(ctx: Services, c: Complaint, member: TeamMember): HistoryEntry[] {
  const entries = auditEntriesFor(ctx.workbook.sheet('audit'), c.regNumber, ctx.audit().lastRowWritten());
  return historyView(entries, c, member, HEADER_LABELS, (email) => nameIn(ctx.team(), email));
}

/** A complaint the caller may read, as the sidebar's card with its history. */
function loaded(ctx: Services, member: TeamMember, info: SidebarInfo, c: Complaint, row: number): LoadResult {
  const refusal = readRefusal(member, c);
  if (refusal) return { ok: false, message: refusal };
  const complaint = complaintView(c, row, member, info.actions, viewContext(ctx, info.page));
  const notice = info.actions.length > 0 && complaint.actions.length === 0 ? WF.noActionHere : '';
  // Riwayat is where the team (re)sends what Dumas told the complainant, e.g. an info request a unit could not.
  const whatsapp = info.page === 'Riwayat' ? offersFor(ctx, member, c, ALL_WHATSAPP) : [];
  const attachments = attachmentList(member, c, new ScriptPropertiesAttachmentIndex());
  return { ok: true, complaint, history: history(ctx, c, member), notice, whatsapp, attachments };
}

const refusedLoad = (message: string): LoadResult => ({ ok: false, message });

export function openWorkflowComplaint(sidebar: string, regNumber: string): LoadResult {
  return run(
    sidebarGuard(sidebar),
    (ctx, { member, info }) => {
      const key = String(regNumber ?? '').trim();
      const stored = key === '' ? null : findTyped(ctx, key);
      if (!stored) return refusedLoad(WF.notFound(key));
      return loaded(ctx, member, info, stored.complaint, stored.row);
    },
    refusedLoad,
  );
}

/** "Pakai baris terpilih": the complaint on the row the user has selected in the register (one row read). */
export function openSelectedComplaint(sidebar: string): LoadResult {
  return run(
    sidebarGuard(sidebar),
    (ctx, { member, info }) => {
      const row = screen().selectedRow();
      if (row === null) return refusedLoad(WF.noSelection);
      const c = readComplaintAt(ctx.workbook.sheet('register'), ctx.registerLayout(), row);
      if (!c) return refusedLoad(WF.selectionNotRegister);
      return loaded(ctx, member, info, c, row);
    },
    refusedLoad,
  );
}

const INPUT_FIELDS: readonly InputField[] = [
  'agendaNumber',
  'agendaDate',
  'unit',
  'instruction',
  'priority',
  'assignedTo',
  'agreedDate',
  'answer',
  'note',
  'letterNumber',
  'replyDocUrl',
  'deliveryMethod',
  'extOfficial',
  'extReason',
  'extFrom',
  'extUntil',
  'forwardedTo',
  'forwardNote',
  'duplicateOf',
  'relatedTo',
  'category',
];

/** Only known fields, only text: whatever else a page (or a hostile caller) sends is dropped. */
function cleanInput(raw: Record<string, unknown> | undefined): ActionInput {
  const input: ActionInput = {};
  for (const f of INPUT_FIELDS) {
    const v = raw?.[f];
    if (typeof v === 'string') input[f] = v;
  }
  return input;
}

export function runWorkflowAction(payload: WorkflowPayload): WorkflowResult {
  const p = payload ?? {};
  return run(
    sidebarGuard(p.sidebar),
    (ctx, { member, info }) => workflowAction(ctx, member, info, p),
    (message) => ({ ok: false, message, conflict: false, complaint: null, fields: [] }),
  );
}

function workflowAction(ctx: Services, member: TeamMember, info: SidebarInfo, p: WorkflowPayload): WorkflowResult {
  const action = String(p.action ?? '');
  if (!(info.actions as string[]).includes(action)) throw new Refusal(WF.actionNotInSidebar(action, info.title));
  const t = transitionOf(action);
  if (t && !t.roles.includes(member.role)) {
    // Refused before any read: hiding a button is not security, and a refusal costs nothing.
    throw new Refusal(MSG.roleNotAllowed(t.label, rolesText(t.roles), ROLE_LABELS[member.role]));
  }
  const version = Number(p.version);
  if (!Number.isInteger(version) || version < 1) throw new Refusal(WF.missingVersion);
  const outcome = performAction(ctx.workflowDeps(), member, {
    regNumber: String(p.regNumber ?? '').trim(),
    version,
    action: action as ActionName,
    input: cleanInput(p.input),
  });
  const vc = viewContext(ctx, info.page);
  if (!outcome.ok) {
    const current = outcome.current;
    return {
      ok: false,
      message: outcome.message,
      conflict: outcome.code === 'stale',
      fields: outcome.fields ?? [],
      complaint:
        current && readRefusal(member, current.complaint) === null
          ? complaintView(current.complaint, current.row, member, info.actions, vc)
          : null,
    };
  }
  const c = outcome.stored.complaint;
  const notified = WF.notified(outcome.notified);
  return {
    ok: true,
    message: [WF.done(outcome.entry.action, c.regNumber), notified, ...outcome.notes].filter((s) => s !== '').join(' '),
    warnings: outcome.warnings,
    complaint: complaintView(c, outcome.stored.row, member, info.actions, vc),
    history: history(ctx, c, member),
    whatsapp: offersFor(ctx, member, c, WHATSAPP_AFTER[action as ActionName] ?? [], cleanInput(p.input).note ?? ''),
  };
}

// ------------------------------------------------------------------ opening the sidebars

export interface SidebarBoot {
  sidebar: WorkflowSidebar;
  title: string;
  user: string;
  role: string;
  units: string[];
  priorities: readonly string[];
  today: string;
  agendaSuggestion: string;
  candidates: ListItem[];
  selected: LoadResult | null;
  /** Disposisi: the active unit members, so "Petugas pelaksana" is picked from a list, not typed. */
  members: { unit: string; name: string; email: string }[];
  /** Agenda: the Kategori sheet's names, for the category lists. */
  categories: string[];
  /** Tindak Lanjut: the titles of the canned replies ("Templat Jawaban"). */
  templates: string[];
}

/** Opening on the selected row only helps when there is something to do with it here (or it is the history page). */
function openOnSelection(result: LoadResult, info: SidebarInfo): LoadResult | null {
  if (!result.ok) return null;
  // Only a step of the page's own (not a helper such as a link) makes a selected row open by itself.
  const listed = info.listed ?? info.actions;
  return info.actions.length === 0 || result.complaint.actions.some((a) => listed.includes(a.name)) ? result : null;
}

/** The next agenda number: the numbers given so far (only filled cells count: no last-row call, see filledColumns). */
function agendaSuggestion(ctx: Services): string {
  const pattern = ctx.settings().agendaPattern;
  const year = witaParts(ctx.now).year;
  const seq = nextSequence(
    storedFrom(ctx.reader().filledColumns(['agendaNumber']), false).map((s) => s.complaint.agendaNumber),
    pattern,
    year,
  );
  return formatNumber(pattern, { year, seq });
}

/** What a picker line and the action checks need of a complaint (read only for the rows that may be listed). */
const PICK_FIELDS: readonly ComplaintField[] = [
  'regNumber',
  'receivedAt',
  'channel',
  'subject',
  'privacy',
  'status',
  'unit',
  'deadline',
  'closedAt',
  'deadlineKind',
  'priority',
  'letterNumber',
  'signedBy',
  'extGrantedBy',
];

/**
 * The rows a sidebar's picker may list, as partial complaints: the status column of every row first (an action
 * starts only from some statuses); for a member whose listed actions are their unit's only, the unit and channel of
 * the rows left, keeping those the member may act on; then the picker's columns of the rows left. "Buka Kembali"
 * starts from the closed ones, of which only the recent few are offered (reopenCandidates), so it reads their
 * closing day too.
 */
function pickerRows(ctx: Services, sidebar: WorkflowSidebar, info: SidebarInfo, member: TeamMember): StoredComplaint[] {
  if (info.actions.length === 0) return [];
  const reader = ctx.reader();
  const reopen = sidebar === 'bukaKembali';
  // The picker lists only complaints with a listed action (pickerList), so only those actions' statuses count.
  const listed = reopen ? info.actions : (info.listed ?? info.actions);
  const raw = reader.filledColumns(reopen ? ['regNumber', 'status', 'closedAt'] : ['status']);
  const starts = new Set<string>(TRANSITIONS.filter((t) => listed.includes(t.action)).flatMap((t) => t.from));
  let rows = storedFrom(raw, false)
    .filter((s) => starts.has(s.complaint.status))
    .map((s) => s.row);
  if (!reopen && listed.every((a) => scopeOf(a, member.role) === 'unit')) {
    reader.rows(rows, ['unit', 'channel'], raw);
    rows = storedFrom(new Map(rows.map((r) => [r, raw.get(r) ?? []])), false)
      .filter((s) => listed.some((a) => accessAllows(a, s.complaint, member)))
      .map((s) => s.row);
  }
  if (reopen) {
    const kept = new Set(rows);
    rows = reopenCandidates(
      storedFrom(raw).filter((s) => kept.has(s.row)),
      ratingsOf(ctx),
      dayKeyOf(ctx.now),
    ).map((x) => x.stored.row);
  }
  reader.rows(rows, PICK_FIELDS, raw);
  return storedFrom(new Map(rows.map((r) => [r, raw.get(r) ?? []])));
}

function ratingsOf(ctx: Services) {
  return ctx.workbook.has('ratings') ? new RatingsSheet(ctx.workbook.sheet('ratings')).all() : [];
}

/**
 * "Buka Kembali": requests first, then recent closings (bounded, see reopenCandidates); a request's line says so.
 * One extra read: the "Penilaian" sheet (absent in a workbook set up before ratings existed: no requests then).
 */
function reopenPicker(
  ctx: Services,
  member: TeamMember,
  info: SidebarInfo,
  all: readonly StoredComplaint[],
  vc: ViewContext,
): ListItem[] {
  return reopenCandidates(all, ratingsOf(ctx), dayKeyOf(ctx.now))
    .filter((x) => actionOptions(x.stored.complaint, member, info.actions, vc).length > 0)
    .map((x) => {
      const item = listItem(x.stored.complaint, x.stored.row, member, vc);
      return x.request ? { ...item, stateText: REOPEN_TEXT.requested(x.request.score, formatDay(x.request.at)) } : item;
    });
}

function pickerList(
  ctx: Services,
  member: TeamMember,
  sidebar: WorkflowSidebar,
  info: SidebarInfo,
  all: readonly StoredComplaint[],
  vc: ViewContext,
): ListItem[] {
  if (info.actions.length === 0) return [];
  if (sidebar === 'bukaKembali') return reopenPicker(ctx, member, info, all, vc);
  const listed = info.listed ?? info.actions;
  return all
    .filter((s) => readRefusal(member, s.complaint) === null)
    .filter((s) => actionOptions(s.complaint, member, listed, vc).length > 0)
    .map((s) => listItem(s.complaint, s.row, member, vc))
    .sort(compareForMonitoring);
}

/** Shows `sidebar` to the caller, or an alert saying why not. One register read for the picker. */
export function showWorkflowSidebar(sidebar: WorkflowSidebar): void {
  run(sidebarGuard(sidebar), (ctx, { member, info }) => showSidebar(ctx, member, info, sidebar), alert);
}

function showSidebar(ctx: Services, member: TeamMember, info: SidebarInfo, sidebar: WorkflowSidebar): void {
  const vc = viewContext(ctx, info.page);
  const candidates = pickerList(ctx, member, sidebar, info, pickerRows(ctx, sidebar, info, member), vc);
  const row = screen().selectedRow();
  const chosenComplaint =
    row === null ? null : readComplaintAt(ctx.workbook.sheet('register'), ctx.registerLayout(), row);
  const chosen = row === null || chosenComplaint === null ? undefined : { row, complaint: chosenComplaint };
  const boot: SidebarBoot = {
    sidebar,
    title: info.title,
    user: member.email,
    role: member.role,
    units: ctx.unitNames(),
    priorities: PRIORITIES,
    today: dayKeyOf(ctx.now),
    agendaSuggestion: sidebar === 'agenda' ? agendaSuggestion(ctx) : '',
    candidates,
    selected: chosen ? openOnSelection(loaded(ctx, member, info, chosen.complaint, chosen.row), info) : null,
    members:
      sidebar === 'disposisi'
        ? ctx
            .team()
            .filter((m) => m.role === 'ANGGOTA' && m.active && m.unit)
            .map((m) => ({ unit: m.unit ?? '', name: m.name || m.email, email: m.email }))
        : [],
    templates: sidebar === 'tindakLanjut' ? templateTitles(ctx, member) : [],
    categories: sidebar === 'agenda' ? ctx.categories().map((c) => c.name) : [],
  };
  screen().sidebar('WorkflowPage', info.title, { title: info.title, page: info.page, boot: jsonForScript(boot) });
}
