// Several Apps Script projects in one emulated Google: each bound (to a spreadsheet) or standalone, with its owner and
// editors, its code (a bundle), its Script Properties, triggers, locks and caches, and its web-app deployments; all
// share Drive, Docs, Forms, Mail, the clock, the call log and Google's identity service.
//
// Editors: a bound project's editors are its spreadsheet's editors (Google: every editor of the file edits its bound
// script); a standalone project is a Drive file of its own, shared like any other. In the default world (access
// 'open') everyone is an editor of everything, so the existing single-project tests are unchanged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DriveEntry, EmuContext } from './core/context';
import { CONSUMER_DOMAINS, domainOf } from './core/access';
import { EXECUTION_LIMIT_MS } from './core/execution';
import { expose } from './core/expose';
import { createCacheService } from './cache';
import { createContentService, TextOutput } from './content';
import { createDocumentApp } from './docs';
import { createDriveApp, MimeType } from './drive';
import { createFormApp, type TriggerDispatch } from './forms';
import { createHtmlService, HtmlOutput } from './html';
import { DEFAULT_BUILD_DIR, loadBundle, readBundleCode, readManifestScopes, type Bundle } from './loader';
import { createLockService } from './lock';
import { createLogger } from './logger';
import { createMailApp } from './mail';
import { createPropertiesService } from './properties';
import { clientIdOf, createScriptApp, type EventTypeName, type TriggerSourceName } from './script';
import { createSession } from './session';
import { ChartType } from './sheets/enums';
import { createSpreadsheetApp, type Spreadsheet } from './sheets';
import { createUi } from './ui';
import { createUrlFetchApp, frontOf, htmlReply, type WebAppRequest, type WebReply } from './urlfetch';
import { createUtilities } from './utilities';

/** Refused: changing a project's code or reading its Script Properties by someone who is not its editor. */
export class ProjectAccessDenied extends Error {
  constructor(
    readonly who: string,
    readonly project: string,
  ) {
    super(`${who} is not an editor of the script project "${project}"`);
  }
}

/** Session.getActiveUser() of a web app executing as `owner`, visited by `visitor` (Session reference, getActiveUser). */
export function webAppActiveUser(owner: string, visitor: string | null): string {
  if (!visitor) return '';
  if (visitor.toLowerCase() === owner.toLowerCase()) return visitor;
  return domainOf(visitor) === domainOf(owner) && !CONSUMER_DOMAINS.has(domainOf(owner)) ? visitor : '';
}

/** Services every project shares: one Drive, one Docs, Forms, Mail, Session, Utilities and log. */
export function sharedServices(ctx: EmuContext, triggers: TriggerDispatch, options: { mailQuota?: number }) {
  return {
    forms: createFormApp(ctx, triggers),
    docs: createDocumentApp(ctx),
    drive: createDriveApp(ctx),
    mail: createMailApp(ctx, { quota: options.mailQuota }),
    session: createSession(ctx),
    utilities: createUtilities(ctx),
    logger: createLogger(ctx),
  };
}
export type SharedServices = ReturnType<typeof sharedServices>;

export interface ProjectSpec {
  name: string;
  kind: 'bound' | 'standalone';
  /** The account that owns the project (a bound project: its spreadsheet's owner). */
  owner?: string;
  /** A standalone project's editors besides the owner (a bound project's are its spreadsheet's editors). */
  editors?: string[];
  /** The spreadsheet a bound project belongs to (default: a new one, owned by `owner`, named `name`). */
  container?: Spreadsheet;
  /** Folder with Code.js, appsscript.json and the HTML files (default: the repo's build/). */
  buildDir?: string;
  /** Source to run instead of buildDir/Code.js. */
  code?: string;
  /** The manifest's oauthScopes (default: buildDir/appsscript.json's; null: everything granted). */
  scopes?: string[] | null;
  /** The script id (default: generated). */
  scriptId?: string;
}

export type ExecuteAs = 'USER_DEPLOYING' | 'USER_ACCESSING';
/** Who may run the web app ("Who has access" of the deployment dialog; manifest `webapp.access`). */
export type WebAppAccess = 'MYSELF' | 'DOMAIN' | 'ANYONE' | 'ANYONE_ANONYMOUS';

export interface Deployment {
  id: string;
  url: string;
  executeAs: ExecuteAs;
  access: WebAppAccess;
  deployer: string;
}

