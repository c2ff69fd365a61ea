// Several script projects in one world: editors, Script Properties, Drive access per account, who a script runs as,
// UrlFetchApp to a deployed web app, identity tokens and their verification. Small hand-written bundles, not the
// add-on: what is tested here is the emulated Google.
import { createPublicKey, createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEmulator, ProjectAccessDenied, type Emulator } from './index';
import { NOT_FOUND, ACCESS_DENIED } from './drive';
import { DOC_EDIT_REFUSED } from './docs';
import { NO_FORM_ACCESS } from './forms';
import { NO_SPREADSHEET_ACCESS } from './sheets';
import { EXTERNAL_REQUEST_SCOPE, frontOf, URL_TOO_LONG, URLFETCH_QUOTA } from './urlfetch';
import { EMAIL_SCOPE } from './core/google';

const ADMIN = 'admin@diskopumkm.example.go.id';
const STAFF = 'staf@diskopumkm.example.go.id';
const CONSUMER = 'warga.tabanan@gmail.com';
const OUTSIDER = 'orang@lain.example.com';
const SCOPES = [
  'openid',
  EMAIL_SCOPE,
  EXTERNAL_REQUEST_SCOPE,
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/spreadsheets',
];

/** The core: verifies the caller's identity token with Google's tokeninfo, answers who called and its secret's length. */
const CORE = `
function verify(token, audience) {
  var r = UrlFetchApp.fetch('https://oauth2.googleapis.com/tokeninfo?id_token=' + encodeURIComponent(token), { muteHttpExceptions: true });
  if (r.getResponseCode() !== 200) {
    var payload = JSON.parse(Utilities.newBlob(Utilities.base64DecodeWebSafe(token.split('.')[1])).getDataAsString());
    return { ok: false, why: payload.exp * 1000 <= Date.now() ? 'expired' : 'invalid' };
  }
  var info = JSON.parse(r.getContentText());
  if (info.aud !== audience) return { ok: false, why: 'audience' };
  if (info.email_verified !== 'true') return { ok: false, why: 'unverified' };
  return { ok: true, email: info.email };
}
function doPost(e) {
  var body = JSON.parse(e.postData.contents);
  var who = verify(body.idToken, PropertiesService.getScriptProperties().getProperty('SHELL_CLIENT_ID'));
  return ContentService.createTextOutput(JSON.stringify({
    who: who,
    keys: Object.keys(e).sort(),
    type: e.postData.type,
    runsAs: Session.getEffectiveUser().getEmail(),
    active: Session.getActiveUser().getEmail(),
  })).setMimeType(ContentService.MimeType.JSON);
}
function doGet(e) { return ContentService.createTextOutput('halo ' + (e.parameter.nama || '')); }
function whoAmI() { return Session.getEffectiveUser().getEmail(); }
function readSecret() { return PropertiesService.getScriptProperties().getProperty('SECRET'); }
function noContainer() {
  var ui; try { SpreadsheetApp.getUi(); ui = 'ui'; } catch (e) { ui = e.message; }
  return { active: SpreadsheetApp.getActiveSpreadsheet(), ui: ui };
}
`;

/** The shell: calls the core with the person's identity token. */
const SHELL = `
function callCore(url, extra) {
  var r = UrlFetchApp.fetch(url, Object.assign({
    method: 'post', contentType: 'application/json', muteHttpExceptions: true,
    payload: JSON.stringify({ idToken: ScriptApp.getIdentityToken() }),
    headers: { 'X-Dumas': 'shell' },
  }, extra || {}));
  return { code: r.getResponseCode(), text: r.getContentText(), headers: r.getHeaders() };
}
function token() { return ScriptApp.getIdentityToken(); }
function readSecret() { return PropertiesService.getScriptProperties().getProperty('SECRET'); }
`;

