// npm run sweep: the full fault sweep through the built bundle (every k of every operation, a Google service error
// and the time limit at each); prints each operation's calls and runs, the violations, and the totals.
// `--json` prints the report as JSON; `--only NAME` sweeps the operations whose name contains NAME; `--split` sweeps
// them on the split deployment (each person's call through the shell to the core: test/split/sweep.ts).
import { OPERATIONS } from '../test/fault/operations';
import { describeViolations, sweep } from '../test/fault/sweep';

const args = process.argv.slice(2);
const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '') : '';
const all = args.includes('--split') ? (await import('../test/split/sweep')).SPLIT_OPERATIONS : OPERATIONS;
const ops = all.filter((o) => o.name.includes(only));
const report = sweep(ops, {
  sample: 'all',
  kinds: ['error', 'time'],
  progress: args.includes('--json') ? undefined : (line) => console.log(line),
});
if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
else {
  const calls = report.operations.reduce((n, o) => n + o.calls, 0);
  console.log(
    `\n${report.operations.length} operations, ${calls} service calls in their clean runs, ` +
      `${report.runs} faulted runs (each k × {service error, time limit}), ${report.violations.length} violations, ` +
      `${(report.ms / 1000).toFixed(0)} s`,
  );
  if (report.violations.length > 0) console.log(describeViolations(report.violations, 200));
}
process.exit(report.violations.length > 0 ? 1 : 0);
