// How the register reader groups what it reads: adjacent columns in one call, nearby rows in one block, scattered
// rows of a few columns read through the columns between (each choice the cheaper one at 3 ms a call, 0.03 ms a cell).
import { describe, expect, it } from 'vitest';
import { RESPONSE_ID_COLUMN } from '../../src/gas/registerColumns';
import { columnRuns, mergeRuns, rowBlocks } from '../../src/gas/registerReads';

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

  it('joins column runs when the columns between are cheaper than a call per run', () => {
    expect(
      mergeRuns(
        [
          [1, 2],
          [9, 9],
          [11, 16],
          [25, 25],
        ],
        100,
      ),
    ).toEqual([[1, 25]]);
    expect(
      mergeRuns(
        [
          [1, 2],
          [9, 9],
        ],
        3,
      ),
    ).toEqual([
      [1, 2],
      [9, 9],
    ]);
  });
});
