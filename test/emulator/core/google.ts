// Google's side of identity, shared by every project of one emulated world: accounts, the signing key of
// accounts.google.com, the OpenID identity tokens and OAuth access tokens it issues, and how its endpoints judge them.
//
// ID tokens are real RS256 JWTs (node:crypto), so a tampered one fails a real signature check. Claims follow Google's
// OpenID Connect documentation (developers.google.com/identity/openid-connect/openid-connect#an-id-tokens-payload):
// iss https://accounts.google.com, azp/aud the OAuth client id of the calling script's Cloud project, sub, iat, exp
// (one hour), email and email_verified when the email scope is granted, hd for a Workspace account.
import { createHash, createSign, createVerify, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { SimClock } from './clock';
import { CONSUMER_DOMAINS, domainOf } from './access';

export const ID_TOKEN_LIFETIME_S = 3600;
export const ACCESS_TOKEN_LIFETIME_S = 3600;
export const OPENID_SCOPE = 'openid';
export const EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';

export interface Account {
  email: string;
  /** False for an account whose e-mail address Google never verified (email_verified: false in its tokens). */
  emailVerified: boolean;
}

export interface AccessTokenInfo {
  user: string;
  scriptId: string;
  scopes: string[] | null;
  expiresAt: number;
}

/** What the verifier learns about an ID token (tokeninfo's view of it). */
export type IdTokenCheck =
  | { ok: true; header: Record<string, unknown>; claims: Record<string, unknown> }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'issuer' };

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** One key pair per process: generating RSA keys is slow, and the key is Google's, not a test's. */
let sharedKey: { privateKey: KeyObject; publicKey: KeyObject; kid: string } | null = null;
function googleKey(): { privateKey: KeyObject; publicKey: KeyObject; kid: string } {
  if (!sharedKey) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const der = publicKey.export({ format: 'der', type: 'spki' });
    sharedKey = { privateKey, publicKey, kid: createHash('sha1').update(der).digest('hex') };
  }
  return sharedKey;
}

export class GoogleIdentity {
  private readonly accounts = new Map<string, Account>();
  private readonly accessTokens = new Map<string, AccessTokenInfo>();
  private seq = 0;

  constructor(private readonly clock: SimClock) {}

  /** The account of `email` (created verified on first use). */
  account(email: string, options: Partial<Omit<Account, 'email'>> = {}): Account {
    const key = email.toLowerCase();
    let a = this.accounts.get(key);
    if (!a) {
      a = { email, emailVerified: true };
      this.accounts.set(key, a);
    }
    if (options.emailVerified !== undefined) a.emailVerified = options.emailVerified;
    return a;
  }

  /** Google's stable numeric subject id of an account (21 digits). */
  subjectOf(email: string): string {
    const h = createHash('sha256').update(`sub:${email.toLowerCase()}`).digest();
    return '1' + (h.readBigUInt64BE(0) % 10n ** 20n).toString().padStart(20, '0');
  }

  get kid(): string {
    return googleKey().kid;
  }

  /** The public keys as https://www.googleapis.com/oauth2/v3/certs publishes them (JWK set). */
  jwks(): { keys: Record<string, string>[] } {
    const { publicKey, kid } = googleKey();
    const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
    return { keys: [{ kty: 'RSA', alg: 'RS256', use: 'sig', kid, n: jwk.n, e: jwk.e }] };
  }

  /** Signs `claims` as accounts.google.com does (RS256, header with kid). Tests use it to forge expired tokens etc. */
  sign(claims: Record<string, unknown>): string {
    const { privateKey, kid } = googleKey();
    const head = b64url(JSON.stringify({ alg: 'RS256', kid, typ: 'JWT' }));
    const body = b64url(JSON.stringify(claims));
    const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey);
    return `${head}.${body}.${b64url(signature)}`;
  }

  /** The ID token of `email` for the OAuth client `clientId`, with the email claims only if that scope is granted. */
  idToken(email: string, clientId: string, withEmail: boolean): string {
    const account = this.account(email);
    const iat = Math.floor(this.clock.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: 'https://accounts.google.com',
      azp: clientId,
      aud: clientId,
      sub: this.subjectOf(email),
    };
    const domain = domainOf(email);
    if (domain && !CONSUMER_DOMAINS.has(domain)) claims.hd = domain;
    if (withEmail) {
      claims.email = account.email;
      claims.email_verified = account.emailVerified;
    }
    claims.iat = iat;
    claims.exp = iat + ID_TOKEN_LIFETIME_S;
    return this.sign(claims);
  }

  /** Checks signature, issuer and expiry, as Google's tokeninfo endpoint does before it answers. */
  checkIdToken(token: string): IdTokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'malformed' };
    let header: Record<string, unknown>;
    let claims: Record<string, unknown>;
    try {
      header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as Record<string, unknown>;
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const { publicKey, kid } = googleKey();
    const signed = createVerify('RSA-SHA256')
      .update(`${parts[0]}.${parts[1]}`)
      .verify(publicKey, Buffer.from(parts[2], 'base64url'));
    if (header.alg !== 'RS256' || header.kid !== kid || !signed) return { ok: false, reason: 'signature' };
    if (claims.iss !== 'https://accounts.google.com' && claims.iss !== 'accounts.google.com')
      return { ok: false, reason: 'issuer' };
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= this.clock.now())
      return { ok: false, reason: 'expired' };
    return { ok: true, header, claims };
  }

  /** An OAuth access token of `user` for a script (ScriptApp.getOAuthToken()); opaque, as Google's are. */
  accessToken(user: string, scriptId: string, scopes: string[] | null): string {
    this.seq += 1;
    const token = `ya29.emu${createHash('sha256').update(`${user}:${scriptId}:${this.seq}`).digest('base64url')}`;
    this.accessTokens.set(token, {
      user,
      scriptId,
      scopes: scopes ? [...scopes] : null,
      expiresAt: this.clock.now() + ACCESS_TOKEN_LIFETIME_S * 1000,
    });
    return token;
  }

  /** The live access token's grant, or null (unknown or expired). */
  accessTokenInfo(token: string): AccessTokenInfo | null {
    const info = this.accessTokens.get(token);
    return info && info.expiresAt > this.clock.now() ? info : null;
  }
}
