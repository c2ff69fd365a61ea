// Small-count suppression of the public statistics: primary (<3) and complementary, so nothing hidden can be derived.
import { describe, expect, it } from 'vitest';
import { SMALL_COUNT, suppress } from '../../src/domain/publicStats';

describe('suppress', () => {
  it('hides 1 and 2, never 0 or 3+', () => {
    const values = new Map([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', SMALL_COUNT],
    ]);
    expect([...suppress(values, [])].sort()).toEqual(['b', 'c']);
  });

  it('a lone small part of a published total takes the smallest other non-zero part with it', () => {
    // total 20 = 1 + 0 + 7 + 12: without the 7 hidden too, 20 - 0 - 7 - 12 gives the 1 back.
    const values = new Map([
      ['t', 20],
      ['p1', 1],
      ['p2', 0],
      ['p3', 7],
      ['p4', 12],
    ]);
    const hidden = suppress(values, [{ total: 't', members: ['p1', 'p2', 'p3', 'p4'] }]);
    expect([...hidden].sort()).toEqual(['p1', 'p3']);
  });

  it('chains across groups until no group has exactly one hidden part', () => {
    // Two months (rows) and a year; the second month's hidden 7 makes the year row lose one more cell.
    const values = new Map([
      ['m1', 10],
      ['m1a', 1],
      ['m1b', 9],
      ['m2', 10],
      ['m2a', 5],
      ['m2b', 5],
      ['y', 20],
      ['ya', 6],
      ['yb', 14],
    ]);
    const hidden = suppress(values, [
      { total: 'm1', members: ['m1a', 'm1b'] },
      { total: 'm2', members: ['m2a', 'm2b'] },
      { total: 'ya', members: ['m1a', 'm2a'] },
      { total: 'yb', members: ['m1b', 'm2b'] },
    ]);
    expect([...hidden].sort()).toEqual(['m1a', 'm1b', 'm2a', 'm2b']);
  });

  it('hides the total when the lone hidden part has no non-zero sibling', () => {
    const values = new Map([
      ['t', 2],
      ['p', 2],
      ['q', 0],
    ]);
    expect(suppress(values, [{ total: 't', members: ['p', 'q'] }]).has('t')).toBe(true);
  });
});
