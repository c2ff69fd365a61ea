// Possible duplicates of one complaint, asked by the receipt panel and the Agenda sidebar after the complaint is
// shown (a separate call: recording and opening stay as cheap as before, the list follows a moment later).
import { duplicateRows, type DuplicateRow } from '../app/duplicates';
import { duplicateSearchRows } from '../gas/channelReads';
import { WF } from '../messages/workflow';
import { Refusal, may, run } from './wiring';
import { findTyped } from './workflow';

export type DuplicatesResult = { ok: true; rows: DuplicateRow[]; windowDays: number } | { ok: false; message: string };

export function listDuplicates(regNumber: string): DuplicatesResult {
  return run(
    may('duplicates'),
    (ctx, member): DuplicatesResult => {
      const key = String(regNumber ?? '').trim();
      const stored = key === '' ? null : findTyped(ctx, key);
      if (!stored) throw new Refusal(WF.notFound(key));
      const windowDays = ctx.settings().duplicateWindowDays;
      const rows = duplicateRows(member, stored.complaint, duplicateSearchRows(ctx.reader()), windowDays);
      return { ok: true, rows, windowDays };
    },
    (message): DuplicatesResult => ({ ok: false, message }),
  );
}
