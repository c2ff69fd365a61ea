// What a person sees in the Sheet besides the pages' own answers: an alert, a confirmation, a sidebar, the register
// row under the cursor. Server code speaks to a Screen, never to SpreadsheetApp.getUi(), because the core answering
// the shell has no UI of its own: there the same calls become effects the shell replays in the team's spreadsheet.
import { SHEET_NAMES } from '../messages/sheets';
import type { TemplatePage } from './templates';
import { pageTemplate } from './templates';

/** One thing to show, as the core hands it to the shell (plain JSON). */
export type ScreenEffect =
  | { kind: 'alert'; message: string; title?: string }
  | { kind: 'confirm'; message: string; title: string }
  | { kind: 'sidebar'; page: TemplatePage; title: string; vars: Record<string, string> }
  | { kind: 'select'; row: number };

export interface Screen {
  alert(message: string, title?: string): void;
  /** Yes or no from the person; a screen that cannot ask now stops the call (see RecordedScreen). */
  confirm(title: string, message: string): boolean;
  /** A page of src/ui/pages evaluated with `vars` (each a string the template prints). */
  sidebar(page: TemplatePage, title: string, vars: Record<string, string>): void;
  /** The register's data row under the person's cursor, or null (another sheet, the header, nothing). */
  selectedRow(): number | null;
  /** Puts the cursor on a register row. */
  select(row: number): void;
}

/** Shows one effect in the spreadsheet this script is bound to (the shell, or a one-project install). */
export function showOnSheet(effect: ScreenEffect): void {
  const ui = SpreadsheetApp.getUi();
  switch (effect.kind) {
    case 'alert':
      if (effect.title === undefined) ui.alert(effect.message);
      else ui.alert(effect.title, effect.message, ui.ButtonSet.OK);
      return;
    case 'confirm':
      ui.alert(effect.title, effect.message, ui.ButtonSet.YES_NO);
      return;
    case 'sidebar': {
      const template = pageTemplate(effect.page);
      for (const [name, value] of Object.entries(effect.vars)) template[name] = value;
      ui.showSidebar(template.evaluate().setTitle(effect.title));
      return;
    }
    case 'select': {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      (ss.getSheetByName(SHEET_NAMES.register) ?? ss.getSheetByName(SHEET_NAMES.registerView))
        ?.getRange(effect.row, 1)
        .activate();
      return;
    }
  }
}

/** The register's row under the cursor here: in the register, or in the core's view of it (the same row). */
export function selectedRowOnSheet(): number | null {
  const range = SpreadsheetApp.getActiveRange();
  if (!range) return null;
  const sheet = range.getSheet().getName();
  if (sheet !== SHEET_NAMES.register && sheet !== SHEET_NAMES.registerView) return null;
  const row = range.getRow();
  return row >= 2 ? row : null;
}

/** The Sheet's own UI: a one-project install, or the shell itself. */
export const SHEET_SCREEN: Screen = {
  alert: (message, title) => showOnSheet({ kind: 'alert', message, title }),
  confirm(title, message) {
    const ui = SpreadsheetApp.getUi();
    return ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
  },
  sidebar: (page, title, vars) => showOnSheet({ kind: 'sidebar', page, title, vars }),
  selectedRow: selectedRowOnSheet,
  select: (row) => showOnSheet({ kind: 'select', row }),
};
