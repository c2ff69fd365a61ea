// A sample of the fault sweep on the split deployment, in every npm test (`npm run sweep -- --split`: all of it).
import { describe, expect, it } from 'vitest';
import { describeViolations, sweep } from '../fault/sweep';
import { SPLIT_OPERATIONS } from './sweep';

describe('the fault sweep on the split deployment (sampled)', () => {
  it('covers every operation through the shell, and finds no violation', () => {
    const report = sweep(SPLIT_OPERATIONS, { sample: 3, kinds: ['error'] });
    expect(report.operations.length).toBe(SPLIT_OPERATIONS.length);
    for (const op of report.operations) expect(op.calls, op.operation).toBeGreaterThan(5);
    expect(describeViolations(report.violations)).toBe('');
  }, 600_000);
});
