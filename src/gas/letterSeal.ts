// The letter's seal in Apps Script: the verification code keyed with the script's secret (Script Properties, the
// same secret as the rating links, never shown) and SHA-256 digests by Utilities.
import type { SealPort } from '../app/letters';
import { hexOf, verificationCode, verificationMessage } from '../domain/signature';
import { HmacSigner } from './signer';

export class GasSeal implements SealPort {
  private readonly signer = new HmacSigner();

  code(letterNumber: string): string {
    return verificationCode(this.signer.sign(verificationMessage(letterNumber)));
  }

  sha256(bytes: readonly number[]): string {
    return hexOf(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, [...bytes]));
  }
}
