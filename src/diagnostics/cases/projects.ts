// Cases for what a trust boundary between script projects rests on: Drive access per account, UrlFetchApp to a
// deployed web app (its doPost event, Google's redirect, its access setting), and OpenID identity tokens with their
// verification. One execution cannot arrange a second project, a deployment or another account's files, so each
// case needs 'script-projects': the emulator suite provides them; in Apps Script they are skipped unless an
// administrator arranges the same (see docs/conformance.md, "Two projects").
import { thrownBy } from '../observe';
import type { DiagnosticCase, Json } from '../types';

const REF = 'https://developers.google.com/apps-script/reference';
const WEB = 'https://developers.google.com/apps-script/guides/web';
const OIDC = 'https://developers.google.com/identity/openid-connect/openid-connect';
const TOKENINFO = 'https://oauth2.googleapis.com/tokeninfo';

/** What the harness arranges for these cases (the calling project has openid, email and external_request scopes). */
export interface ProjectsFixture {
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  /** /exec URL of another project's web app (execute as the deployer, anyone, even anonymous) whose doPost echoes its event as JSON. */
  echoUrl: string;
  /** /exec URL of the same project deployed for "only myself" by its owner (not the account running the case). */
  privateUrl: string;
  /** Files another account owns and shares with no one. */
  othersFiles: { spreadsheet: string; document: string; form: string; file: string };
  /** A file in a folder another account shares with the running account as viewer. */
  sharedFolderFile: string;
  /** A file another account owns and shares with the running account as editor. */
  editableFile: string;
}

const fixture = (provided: unknown): ProjectsFixture => provided as ProjectsFixture;

function decodePart(u: GoogleAppsScript.Utilities.Utilities, token: string, i: number): Record<string, Json> {
  const bytes = u.base64DecodeWebSafe(token.split('.')[i]);
  return JSON.parse(u.newBlob(bytes).getDataAsString()) as Record<string, Json>;
}

/** An error message with a file id taken out (Docs puts the id in its message). */
const withoutId = (observed: Json, id: string): Json => {
  const error = observed && typeof observed === 'object' && 'error' in observed ? observed.error : null;
  return typeof error === 'string' ? { error: error.replace(id, '<id>') } : observed;
};
const text = (v: Json | undefined): string => (typeof v === 'string' ? v : '');

