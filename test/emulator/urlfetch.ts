// UrlFetchApp against the emulated Google: the web apps deployed in this world (script.google.com/macros/s/…/exec),
// the redirect Google answers them with, the tokeninfo and certs endpoints that verify identity tokens, and
// UrlFetchApp's own limits. Any other address is refused as not emulated (the emulator has no network).
import { createHash } from 'node:crypto';
import { makeBlob } from './blob';
import type { EmuContext } from './core/context';
import { expose } from './core/expose';
import { zonedParts } from './tz';

export const EXTERNAL_REQUEST_SCOPE = 'https://www.googleapis.com/auth/script.external_request';
/** Quotas page: URL Fetch calls a day, consumer accounts (100,000 for Workspace: `front.dailyQuota`). */
export const URLFETCH_CALLS_PER_DAY = 20_000;
/** Quotas page: URL Fetch URL length 2 KB, POST size 50 MB a call, 100 headers a call. */
export const MAX_URL_LENGTH = 2 * 1024;
export const MAX_POST_BYTES = 50 * 1024 * 1024;
export const MAX_HEADERS = 100;
/** UrlFetchApp gives up on a server after 60 s (not on the quotas page; widely reported; unverified). */
export const FETCH_TIMEOUT_MS = 60_000;

export const URLFETCH_QUOTA = 'Exception: Service invoked too many times for one day: urlfetch.';
export const URL_TOO_LONG = 'Exception: Limit Exceeded: URLFetch URL Length.'; // unverified wording
export const POST_TOO_LARGE = 'Exception: Limit Exceeded: URLFetch POST Size.'; // unverified wording
export const TOO_MANY_HEADERS = 'Exception: Limit Exceeded: URLFetch headers.'; // unverified wording
export const fetchTimeout = (url: string): string => `Exception: Timeout: ${url}`; // unverified wording
export const noPermission = (method: string): string =>
  `Exception: You do not have permission to call UrlFetchApp.${method}. Required permissions: ${EXTERNAL_REQUEST_SCOPE}`;

/** What Google's front end passes on to a deployed web app. Request headers are not among them (see README). */
export interface WebAppRequest {
  method: 'GET' | 'POST';
  url: string;
  queryString: string;
  body: string;
  contentType: string | null;
  /** The signed-in caller: the account of a valid OAuth access token sent as `Authorization: Bearer`, else null. */
  visitor: string | null;
}

export interface WebReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface WebAppEndpoint {
  handle(request: WebAppRequest): WebReply;
}

/** Google's front end of one world: deployments by id, served outputs waiting at script.googleusercontent.com. */
export class GoogleFront {
  readonly endpoints = new Map<string, WebAppEndpoint>();
  private readonly echoes = new Map<string, { body: string; contentType: string }>();
  /** URL Fetch calls allowed per user and day (script time zone); Workspace accounts: 100,000. */
  dailyQuota = URLFETCH_CALLS_PER_DAY;
  private used = new Map<string, number>();
  private seq = 0;

  constructor(private readonly ctx: EmuContext) {}

  /** Counts one call of `user` today; past the quota, throws Google's message. */
  count(user: string): void {
    const p = zonedParts(this.ctx.clock.now(), this.ctx.timeZone);
    const key = `${user.toLowerCase()}|${p.year}-${p.month}-${p.day}`;
    const n = this.used.get(key) ?? 0;
    if (n >= this.dailyQuota) throw new Error(URLFETCH_QUOTA);
    this.used.set(key, n + 1);
  }

  /** Stores a web app's output and answers with the redirect Google sends to fetch it. */
  redirectTo(deploymentId: string, served: { body: string; contentType: string }): WebReply {
    this.seq += 1;
    const key = createHash('sha256').update(`${deploymentId}:${this.seq}`).digest('base64url');
    this.echoes.set(key, served);
    const location = `https://script.googleusercontent.com/macros/echo?user_content_key=${key}&lib=${deploymentId}`;
    return {
      status: 302,
      headers: { Location: location, 'Content-Type': 'text/html; charset=UTF-8' },
      body: `<HTML><HEAD><TITLE>Moved Temporarily</TITLE></HEAD><BODY>The document has moved <A HREF="${location}">here</A>.</BODY></HTML>`,
    };
  }

  echo(key: string): WebReply {
    const served = this.echoes.get(key);
    if (!served) return htmlReply(404, 'Sorry, unable to open the file at this time.');
    return { status: 200, headers: { 'Content-Type': served.contentType }, body: served.body };
  }
}

