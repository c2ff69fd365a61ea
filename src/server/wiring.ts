// The one wiring module: every server function runs as `run(guard, (services, caller) => useCase(...), fail)`.
// It lives in server/, not gas/, because it joins three layers: the Google adapters of one execution
// (gas/context.ts, made here and nowhere else), the use cases' dependency sets (app/), and what a person is told
// (guards read from the permission table, domain/permissions.ts, and one error boundary for Indonesian messages).
import { WorkflowEvents } from '../app/events';
import { inviteToRate } from '../app/feedback';
import type { IntakeDeps } from '../app/intake';
import { LetterDocsSetupError } from '../app/letters';
import type { TeamMember } from '../app/team';
import type { WhatsAppDeps } from '../app/whatsapp';
import type { WorkflowDeps } from '../app/workflow';
import { permitsAny, refusalFor, rolesForAny, type Permission } from '../domain/permissions';
import { redactForLog } from '../domain/privacy';
import type { ActionContext } from '../domain/workflow';
import { duplicateLinkRows, laporIdRows, readCategories } from '../gas/channelReads';
import { GasContext, memo } from '../gas/context';
import { ScriptPropertiesReceiptJournal } from '../gas/receiptJournal';
import { scheduleQueuedWork } from '../gas/queuedWork';
import { HourlyTeamNotice } from '../gas/teamNoticeGate';
import { RegisterLayoutError } from '../gas/registerLayout';
import { readColumnWithKey } from '../gas/registerSelection';
import { HmacSigner } from '../gas/signer';
import { NotConfiguredError, Workbook, type SplitIds } from '../gas/workbook';
import { TEXT } from '../messages/ui';
import { SHEET_SCREEN, type Screen } from '../ui/screen';
import { AuditUnwritableError, LockBusyError } from '../ports';

/** A refusal the person can act on (not allowed, not found, bad input): shown as it is. */
export class Refusal extends Error {}

/**
 * A confirmation the screen cannot ask for within this call (the core answering the shell): the call stops before
 * it changes anything, the shell asks, and calls again confirmed. Passes through every error boundary.
 */
export class ConfirmationPending extends Error {}

/**
 * One execution's services, each built once and only when used: the adapters (settings, team, units as records,
 * calendar, register, reader, audit, notifier, lock), the workflow's events, and what the use cases are given of
 * them. Another service is one more memoised line here.
 */
export class Services extends GasContext {
  /** Answering the shell, the caller its identity token names; otherwise the person Google says is signed in. */
  override userEmail(): string {
    return shell?.caller ?? super.userEmail();
  }

  /** Rating links and letter seals share one signer: the script's secret is read once per execution. */
  readonly signer = memo(() => new HmacSigner());
  readonly unitNames = memo(() => this.units().map((u) => u.name));
  /** The Kategori sheet (none before setup made it). */
  readonly categories = memo(() => readCategories(this.workbook, this.unitNames()));

  /** The workflow's events and their listeners, subscribed once: "closed" invites the complainant to rate. */
  readonly events = memo(() =>
    new WorkflowEvents().on(
      inviteToRate(() => ({ settings: this.settings(), notifier: this.notifier(), signer: this.signer() })),
    ),
  );

  /** What the domain's checks need: the clock, the calendar, and the units a complaint may go to. */
  actionContext(): Required<Omit<ActionContext, 'categories'>> {
    return { now: this.now, calendar: this.calendar(), units: this.units() };
  }

  /** True once setup has run: the team and the register exist and someone is in the team. */
  configured(): boolean {
    return this.workbook.has('team') && this.workbook.has('register') && this.team().length > 0;
  }

  intakeDeps(): IntakeDeps {
    const team = this.team;
    return {
      now: this.now,
      calendar: this.calendar(),
      settings: this.settings(),
      // Read when a notice goes out only (Tim costs a last row, 160 ms): most online submissions send none.
      get team() {
        return team();
      },
      units: this.units(),
      register: this.register(),
      audit: this.audit(),
      notifier: this.notifier(),
      lock: this.lock(),
      random: Math.random,
      registerUrl: this.workbook.url(),
      // Answering the shell, the receipt waits in the journal for the queued work's run (a second later).
      receipts: new ScriptPropertiesReceiptJournal(
        this.queueMail ? () => scheduleQueuedWork(this.now.getTime()) : undefined,
      ),
      receiptsLater: this.queueMail,
      teamNotice: new HourlyTeamNotice(),
      events: this.events(),
      signer: this.signer(),
      laporIds: () => laporIdRows(this.workbook.sheet('register'), this.registerLayout()),
      categories: () => this.categories(),
    };
  }

  workflowDeps(): WorkflowDeps {
    return {
      now: this.now,
      calendar: this.calendar(),
      settings: this.settings(),
      team: this.team(),
      units: this.units(),
      register: this.register(),
      audit: this.audit(),
      notifier: this.notifier(),
      events: this.events(),
      lock: this.lock(),
      registerUrl: this.workbook.url(),
      agendaNumbers: () =>
        readColumnWithKey(this.workbook.sheet('register'), this.registerLayout(), 'agendaNumber').map((r) => ({
          regNumber: r.regNumber,
          agendaNumber: r.value,
        })),
      categories: () => this.categories(),
      duplicateLinks: () => duplicateLinkRows(this.workbook.sheet('register'), this.registerLayout()),
    };
  }

  whatsAppDeps(): WhatsAppDeps {
    return {
      settings: this.settings(),
      team: this.team(),
      registerUrl: this.workbook.url(),
      signer: this.signer(),
      now: this.now,
    };
  }
}

