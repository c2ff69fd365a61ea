// Cases that only the deployed web app can observe (doGet and google.script.run from its pages run there, not in a
// menu): the Administrator-only diagnostics page runs them (`?halaman=diagnostik`), the menu run skips them.
import { thrownBy } from '../observe';
import type { DiagnosticCase } from '../types';

const REF = 'https://developers.google.com/apps-script/reference';
const BOUND = 'https://developers.google.com/apps-script/guides/bound';

/** What the diagnostics page knows about the deployment: who owns the spreadsheet, who asked for the run. */
export interface WebAppFacts {
  spreadsheetOwner: string;
  /** The page was opened without signing in (a private window), as a member of the public would. */
  anonymous: boolean;
}

export const WEB_APP_CASES: readonly DiagnosticCase[] = [
  {
    id: 'webapp.active-spreadsheet',
    title:
      'getActiveSpreadsheet() in the web app of the bound script (the getActive… methods belong to menus and triggers)',
    source: `${BOUND} (unverified: many published web apps call it; the emulator assumes null, the stricter outcome)`,
    runsIn: 'web-app',
    expected: null,
    run: (s) => (s.services.SpreadsheetApp.getActiveSpreadsheet() === null ? null : 'spreadsheet'),
  },
  {
    id: 'webapp.effective-user',
    title: 'A web app deployed "execute as me" by the spreadsheet owner runs as the owner',
    source: 'https://developers.google.com/apps-script/guides/web#permissions',
    runsIn: 'web-app',
    expected: { effectiveIsOwner: true },
    run: (s) => {
      const facts = s.provided as WebAppFacts;
      const effective = s.services.Session.getEffectiveUser().getEmail().toLowerCase();
      return { effectiveIsOwner: effective === facts.spreadsheetOwner.toLowerCase() };
    },
  },
  {
    id: 'webapp.active-user-anonymous',
    title: 'Opened without signing in (private window), Session.getActiveUser() is empty in the web app',
    source: `${REF}/base/session#getActiveUser()`,
    runsIn: 'web-app',
    expected: { anonymousVisit: true, active: '' },
    run: (s) => {
      const facts = s.provided as WebAppFacts;
      return { anonymousVisit: facts.anonymous, active: s.services.Session.getActiveUser().getEmail() };
    },
  },
  {
    id: 'webapp.no-ui',
    title: 'SpreadsheetApp.getUi() throws in the web app',
    source: `${REF}/spreadsheet/spreadsheet-app#getUi() (message unverified)`,
    runsIn: 'web-app',
    expected: { error: 'Exception: Cannot call SpreadsheetApp.getUi() from this context.' },
    run: (s) => thrownBy(() => s.services.SpreadsheetApp.getUi()),
  },
  {
    id: 'webapp.document-lock',
    title: 'getDocumentLock() is null in the web app ("outside the context of a containing document")',
    source: `${REF}/lock/lock-service#getDocumentLock()`,
    runsIn: 'web-app',
    expected: null,
    run: (s) => (s.services.LockService.getDocumentLock() === null ? null : 'lock'),
  },
];
