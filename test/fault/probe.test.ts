import { it } from 'vitest';
import { OPERATIONS } from './operations';
import { countCalls, faultedRun, describeViolations, chooseK } from './sweep';
it('probe', () => {
  for (const op of OPERATIONS) {
    const t = Date.now();
    let n = 0;
    try { n = countCalls(op); } catch (e) { console.log('FAIL', op.name, String(e)); continue; }
    const vs = [];
    for (const k of chooseK(n, 3)) { vs.push(...faultedRun(op, k, 'error'), ...faultedRun(op, k, 'time')); }
    console.log(`${op.name}: N=${n} ${Date.now() - t}ms\n${describeViolations(vs, 8)}`);
  }
}, 600000);
