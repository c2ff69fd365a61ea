// The letter's seal in Apps Script: the verification code keyed with the script's secret (Script Properties, the
// same secret as the rating links, never shown) and SHA-256 digests by Utilities.
import type { SealPort } from '../app/letters';
import { hexOf, verificationCode, verificationMessage } from '../domain/signature';
import type { Signer } from '../app/feedback';

export class GasSeal implements SealPort {
  /** The script's signer (one per execution, made by the wiring module). */
  constructor(private readonly signer: Signer) {}

  code(letterNumber: string): string {
    return verificationCode(this.signer.sign(verificationMessage(letterNumber)));
  }

  sha256(bytes: readonly number[]): string {
    return hexOf(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, [...bytes]));
  }
}