/** The signer alone, for the web app's file route, which opens no spreadsheet (the services would). */
export function scriptSigner(): HmacSigner {
  return new HmacSigner();
}

// ------------------------------------------------------------------ guards

/** Who may call a server function: it admits the caller (as `C`) or throws a Refusal, before any other read. */
export interface Guard<C> {
  /** The permission table's entries it reads; empty for the guards that grant no team role. */
  readonly permissions: readonly Permission[];
  admit(s: Services): C;
}

/** The caller as a team member, or a Refusal with the Indonesian explanation. */
export function requireMember(s: Services): TeamMember {
  const member = s.actor();
  if (!member) throw new Refusal(TEXT.unknownUser);
  return member;
}

/**
 * A registered member whose role the table permits at least one of `permissions`; the refusal names the permitted
 * roles (in the first entry's words by default; `refusal` words it for a page or a group).
 */
export function guard(
  permissions: readonly Permission[],
  refusal: (member: TeamMember) => string = (m) => refusalFor(permissions[0], m.role, rolesForAny(permissions)),
): Guard<TeamMember> {
  return {
    permissions,
    admit(s) {
      const member = requireMember(s);
      if (!permitsAny(member.role, permissions)) throw new Refusal(refusal(member));
      return member;
    },
  };
}

/** One entry of the table, refused in its own words. */
export function may(permission: Permission): Guard<TeamMember> {
  return guard([permission]);
}

/** Public pages, triggers, the menu and the "about" note: nobody is granted a team role through them. */
export const ANYONE: Guard<undefined> = { permissions: [], admit: () => undefined };

/** Setup: anyone before the first setup (someone has to start it), then only the table's "setup" roles. */
export const SETUP: Guard<TeamMember | undefined> = {
  permissions: ['setup'],
  admit(s) {
    if (!s.configured()) return undefined;
    const member = s.actor();
    if (!member || !permitsAny(member.role, ['setup'])) throw new Refusal(refusalFor('setup', member?.role ?? null));
    return member;
  },
};

// ------------------------------------------------------------------ the error boundary

/** What a person receives: never a stack trace, always a sentence they can act on. */
export function messageOf(error: unknown): string {
  if (
    error instanceof Refusal ||
    error instanceof LockBusyError ||
    error instanceof AuditUnwritableError ||
    error instanceof NotConfiguredError ||
    error instanceof RegisterLayoutError ||
    error instanceof LetterDocsSetupError
  )
    return error.message;
  // The detail goes to the execution log for the administrator (without personal data); the person gets a
  // sentence, not an English trace.
  console.error(redactForLog(error instanceof Error ? (error.stack ?? error.message) : String(error)));
  return TEXT.unexpected;
}

/**
 * Builds the execution's services once, admits the caller, runs `body`. Any error becomes `fail(message, error)`
 * with the message from messageOf; without `fail` (triggers) the error stays the execution's, as Apps Script
 * records it.
 */
export function run<C, R>(
  who: Guard<C>,
  body: (s: Services, caller: C) => R,
  fail?: (message: string, error: unknown) => R,
): R {
  if (!fail) {
    const s = services();
    return body(s, who.admit(s));
  }
  try {
    const s = services();
    return body(s, who.admit(s));
  } catch (error) {
    if (error instanceof ConfirmationPending) throw error;
    return fail(messageOf(error), error);
  }
}

// ------------------------------------------------------------------ the screen, and calls from the shell

/** The request the core is answering for the shell (server/core.ts), for the length of one call. */
let shell: { caller: string; screen: Screen; ids: SplitIds | null; queueMail: boolean } | null = null;

/** The execution's services; answering the shell, on the spreadsheets the core's properties (read once) name. */
function services(): Services {
  if (!shell) return new Services();
  return new Services(shell.ids ? new Workbook(undefined, shell.ids) : new Workbook(), shell.queueMail);
}

/**
 * Runs `body` as the shell's verified caller, showing what it shows on `screen`; restores the execution after.
 * `ids`: the spreadsheets from the Script Properties the core has read for this request (null: read them again).
 */
export function asShellCall<R>(
  caller: string,
  screen: Screen,
  body: () => R,
  ids: SplitIds | null = null,
  queueMail = true,
): R {
  const before = shell;
  shell = { caller, screen, ids, queueMail };
  try {
    return body();
  } finally {
    shell = before;
  }
}

/** Nobody watches a queued step's run: what it would show is dropped, and it never asks (no queued step asks). */
const UNWATCHED: Screen = {
  alert: () => undefined,
  confirm: () => {
    throw new ConfirmationPending();
  },
  sidebar: () => undefined,
  selectedRow: () => null,
  select: () => undefined,
};

/**
 * Runs `body` as `email`, a team member whose step was queued (gas/letterJobs.ts), as their own call would.
 * `queueMail`: someone waits on this execution (their page asked for the step), so its mail goes to the outbox.
 */
export function asMember<R>(email: string, body: () => R, queueMail: boolean): R {
  return asShellCall(email, UNWATCHED, body, null, queueMail);
}

/** Where this execution shows alerts, confirmations and sidebars: the Sheet's UI, or the shell's replay. */
export function screen(): Screen {
  return shell?.screen ?? SHEET_SCREEN;
}

/** True while answering the shell: there is no Sheet UI in this execution (the menu is the shell's to build). */
export function answeringShell(): boolean {
  return shell !== null;
}

/** The `fail` of menu actions: the message as an alert in the Sheet. */
export function alert(message: string): void {
  screen().alert(message);
}
