// The fault sweep: for each operation, count its service calls N in a clean run; then for each chosen k in 1..N
// rebuild the same starting state, fail the k-th call (a Google service error, or the execution stopped there by the
// time limit), let Apps Script end the execution (locks released), check the invariants, retry, check again.
import type { FaultKind } from '../emulator/core/faults';
import { observe, violations, snapshot, type Observed } from './invariants';
import { KNOWN_STATUSES, type Operation, type Started } from './operations';

export interface Violation {
  operation: string;
  k: number;
  kind: FaultKind;
  when: 'after the fault' | 'after the retry';
  what: string;
}

export interface OperationReport {
  operation: string;
  calls: number;
  runs: number;
}

export interface SweepReport {
  operations: OperationReport[];
  runs: number;
  violations: Violation[];
  ms: number;
}

/** What the sweep needs of an operation's state: the emulator's faults and lock, and what the invariants read. */
export interface Sweepable {
  office: { emu: Pick<Started['office']['emu'], 'faults' | 'lock'> };
}

/** An operation of either deployment: `observe` says where its office keeps what the invariants read. */
export type AnyOperation<S extends Sweepable = Started> = Omit<Operation, 'prepare' | 'run' | 'retry' | 'done'> & {
  prepare(): S;
  run(s: S): void;
  retry?(s: S): void;
  done(s: S): string | null;
  observe?(s: S): Observed;
};

function observed<S extends Sweepable>(op: AnyOperation<S>, s: S): Observed {
  return op.observe ? op.observe(s) : observe((s as unknown as Started).office);
}

/** Runs one execution: an exception out of it is what Apps Script shows in the execution log, not a test failure. */
function execution(s: Sweepable, fn: () => void): void {
  try {
    fn();
  } catch {
    // the failure itself is expected; the invariants say whether it did harm
  } finally {
    s.office.emu.faults.disarm();
    s.office.emu.lock.releaseAll(); // Apps Script releases an execution's locks when it ends, however it ends
  }
}

export function countCalls<S extends Sweepable>(op: AnyOperation<S>): number {
  const s = op.prepare();
  const before = snapshot(observed(op, s));
  s.office.emu.faults.arm();
  op.run(s);
  const n = s.office.emu.faults.counted();
  s.office.emu.faults.disarm();
  const bad = op.done(s);
  if (bad) throw new Error(`${op.name}: the clean run did not complete: ${bad}`);
  const wrong = violations(observed(op, s), before, { knownStatuses: KNOWN_STATUSES });
  if (wrong.length > 0) throw new Error(`${op.name}: the clean run breaks an invariant: ${wrong.join('; ')}`);
  return n;
}

export function faultedRun<S extends Sweepable>(op: AnyOperation<S>, k: number, kind: FaultKind): Violation[] {
  const s = op.prepare();
  const before = snapshot(observed(op, s));
  const out: Violation[] = [];
  const note = (when: Violation['when'], what: string) => out.push({ operation: op.name, k, kind, when, what });
  s.office.emu.faults.arm({ at: k, kind });
  execution(s, () => op.run(s));
  for (const v of violations(observed(op, s), before, { knownStatuses: KNOWN_STATUSES })) note('after the fault', v);
  execution(s, () => (op.retry ?? op.run)(s));
  for (const v of violations(observed(op, s), before, { knownStatuses: KNOWN_STATUSES })) note('after the retry', v);
  let done: string | null;
  try {
    done = op.done(s);
  } catch (error) {
    done = error instanceof Error ? error.message : String(error);
  }
  if (done) note('after the retry', `not completed: ${done}`);
  return out;
}

/** Which k of 1..n to try: all of them, or a spread of `sample` (first, last, and evenly between). */
export function chooseK(n: number, sample: number | 'all'): number[] {
  if (sample === 'all' || sample >= n) return Array.from({ length: n }, (_, i) => i + 1);
  const ks = new Set<number>([1, n]);
  for (let i = 1; ks.size < sample && i < sample; i++) ks.add(Math.max(1, Math.round((i * n) / (sample - 1))));
  return [...ks].sort((a, b) => a - b);
}

export function sweep(
  ops: readonly AnyOperation<Sweepable>[],
  options: { sample: number | 'all'; kinds: FaultKind[]; progress?: (line: string) => void },
): SweepReport {
  const started = Date.now();
  const report: SweepReport = { operations: [], runs: 0, violations: [], ms: 0 };
  for (const op of ops) {
    const n = countCalls(op);
    const ks = chooseK(n, options.sample);
    let runs = 0;
    for (const kind of options.kinds)
      for (const k of ks) {
        report.violations.push(...faultedRun(op, k, kind));
        runs += 1;
      }
    report.operations.push({ operation: op.name, calls: n, runs });
    report.runs += runs;
    options.progress?.(`${op.name}: ${n} calls, ${runs} faulted runs, ${report.violations.length} violations so far`);
  }
  report.ms = Date.now() - started;
  return report;
}

export function describeViolations(vs: readonly Violation[], max = 40): string {
  return vs
    .slice(0, max)
    .map((v) => `${v.operation} [${v.kind} at call ${v.k}] ${v.when}: ${v.what}`)
    .join('\n');
}
