// One Apps Script execution at a time: its time limit on the simulated clock, and the web-app context it may run in.
//
// Google's quotas page: script runtime 6 min per execution; simple triggers 30 s. Time spent = the simulated clock's
// move since the execution began (waits, Utilities.sleep, lock timeouts) + the priced cost of its service calls.
// Past the limit Apps Script stops the script, which no try/catch can keep alive: here every later service call
// throws, and the execution's entry point throws when it returns.
import type { CallLog } from './calls';
import type { SimClock } from './clock';

export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
export const SIMPLE_TRIGGER_LIMIT_MS = 30 * 1000;
export const EXCEEDED = 'Exceeded maximum execution time';
/** Quotas page: triggers' total runtime a day, 90 min for consumer accounts (6 h for Workspace). */
export const TRIGGER_RUNTIME_PER_DAY_MS = 90 * 60 * 1000;
export const TOO_MUCH_TIME = 'Service using too much computer time for one day';

export class ExecutionTimeExceeded extends Error {
  constructor() {
    super(EXCEEDED);
  }
}

/** What the web app of a bound script sees (see README "Web app"). */
export interface WebAppContext {
  /**
   * What `SpreadsheetApp.getActiveSpreadsheet()` returns in the web app. Google's bound-scripts guide ties the
   * getActive… methods to menus, dialogs, sidebars and triggers; many published web apps use it anyway. Unverified:
   * both outcomes are modelled, 'none' (null) is the default because it is the stricter one.
   */
  activeSpreadsheet: 'bound' | 'none';
}

interface Running {
  startClock: number;
  scanned: number;
  spentMs: number;
  limitMs: number;
  exceeded: boolean;
}

export class ExecutionTracker {
  private running: Running | null = null;
  private depth = 0;
  /** Set while an entry point runs as a web app (doGet, or google.script.run from its page). */
  webApp: WebAppContext | null = null;
  /** Simulated milliseconds the last finished execution used (the triggers' daily runtime quota adds them up). */
  lastElapsedMs = 0;

  constructor(
    private readonly clock: SimClock,
    private readonly calls: CallLog,
  ) {}

  /** Runs `fn` as one execution (nested calls join the running one). */
  run<T>(limitMs: number, fn: () => T): T {
    if (this.depth > 0) {
      this.depth += 1;
      try {
        return fn();
      } finally {
        this.depth -= 1;
      }
    }
    this.running = {
      startClock: this.clock.now(),
      scanned: this.calls.all().length,
      spentMs: 0,
      limitMs,
      exceeded: false,
    };
    this.depth = 1;
    try {
      const result = fn();
      this.check();
      return result;
    } catch (error) {
      if (this.running.exceeded) throw new ExecutionTimeExceeded();
      throw error;
    } finally {
      this.lastElapsedMs = this.elapsedMs();
      this.depth = 0;
      this.running = null;
    }
  }

  /** Simulated milliseconds the running execution has used so far (0 outside an execution). */
  elapsedMs(): number {
    const r = this.running;
    if (!r) return 0;
    const records = this.calls.all();
    for (; r.scanned < records.length; r.scanned++) r.spentMs += this.calls.costOf(records[r.scanned]);
    return this.clock.now() - r.startClock + r.spentMs;
  }

  /** Called before every service call: past the limit, the execution is over. */
  check(): void {
    const r = this.running;
    if (!r) return;
    if (r.exceeded || this.elapsedMs() > r.limitMs) {
      r.exceeded = true;
      throw new ExecutionTimeExceeded();
    }
  }
}
