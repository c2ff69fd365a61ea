// ScriptApp: installable triggers (time-driven, form and spreadsheet events) and the harness that fires them.
import { createHash } from 'node:crypto';
import type { EmuContext } from './core/context';
import { TOO_MUCH_TIME, TRIGGER_RUNTIME_PER_DAY_MS } from './core/execution';
import { expose } from './core/expose';
import { EMAIL_SCOPE, OPENID_SCOPE } from './core/google';
import { isoWeek, zonedParts, zonedToUtc } from './tz';

export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;
export const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const;
export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
export const WeekDay = {
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
  SUNDAY: 'SUNDAY',
} as const;
const WEEKDAY_NUMBER: Record<string, number> = {
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
  SUNDAY: 7,
};

export type EventTypeName = keyof typeof EventType;
export type TriggerSourceName = keyof typeof TriggerSource;

export const TOO_MANY_TRIGGERS =
  'Exception: This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const MAX_TRIGGERS = 20;

/** How a time-driven trigger recurs. */
export interface ClockSpec {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  weekDay?: string;
  atHour?: number;
  nearMinute?: number;
  timeZone?: string;
  at?: number; // one-time, epoch ms
}

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: EventTypeName;
  source: TriggerSourceName;
  sourceId: string | null;
  owner: string;
  created: number;
  clock?: ClockSpec;
  lastFired: number; // epoch ms; creation time until the first firing
}

export interface TriggerFailure {
  uid: string;
  handler: string;
  at: string;
  error: string;
}

export type Invoker = (handler: string, event: Record<string, unknown>) => unknown;

class TriggerImpl {
  constructor(readonly _record: TriggerRecord) {}
  getUniqueId(): string {
    return this._record.uid;
  }
  getHandlerFunction(): string {
    return this._record.handler;
  }
  getEventType(): string {
    return this._record.eventType;
  }
  getTriggerSource(): string {
    return this._record.source;
  }
  getTriggerSourceId(): string | null {
    return this._record.sourceId;
  }
}

/** The script's trigger table, owned by ScriptApp and used by FormApp (and Sheets) to fire events. */
export class ScriptControl {
  readonly failures: TriggerFailure[] = [];
  readonly requiredScopes: { authMode: string; scopes: string[] }[] = [];
  /** Each firing, in order: which trigger ran, when, with what event. */
  readonly fired: { uid: string; handler: string; at: string; event: Record<string, unknown> }[] = [];
  private records: TriggerRecord[] = [];
  private invoker: Invoker | null = null;
  private seq = 0;

  /** Seed of the minute a daily or weekly trigger fires at (see `fireDue`). */
  minuteSeed = 'dumas';
  /** Triggers' total runtime allowed per user and day (script time zone); consumer accounts: 90 min. */
  runtimeQuotaMs = TRIGGER_RUNTIME_PER_DAY_MS;
  /** Triggers' runtime used, by "user|yyyy-mm-dd". */
  private runtimeUsed = new Map<string, number>();

  constructor(private readonly ctx: EmuContext) {}

  setInvoker(fn: Invoker): void {
    this.invoker = fn;
  }

  triggers(): readonly TriggerRecord[] {
    return this.records;
  }

  _add(partial: Omit<TriggerRecord, 'uid' | 'owner' | 'created' | 'lastFired'>): TriggerRecord {
    const owner = this.ctx.users.effective;
    if (this.records.filter((r) => r.owner === owner).length >= MAX_TRIGGERS) throw new Error(TOO_MANY_TRIGGERS);
    this.seq += 1;
    const now = this.ctx.clock.now();
    // Real trigger ids are decimal strings of ~19 digits.
    const record: TriggerRecord = {
      ...partial,
      uid: String(7000000000000000000n + BigInt(this.seq) * 7919n),
      owner,
      created: now,
      lastFired: now,
    };
    this.records.push(record);
    return record;
  }

  _delete(uid: string): void {
    this.records = this.records.filter((r) => r.uid !== uid);
  }

