import { it } from 'vitest';
import { OPERATIONS } from './operations';
import { countCalls, faultedRun, describeViolations } from './sweep';
it('probe', () => {
  const op = OPERATIONS.find((o) => o.name === (process.env.OP ?? 'letter: deliver'))!;
  const n = countCalls(op);
  const vs = [];
  for (let k = 1; k <= n; k++) vs.push(...faultedRun(op, k, 'error'), ...faultedRun(op, k, 'time'));
  console.log(`N=${n}\n${describeViolations(vs, 60)}`);
}, 600000);
