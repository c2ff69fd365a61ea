// The installable onEdit trigger of the register: direct edits go to the audit log (see gas/editWatch.ts).
import { recordDirectEdit } from '../gas/editWatch';
import { ANYONE, run } from './wiring';

export function handleRegisterEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  run(ANYONE, (s) => recordDirectEdit(s, event));
}
