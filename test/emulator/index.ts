// The emulator: every emulated service wired together, with the harness controls, and load()
// to run build/Code.js against them. Start here: `const emu = createEmulator(); const b = emu.load();`.
import type { CallLog } from './core/calls';
import type { SimClock } from './core/clock';
import { EmuContext, type EmuOptions } from './core/context';
import { SIMPLE_TRIGGER_LIMIT_MS, type WebAppContext } from './core/execution';
import { faultsOf, type FaultInjector } from './core/faults';
import type { HtmlServiceControl } from './html';
import { DEFAULT_BUILD_DIR, readManifestScopes, type Bundle } from './loader';
import { DEFAULT_PROJECT } from './script';
import { withLimitedAuth } from './simpleTrigger';
import type { SheetsControl, Spreadsheet } from './sheets';
import type { UiControl } from './ui';
import { World, webAppActiveUser, type ScriptProject } from './world';

export type { Bundle } from './loader';
export { World, ScriptProject, ProjectAccessDenied, webAppActiveUser } from './world';
export type { Deployment, ExecuteAs, ProjectSpec, WebAppAccess } from './world';

export interface EmulatorOptions extends EmuOptions {
  /** Folder holding Code.js, appsscript.json and the HTML files (default: the repo's build/). */
  buildDir?: string;
  /** Name of the bound spreadsheet (default "Dumas"). */
  spreadsheetName?: string;
}

function services(ctx: EmuContext, buildDir: string, options: EmulatorOptions) {
  const world = new World(ctx, options);
  // The default world: one project bound to the spreadsheet; with access 'open' everyone is its editor.
  const project = world.addProject({
    name: options.spreadsheetName ?? 'Dumas',
    kind: 'bound',
    buildDir,
    scriptId: DEFAULT_PROJECT.scriptId,
    scopes: null, // set from the manifest by load()
  });
  const p = project.services;
  const sh = world.shared;
  return {
    world,
    project,
    ui: p.ui,
    sheets: p.sheets,
    html: p.html,
    script: p.script,
    forms: sh.forms,
    docs: sh.docs,
    drive: sh.drive,
    mail: sh.mail,
    properties: p.properties,
    cache: p.cache,
    lock: p.lock,
    session: sh.session,
    utilities: sh.utilities,
    logger: sh.logger,
    globals: p.globals,
  };
}

type Services = ReturnType<typeof services>;

export interface Emulator {
  ctx: EmuContext;
  /** Every script project of this emulated Google (world.ts); the default world holds only `project`. */
  world: World;
  /** The default project: bound to `spreadsheet`, running build/ (what `load()` loads). */
  project: ScriptProject;
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
  /** Fails the k-th service call from arm() (core/faults.ts): the fault sweep's lever. */
  faults: FaultInjector;
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

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const buildDir = options.buildDir ?? DEFAULT_BUILD_DIR;
  const ctx = new EmuContext(options);
  const s = services(ctx, buildDir, options);
  const spreadsheet = s.project.container as Spreadsheet;
  const faults = faultsOf(ctx.calls);
  faults.documentId = (spreadsheet as unknown as { _entry: { id: string } })._entry.id; // not a counted call
  const loaded = (): Bundle => {
    if (!s.project.isLoaded()) throw new Error('emulator: call load() first');
    return s.project.bundle();
  };

  return {
    ctx,
    world: s.world,
    project: s.project,
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
    faults,
    setUser: (email) => s.session.control.setUser(email),
    load() {
      s.project.setScopes(readManifestScopes(buildDir));
      return s.project.load();
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
      return s.world.fireTimeTriggers(at);
    },
    asWebApp(options, fn) {
      // Cases may run against the globals without a bundle; only using the bundle then needs load().
      const b = s.project.isLoaded() ? s.project.bundle() : (new Proxy({}, { get: () => loaded() }) as Bundle);
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