  /** Wraps a record as the Trigger object the bundle sees. */
  _wrap(record: TriggerRecord): GoogleAppsScript.Script.Trigger {
    return expose(this.ctx.calls, 'Trigger', new TriggerImpl(record), {
      default: 'local',
    }) as unknown as GoogleAppsScript.Script.Trigger;
  }

  private run(record: TriggerRecord, event: Record<string, unknown>): void {
    if (!this.invoker) throw new Error('ScriptControl: no invoker set (control.setInvoker)');
    this.fired.push({
      uid: record.uid,
      handler: record.handler,
      at: new Date(this.ctx.clock.now()).toISOString(),
      event,
    });
    // An installable trigger runs as the user who created it, whoever is using the spreadsheet at the time.
    const before = { ...this.ctx.users };
    this.ctx.users = { active: record.owner, effective: record.owner };
    const p = zonedParts(this.ctx.clock.now(), this.ctx.timeZone);
    const day = `${record.owner}|${p.year}-${p.month}-${p.day}`;
    try {
      // Past the daily quota Apps Script no longer starts the owner's triggers that day.
      if ((this.runtimeUsed.get(day) ?? 0) >= this.runtimeQuotaMs) throw new Error(TOO_MUCH_TIME);
      this.ctx.execution.lastElapsedMs = 0;
      try {
        this.invoker(record.handler, event);
      } finally {
        this.runtimeUsed.set(day, (this.runtimeUsed.get(day) ?? 0) + this.ctx.execution.lastElapsedMs);
      }
    } catch (e) {
      // Apps Script records the failure (and e-mails the owner); other triggers still run.
      this.failures.push({
        uid: record.uid,
        handler: record.handler,
        at: new Date(this.ctx.clock.now()).toISOString(),
        error: e instanceof Error ? e.message : String(e),
      });
    } finally {
      this.ctx.users = before;
    }
  }

  /**
   * Fires every installed trigger of `eventType` on the given source (a form or spreadsheet id); `makeEvent`
   * builds each trigger's event (it receives the trigger's uid). Returns how many triggers ran.
   */
  fireEvent(
    source: TriggerSourceName,
    sourceId: string,
    eventType: EventTypeName,
    makeEvent: (triggerUid: string) => Record<string, unknown>,
  ): number {
    const matching = this.records.filter(
      (r) => r.source === source && r.sourceId === sourceId && r.eventType === eventType,
    );
    for (const r of matching) {
      if (!this.records.includes(r)) continue; // deleted by an earlier handler
      this.run(r, makeEvent(r.uid));
    }
    return matching.length;
  }

  /** Form-bound submit triggers of `formId` (FormApp calls this; see forms.ts for the sheet-bound kind). */
  fireFormSubmit(formId: string, makeEvent: (triggerUid: string) => Record<string, unknown>): number {
    return this.fireEvent('FORMS', formId, 'ON_FORM_SUBMIT', makeEvent);
  }

  /** When this project's next time-driven trigger fires (null: none). The world fires projects in time order. */
  nextDue(): number | null {
    let best: number | null = null;
    for (const r of this.records) {
      const t = r.clock ? nextFiring(r, r.lastFired, this.minuteSeed) : null;
      if (t !== null && (best === null || t < best)) best = t;
    }
    return best;
  }

  /**
   * Fires every time-driven trigger due after its last firing and at or before `at`, in time order,
   * moving the simulated clock to each firing time. As in Apps Script, a daily or weekly trigger fires at
   * some minute of its hour (`atHour`), or within ±15 minutes of `nearMinute`: the minute is drawn per firing
   * from `minuteSeed`, so runs are reproducible but never all at :00.
   */
  fireDue(at: Date | string | number): number {
    const until = new Date(at).getTime();
    let count = 0;
    for (;;) {
      let next: { time: number; record: TriggerRecord } | null = null;
      for (const r of this.records) {
        if (!r.clock) continue;
        const t = nextFiring(r, r.lastFired, this.minuteSeed);
        if (t !== null && t <= until && (!next || t < next.time)) next = { time: t, record: r };
      }
      if (!next) break;
      const { time, record } = next;
      record.lastFired = time;
      if (time > this.ctx.clock.now()) this.ctx.clock.set(time);
      if (record.clock?.at !== undefined) this._delete(record.uid); // one-time triggers are gone after they run
      this.run(record, clockEvent(record.uid, time));
      count += 1;
    }
    if (until > this.ctx.clock.now()) this.ctx.clock.set(until);
    return count;
  }
}