const fronts = new WeakMap<EmuContext, GoogleFront>();
export function frontOf(ctx: EmuContext): GoogleFront {
  let f = fronts.get(ctx);
  if (!f) {
    f = new GoogleFront(ctx);
    fronts.set(ctx, f);
  }
  return f;
}

export function htmlReply(status: number, text: string): WebReply {
  return {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: `<!DOCTYPE html><html><head><title>Error</title></head><body><div>${text}</div></body></html>`,
  };
}

const jsonReply = (status: number, value: unknown): WebReply => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=UTF-8' },
  body: JSON.stringify(value, null, 2),
});

/** The web app deployment id in an /exec URL (consumer and Workspace forms), or null. */
export function deploymentIdOf(url: string): string | null {
  return (
    /^https:\/\/script\.google\.com\/(?:a\/macros\/[^/]+|macros)\/s\/([A-Za-z0-9_-]+)\/exec(?:[?#]|$)/.exec(url)?.[1] ??
    null
  );
}

/** Google's tokeninfo answer for an ID token: every claim as a string, as the endpoint returns them. */
function tokenInfo(ctx: EmuContext, idToken: string): WebReply {
  const check = ctx.google.checkIdToken(idToken);
  // Google answers every refused token alike; the verifier tells an expired one by its own reading of `exp`.
  if (!check.ok) return jsonReply(400, { error: 'invalid_token', error_description: 'Invalid Value' });
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(check.claims)) out[k] = String(v);
  for (const k of ['alg', 'kid', 'typ']) out[k] = String(check.header[k]);
  return jsonReply(200, out);
}

interface FetchParams {
  method?: string;
  payload?: unknown;
  headers?: Record<string, unknown>;
  contentType?: string;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
  validateHttpsCertificates?: boolean;
  escaping?: boolean;
}

function formEncode(payload: Record<string, unknown>): string {
  return Object.entries(payload)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

class HttpResponseImpl {
  constructor(
    private readonly _ctx: EmuContext,
    private readonly _reply: WebReply,
  ) {}
  getResponseCode(): number {
    return this._reply.status;
  }
  getContentText(): string {
    return this._reply.body;
  }
  getContent(): number[] {
    return [...Buffer.from(this._reply.body, 'utf8')].map((b) => (b > 127 ? b - 256 : b));
  }
  getHeaders(): Record<string, string> {
    return { ...this._reply.headers };
  }
  getAllHeaders(): Record<string, string> {
    return { ...this._reply.headers };
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    const type = (this._reply.headers['Content-Type'] ?? 'application/octet-stream').split(';')[0];
    return makeBlob(this._ctx, new Uint8Array(Buffer.from(this._reply.body, 'utf8')), type, null);
  }
}

export interface UrlFetchOwner {
  /** Scopes of the calling project (null: everything granted). */
  scopes(): string[] | null;
}

export function createUrlFetchApp(
  ctx: EmuContext,
  owner: UrlFetchOwner,
): { global: GoogleAppsScript.URL_Fetch.UrlFetchApp; front: GoogleFront } {
  const front = frontOf(ctx);

  /** One HTTP request, as Google's fetch service sends it (no redirect followed). */
  const send = (
    method: string,
    url: string,
    body: string,
    contentType: string | null,
    auth: string | null,
  ): WebReply => {
    const id = deploymentIdOf(url);
    if (id) {
      const endpoint = front.endpoints.get(id);
      if (!endpoint) return htmlReply(404, 'Sorry, unable to open the file at this time.');
      const bearer = auth?.startsWith('Bearer ') ? auth.slice(7) : null;
      const grant = bearer ? ctx.google.accessTokenInfo(bearer) : null;
      // Only an OAuth access token with a Drive scope signs the request in (an ID token does not).
      const driveScoped =
        grant !== null &&
        (grant.scopes === null ||
          grant.scopes.some((s) => /^https:\/\/www\.googleapis\.com\/auth\/drive(\.readonly)?$/.test(s)));
      const q = url.indexOf('?');
      const record = ctx.calls.begin('WebApp.exec', 'webapp');
      try {
        return endpoint.handle({
          method: method === 'POST' ? 'POST' : 'GET',
          url,
          queryString: q < 0 ? '' : url.slice(q + 1).split('#')[0],
          body,
          contentType,
          visitor: driveScoped ? grant.user : null,
        });
      } finally {
        ctx.calls.end(record);
      }
    }
    const echo = /^https:\/\/script\.googleusercontent\.com\/macros\/echo\?user_content_key=([^&]+)/.exec(url);
    if (echo) return front.echo(echo[1]);
    if (url.startsWith('https://accounts.google.com/ServiceLogin'))
      return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: SIGN_IN_PAGE };
    if (/^https:\/\/(oauth2\.googleapis\.com\/tokeninfo|www\.googleapis\.com\/oauth2\/v3\/tokeninfo)(\?|$)/.test(url)) {
      const fromQuery = new URLSearchParams(url.split('?')[1] ?? '').get('id_token');
      const fromBody = contentType?.startsWith('application/x-www-form-urlencoded')
        ? new URLSearchParams(body).get('id_token')
        : null;
      const token = fromQuery ?? fromBody;
      if (!token) return jsonReply(400, { error: 'invalid_request', error_description: 'Invalid Value' });
      return tokenInfo(ctx, token);
    }
    if (/^https:\/\/www\.googleapis\.com\/oauth2\/v3\/certs\/?$/.test(url)) return jsonReply(200, ctx.google.jwks());
    throw new Error(`not emulated: UrlFetchApp.fetch to ${url} (the emulator has no network)`);
  };

  const fetch = (url: unknown, params: FetchParams = {}): HttpResponseImpl => {
    const scopes = owner.scopes();
    if (scopes && !scopes.includes(EXTERNAL_REQUEST_SCOPE)) throw new Error(noPermission('fetch'));
    const target = String(url);
    if (target.length > MAX_URL_LENGTH) throw new Error(URL_TOO_LONG);
    if (!/^https?:\/\//.test(target)) throw new Error(`Exception: Invalid argument: ${target}`);
    const headers = Object.fromEntries(Object.entries(params.headers ?? {}).map(([k, v]) => [k, String(v)]));
    if (Object.keys(headers).length > MAX_HEADERS) throw new Error(TOO_MANY_HEADERS);
    const method = String(params.method ?? 'get').toUpperCase();
    let body = '';
    let contentType: string | null = null;
    if (params.payload !== undefined && params.payload !== null) {
      if (typeof params.payload === 'string') body = params.payload;
      else if (typeof params.payload === 'object' && !Array.isArray(params.payload)) {
        if (Object.values(params.payload).some((v) => typeof v === 'object' && v !== null))
          throw new Error('not emulated: UrlFetchApp multipart payload (a Blob inside the payload object)');
        body = formEncode(params.payload as Record<string, unknown>);
      } else throw new Error('not emulated: UrlFetchApp payload other than a string or an object of strings');
      // UrlFetchApp reference: contentType defaults to 'application/x-www-form-urlencoded'.
      contentType = params.contentType ?? 'application/x-www-form-urlencoded';
    }
    if (Buffer.byteLength(body, 'utf8') > MAX_POST_BYTES) throw new Error(POST_TOO_LARGE);
    front.count(ctx.users.effective);
    const auth = Object.entries(headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1] ?? null;

    const started = ctx.clock.now();
    const firstRecord = ctx.calls.all().length;
    let reply = send(method, target, body, contentType, auth);
    let current = target;
    for (let hops = 0; params.followRedirects !== false && reply.status >= 300 && reply.status < 400; hops++) {
      const location = reply.headers.Location;
      if (!location || hops >= 10) break;
      const r = ctx.calls.begin('UrlFetchApp.followRedirect', 'urlfetch');
      try {
        reply = send('GET', location, '', null, null); // a 302 is followed with a GET, without the request's headers
      } finally {
        ctx.calls.end(r);
      }
      current = location;
    }
    // The server's time (its calls and waits) is the caller's wait; past the timeout the answer is lost.
    const spent =
      ctx.clock.now() -
      started +
      ctx.calls
        .all()
        .slice(firstRecord)
        .reduce((t, rec) => t + ctx.calls.costOf(rec), 0);
    if (spent > FETCH_TIMEOUT_MS) throw new Error(fetchTimeout(target));
    if (reply.status >= 400 && !params.muteHttpExceptions) {
      const origin = /^https?:\/\/[^/?#]+/.exec(current)?.[0] ?? current;
      const text = reply.body.length > 500 ? `${reply.body.slice(0, 500)}...` : reply.body;
      throw new Error(
        `Exception: Request failed for ${origin} returned code ${reply.status}. Truncated server response: ${text} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return expose(ctx.calls, 'HTTPResponse', new HttpResponseImpl(ctx, reply), { default: 'local' });
  };

  const impl = {
    fetch,
    fetchAll: () => {
      throw new Error('not emulated: UrlFetchApp.fetchAll');
    },
  };
  const global = expose(ctx.calls, 'UrlFetchApp', impl, { default: 'urlfetch' });
  return { global: global as unknown as GoogleAppsScript.URL_Fetch.UrlFetchApp, front };
}

const SIGN_IN_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in – Google Accounts</title></head><body><form action="https://accounts.google.com/signin"><input type="email" name="identifier"></form></body></html>';
