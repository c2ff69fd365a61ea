// The emulator: every emulated service wired together, with the harness controls, and load()
// to run build/Code.js against them. Start here: `const emu = createEmulator(); const b = emu.load();`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallLog } from './core/calls';
import type { SimClock } from './core/clock';
import { EmuContext, type EmuOptions } from './core/context';
import { EXECUTION_LIMIT_MS, SIMPLE_TRIGGER_LIMIT_MS, type WebAppContext } from './core/execution';
import { expose } from './core/expose';
import { createCacheService } from './cache';
import { createDocumentApp } from './docs';
import { createDriveApp } from './drive';
import { createFormApp } from './forms';
import { createHtmlService, type HtmlServiceControl } from './html';
import { DEFAULT_BUILD_DIR, loadBundle, readBundleCode, readManifestScopes, type Bundle } from './loader';
import { createLockService } from './lock';
import { createLogger } from './logger';
import { createMailApp } from './mail';
import { createPropertiesService } from './properties';
import { createScriptApp } from './script';
import { createSession } from './session';
import { withLimitedAuth } from './simpleTrigger';
import { ChartType } from './sheets/enums';
import { createSpreadsheetApp, type SheetsControl, type Spreadsheet } from './sheets';
import { createUi, type UiControl } from './ui';
import { createUtilities } from './utilities';

export type { Bundle } from './loader';

export interface EmulatorOptions extends EmuOptions {
  /** Folder holding Code.js, appsscript.json and the HTML files (default: the repo's build/). */
  buildDir?: string;
  /** Name of the bound spreadsheet (default "Dumas"). */
  spreadsheetName?: string;
}

function services(ctx: EmuContext, buildDir: string, options: EmulatorOptions) {
  const ui = createUi(ctx, { addonName: 'Dumas' });
  const sheets = createSpreadsheetApp(ctx, ui);
  const html = createHtmlService(ctx, (name) => readFileSync(join(buildDir, name), 'utf8'));
  const script = createScriptApp(ctx);
  const forms = createFormApp(ctx, script.control);
  const docs = createDocumentApp(ctx);
  const drive = createDriveApp(ctx);
  const mail = createMailApp(ctx, { quota: options.mailQuota });
  const properties = createPropertiesService(ctx);
  const cache = createCacheService(ctx);
  const lock = createLockService(ctx);
  const session = createSession(ctx);
  const utilities = createUtilities(ctx);
  const logger = createLogger(ctx);
  // Charts: only its enums are emulated (the add-on builds charts through Sheet.newChart()).
  const charts = expose(ctx.calls, 'Charts', { ChartType });
  const globals: Record<string, unknown> = {
    SpreadsheetApp: sheets.global,
    FormApp: forms.global,
    DocumentApp: docs.global,
    DriveApp: drive.global,
    MailApp: mail.global,
    ScriptApp: script.global,
    PropertiesService: properties.global,
    CacheService: cache.global,
    LockService: lock.global,
    Session: session.global,
    Utilities: utilities.global,
    Logger: logger.global.Logger,
    console: logger.global.console,
    HtmlService: html.global,
    Charts: charts,
    ...drive.extraGlobals,
    Date: ctx.Date,
  };
  return {
    ui,
    sheets,
    html,
    script,
    forms,
    docs,
    drive,
    mail,
    properties,
    cache,
    lock,
    session,
    utilities,
    logger,
    globals,
  };
}

type Services = ReturnType<typeof services>;

export interface Emulator {
  ctx: EmuContext;
  calls: CallLog;
  clock: SimClock;
  /** The bound (active) spreadsheet, as the bundle sees it. */
  spreadsheet: Spreadsheet;
  /** What the bundle's context holds as globals. */
  globals: Record<string, unknown>;
  sheets: SheetsControl;
  ui: UiControl;
  html: HtmlServiceControl;
  forms: Services['forms']['control'];
  docs: Services['docs']['control'];
  drive: Services['drive']['control'];
  mail: Services['mail']['control'];
  triggers: Services['script']['control'];
  properties: Services['properties']['control'];
  cache: Services['cache']['control'];
  lock: Services['lock']['control'];
  session: Services['session']['control'];
  utilities: Services['utilities']['control'];
  logs: Services['logger']['control'];
  /** The script now runs as `email` (active and effective user). */
  setUser(email: string): void;
  /** Runs build/Code.js in a fresh context; triggers and templates then run in it. */
  load(): Bundle;
  /** The user opens the spreadsheet: runs the bundle's onOpen simple trigger (LIMITED auth mode: MailApp, DriveApp, DocumentApp, FormApp and ScriptApp refuse), if any. */
  open(): void;
  /** Moves the clock to `at`, firing the time-driven triggers due on the way (without UI). */
  fireTimeTriggers(at: Date | string | number): number;
  /**
   * Runs `fn` as the bound script's web app, deployed "execute as me" (the spreadsheet's owner) for "anyone":
   * the effective user is the owner; `Session.getActiveUser()` shows the visitor only when Google would (the owner,
   * or an account of the owner's Workspace domain), '' for anonymous visitors; no UI; `getDocumentLock()` is null;
   * `getActiveSpreadsheet()` follows `activeSpreadsheet` (default 'none': null).
   */
  asWebApp<T>(options: WebAppVisit, fn: (bundle: Bundle) => T): T;
}