/**
 * The minute of the firing on local day `day` (yyyy-mm-dd): Apps Script's reference says atHour "runs at the given
 * hour", at a time Google picks within it, and nearMinute "plus or minus 15 minutes".
 */
function firingMinute(seed: string, uid: string, day: string, nearMinute: number | undefined): number {
  const h = createHash('sha256').update(`${seed}:${uid}:${day}`).digest().readUInt32BE(0);
  return nearMinute === undefined ? h % 60 : nearMinute - 15 + (h % 31);
}

/** The first firing time of `r` strictly after `after`, or null for a spent one-time trigger. */
export function nextFiring(r: TriggerRecord, after: number, seed = 'dumas'): number | null {
  const c = r.clock;
  if (!c) return null;
  if (c.at !== undefined) return c.at > after || after === r.created ? Math.max(c.at, r.created) : null;
  if (c.everyMinutes) return after + c.everyMinutes * 60000;
  if (c.everyHours) return after + c.everyHours * 3600000;
  const tz = c.timeZone ?? 'Asia/Makassar';
  const hour = c.atHour ?? zonedParts(r.created, tz).hour;
  const step = c.weekDay ? 7 : (c.everyDays ?? 1);
  const at = (y: number, m: number, d: number): number => {
    const day = zonedParts(zonedToUtc(y, m, d, 12, 0, 0, tz), tz);
    const key = `${day.year}-${day.month}-${day.day}`;
    return zonedToUtc(y, m, d, hour, firingMinute(seed, r.uid, key, c.nearMinute), 0, tz);
  };
  // Walk local calendar days from the creation day; the first slot after creation, then every `step` days.
  const start = zonedParts(r.created, tz);
  let first: number | null = null;
  let firstDay = 0;
  for (let d = 0; d < 14 && first === null; d++) {
    const t = at(start.year, start.month, start.day + d);
    if (t <= r.created) continue;
    if (c.weekDay && zonedParts(t, tz).weekday !== WEEKDAY_NUMBER[c.weekDay]) continue;
    first = t;
    firstDay = d;
  }
  if (first === null) return null;
  if (first > after) return first;
  const slot = (k: number) => at(start.year, start.month, start.day + firstDay + k * step);
  let k = Math.max(1, Math.floor((after - first) / (step * 86400000)));
  while (k > 1 && slot(k - 1) > after) k -= 1;
  let t = slot(k);
  while (t <= after) {
    k += 1;
    t = slot(k);
  }
  return t;
}

/**
 * The event of a time-driven trigger. Google's documented example reports the fields in UTC
 * ("timezone": "UTC") whatever the script time zone: a handler must not read `hour` as WITA.
 */
export function clockEvent(triggerUid: string, ms: number): Record<string, unknown> {
  const d = new Date(ms);
  return {
    authMode: AuthMode.FULL,
    'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() || 7,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    month: d.getUTCMonth() + 1,
    second: d.getUTCSeconds(),
    timezone: 'UTC',
    triggerUid,
    'week-of-year': isoWeek(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()),
    year: d.getUTCFullYear(),
  };
}

function sourceIdOf(target: unknown, what: string): string {
  if (typeof target === 'string') return target;
  const obj = target as { getId?: () => string } | null;
  if (obj && typeof obj.getId === 'function') return obj.getId();
  throw new Error(
    `Exception: The parameters (${typeof target}) don't match the method signature for ScriptApp.TriggerBuilder.${what}.`,
  );
}