function projectServices(ctx: EmuContext, shared: SharedServices, project: ScriptProject, buildDir: string) {
  const ui = createUi(ctx, { addonName: project.name });
  if (project.kind === 'standalone') ui.control.available = false; // no container, no UI
  const sheets = createSpreadsheetApp(ctx, ui);
  const html = createHtmlService(ctx, (name) => readFileSync(join(buildDir, name), 'utf8'));
  const script = createScriptApp(ctx, project);
  const properties = createPropertiesService(ctx);
  const cache = createCacheService(ctx);
  const lock = createLockService(ctx);
  const urlFetch = createUrlFetchApp(ctx, project);
  const content = createContentService(ctx);
  const charts = expose(ctx.calls, 'Charts', { ChartType });
  const globals: Record<string, unknown> = {
    SpreadsheetApp: sheets.global,
    FormApp: shared.forms.global,
    DocumentApp: shared.docs.global,
    DriveApp: shared.drive.global,
    MailApp: shared.mail.global,
    ScriptApp: script.global,
    PropertiesService: properties.global,
    CacheService: cache.global,
    LockService: lock.global,
    Session: shared.session.global,
    Utilities: shared.utilities.global,
    Logger: shared.logger.global.Logger,
    console: shared.logger.global.console,
    HtmlService: html.global,
    UrlFetchApp: urlFetch.global,
    ContentService: content.global,
    Charts: charts,
    MimeType,
    Date: ctx.Date,
  };
  return { ui, sheets, html, script, properties, cache, lock, globals };
}
export type ProjectServices = ReturnType<typeof projectServices>;

export class ScriptProject {
  readonly scriptId: string;
  readonly clientId: string;
  readonly name: string;
  readonly kind: 'bound' | 'standalone';
  readonly container: Spreadsheet | null = null;
  readonly services: ProjectServices;
  readonly deployments: Deployment[] = [];
  private code: string | null;
  private grantedScopes: string[] | null;
  private bundleRef: Bundle | null = null;
  /** A standalone project's own Drive file (its sharing makes its editors). */
  private readonly entry: DriveEntry | null;

  constructor(
    private readonly world: World,
    spec: ProjectSpec,
    readonly buildDir: string,
  ) {
    const ctx = world.ctx;
    this.name = spec.name;
    this.kind = spec.kind;
    this.scriptId = spec.scriptId ?? ctx.files.newId('script');
    this.clientId = clientIdOf(this.scriptId);
    this.code = spec.code ?? null;
    this.grantedScopes = spec.scopes !== undefined ? spec.scopes : readManifestScopes(buildDir);
    if (this.kind === 'standalone') {
      const owner = spec.owner ?? ctx.users.effective;
      this.entry = ctx.files.add({
        id: this.scriptId,
        name: spec.name,
        mimeType: MimeType.GOOGLE_APPS_SCRIPT,
        payload: null,
        owner,
        editors: [...(spec.editors ?? [])],
      });
    } else this.entry = null;
    this.services = projectServices(ctx, world.shared, this, buildDir);
    if (this.kind === 'bound') {
      const owner = spec.owner ?? ctx.users.effective;
      this.container =
        spec.container ?? world.runAs(owner, owner, null, () => this.services.sheets.control.createBound(spec.name));
      this.services.sheets.control.setActive(this.container);
    }
    this.services.sheets.control.setScopes(this.grantedScopes);
    this.services.script.control.setInvoker((name, event) =>
      this.services.ui.control.withoutUi(() => this.execute(() => this.bundle().call(name, event))),
    );
  }

  get owner(): string {
    return this.entry?.owner ?? (this.container as Spreadsheet).getOwner().getEmail();
  }

  /** ProjectIdentity: the manifest's scopes. */
  scopes(): string[] | null {
    return this.grantedScopes;
  }
  setScopes(scopes: string[] | null): void {
    this.grantedScopes = scopes;
    this.services.sheets.control.setScopes(scopes);
  }

  /** May `email` change this project's code and read its Script Properties? */
  isEditor(email: string): boolean {
    const file = this.entry ?? this.world.ctx.files.get(this.containerId());
    return file !== undefined && this.world.ctx.access.can(file, email, 'editor');
  }

  private containerId(): string {
    return (this.container as Spreadsheet).getId();
  }

  get globals(): Record<string, unknown> {
    return this.services.globals;
  }

  /** The loaded bundle (load() first). */
  bundle(): Bundle {
    if (!this.bundleRef) throw new Error(`world: project "${this.name}" is not loaded (call load() first)`);
    return this.bundleRef;
  }

  isLoaded(): boolean {
    return this.bundleRef !== null;
  }

