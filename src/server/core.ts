// The core's door for the shell. The team's spreadsheet holds only a thin shell (src/shell/); each of its menu items
// and sidebar calls arrives here as one POST to the core's web app (executing as the core's owner) with the
// person's Google identity token. Google vouches for the token (tokeninfo); the core checks that it was issued to
// its own shell (audience), for a verified email, and not expired, then runs the server function as that person:
// the permission table and the privacy rules apply to them exactly as they would in a one-project install.
import { checkIdentity } from '../domain/identity';
import { redactForLog } from '../domain/privacy';
import { GOOGLE_ISSUERS, tokenClaims } from '../gas/identityTokens';
import { OFFICE_ID_KEY, splitIdsFrom } from '../gas/workbook';
import { SHELL_TEXT } from '../messages/shell';
import { TEXT } from '../messages/ui';
import type { Screen, ScreenEffect } from '../ui/screen';
import type { ShellRequest, ShellResponse } from '../ui/shellCall';
import { ConfirmationPending, asShellCall } from './wiring';

/** The core's Script Property set by connecting (with the office's id, OFFICE_ID_KEY): whose tokens it trusts. */
export const SHELL_AUDIENCE_PROPERTY = 'DUMAS_SHELL_AUDIENCE';

/** The server functions the shell may call, by name (the core's entry file lists them). */
export type ShellCalls = Readonly<Record<string, (...args: never[]) => unknown>>;

/** Records what the call shows; the shell replays it in the team's spreadsheet. */
class RecordedScreen implements Screen {
  readonly effects: ScreenEffect[] = [];

  constructor(
    private readonly row: number | null,
    private readonly confirmed: boolean,
  ) {}

  alert(message: string, title?: string): void {
    this.effects.push(title === undefined ? { kind: 'alert', message } : { kind: 'alert', message, title });
  }

  confirm(title: string, message: string): boolean {
    if (this.confirmed) return true;
    this.effects.push({ kind: 'confirm', title, message });
    throw new ConfirmationPending();
  }

  sidebar(page: Extract<ScreenEffect, { kind: 'sidebar' }>['page'], title: string, vars: Record<string, string>) {
    this.effects.push({ kind: 'sidebar', page, title, vars });
  }

  selectedRow(): number | null {
    return this.row;
  }

  select(row: number): void {
    this.effects.push({ kind: 'select', row });
  }
}

/** doPost: one call from the shell, answered as JSON. */
export function answerShell(
  event: GoogleAppsScript.Events.DoPost,
  calls: ShellCalls,
): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(answer(event, calls))).setMimeType(
    ContentService.MimeType.JSON,
  );
}

function refuse(message: string): ShellResponse {
  return { ok: false, message };
}

function answer(event: GoogleAppsScript.Events.DoPost, calls: ShellCalls): ShellResponse {
  const request = parseRequest(event.postData?.contents);
  if (!request) return refuse(SHELL_TEXT.badRequest);
  // One read of the core's properties: whose tokens it trusts, and the spreadsheets the call works on.
  const props = PropertiesService.getScriptProperties();
  const all = props.getProperties();
  const audience = all[SHELL_AUDIENCE_PROPERTY] ?? null;
  if (!request.connect && audience === null) return refuse(SHELL_TEXT.notConnected);
  const who = checkIdentity(tokenClaims(request.idToken), {
    audience: request.connect ? null : audience,
    nowMs: Date.now(),
    issuers: GOOGLE_ISSUERS,
  });
  if (!who.ok) {
    console.warn(`shell call refused: ${who.reason}`);
    return refuse(SHELL_TEXT.identityRefused);
  }
  if (request.connect) {
    const office = all[OFFICE_ID_KEY] ?? null;
    const same = audience === who.audience && office === request.connect.officeId;
    // Connected once, never moved from a shell: a changed shell run by the owner could otherwise point the core at
    // a spreadsheet of its author's (whose Tim sheet would grant roles). Moving is done in the core's own editor.
    if (!same && (audience !== null || office !== null)) return refuse(SHELL_TEXT.alreadyConnected);
    // Only the account the core runs as may say which shell to trust: anyone else could connect their own copy.
    if (!same && who.email !== Session.getEffectiveUser().getEmail().trim().toLowerCase())
      return refuse(SHELL_TEXT.notOwner);
    if (!same)
      props.setProperties({ [SHELL_AUDIENCE_PROPERTY]: who.audience, [OFFICE_ID_KEY]: request.connect.officeId });
  }
  // Connecting may have just named the office (and setup the vault): those calls read the properties afresh.
  const ids = request.connect ? null : splitIdsFrom(all);
  if (!Object.prototype.hasOwnProperty.call(calls, request.fn)) return refuse(SHELL_TEXT.unknownCall);
  const fn = calls[request.fn] as (...args: unknown[]) => unknown;
  const screen = new RecordedScreen(request.selectedRow, request.confirmed);
  try {
    const value = asShellCall(who.email, screen, () => fn(...request.args), ids);
    return { ok: true, value: value ?? null, effects: screen.effects };
  } catch (error) {
    if (error instanceof ConfirmationPending) return { ok: true, value: null, effects: screen.effects };
    console.error(redactForLog(error instanceof Error ? (error.stack ?? error.message) : String(error)));
    return refuse(TEXT.unexpected);
  }
}

/** The request as the shell sends it, or null for anything else (no field is trusted until checked here). */
function parseRequest(body: string | undefined): ShellRequest | null {
  if (!body) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object') return null;
  const r = parsed as Record<string, unknown>;
  if (typeof r.fn !== 'string' || typeof r.idToken !== 'string' || !Array.isArray(r.args)) return null;
  const row =
    typeof r.selectedRow === 'number' && Number.isInteger(r.selectedRow) && r.selectedRow >= 2 ? r.selectedRow : null;
  const connect =
    r.connect !== null &&
    typeof r.connect === 'object' &&
    typeof (r.connect as Record<string, unknown>).officeId === 'string'
      ? { officeId: String((r.connect as Record<string, unknown>).officeId) }
      : undefined;
  if (connect && !/^[\w-]{1,100}$/.test(connect.officeId)) return null; // a Drive id, nothing else
  return {
    fn: r.fn,
    args: r.args as unknown[],
    idToken: r.idToken,
    selectedRow: row,
    confirmed: r.confirmed === true,
    connect,
  };
}
