// How the register reader groups what it reads: adjacent columns in one call, nearby rows in one block, scattered
// rows of a few columns read through the columns between (each choice the cheaper one at 3 ms a call, 0.03 ms a cell).
import { describe, expect, it } from 'vitest';
import { REGISTER_HEADERS, REGISTER_WIDTH, RESPONSE_ID_COLUMN, indexOfKey } from '../../src/gas/registerColumns';
import { RegisterLayout } from '../../src/gas/registerLayout';
import { columnRuns, rowBlocks } from '../../src/gas/registerReads';

describe('register reads', () => {
  it('groups the columns of the fields asked into runs of adjacent columns', () => {
    expect(columnRuns(['status', 'unit', 'deadline', 'closedAt', 'deadlineKind'])).toEqual([[12, 16]]);
    expect(columnRuns(['regNumber', 'receivedAt', 'subject', 'priority', 'responseId'])).toEqual([
      [1, 2],
      [9, 9],
      [25, 25],
      [RESPONSE_ID_COLUMN, RESPONSE_ID_COLUMN],
    ]);
  });

  it('reads a gap of rows through when its cells cost less than another call', () => {
    // One column: a gap of up to 100 rows (100 × 0.03 ms = 3 ms) is read through.
    expect(rowBlocks([10, 50, 151, 400], 1)).toEqual([
      [10, 151],
      [400, 400],
    ]);
    // 56 columns: a gap of one row already costs more than 1.5 ms, two rows more than a call.
    expect(rowBlocks([5, 6, 8, 12], 56)).toEqual([
      [5, 8],
      [12, 12],
    ]);
    expect(rowBlocks([3, 3, 2], 10)).toEqual([[2, 3]]);
  });

  it('joins column runs when the columns between are cheaper than a call per run, and reads nothing it cannot place', () => {
    const l = RegisterLayout.CANONICAL;
    const runs = (maxGap: number) =>
      l.runs(idx(['regNumber', 'receivedAt', 'subject', 'priority']), maxGap).map((r) => [r.first, r.indexes.length]);
    expect(runs(100)).toEqual([[1, 25]]);
    expect(runs(6)).toEqual([
      [1, 9],
      [25, 1],
    ]);
    expect(runs(0)).toEqual([
      [1, 2],
      [9, 1],
      [25, 1],
    ]);
  });

  it('maps fields to the columns staff moved them to; a staff column inside a run is read through, never written', () => {
    // A staff column inserted before "Status" (12), and "Tenggat" moved to column A.
    const header: string[] = [...REGISTER_HEADERS];
    header.splice(11, 0, 'Catatan Staf');
    header.unshift(...header.splice(header.indexOf('Tenggat'), 1));
    const l = RegisterLayout.fromHeader(header);
    expect(columnRuns(['deadline', 'regNumber', 'status', 'unit'], l)).toEqual([
      [1, 2],
      [14, 15],
    ]);
    expect(l.indexAt(13)).toBe(-1);
    const read = l.runs(idx(['privacy', 'status']), 5);
    expect(read).toEqual([{ first: 12, indexes: [indexOfKey('privacy'), -1, indexOfKey('status')] }]);
    const canonical = l.toCanonical(read[0], ['biasa', 'staff text', 'Diterima'], new Array(REGISTER_WIDTH).fill(''));
    expect([canonical[indexOfKey('privacy')], canonical[indexOfKey('status')]]).toEqual(['biasa', 'Diterima']);
    expect(canonical).not.toContain('staff text');
    expect(l.runs(idx(['privacy', 'status'])).map((r) => r.first)).toEqual([12, 14]);
    expect(l.span.first).toBe(1);
    expect(l.span.indexes).toContain(-1);
    expect(l.span.indexes).toHaveLength(REGISTER_WIDTH + 1);
  });
});

const idx = (keys: Parameters<typeof indexOfKey>[0][]) => keys.map(indexOfKey);
