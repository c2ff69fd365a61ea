// Fault injection at service-call boundaries: the k-th service call (kinds other than 'local') of an armed span fails
// with an exception worded as Google words it, or the execution runs out of time there, or another execution runs
// there (interleaving at call boundaries). Wired in expose(): every emulated service call passes through `onCall`.
import type { CallLog, CallRecord } from './calls';

/**
 * - 'error': that one call throws the service's transient error ("Service Spreadsheets failed while accessing
 *   document with id …", "Service Documents failed…", a lock call's "Lock timeout…"); later calls work.
 * - 'quota': that one call throws the "invoked too many times" error (mail: the daily recipient quota).
 * - 'time': the execution is stopped at that call: it and every later call throw "Exceeded maximum execution time"
 *   (Apps Script kills the script; no catch keeps it alive, so nothing after it reaches Google).
 * - 'interleave': `run` is called just before that call (another execution's turn); the call then proceeds.
 */
export type FaultKind = 'error' | 'quota' | 'time' | 'interleave';

export interface FaultPlan {
  /** 1-based index of the failing service call, counted from arm(). */
  at: number;
  kind: FaultKind;
  /** For 'interleave': what runs before the call. */
  run?: () => void;
  /** Count only calls of this name ("Form.deleteResponse"): `at` is then the k-th such call. */
  call?: string;
}

export const EXCEEDED_TIME = 'Exceeded maximum execution time';

/** The service a call record belongs to, as Google names it in its error messages. */
export function serviceOf(name: string): string {
  const cls = name.split('.')[0];
  if (/^(Spreadsheet|Sheet|Range|Protection|Filter|Developer|NamedRange|Embedded|DataValidation)/.test(cls))
    return 'Spreadsheets';
  if (/^(Document|Body|Paragraph|Table|Text|ListItem|InlineImage|HeaderSection|FooterSection|Element)/.test(cls))
    return 'Documents';
  if (/^(Drive|File|Folder|Blob)/.test(cls)) return 'Drive';
  if (/^(Form|Item|.*Response)/.test(cls)) return 'Forms';
  if (cls === 'MailApp') return 'Mail';
  if (/^(Properties|ScriptProperties|UserProperties|DocumentProperties)/.test(cls)) return 'Properties';
  if (/^(Cache)/.test(cls)) return 'Cache';
  if (/^(ScriptApp|Trigger)/.test(cls)) return 'Script';
  return cls;
}

/** The exception Google throws for `kind` at this call (texts from Apps Script execution logs and its quotas page). */
export function googleError(kind: 'error' | 'quota', record: CallRecord, documentId: string): string {
  const service = serviceOf(record.name);
  if (kind === 'quota') {
    if (service === 'Mail') return 'Exception: Service invoked too many times for one day: email.';
    return `Exception: Service invoked too many times in a short time: ${service.toLowerCase()}. Try Utilities.sleep(1000) between calls.`;
  }
  if (record.kind === 'lock') return 'Exception: Lock timeout: another process was holding the lock for too long.';
  if (service === 'Spreadsheets' || service === 'Documents')
    return `Exception: Service ${service} failed while accessing document with id ${documentId}.`;
  if (service === 'Mail') return 'Exception: Failed to send email: no recipient';
  return `Exception: We're sorry, a server error occurred. Please wait a bit and try again.`;
}

export class FaultInjector {
  private plan: FaultPlan | null = null;
  private count = 0;
  private matched = 0;
  private stopped = false;
  private inInterleave = false;
  /** Every call that failed, for the sweep's report. */
  readonly fired: { at: number; call: string; message: string }[] = [];
  /** The id a "failed while accessing document" message names (the bound spreadsheet's by default). */
  documentId = '';

  /** Counts service calls from now; with a plan, the plan's call fails. */
  arm(plan: FaultPlan | null = null): void {
    this.plan = plan;
    this.count = 0;
    this.matched = 0;
    this.stopped = false;
  }

  disarm(): void {
    this.plan = null;
    this.stopped = false;
  }

  /** Service calls counted since arm(). */
  counted(): number {
    return this.count;
  }

  /** True when a 'time' plan has stopped the execution. */
  get timedOut(): boolean {
    return this.stopped;
  }

  /** Called by expose() for every call, after the call is recorded and before it runs. */
  onCall(record: CallRecord): void {
    if (record.kind === 'local' || this.inInterleave) return;
    this.count += 1;
    if (this.stopped) throw new Error(EXCEEDED_TIME);
    const plan = this.plan;
    if (!plan) return;
    if (plan.call !== undefined) {
      if (record.name !== plan.call) return;
      this.matched += 1;
      if (this.matched !== plan.at) return;
    } else if (this.count !== plan.at) return;
    if (plan.kind === 'interleave') {
      this.inInterleave = true;
      try {
        plan.run?.();
      } finally {
        this.inInterleave = false;
      }
      return;
    }
    const message = plan.kind === 'time' ? EXCEEDED_TIME : googleError(plan.kind, record, this.documentId);
    if (plan.kind === 'time') this.stopped = true;
    this.fired.push({ at: this.count, call: record.name, message });
    throw new Error(message);
  }
}

const injectors = new WeakMap<CallLog, FaultInjector>();

/** The fault injector of a call log (one per emulator). */
export function faultsOf(calls: CallLog): FaultInjector {
  let f = injectors.get(calls);
  if (!f) {
    f = new FaultInjector();
    injectors.set(calls, f);
  }
  return f;
}