export interface WebAppVisit extends Partial<WebAppContext> {
  /** The visitor's Google account, or null for someone not signed in. */
  visitor: string | null;
}

/** Consumer domains: Google never shows their users to a script running as someone else. */
const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/** Session.getActiveUser() of a web app executing as `owner`, visited by `visitor` (Session reference, getActiveUser). */
export function webAppActiveUser(owner: string, visitor: string | null): string {
  if (!visitor) return '';
  if (visitor.toLowerCase() === owner.toLowerCase()) return visitor;
  const domain = (email: string) => email.split('@')[1]?.toLowerCase() ?? '';
  return domain(visitor) === domain(owner) && !CONSUMER_DOMAINS.has(domain(owner)) ? visitor : '';
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const buildDir = options.buildDir ?? DEFAULT_BUILD_DIR;
  const ctx = new EmuContext(options);
  const s = services(ctx, buildDir, options);
  const spreadsheet = s.sheets.control.createBound(options.spreadsheetName ?? 'Dumas');
  let bundle: Bundle | null = null;
  const loaded = (): Bundle => {
    if (!bundle) throw new Error('emulator: call load() first');
    return bundle;
  };

  return {
    ctx,
    calls: ctx.calls,
    clock: ctx.clock,
    spreadsheet,
    globals: s.globals,
    sheets: s.sheets.control,
    ui: s.ui.control,
    html: s.html.control,
    forms: s.forms.control,
    docs: s.docs.control,
    drive: s.drive.control,
    mail: s.mail.control,
    triggers: s.script.control,
    properties: s.properties.control,
    cache: s.cache.control,
    lock: s.lock.control,
    session: s.session.control,
    utilities: s.utilities.control,
    logs: s.logger.control,
    setUser: (email) => s.session.control.setUser(email),
    load() {
      const b = loadBundle(readBundleCode(buildDir), s.globals);
      // Each call from outside is one execution, with Apps Script's time limit on the simulated clock; queued
      // Sheets writes are sent at its end.
      const call = b.call.bind(b);
      b.call = <T>(name: string, ...args: unknown[]): T => {
        ctx.calls.beginExecution();
        try {
          return ctx.execution.run(EXECUTION_LIMIT_MS, () => call<T>(name, ...args));
        } finally {
          ctx.calls.endExecution();
        }
      };
      s.sheets.control.setScopes(readManifestScopes(buildDir));
      s.html.control.setEvaluator((code) => b.run(code, 'template.html'));
      // Installable triggers run without a UI: SpreadsheetApp.getUi() throws inside them.
      s.script.control.setInvoker((name, event) => s.ui.control.withoutUi(() => b.call(name, event)));
      bundle = b;
      return b;
    },
    open() {
      const b = loaded();
      if (!b.entryPoints().includes('onOpen')) return;
      // A simple trigger: services that need authorization refuse to work (see simpleTrigger.ts).
      withLimitedAuth(b.context as Record<string, unknown>, () =>
        ctx.execution.run(SIMPLE_TRIGGER_LIMIT_MS, () =>
          b.call('onOpen', { source: spreadsheet, authMode: 'LIMITED', user: ctx.users.active }),
        ),
      );
    },
    fireTimeTriggers(at) {
      loaded();
      return s.script.control.fireDue(at);
    },
    asWebApp(options, fn) {
      // Cases may run against the globals without a bundle; only using the bundle then needs load().
      const b = bundle ?? (new Proxy({}, { get: () => loaded() }) as Bundle);
      const owner = spreadsheet.getOwner().getEmail();
      const before = {
        users: { ...ctx.users },
        visible: s.session.control.visibleActive,
        webApp: ctx.execution.webApp,
      };
      ctx.users.active = owner;
      ctx.users.effective = owner;
      s.session.control.visibleActive = webAppActiveUser(owner, options.visitor);
      ctx.execution.webApp = { activeSpreadsheet: options.activeSpreadsheet ?? 'none' };
      try {
        return s.ui.control.withoutUi(() => fn(b));
      } finally {
        ctx.users = before.users;
        s.session.control.visibleActive = before.visible;
        ctx.execution.webApp = before.webApp;
      }
    },
  };
}
