// Google's tokeninfo endpoint: it checks an ID token's signature and answers its claims, or refuses the token.
import type { TokenClaims } from '../domain/identity';

const TOKENINFO = 'https://oauth2.googleapis.com/tokeninfo?id_token=';

/** The issuers of Google's ID tokens (both spellings occur). */
export const GOOGLE_ISSUERS: readonly string[] = ['accounts.google.com', 'https://accounts.google.com'];

/** The token's claims as Google vouches for them, or null when Google refuses the token. */
export function tokenClaims(idToken: string): TokenClaims | null {
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(idToken)) return null; // not a JWT: no call spent on it
  const reply = UrlFetchApp.fetch(TOKENINFO + encodeURIComponent(idToken), { muteHttpExceptions: true });
  if (reply.getResponseCode() !== 200) return null;
  const parsed: unknown = JSON.parse(reply.getContentText());
  return parsed !== null && typeof parsed === 'object' ? parsed : null;
}
