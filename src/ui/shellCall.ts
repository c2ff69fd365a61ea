// The one request the shell sends the core, and the core's answer: plain JSON over HTTPS (UrlFetchApp → doPost).
import type { ScreenEffect } from './screen';

export interface ShellRequest {
  /** The server function, by the name the core's entry file gives it. */
  fn: string;
  args: unknown[];
  /** The person's Google identity token (ScriptApp.getIdentityToken() in the shell). */
  idToken: string;
  /** The register view's row under the person's cursor: the same row of the core's register. */
  selectedRow: number | null;
  /** The person said yes to the confirmation the core asked for in the previous answer. */
  confirmed: boolean;
  /** Connecting the shell (the core's owner only): the team's spreadsheet, whose shell's tokens the core will trust. */
  connect?: { officeId: string };
}

export type ShellResponse = { ok: true; value: unknown; effects: ScreenEffect[] } | { ok: false; message: string };

/** The shell's Script Property holding the core's web app URL (not a secret: the core trusts tokens, not callers). */
export const CORE_URL_PROPERTY = 'DUMAS_CORE_URL';
