// The Dumas menu for each role: what a person sees is what the permission table lets their role do (every server
// function checks the same table again).
import type { Role } from '../domain/roles';
import { MENU } from '../messages/ui';
import { RETENTION } from '../messages/public';
import { REPORT_MENU } from '../messages/report';
import { ACTION_SIDEBARS, ACTION_SIDEBAR_NAMES } from '../app/workflowSidebars';
import { LETTER_STEPS, permits, permitsAny, type Permission } from '../domain/permissions';
import { WORKFLOW_MENU } from '../messages/workflow';
import { DIAGNOSTICS_MENU } from '../messages/diagnostics';
import { LETTER_UI } from '../messages/letters';

export type MenuEntry = { caption: string; functionName: string } | 'separator';

const RECORD: MenuEntry = { caption: MENU.record, functionName: 'showRecordSidebar' };
const RECONCILE: MenuEntry = { caption: MENU.reconcile, functionName: 'reconcileForms' };
const SETUP: MenuEntry = { caption: MENU.setup, functionName: 'setupSystem' };
const ABOUT: MenuEntry = { caption: MENU.about, functionName: 'showAbout' };
const LOAD_MINE: MenuEntry = { caption: MENU.loadMine, functionName: 'showMyMenu' };
const REPORT: MenuEntry = { caption: REPORT_MENU, functionName: 'buildReport' };
const PREVIEW_PURGE: MenuEntry = { caption: RETENTION.menuPreview, functionName: 'previewPurge' };
const PURGE: MenuEntry = { caption: RETENTION.menuPurge, functionName: 'purgePersonalData' };
const DIAGNOSTICS: MenuEntry = { caption: DIAGNOSTICS_MENU, functionName: 'runDiagnostics' };
const LETTERS: MenuEntry = { caption: LETTER_UI.menu, functionName: 'showLetterSidebar' };

/** A menu item and the permission table's entries that show it (any one suffices); 'always' for everyone. */
interface Item {
  entry: MenuEntry;
  when: readonly Permission[] | 'always';
}

/**
 * The whole menu in its order; each person sees the items the table lets their role use (every server function
 * checks the same entries again). A separator shows when the item that follows it does.
 */
function items(role: Role): Item[] {
  return [
    { entry: SETUP, when: ['setup'] },
    { entry: RECORD, when: ['record'] },
    { entry: RECONCILE, when: ['reconcile'] },
    ...workflowEntries(role).map((entry) => ({ entry, when: 'always' as const })),
    { entry: LETTERS, when: LETTER_STEPS },
    { entry: REPORT, when: ['report'] },
    { entry: 'separator', when: 'always' },
    { entry: PREVIEW_PURGE, when: ['retentionPreview'] },
    { entry: PURGE, when: ['purge'] },
    { entry: 'separator', when: ['retentionPreview', 'purge'] },
    { entry: DIAGNOSTICS, when: ['diagnostics'] },
    { entry: ABOUT, when: 'always' },
  ];
}

/**
 * `role` null: not in the team sheet. `configured` false: setup has never run, so anyone may start it.
 * `emailHidden`: Google did not tell the simple onOpen trigger who is signed in (consumer accounts, another domain);
 * a menu click runs with the person's own authorization, where it does, so they get one entry that loads their menu.
 */
export function menuFor(role: Role | null, configured: boolean, emailHidden = false): MenuEntry[] {
  if (!configured) return [SETUP, ABOUT];
  if (role === null)
    return emailHidden ? [LOAD_MINE, ABOUT] : [{ caption: MENU.unknownUser, functionName: 'showAbout' }];
  return items(role)
    .filter((item) => item.when === 'always' || permitsAny(role, item.when))
    .map((item) => item.entry);
}

/** Puts the entries on the spreadsheet's menu bar as the Dumas menu (replacing the one there). */
export function showMenu(entries: readonly MenuEntry[]): void {
  const menu = SpreadsheetApp.getUi().createMenu(MENU.title);
  for (const entry of entries) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(entry.caption, entry.functionName);
  }
  menu.addToUi();
}

/** The reply letter's sidebar, for every role with a step in the letter's life. */
export function letterEntries(role: Role): MenuEntry[] {
  return permitsAny(role, LETTER_STEPS) ? [LETTERS] : [];
}

/** The workflow sidebars this role may open (each one's actions, in the table), then monitoring and history. */
export function workflowEntries(role: Role): MenuEntry[] {
  const entries: MenuEntry[] = ACTION_SIDEBAR_NAMES.filter((name) =>
    permitsAny(role, ACTION_SIDEBARS[name].actions),
  ).map((name) => ({ caption: WORKFLOW_MENU[name], functionName: WORKFLOW_MENU_FUNCTIONS[name] }));
  if (permits(role, 'monitoring'))
    entries.push({ caption: WORKFLOW_MENU.pemantauan, functionName: WORKFLOW_MENU_FUNCTIONS.pemantauan });
  if (permits(role, 'history'))
    entries.push({ caption: WORKFLOW_MENU.riwayat, functionName: WORKFLOW_MENU_FUNCTIONS.riwayat });
  return entries;
}

/** Entry points in src/main.ts that open each workflow sidebar. */
export const WORKFLOW_MENU_FUNCTIONS = {
  agenda: 'showAgendaSidebar',
  disposisi: 'showDisposisiSidebar',
  tindakLanjut: 'showTindakLanjutSidebar',
  perpanjangan: 'showPerpanjanganSidebar',
  alihkan: 'showAlihkanSidebar',
  bukaKembali: 'showBukaKembaliSidebar',
  lepasDataPribadi: 'showLepasDataPribadiSidebar',
  lapor: 'showLaporSidebar',
  pemantauan: 'showPemantauanSidebar',
  riwayat: 'showRiwayatSidebar',
} as const;