export const PROJECT_CASES: readonly DiagnosticCase[] = [
  {
    id: 'drive.access.not-shared',
    title: "Opening another account's file shared with no one fails, with each service's message",
    source: `${REF}/drive/drive-app#getFileById(String) and ${REF}/spreadsheet/spreadsheet-app#openById(String) (messages as reported in public threads; unverified)`,
    needs: 'script-projects',
    expected: {
      drive: {
        error:
          'Exception: No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
      },
      sheets: { error: 'Exception: You do not have permission to access the requested document.' },
      docs: { error: "Exception: Document <id> is missing (perhaps it was deleted, or you don't have read access?)" },
      forms: {
        error: 'Exception: No item with the given ID could be found, or you do not have permission to access it.',
      },
    },
    run: (s) => {
      const f = fixture(s.provided).othersFiles;
      const { DriveApp, SpreadsheetApp, DocumentApp, FormApp } = s.services;
      return {
        drive: thrownBy(() => DriveApp.getFileById(f.file)),
        sheets: thrownBy(() => SpreadsheetApp.openById(f.spreadsheet)),
        docs: withoutId(
          thrownBy(() => DocumentApp.openById(f.document)),
          f.document,
        ),
        forms: thrownBy(() => FormApp.openById(f.form)),
      };
    },
  },
  {
    id: 'drive.access.folder-inherited',
    title: 'A viewer of a folder reads a file in it (inherited) but cannot rename it',
    source: 'https://support.google.com/drive/answer/2494822 (sharing a folder shares its files); message unverified',
    needs: 'script-projects',
    expected: { readable: true, rename: { error: 'Exception: Access denied: DriveApp.' } },
    run: (s) => {
      const file = s.services.DriveApp.getFileById(fixture(s.provided).sharedFolderFile);
      return { readable: file.getBlob().getBytes().length > 0, rename: thrownBy(() => file.setName('diganti')) };
    },
  },
  {
    id: 'drive.access.trash-owner-only',
    title: "An editor who is not the owner cannot trash another account's file: it stays where it is",
    source:
      'https://developers.google.com/workspace/drive/api/guides/delete ("Only the file owner can trash a file"; the Drive API answers insufficientFilePermissions); DriveApp message unverified',
    needs: 'script-projects',
    expected: { editable: true, trash: { error: 'Exception: Access denied: DriveApp.' }, trashed: false },
    run: (s) => {
      const file = s.services.DriveApp.getFileById(fixture(s.provided).editableFile);
      const editable = file.setDescription('disunting').getDescription() === 'disunting';
      return { editable, trash: thrownBy(() => file.setTrashed(true)), trashed: file.isTrashed() };
    },
  },
  {
    id: 'webapp.fetch.dopost-event',
    title:
      'UrlFetchApp POST to a web app: doPost gets the body and its type, no request headers; the answer arrives after a redirect',
    source: `${WEB}#request_parameters (event object fields) and ${REF}/url-fetch/url-fetch-app#fetch(String,Object)`,
    needs: 'script-projects',
    expected: {
      code: 200,
      keys: ['contentLength', 'contextPath', 'parameter', 'parameters', 'postData', 'queryString'],
      postData: { contents: '{"a":1}', length: 7, name: 'postData', type: 'application/json' },
      parameter: { q: 'x' },
    },
    run: (s) => {
      const f = fixture(s.provided);
      const r = f.UrlFetchApp.fetch(`${f.echoUrl}?q=x`, {
        method: 'post',
        contentType: 'application/json',
        payload: '{"a":1}',
        headers: { 'X-Dumas-Test': 'dikirim' },
      });
      const e = JSON.parse(r.getContentText()) as Record<string, Json>;
      return { code: r.getResponseCode(), keys: Object.keys(e).sort(), postData: e.postData, parameter: e.parameter };
    },
  },
  {
    id: 'webapp.fetch.form-payload',
    title: 'An object payload is sent form-encoded: doPost finds its fields in e.parameter',
    source: `${REF}/url-fetch/url-fetch-app#fetch(String,Object) (contentType defaults to application/x-www-form-urlencoded); ${WEB}#request_parameters`,
    needs: 'script-projects',
    expected: { type: 'application/x-www-form-urlencoded', parameter: { nama: 'Ni Made Ayu', nomor: '7' } },
    run: (s) => {
      const f = fixture(s.provided);
      const r = f.UrlFetchApp.fetch(f.echoUrl, { method: 'post', payload: { nama: 'Ni Made Ayu', nomor: 7 } });
      const e = JSON.parse(r.getContentText()) as { postData: { type: string }; parameter: Json };
      return { type: e.postData.type, parameter: e.parameter };
    },
  },
  {
    id: 'webapp.fetch.redirect',
    title: 'Without following redirects, a web app answers 302 to script.googleusercontent.com',
    source: `${REF}/content/content-service (served from script.googleusercontent.com; unverified for UrlFetchApp)`,
    needs: 'script-projects',
    expected: { code: 302, host: 'script.googleusercontent.com' },
    run: (s) => {
      const f = fixture(s.provided);
      const r = f.UrlFetchApp.fetch(f.echoUrl, { method: 'post', payload: 'x', followRedirects: false });
      const location = String((r.getHeaders() as Record<string, string>).Location ?? '');
      return { code: r.getResponseCode(), host: /^https:\/\/([^/]+)/.exec(location)?.[1] ?? location };
    },
  },
  {
    id: 'webapp.fetch.access-denied',
    title:
      'A web app for "only myself" fetched without the owner\'s token never runs: Google answers with its sign-in page',
    source: `${WEB}#permissions (unverified: the page and code for a script caller)`,
    needs: 'script-projects',
    expected: { code: 200, signIn: true, ranDoPost: false },
    run: (s) => {
      const f = fixture(s.provided);
      const r = f.UrlFetchApp.fetch(f.privateUrl, { method: 'post', payload: 'x', muteHttpExceptions: true });
      const text = r.getContentText();
      return { code: r.getResponseCode(), signIn: /Sign in/i.test(text), ranDoPost: text.includes('postData') };
    },
  },
  {
    id: 'urlfetch.http-error',
    title: 'A 4xx answer throws "Request failed for … returned code N" unless muteHttpExceptions is set',
    source: `${REF}/url-fetch/url-fetch-app#fetch(String,Object) (muteHttpExceptions); message as reported in public threads`,
    needs: 'script-projects',
    expected: { prefix: true, mentionsMute: true, mutedCode: 400 },
    run: (s) => {
      const f = fixture(s.provided);
      const url = `${TOKENINFO}?id_token=rusak`;
      const thrown = thrownBy(() => f.UrlFetchApp.fetch(url)) as { error?: string } | null;
      const message = thrown?.error ?? '';
      return {
        prefix: message.startsWith('Exception: Request failed for https://oauth2.googleapis.com returned code 400.'),
        mentionsMute: message.endsWith('(use muteHttpExceptions option to examine full response)'),
        mutedCode: f.UrlFetchApp.fetch(url, { muteHttpExceptions: true }).getResponseCode(),
      };
    },
  },
  {
    id: 'script.identity-token.claims',
    title: "getIdentityToken() is an RS256 JWT of the effective user for the project's OAuth client, valid one hour",
    source: `${REF}/script/script-app#getIdentityToken() and ${OIDC}#an-id-tokens-payload`,
    needs: 'script-projects',
    expected: {
      alg: 'RS256',
      iss: 'https://accounts.google.com',
      audIsAzp: true,
      audIsClientId: true,
      emailIsEffectiveUser: true,
      emailVerified: true,
      lifetimeSeconds: 3600,
    },
    run: (s) => {
      const token = fixture(s.provided).ScriptApp.getIdentityToken();
      const head = decodePart(s.services.Utilities, token, 0);
      const c = decodePart(s.services.Utilities, token, 1);
      const me = s.services.Session.getEffectiveUser().getEmail().toLowerCase();
      return {
        alg: head.alg,
        iss: c.iss,
        audIsAzp: c.aud === c.azp,
        audIsClientId: /\.apps\.googleusercontent\.com$/.test(text(c.aud)),
        emailIsEffectiveUser: text(c.email).toLowerCase() === me,
        emailVerified: c.email_verified,
        lifetimeSeconds: Number(c.exp) - Number(c.iat),
      };
    },
  },
  {
    id: 'script.identity-token.tokeninfo',
    title: "Google's tokeninfo accepts the token (claims as strings) and refuses a tampered one with invalid_token",
    source: 'https://developers.google.com/identity/sign-in/web/backend-auth#calling-the-tokeninfo-endpoint',
    needs: 'script-projects',
    expected: {
      code: 200,
      sameAud: true,
      emailVerified: 'true',
      expIsString: true,
      tampered: { code: 400, error: 'invalid_token' },
    },
    run: (s) => {
      const f = fixture(s.provided);
      const token = f.ScriptApp.getIdentityToken();
      const ask = (t: string) =>
        f.UrlFetchApp.fetch(`${TOKENINFO}?id_token=${encodeURIComponent(t)}`, { muteHttpExceptions: true });
      const ok = ask(token);
      const info = JSON.parse(ok.getContentText()) as Record<string, Json>;
      const [h, , sig] = token.split('.');
      const claims = decodePart(s.services.Utilities, token, 1);
      const forged = s.services.Utilities.base64EncodeWebSafe(
        JSON.stringify({ ...claims, email: 'lain@example.com' }),
      ).replace(/=+$/, '');
      const bad = ask(`${h}.${forged}.${sig}`);
      return {
        code: ok.getResponseCode(),
        sameAud: info.aud === claims.aud,
        emailVerified: info.email_verified,
        expIsString: typeof info.exp === 'string',
        tampered: {
          code: bad.getResponseCode(),
          error: (JSON.parse(bad.getContentText()) as { error: Json }).error,
        },
      };
    },
  },
  {
    id: 'script.identity-token.certs',
    title: "Google's JWKS endpoint lists the RS256 key the token's header names",
    source: `${OIDC}#validatinganidtoken (keys at https://www.googleapis.com/oauth2/v3/certs)`,
    needs: 'script-projects',
    expected: { listed: true, alg: 'RS256', kty: 'RSA' },
    run: (s) => {
      const f = fixture(s.provided);
      const kid = decodePart(s.services.Utilities, f.ScriptApp.getIdentityToken(), 0).kid;
      const jwks = JSON.parse(f.UrlFetchApp.fetch('https://www.googleapis.com/oauth2/v3/certs').getContentText()) as {
        keys: { kid: string; alg: string; kty: string }[];
      };
      const key = jwks.keys.find((k) => k.kid === kid);
      return { listed: key !== undefined, alg: key?.alg ?? null, kty: key?.kty ?? null };
    },
  },
];