  /** Runs the project's code in a fresh context (each outside call of it is one execution). */
  load(): Bundle {
    const b = loadBundle(this.code ?? readBundleCode(this.buildDir), this.services.globals);
    const call = b.call.bind(b);
    b.call = <T>(name: string, ...args: unknown[]): T => this.execute(() => call<T>(name, ...args));
    this.services.html.control.setEvaluator((code) => b.run(code, 'template.html'));
    this.bundleRef = b;
    return b;
  }

  /** One execution: Apps Script's time limit on the simulated clock; queued Sheets writes sent at its end. */
  execute<T>(fn: () => T): T {
    const ctx = this.world.ctx;
    ctx.calls.beginExecution();
    try {
      return ctx.execution.run(EXECUTION_LIMIT_MS, fn);
    } finally {
      ctx.calls.endExecution();
    }
  }

  /**
   * A person's call from the spreadsheet (a menu item, or google.script.run in a sidebar): the script runs as that
   * person. In an enforced world the person must be able to open the container.
   */
  call<T>(user: string, name: string, ...args: unknown[]): T {
    const ctx = this.world.ctx;
    const file = this.entry ?? ctx.files.get(this.containerId());
    if (file && !ctx.access.can(file, user, 'viewer'))
      throw new Error(`world: ${user} cannot open "${file.name}", so cannot run its script`);
    return this.world.runAs(user, user, user, () => this.bundle().call<T>(name, ...args));
  }

  /** An editor replaces the project's code (clasp push, or the script editor); it runs from the next execution on. */
  swapCode(by: string, code: string): void {
    if (!this.isEditor(by)) throw new ProjectAccessDenied(by, this.name);
    this.code = code;
    if (this.bundleRef) this.load();
  }

  /** What an editor sees in Project Settings → Script Properties. */
  readScriptProperties(by: string): Record<string, string> {
    if (!this.isEditor(by)) throw new ProjectAccessDenied(by, this.name);
    return Object.fromEntries(this.services.properties.control.scriptStore);
  }

  /** An editor deploys the project as a web app; the deployment runs the code current at each request. */
  deployWebApp(by: string, options: { executeAs: ExecuteAs; access: WebAppAccess }): Deployment {
    if (!this.isEditor(by)) throw new ProjectAccessDenied(by, this.name);
    if (options.executeAs === 'USER_ACCESSING' && options.access === 'ANYONE_ANONYMOUS')
      throw new Error('world: a web app executing as the user accessing it cannot be open to anonymous visitors');
    const id = `AKfycb${this.world.ctx.files.newId('dep').replace(/[^A-Za-z0-9]/g, '')}${this.deployments.length}`;
    const deployment: Deployment = {
      id,
      url: `https://script.google.com/macros/s/${id}/exec`,
      executeAs: options.executeAs,
      access: options.access,
      deployer: by,
    };
    this.deployments.push(deployment);
    frontOf(this.world.ctx).endpoints.set(id, { handle: (req) => this.serve(deployment, req) });
    return deployment;
  }

  /** Google's front end and the script runtime for one request to a deployment. */
  private serve(d: Deployment, req: WebAppRequest): WebReply {
    const visitor = req.visitor;
    const signInFirst = (): WebReply => ({
      status: 302,
      headers: {
        Location: `https://accounts.google.com/ServiceLogin?service=wise&passive=1209600&continue=${encodeURIComponent(req.url)}`,
        'Content-Type': 'text/html; charset=UTF-8',
      },
      body: '',
    });
    const denied = () => htmlReply(403, 'Sorry, unable to open the file at this time.');
    const needsSignIn = d.access !== 'ANYONE_ANONYMOUS' || d.executeAs === 'USER_ACCESSING';
    if (needsSignIn && !visitor) return signInFirst();
    if (d.access === 'MYSELF' && visitor?.toLowerCase() !== d.deployer.toLowerCase()) return denied();
    if (
      d.access === 'DOMAIN' &&
      (domainOf(visitor ?? '') !== domainOf(d.deployer) || CONSUMER_DOMAINS.has(domainOf(d.deployer)))
    )
      return denied();
    const fn = req.method === 'POST' ? 'doPost' : 'doGet';
    if (!this.isLoaded()) this.load();
    if (!this.bundle().entryPoints().includes(fn)) return htmlReply(200, `Script function not found: ${fn}`);
    const runAs = d.executeAs === 'USER_DEPLOYING' ? d.deployer : (visitor as string);
    const active = d.executeAs === 'USER_DEPLOYING' ? webAppActiveUser(d.deployer, visitor) : (visitor as string);
    const event = webAppEvent(req);
    let output: unknown;
    try {
      output = this.world.runAs(runAs, runAs, active, () =>
        this.world.asWebAppRuntime(this, () => this.bundle().call(fn, event)),
      );
    } catch (error) {
      // The script's error, as the page Google serves for it (the caller sees a page, not an exception).
      return htmlReply(200, error instanceof Error ? error.message : String(error));
    }
    if (output instanceof TextOutput) return frontOf(this.world.ctx).redirectTo(d.id, output._served());
    if (output instanceof HtmlOutput)
      return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: output.getContent() };
    return htmlReply(200, 'The script completed but did not return anything.');
  }
}

