// The Administrator-only diagnostics page of the web app (`?halaman=diagnostik&t=…`): runs the cases only the web
// app can observe and shows their results for the record.
//
// Who may open it: Session.getActiveUser() cannot tell, because a web app executing as its owner sees the visitor's
// email only for the owner or accounts of the same Workspace domain (empty for consumer accounts and anonymous
// visitors, and one case needs an anonymous visit). So the menu run (role-checked: Administrator only) mints a
// random token kept 15 minutes in the script cache, which only this script reads; the page runs for that token only.
import { DIAGNOSTICS_TEXT, diagnosticsPageHtml } from '../messages/diagnostics';
import { CASES } from './cases';
import type { WebAppFacts } from './cases/webApp';
import { resultRows } from './resultsSheet';
import { runWebAppCases } from './runner';
import { globalServices } from './server';

const TOKEN_PREFIX = 'dumas:diagnostik:';
const TOKEN_SECONDS = 15 * 60;

/** The two links of the page (signed in, then in a private window) for the Administrator, or null without a web-app URL. */
export function mintDiagnosticsLinks(
  webAppUrl: string,
  spreadsheetOwner: string,
): { signedIn: string; anonymous: string } | null {
  if (!/^https:\/\//.test(webAppUrl)) return null;
  const token = Utilities.getUuid();
  CacheService.getScriptCache().put(TOKEN_PREFIX + token, JSON.stringify({ spreadsheetOwner }), TOKEN_SECONDS);
  const base = `${webAppUrl}${webAppUrl.includes('?') ? '&' : '?'}halaman=diagnostik&t=${encodeURIComponent(token)}`;
  return { signedIn: base, anonymous: `${base}&anonim=1` };
}

function page(title: string, html: string): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutput(html)
    .setTitle(title)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function diagnosticsPage(params: Record<string, string>): GoogleAppsScript.HTML.HtmlOutput {
  const token = typeof params.t === 'string' ? params.t.slice(0, 100) : '';
  const stored = token ? CacheService.getScriptCache().get(TOKEN_PREFIX + token) : null;
  const title = DIAGNOSTICS_TEXT.webTitle;
  if (!stored) return page(title, diagnosticsPageHtml(title, [DIAGNOSTICS_TEXT.webLinkInvalid]));
  const owner = (JSON.parse(stored) as { spreadsheetOwner?: unknown }).spreadsheetOwner;
  const facts: WebAppFacts = {
    spreadsheetOwner: typeof owner === 'string' ? owner : '',
    anonymous: params.anonim === '1',
  };
  // The anonymous visit checks only the anonymous case; the signed-in visit all the others.
  const cases = CASES.filter((c) => (c.id === 'webapp.active-user-anonymous') === facts.anonymous);
  const results = runWebAppCases(globalServices(), cases, facts);
  const rows = resultRows(results, CASES);
  const csv = rows.map((r) => r.map(csvCell).join(',')).join('\n');
  const pass = results.filter((r) => r.status === 'pass').length;
  const said = [DIAGNOSTICS_TEXT.webDone(pass, results.length - pass, facts.anonymous), DIAGNOSTICS_TEXT.webCsv];
  return page(title, diagnosticsPageHtml(title, said, rows, csv));
}
