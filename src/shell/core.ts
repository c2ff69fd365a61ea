// The shell's one way to get anything done: a POST to the Dumas core with the person's identity token. The shell
// holds no rule, no identity and no secret; what it shows is what the core answered for this person.
import { SHELL_TEXT } from '../messages/shell';
import { showOnSheet, selectedRowOnSheet } from '../ui/screen';
import { CORE_URL_PROPERTY, type ShellRequest, type ShellResponse } from '../ui/shellCall';

/** The core could not be asked, or refused to answer this person: the message says what to do. */
export class CoreCallError extends Error {}

/** The core's web app URL as the deployment dialog shows it. */
const CORE_URL = /^https:\/\/script\.google\.com\/(a\/macros\/[\w.-]+|macros)\/s\/[\w-]+\/exec$/;

export function isCoreUrl(url: string): boolean {
  return CORE_URL.test(url);
}

export function coreUrl(): string | null {
  return PropertiesService.getScriptProperties().getProperty(CORE_URL_PROPERTY);
}

export interface CallOptions {
  /** Send the row under the cursor (sidebars that open on the selection). */
  withSelection?: boolean;
  confirmed?: boolean;
  connect?: { officeId: string };
}

/**
 * Calls `fn` in the core as the person at the keyboard, replays what it shows (alerts, sidebars, the cursor) and
 * returns its value. A confirmation the core asks for is shown here; "Yes" sends the call again, confirmed.
 */
export function callCore(fn: string, args: unknown[], options: CallOptions = {}): unknown {
  const url = coreUrl();
  if (!url) throw new CoreCallError(SHELL_TEXT.notConnected);
  const idToken = ScriptApp.getIdentityToken();
  if (!idToken) throw new CoreCallError(SHELL_TEXT.noToken);
  const request: ShellRequest = {
    fn,
    args,
    idToken,
    selectedRow: options.withSelection ? selectedRowOnSheet() : null,
    confirmed: options.confirmed === true,
    ...(options.connect ? { connect: options.connect } : {}),
  };
  const reply = UrlFetchApp.fetch(url, {
    method: 'post',
    contentType: 'application/json',
    payload: JSON.stringify(request),
    muteHttpExceptions: true,
  });
  if (reply.getResponseCode() !== 200) throw new CoreCallError(SHELL_TEXT.unreachable(reply.getResponseCode()));
  const answer = parseResponse(reply.getContentText());
  if (!answer) throw new CoreCallError(SHELL_TEXT.unreadable);
  if (!answer.ok) throw new CoreCallError(answer.message);
  for (const effect of answer.effects) {
    if (effect.kind !== 'confirm') {
      showOnSheet(effect);
      continue;
    }
    const ui = SpreadsheetApp.getUi();
    if (ui.alert(effect.title, effect.message, ui.ButtonSet.YES_NO) === ui.Button.YES)
      return callCore(fn, args, { ...options, confirmed: true });
    return null;
  }
  return answer.value;
}

function parseResponse(text: string): ShellResponse | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || typeof (parsed as { ok?: unknown }).ok !== 'boolean')
      return null;
    const r = parsed as ShellResponse;
    if (r.ok && !Array.isArray(r.effects)) return null;
    return r;
  } catch {
    return null;
  }
}

/** A menu item: its failure is an alert, as in a one-project install. */
export function fromMenu(fn: string, options: CallOptions = {}): void {
  try {
    callCore(fn, [], options);
  } catch (error) {
    if (!(error instanceof CoreCallError)) throw error;
    SpreadsheetApp.getUi().alert(error.message);
  }
}
