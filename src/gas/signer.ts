// The rating links' HMAC-SHA256 signer: the secret lives in Script Properties, made once (setup) and never shown.
import type { Signer } from '../app/feedback';

export const SECRET_PROPERTY = 'DUMAS_RATING_SECRET';

/** Two random UUIDs (≈ 244 random bits); returns true when a new secret was stored. */
export function ensureRatingSecret(): boolean {
  const props = PropertiesService.getScriptProperties();
  if (props.getProperty(SECRET_PROPERTY)) return false;
  props.setProperty(SECRET_PROPERTY, `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, ''));
  return true;
}

export class HmacSigner implements Signer {
  private secret: string | null = null;

  private key(): string {
    if (this.secret === null) {
      // Setup creates it; a project set up before this feature gets one on first use.
      ensureRatingSecret();
      this.secret = PropertiesService.getScriptProperties().getProperty(SECRET_PROPERTY) ?? '';
    }
    return this.secret;
  }

  sign(message: string): string {
    const bytes = Utilities.computeHmacSha256Signature(message, this.key(), Utilities.Charset.UTF_8);
    return Utilities.base64EncodeWebSafe(bytes).replace(/=+$/, '');
  }
}