/** The event object of doGet/doPost (web apps guide, "Request parameters"): no request headers. */
export function webAppEvent(req: WebAppRequest): Record<string, unknown> {
  const parameters: Record<string, string[]> = {};
  const add = (text: string) => {
    for (const [k, v] of new URLSearchParams(text)) (parameters[k] ??= []).push(v);
  };
  add(req.queryString);
  const form = req.method === 'POST' && (req.contentType ?? '').startsWith('application/x-www-form-urlencoded');
  if (form) add(req.body);
  const parameter = Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, v[0]]));
  const event: Record<string, unknown> = {
    queryString: req.queryString,
    parameter,
    parameters,
    contextPath: '',
    contentLength: req.method === 'POST' ? Buffer.byteLength(req.body, 'utf8') : -1,
  };
  if (req.method === 'POST')
    event.postData = {
      contents: req.body,
      length: Buffer.byteLength(req.body, 'utf8'),
      type: req.contentType ?? 'application/octet-stream',
      name: 'postData',
    };
  return event;
}

export class World {
  readonly projects: ScriptProject[] = [];
  readonly shared: SharedServices;

  constructor(
    readonly ctx: EmuContext,
    options: { mailQuota?: number },
  ) {
    const dispatch: TriggerDispatch = {
      fireFormSubmit: (formId, make) =>
        this.projects.reduce((n, p) => n + p.services.script.control.fireFormSubmit(formId, make), 0),
      fireEvent: (source: TriggerSourceName, id: string, type: EventTypeName, make) =>
        this.projects.reduce((n, p) => n + p.services.script.control.fireEvent(source, id, type, make), 0),
    };
    this.shared = sharedServices(ctx, dispatch, options);
  }

  /** Adds a script project to the world (not loaded yet: call its load()). */
  addProject(spec: ProjectSpec): ScriptProject {
    const project = new ScriptProject(this, spec, spec.buildDir ?? DEFAULT_BUILD_DIR);
    this.projects.push(project);
    return project;
  }

  project(name: string): ScriptProject {
    const p = this.projects.find((x) => x.name === name);
    if (!p) throw new Error(`world: no project "${name}"`);
    return p;
  }

  /** Runs `fn` with the given active/effective users and what getActiveUser() shows, then restores them. */
  runAs<T>(active: string, effective: string, visibleActive: string | null, fn: () => T): T {
    const session = this.shared.session.control;
    const before = { users: { ...this.ctx.users }, visible: session.visibleActive };
    this.ctx.users = { active, effective };
    session.visibleActive = visibleActive;
    try {
      return fn();
    } finally {
      this.ctx.users = before.users;
      session.visibleActive = before.visible;
    }
  }

  /** A web-app request's runtime: no UI, no active document, getDocumentLock() null. */
  asWebAppRuntime<T>(project: ScriptProject, fn: () => T): T {
    const before = this.ctx.execution.webApp;
    this.ctx.execution.webApp = { activeSpreadsheet: 'none' };
    try {
      return project.services.ui.control.withoutUi(fn);
    } finally {
      this.ctx.execution.webApp = before;
    }
  }

  /** Fires every project's due time-driven triggers in time order up to `at`, moving the clock. */
  fireTimeTriggers(at: Date | string | number): number {
    const until = new Date(at).getTime();
    let count = 0;
    for (;;) {
      let next: { t: number; p: ScriptProject } | null = null;
      for (const p of this.projects) {
        const t = p.services.script.control.nextDue();
        if (t !== null && t <= until && (!next || t < next.t)) next = { t, p };
      }
      if (!next) break;
      count += next.p.services.script.control.fireDue(next.t);
    }
    if (until > this.ctx.clock.now()) this.ctx.clock.set(until);
    return count;
  }
}
