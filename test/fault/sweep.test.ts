// The fault sweep under `npm test`: every operation, a spread of k (first, last and evenly between), both a Google
// service error and the time limit at the k-th call. `npm run sweep` runs every k (figures in the README).
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from './operations';
import { describeViolations, sweep } from './sweep';

describe('fault sweep (sampled)', () => {
  it('no invariant breaks when any sampled service call of any operation fails, and the retry completes it', () => {
    const report = sweep(OPERATIONS, { sample: 3, kinds: ['error', 'time'] });
    console.log(
      `fault sweep (sampled): ${report.operations.length} operations, ${report.runs} faulted runs, ` +
        `${report.violations.length} violations, ${(report.ms / 1000).toFixed(1)} s`,
    );
    expect(report.operations.length).toBe(OPERATIONS.length);
    expect(report.runs).toBeGreaterThanOrEqual(OPERATIONS.length * 6);
    expect(describeViolations(report.violations)).toBe('');
  }, 120_000);
});
