// The Dumas menu for each role: what a person sees is what their role may do (every server function checks again).
import type { Role } from '../domain/roles';
import { MENU } from '../messages/ui';

export type MenuEntry = { caption: string; functionName: string } | 'separator';

const RECORD: MenuEntry = { caption: MENU.record, functionName: 'showRecordSidebar' };
const RECONCILE: MenuEntry = { caption: MENU.reconcile, functionName: 'reconcileForms' };
const SETUP: MenuEntry = { caption: MENU.setup, functionName: 'setupSystem' };
const ABOUT: MenuEntry = { caption: MENU.about, functionName: 'showAbout' };

/** `role` null: not in the team sheet. `configured` false: setup has never run, so anyone may start it. */
export function menuFor(role: Role | null, configured: boolean): MenuEntry[] {
  if (!configured) return [SETUP, ABOUT];
  switch (role) {
    case null:
      return [{ caption: MENU.unknownUser, functionName: 'showAbout' }];
    case 'CS':
    case 'SEKRETARIS':
      return [RECORD, RECONCILE, 'separator', ABOUT];
    case 'KETUA':
      return [RECONCILE, 'separator', ABOUT];
    case 'ADMIN':
      return [SETUP, RECONCILE, 'separator', ABOUT];
    default:
      return [ABOUT];
  }
}