function twoProjects(): {
  emu: Emulator;
  shell: ReturnType<Emulator['world']['addProject']>;
  core: ReturnType<Emulator['world']['addProject']>;
  url: string;
} {
  const emu = createEmulator({ access: 'enforced', now: '2026-12-01T09:00:00+08:00' });
  emu.spreadsheet.addEditor(STAFF);
  const shell = emu.world.addProject({ name: 'Shell', kind: 'bound', owner: ADMIN, code: SHELL, scopes: SCOPES });
  shell.container?.addEditor(STAFF);
  shell.load();
  const core = emu.world.addProject({
    name: 'Dumas core',
    kind: 'standalone',
    owner: ADMIN,
    code: CORE,
    scopes: SCOPES,
  });
  core.load();
  core.services.properties.control.scriptStore.set('SECRET', 'rahasia-rating');
  core.services.properties.control.scriptStore.set('SHELL_CLIENT_ID', shell.clientId);
  const url = core.deployWebApp(ADMIN, { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' }).url;
  return { emu, shell, core, url };
}

describe('script projects', () => {
  it('an editor of a bound project is an editor of its spreadsheet: swaps its code and reads its properties', () => {
    const { shell, core } = twoProjects();
    shell.services.properties.control.scriptStore.set('SECRET', 'shell-only');
    expect(shell.isEditor(STAFF)).toBe(true);
    expect(shell.readScriptProperties(STAFF)).toEqual({ SECRET: 'shell-only' });
    shell.swapCode(
      STAFF,
      'function readSecret() { return "swapped:" + PropertiesService.getScriptProperties().getProperty("SECRET"); }',
    );
    expect(shell.call(STAFF, 'readSecret')).toBe('swapped:shell-only'); // its own store, never the core's
    expect(core.isEditor(STAFF)).toBe(false);
    expect(() => core.swapCode(STAFF, 'function doPost() {}')).toThrow(ProjectAccessDenied);
    expect(() => core.readScriptProperties(STAFF)).toThrow(ProjectAccessDenied);
    expect(core.readScriptProperties(ADMIN).SECRET).toBe('rahasia-rating');
    expect(() => core.deployWebApp(STAFF, { executeAs: 'USER_DEPLOYING', access: 'ANYONE' })).toThrow(
      ProjectAccessDenied,
    );
  });

  it('a standalone project shared with an editor lets them in; the default world lets everyone in', () => {
    const { emu, core } = twoProjects();
    emu.ctx.files.get(core.scriptId)?.editors.push(STAFF);
    expect(core.isEditor(STAFF)).toBe(true);
    const open = createEmulator();
    expect(open.project.isEditor('anyone@example.com')).toBe(true);
  });

  it('a standalone project has no active spreadsheet and no UI', () => {
    const { core } = twoProjects();
    expect(core.call(ADMIN, 'noContainer')).toEqual({
      active: null,
      ui: 'Exception: Cannot call SpreadsheetApp.getUi() from this context.',
    });
  });

  it("an editor's swapped code runs in the owner's trigger, with the owner's access (why the core must not be bound)", () => {
    const { emu, shell } = twoProjects();
    const g = shell.globals as unknown as {
      DriveApp: GoogleAppsScript.Drive.DriveApp;
      ScriptApp: GoogleAppsScript.Script.ScriptApp;
    };
    const vault = emu.world.runAs(ADMIN, ADMIN, null, () => {
      g.ScriptApp.newTrigger('daily').timeBased().everyHours(1).create();
      return g.DriveApp.createFile('brankas.txt', 'NIK 5102010101010001').getId();
    });
    expect(() => shell.call(STAFF, 'readSecret')).not.toThrow();
    shell.swapCode(
      STAFF,
      `function daily() { PropertiesService.getScriptProperties().setProperty('LEAK', DriveApp.getFileById(${JSON.stringify(vault)}).getBlob().getDataAsString()); }`,
    );
    emu.world.fireTimeTriggers('2026-12-01T10:30:00+08:00');
    expect(shell.readScriptProperties(STAFF).LEAK).toBe('NIK 5102010101010001');
  });

  it('runs as the person for a sidebar call, as the owner for a trigger', () => {
    const { emu, core } = twoProjects();
    expect(core.call(ADMIN, 'whoAmI')).toBe(ADMIN);
    const seen: string[] = [];
    core.services.script.control.setInvoker(() => void seen.push(emu.ctx.users.effective));
    emu.world.runAs(ADMIN, ADMIN, null, () =>
      (core.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp).newTrigger('x').timeBased().everyHours(1).create(),
    );
    emu.world.fireTimeTriggers('2026-12-01T11:30:00+08:00');
    expect(seen).toEqual([ADMIN, ADMIN]);
    expect(() => core.call(STAFF, 'whoAmI')).toThrow(/cannot open/);
  });
});

describe('Drive and Sheets access per account (enforced world)', () => {
  function files() {
    const emu = createEmulator({ access: 'enforced' });
    const g = emu.globals as unknown as {
      DriveApp: GoogleAppsScript.Drive.DriveApp;
      SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      DocumentApp: GoogleAppsScript.Document.DocumentApp;
      FormApp: GoogleAppsScript.Forms.FormApp;
    };
    const folder = g.DriveApp.createFolder('Surat');
    const letter = folder.createFile('surat.txt', 'Nama: Ni Made Ayu');
    const ss = g.SpreadsheetApp.create('Brankas');
    const doc = g.DocumentApp.create('Berita acara');
    const form = g.FormApp.create('Formulir');
    const as = <T>(who: string, fn: () => T): T => emu.world.runAs(who, who, who, fn);
    return { emu, g, folder, letter, ss, doc, form, as };
  }

  it('a file shared with no one fails to open for anyone but its owner, with each service’s message', () => {
    const { g, letter, ss, doc, form, as } = files();
    as(STAFF, () => {
      expect(() => g.DriveApp.getFileById(letter.getId())).toThrow(NOT_FOUND);
      expect(() => g.SpreadsheetApp.openById(ss.getId())).toThrow(NO_SPREADSHEET_ACCESS);
      expect(() => g.DocumentApp.openById(doc.getId())).toThrow(
        /is missing \(perhaps it was deleted, or you don't have read access\?\)/,
      );
      expect(() => g.FormApp.openById(form.getId())).toThrow(NO_FORM_ACCESS);
      expect(() => letter.getBlob()).toThrow(NOT_FOUND); // an object held from before is no key either
      expect(g.DriveApp.getFilesByName('surat.txt').hasNext()).toBe(false);
    });
    expect(g.DriveApp.getFileById(letter.getId()).getBlob().getDataAsString()).toContain('Ni Made Ayu');
  });

  it('folder sharing is inherited: a viewer of the folder reads the letter but cannot rename, trash or share it', () => {
    const { g, folder, letter, as } = files();
    folder.addViewer(STAFF);
    as(STAFF, () => {
      const f = g.DriveApp.getFileById(letter.getId());
      expect(f.getBlob().getDataAsString()).toContain('Ni Made Ayu');
      expect(() => f.setName('x')).toThrow(ACCESS_DENIED);
      expect(() => f.addEditor(STAFF)).toThrow(ACCESS_DENIED);
      expect(() => f.setTrashed(true)).toThrow(ACCESS_DENIED);
      expect(() => g.DriveApp.getFolderById(folder.getId()).createFile('y.txt', 'y')).toThrow(ACCESS_DENIED);
    });
    folder.removeViewer(STAFF);
    as(STAFF, () => expect(() => g.DriveApp.getFileById(letter.getId())).toThrow(NOT_FOUND));
  });

  it('a viewer of a document reads it but a script running as them cannot change it', () => {
    const { g, doc, as } = files();
    doc.getBody().appendParagraph('Nama: Ni Made Ayu');
    g.DriveApp.getFileById(doc.getId()).addViewer(STAFF);
    as(STAFF, () => {
      const mine = g.DocumentApp.openById(doc.getId());
      expect(mine.getBody().getText()).toContain('Ni Made Ayu');
      expect(() => mine.getBody().appendParagraph('x')).toThrow(DOC_EDIT_REFUSED);
      expect(() => mine.getBody().getParagraphs()[0].setText('x')).toThrow(DOC_EDIT_REFUSED);
      expect(() => mine.setName('x')).toThrow(DOC_EDIT_REFUSED);
    });
    g.DriveApp.getFileById(doc.getId()).addEditor(STAFF);
    as(STAFF, () => g.DocumentApp.openById(doc.getId()).getBody().appendParagraph('boleh'));
  });

  it('lists the files an account can open (the leak scan’s starting point)', () => {
    const { emu, folder, letter, ss, doc, form } = files();
    expect(emu.drive.accessibleTo(STAFF)).toEqual([]);
    folder.addViewer(STAFF);
    expect(emu.drive.accessibleTo(STAFF).map((f) => [f.id, f.role])).toEqual([[letter.getId(), 'viewer']]);
    expect(emu.drive.accessibleTo(STAFF, 'editor')).toEqual([]);
    expect(emu.drive.accessibleTo(ADMIN).map((f) => f.id)).toEqual(
      expect.arrayContaining([letter.getId(), ss.getId(), doc.getId(), form.getId()]),
    );
  });

  it('a viewer of a spreadsheet opens it but a script running as them cannot write; domain sharing counts its domain only', () => {
    const { g, ss, as } = files();
    g.DriveApp.getFileById(ss.getId()).setSharing(g.DriveApp.Access.DOMAIN_WITH_LINK, g.DriveApp.Permission.VIEW);
    as(STAFF, () => {
      const mine = g.SpreadsheetApp.openById(ss.getId());
      expect(() => mine.getSheets()[0].getRange('A1').setValue('x')).toThrow(NO_SPREADSHEET_ACCESS);
    });
    as(CONSUMER, () => expect(() => g.SpreadsheetApp.openById(ss.getId())).toThrow(NO_SPREADSHEET_ACCESS));
  });
});

describe('UrlFetchApp to a deployed web app', () => {
  it('runs doPost as the deployer with the body and no request headers, behind a 302 to script.googleusercontent.com', () => {
    const { emu, shell, url } = twoProjects();
    const r = shell.call<{ code: number; text: string }>(STAFF, 'callCore', url);
    expect(r.code).toBe(200);
    const out = JSON.parse(r.text) as Record<string, unknown>;
    expect(out.who).toEqual({ ok: true, email: STAFF });
    expect(out.keys).toEqual(['contentLength', 'contextPath', 'parameter', 'parameters', 'postData', 'queryString']);
    expect(out.type).toBe('application/json');
    expect(out.runsAs).toBe(ADMIN);
    expect(out.active).toBe(''); // anonymous request: Google shows no one
    const raw = shell.call<{ code: number; headers: Record<string, string> }>(STAFF, 'callCore', url, {
      followRedirects: false,
    });
    expect(raw.code).toBe(302);
    expect(raw.headers.Location).toMatch(/^https:\/\/script\.googleusercontent\.com\/macros\/echo\?user_content_key=/);
    const m = emu.calls.measure(() => shell.call(STAFF, 'callCore', url));
    expect(m.counts['WebApp.exec']).toBe(1);
    expect(m.counts['UrlFetchApp.followRedirect']).toBe(1);
    expect(m.simulatedMs).toBeGreaterThan(1000); // ~1 s for the round trip + the core's own tokeninfo call
    expect(m.simulatedMs).toBeLessThan(1500);
  });

  it('refuses by its access setting: sign-in page without an access token; 403 for the wrong account; an ID token signs no one in', () => {
    const { shell, core } = twoProjects();
    const mine = core.deployWebApp(ADMIN, { executeAs: 'USER_DEPLOYING', access: 'MYSELF' }).url;
    const anon = shell.call<{ code: number; text: string }>(STAFF, 'callCore', mine);
    expect(anon.code).toBe(200);
    expect(anon.text).toContain('Sign in');
    const bearerId = shell.call<{ code: number; text: string }>(STAFF, 'callCore', mine, {
      headers: { Authorization: 'Bearer ' + shell.call<string>(STAFF, 'token') },
    });
    expect(bearerId.text).toContain('Sign in');
    shell.swapCode(ADMIN, SHELL + 'function bearer() { return "Bearer " + ScriptApp.getOAuthToken(); }');
    const staffToken = shell.call<string>(STAFF, 'bearer');
    const denied = shell.call<{ code: number }>(STAFF, 'callCore', mine, { headers: { Authorization: staffToken } });
    expect(denied.code).toBe(403);
    const adminToken = shell.call<string>(ADMIN, 'bearer');
    const ok = shell.call<{ code: number; text: string }>(ADMIN, 'callCore', mine, {
      headers: { Authorization: adminToken },
    });
    expect((JSON.parse(ok.text) as { active: string }).active).toBe(ADMIN);
    const accessing = core.deployWebApp(ADMIN, { executeAs: 'USER_ACCESSING', access: 'ANYONE' }).url;
    const asStaff = shell.call<{ text: string }>(STAFF, 'callCore', accessing, {
      headers: { Authorization: staffToken },
    });
    expect((JSON.parse(asStaff.text) as { runsAs: string }).runsAs).toBe(STAFF);
  });

  it('throws for an HTTP error unless muted; counts its daily quota; refuses long URLs and a missing scope', () => {
    const { shell, url } = twoProjects();
    shell.swapCode(ADMIN, 'function get(u) { return UrlFetchApp.fetch(u).getContentText(); }');
    expect(() => shell.call(STAFF, 'get', 'https://oauth2.googleapis.com/tokeninfo?id_token=rusak')).toThrow(
      /^Exception: Request failed for https:\/\/oauth2\.googleapis\.com returned code 400\. Truncated server response: .*invalid_token.*\(use muteHttpExceptions option to examine full response\)$/s,
    );
    expect(shell.call(STAFF, 'get', url + '?nama=Ayu')).toBe('halo Ayu');
    expect(() => shell.call(STAFF, 'get', url + '?x=' + 'a'.repeat(2100))).toThrow(URL_TOO_LONG);
    for (let i = 0; i < 3; i++) shell.call(STAFF, 'get', 'https://www.googleapis.com/oauth2/v3/certs');
    shell.setScopes(['openid']);
    expect(() => shell.call(STAFF, 'get', url)).toThrow(/do not have permission to call UrlFetchApp\.fetch/);
  });

  it('the daily quota: past it, Google’s message until the next day', () => {
    const { emu, shell } = twoProjects();
    shell.swapCode(ADMIN, 'function one() { UrlFetchApp.fetch("https://www.googleapis.com/oauth2/v3/certs"); }');
    expect(frontOf(emu.ctx).dailyQuota).toBe(20_000);
    frontOf(emu.ctx).dailyQuota = 2;
    shell.call(STAFF, 'one');
    shell.call(STAFF, 'one');
    expect(() => shell.call(STAFF, 'one')).toThrow(URLFETCH_QUOTA);
    shell.call(ADMIN, 'one'); // per user
    emu.clock.set(Date.parse('2026-12-02T09:00:00+08:00'));
    shell.call(STAFF, 'one');
  });

  it('a doPost that runs past 60 s loses its answer: UrlFetchApp throws a timeout (its effects are done)', () => {
    const { shell, core, url } = twoProjects();
    core.swapCode(
      ADMIN,
      'function doPost() { Utilities.sleep(61000); PropertiesService.getScriptProperties().setProperty("DONE", "1"); return ContentService.createTextOutput("late"); }',
    );
    expect(() => shell.call(STAFF, 'callCore', url)).toThrow(/^Exception: Timeout: https:\/\/script\.google\.com/);
    expect(core.readScriptProperties(ADMIN).DONE).toBe('1');
  });
});

describe('ScriptApp.getIdentityToken and its verification', () => {
  const claimsOf = (token: string) =>
    JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

  it('is an RS256 JWT of the effective user for the project’s OAuth client, verifiable with Google’s certs', () => {
    const { emu, shell } = twoProjects();
    const token = shell.call<string>(STAFF, 'token');
    const [head, body, sig] = token.split('.');
    expect(JSON.parse(Buffer.from(head, 'base64url').toString())).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    const c = claimsOf(token);
    expect(c).toMatchObject({
      iss: 'https://accounts.google.com',
      aud: shell.clientId,
      azp: shell.clientId,
      email: STAFF,
      email_verified: true,
      hd: 'diskopumkm.example.go.id',
    });
    expect(c.sub).toMatch(/^\d{21}$/);
    expect(Number(c.exp) - Number(c.iat)).toBe(3600);
    expect(Number(c.iat) * 1000).toBe(Math.floor(emu.clock.now() / 1000) * 1000);
    const jwk = emu.ctx.google.jwks().keys[0];
    const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
    expect(createVerify('RSA-SHA256').update(`${head}.${body}`).verify(key, Buffer.from(sig, 'base64url'))).toBe(true);
  });

  it('is null without the openid scope, and carries no email without the email scope', () => {
    const { shell } = twoProjects();
    shell.setScopes([EXTERNAL_REQUEST_SCOPE]);
    expect(shell.call(STAFF, 'token')).toBeNull();
    shell.setScopes(['openid']);
    const c = claimsOf(shell.call<string>(STAFF, 'token'));
    expect(c.email).toBeUndefined();
    expect(c.email_verified).toBeUndefined();
  });

  it('the verifier tells apart an expired token, a wrong audience, an unverified email and a tampered signature', () => {
    const { emu, shell, core, url } = twoProjects();
    const whoFor = (idToken: string) => {
      shell.swapCode(ADMIN, SHELL.replace('ScriptApp.getIdentityToken()', JSON.stringify(idToken)));
      return (JSON.parse(shell.call<{ text: string }>(STAFF, 'callCore', url).text) as { who: unknown }).who;
    };
    const good = shell.call<string>(STAFF, 'token');
    const parts = good.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claimsOf(good), email: ADMIN })).toString('base64url');
    expect(whoFor(`${parts[0]}.${forged}.${parts[2]}`)).toEqual({ ok: false, why: 'invalid' });
    expect(
      whoFor(
        core.call<string>(ADMIN, 'whoAmI') &&
          emu.ctx.google.idToken(STAFF, 'other-client.apps.googleusercontent.com', true),
      ),
    ).toEqual({ ok: false, why: 'audience' });
    emu.ctx.google.account(CONSUMER, { emailVerified: false });
    expect(whoFor(emu.ctx.google.idToken(CONSUMER, shell.clientId, true))).toEqual({ ok: false, why: 'unverified' });
    expect(whoFor(good)).toEqual({ ok: true, email: STAFF });
    emu.clock.advance(3601 * 1000);
    expect(whoFor(good)).toEqual({ ok: false, why: 'expired' });
    expect(whoFor(emu.ctx.google.idToken(OUTSIDER, shell.clientId, true))).toEqual({ ok: true, email: OUTSIDER });
  });
});
