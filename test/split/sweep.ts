// The fault sweep on the split deployment: every operation of test/fault/operations.ts, each person's call through
// the shell to the core, the invariants read where the core keeps its data (the vault, the team's spreadsheet, the
// core's Script Properties). A fault can now also hit the shell's calls: its identity token, the POST to the core,
// and the replay of what the core answered.
import { OPERATIONS, openOfficesWith, type Started } from '../fault/operations';
import type { AnyOperation } from '../fault/sweep';
import { observeSplit, openSplitAsOffice, type SplitAsOffice } from './asOffice';

openOfficesWith(openSplitAsOffice);

export const SPLIT_OPERATIONS: AnyOperation<Started>[] = OPERATIONS.map((op) => ({
  ...op,
  name: `split: ${op.name}`,
  observe: (s: Started) => observeSplit(s.office as SplitAsOffice),
}));
