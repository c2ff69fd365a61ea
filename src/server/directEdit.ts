// The installable onEdit trigger of the register: direct edits go to the audit log (see gas/editWatch.ts).
import { recordDirectEdit } from '../gas/editWatch';
import { GasContext } from './session';

export function handleRegisterEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  recordDirectEdit(new GasContext(), event);
}