class ClockBuilder {
  private spec: ClockSpec = {};
  constructor(
    private readonly ctx: EmuContext,
    private readonly control: ScriptControl,
    private readonly handler: string,
  ) {}
  atHour(h: number): this {
    if (!Number.isInteger(h) || h < 0 || h > 23)
      throw new Error('Exception: The hour must be an integer between 0 and 23.');
    this.spec.atHour = h;
    return this;
  }
  nearMinute(m: number): this {
    if (!Number.isInteger(m) || m < 0 || m > 59)
      throw new Error('Exception: The minute must be an integer between 0 and 59.');
    this.spec.nearMinute = m;
    return this;
  }
  everyDays(n: number): this {
    if (!Number.isInteger(n) || n < 1) throw new Error('Exception: everyDays requires a positive integer.');
    this.spec.everyDays = n;
    return this;
  }
  everyHours(n: number): this {
    if (![1, 2, 4, 6, 8, 12].includes(n))
      throw new Error('Exception: The value passed to everyHours must be one of 1, 2, 4, 6, 8 or 12.');
    this.spec.everyHours = n;
    return this;
  }
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n))
      throw new Error('Exception: The value passed to everyMinutes must be one of 1, 5, 10, 15 or 30.');
    this.spec.everyMinutes = n;
    return this;
  }
  everyWeeks(n: number): this {
    if (n !== 1) throw new Error('Exception: only everyWeeks(1) is emulated');
    return this;
  }
  onWeekDay(day: string): this {
    if (!(String(day) in WEEKDAY_NUMBER)) throw new Error(`Exception: Invalid argument: ${String(day)}`);
    this.spec.weekDay = String(day);
    return this;
  }
  inTimezone(tz: string): this {
    this.spec.timeZone = tz;
    return this;
  }
  at(date: Date): this {
    this.spec.at = new Date(date).getTime();
    return this;
  }
  after(ms: number): this {
    this.spec.at = this.ctx.clock.now() + ms;
    return this;
  }
  create(): GoogleAppsScript.Script.Trigger {
    const s = this.spec;
    const recurring = s.everyMinutes ?? s.everyHours ?? s.everyDays ?? s.weekDay;
    if (recurring === undefined && s.at === undefined) {
      // unverified wording: Apps Script refuses a clock trigger with no schedule.
      throw new Error(
        'Exception: The clock trigger builder needs a schedule (everyMinutes/everyHours/everyDays/onWeekDay, at or after).',
      );
    }
    const record = this.control._add({
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      clock: { ...s },
    });
    return this.control._wrap(record);
  }
}

class EventBuilder {
  private eventType: EventTypeName | null = null;
  constructor(
    private readonly control: ScriptControl,
    private readonly handler: string,
    private readonly source: TriggerSourceName,
    private readonly sourceId: string,
    private readonly allowed: EventTypeName[],
  ) {}
  private set(t: EventTypeName): this {
    if (!this.allowed.includes(t)) throw new Error(`not emulated: ${this.source} ${t} trigger`);
    this.eventType = t;
    return this;
  }
  onFormSubmit(): this {
    return this.set('ON_FORM_SUBMIT');
  }
  onEdit(): this {
    return this.set('ON_EDIT');
  }
  onOpen(): this {
    return this.set('ON_OPEN');
  }
  onChange(): this {
    return this.set('ON_CHANGE');
  }
  create(): GoogleAppsScript.Script.Trigger {
    if (!this.eventType) throw new Error('Exception: The trigger builder needs an event type before create().');
    const record = this.control._add({
      handler: this.handler,
      eventType: this.eventType,
      source: this.source,
      sourceId: this.sourceId,
    });
    return this.control._wrap(record);
  }
}

class TriggerBuilderImpl {
  constructor(
    private readonly ctx: EmuContext,
    private readonly control: ScriptControl,
    private readonly handler: string,
  ) {}
  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return expose(this.ctx.calls, 'ClockTriggerBuilder', new ClockBuilder(this.ctx, this.control, this.handler), {
      create: 'script',
      default: 'local',
    }) as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }
  forForm(form: unknown): GoogleAppsScript.Script.FormTriggerBuilder {
    const id = sourceIdOf(form, 'forForm');
    return expose(
      this.ctx.calls,
      'FormTriggerBuilder',
      new EventBuilder(this.control, this.handler, 'FORMS', id, ['ON_FORM_SUBMIT', 'ON_OPEN']),
      { create: 'script', default: 'local' },
    );
  }
  forSpreadsheet(ss: unknown): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    const id = sourceIdOf(ss, 'forSpreadsheet');
    return expose(
      this.ctx.calls,
      'SpreadsheetTriggerBuilder',
      new EventBuilder(this.control, this.handler, 'SPREADSHEETS', id, [
        'ON_FORM_SUBMIT',
        'ON_EDIT',
        'ON_OPEN',
        'ON_CHANGE',
      ]),
      { create: 'script', default: 'local' },
    );
  }
}

