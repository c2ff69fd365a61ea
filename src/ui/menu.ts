// The Dumas menu for each role: what a person sees is what their role may do (every server function checks again).
import type { Role } from '../domain/roles';
import { MENU } from '../messages/ui';
import { RETENTION } from '../messages/public';
import { REPORT_MENU } from '../messages/report';
import { ACTION_SIDEBARS, ACTION_SIDEBAR_NAMES, HISTORY_ROLES, MONITOR_ROLES } from '../app/workflowSidebars';
import { WORKFLOW_MENU } from '../messages/workflow';
import { DIAGNOSTICS_MENU } from '../messages/diagnostics';
import { LETTER_ROLES } from '../app/letters';
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

/**
 * `role` null: not in the team sheet. `configured` false: setup has never run, so anyone may start it.
 * `emailHidden`: Google did not tell the simple onOpen trigger who is signed in (consumer accounts, another domain);
 * a menu click runs with the person's own authorization, where it does, so they get one entry that loads their menu.
 */
export function menuFor(role: Role | null, configured: boolean, emailHidden = false): MenuEntry[] {
  if (!configured) return [SETUP, ABOUT];
  switch (role) {
    case null:
      return emailHidden ? [LOAD_MINE, ABOUT] : [{ caption: MENU.unknownUser, functionName: 'showAbout' }];
    case 'CS':
    case 'SEKRETARIS':
      return [RECORD, RECONCILE, ...workflowEntries(role), ...letterEntries(role), 'separator', ABOUT];
    case 'KETUA':
      return [RECONCILE, ...workflowEntries(role), ...letterEntries(role), REPORT, 'separator', ABOUT];
    case 'ADMIN':
      return [
        SETUP,
        RECONCILE,
        ...workflowEntries(role),
        ...letterEntries(role),
        REPORT,
        'separator',
        PREVIEW_PURGE,
        PURGE,
        'separator',
        DIAGNOSTICS,
        ABOUT,
      ];
    case 'KEPALA_DINAS':
      return [...workflowEntries(role), ...letterEntries(role), REPORT, 'separator', ABOUT];
    default:
      return [...workflowEntries(role), ...letterEntries(role), 'separator', ABOUT];
  }
}

/** The reply letter's sidebar, for every role with a step in the letter's life. */
export function letterEntries(role: Role): MenuEntry[] {
  return LETTER_ROLES.includes(role) ? [{ caption: LETTER_UI.menu, functionName: 'showLetterSidebar' }] : [];
}

/** The workflow sidebars this role may open (derived from the transition table), then monitoring and history. */
export function workflowEntries(role: Role): MenuEntry[] {
  const entries: MenuEntry[] = ACTION_SIDEBAR_NAMES.filter((name) => ACTION_SIDEBARS[name].roles.includes(role)).map(
    (name) => ({ caption: WORKFLOW_MENU[name], functionName: WORKFLOW_MENU_FUNCTIONS[name] }),
  );
  if (MONITOR_ROLES.includes(role))
    entries.push({ caption: WORKFLOW_MENU.pemantauan, functionName: WORKFLOW_MENU_FUNCTIONS.pemantauan });
  if (HISTORY_ROLES.includes(role))
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