/** Which script project a ScriptApp belongs to: its id, its Cloud project's OAuth client, its granted scopes. */
export interface ProjectIdentity {
  scriptId: string;
  clientId: string;
  /** The manifest's oauthScopes (null: unknown, everything granted). */
  scopes(): string[] | null;
}

/** A client id of the shape Google gives a script's default Cloud project. */
export function clientIdOf(scriptId: string): string {
  const h = createHash('sha256').update(`client:${scriptId}`).digest();
  const number = (h.readBigUInt64BE(0) % 10n ** 12n).toString().padStart(12, '1');
  return `${number}-${h.subarray(8, 24).toString('hex').slice(0, 32)}.apps.googleusercontent.com`;
}

export const DEFAULT_PROJECT: ProjectIdentity = {
  scriptId: 'script_dumas_emulated',
  clientId: clientIdOf('script_dumas_emulated'),
  scopes: () => null,
};

class ScriptAppImpl {
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly AuthMode = AuthMode;
  readonly WeekDay = WeekDay;
  constructor(
    private readonly _ctx: EmuContext,
    private readonly _control: ScriptControl,
    private readonly _project: ProjectIdentity,
  ) {}
  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    if (typeof functionName !== 'string' || !functionName) throw new Error('Exception: Invalid argument: functionName');
    return expose(this._ctx.calls, 'TriggerBuilder', new TriggerBuilderImpl(this._ctx, this._control, functionName), {
      default: 'local',
    }) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }
  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    // Installable triggers belong to the user who created them; another user sees none of them.
    return this._control
      .triggers()
      .filter((r) => r.owner === this._ctx.users.effective)
      .map((r) => this._control._wrap(r));
  }
  getUserTriggers(source: unknown): GoogleAppsScript.Script.Trigger[] {
    const id = sourceIdOf(source, 'getUserTriggers');
    return this.getProjectTriggers().filter((t) => t.getTriggerSourceId() === id);
  }
  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    this._control._delete(trigger.getUniqueId());
  }
  getScriptId(): string {
    return this._project.scriptId;
  }
  /**
   * The effective user's OpenID Connect ID token for this project's OAuth client, or null without the `openid` scope
   * (reference: "The identity token if available; otherwise null"); the email claims need the userinfo.email scope.
   */
  getIdentityToken(): string | null {
    const scopes = this._project.scopes();
    if (scopes && !scopes.includes(OPENID_SCOPE)) return null;
    const withEmail = !scopes || scopes.includes(EMAIL_SCOPE) || scopes.includes('email');
    return this._ctx.google.idToken(this._ctx.users.effective, this._project.clientId, withEmail);
  }
  /** An OAuth 2.0 access token of the effective user with this project's scopes. */
  getOAuthToken(): string {
    return this._ctx.google.accessToken(this._ctx.users.effective, this._project.scriptId, this._project.scopes());
  }
  requireScopes(authMode: string, scopes: string[]): void {
    this._control.requiredScopes.push({ authMode: String(authMode), scopes: [...scopes] });
  }
}

export function createScriptApp(
  ctx: EmuContext,
  project: ProjectIdentity = DEFAULT_PROJECT,
): {
  global: GoogleAppsScript.Script.ScriptApp;
  control: ScriptControl;
} {
  const control = new ScriptControl(ctx);
  const impl = new ScriptAppImpl(ctx, control, project);
  const global = expose(ctx.calls, 'ScriptApp', impl, {
    newTrigger: 'local',
    getProjectTriggers: 'script',
    getUserTriggers: 'script',
    deleteTrigger: 'script',
    getIdentityToken: 'script',
    getOAuthToken: 'script',
    default: 'local',
  });
  return { global: global as unknown as GoogleAppsScript.Script.ScriptApp, control };
}
