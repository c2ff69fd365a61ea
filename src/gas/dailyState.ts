// What the daily run has sent and deferred, kept in Script Properties (small JSON: read once, written before each
// digest is sent and at the end), and the claim that keeps two daily runs from running at once.
import { emptyDailyState, parseDailyState, type DailyState, type DailyStatePort } from '../app/daily';

/** One key; the value stays far below the 9 KB limit (a few dozen short keys). */
export const DAILY_STATE_KEY = 'dumas.daily';

/** The running daily run's claim: a second run leaves at once; a crashed run's claim expires. */
export const DAILY_RUN_KEY = 'dumas.daily.run';
/** Longer than Apps Script's 6-minute execution limit: a claim older than this belongs to a run that is gone. */
export const RUN_CLAIM_MS = 10 * 60 * 1000;

export class ScriptPropertiesDailyState implements DailyStatePort {
  private readonly store = PropertiesService.getScriptProperties();

  /**
   * Takes the run's claim under the user lock; false when another run holds it. Only the daily trigger runs this,
   * always as its owner, so the user lock keeps two daily runs apart without waiting for the script lock that form
   * submissions and staff hold (a busy script lock must not cost the day's digests).
   */
  claimRun(nowMs: number): boolean {
    const lock = LockService.getUserLock();
    if (!lock.tryLock(30_000)) return false;
    try {
      const until = Number(this.store.getProperty(DAILY_RUN_KEY) ?? '0');
      if (Number.isFinite(until) && until > nowMs) return false;
      this.store.setProperty(DAILY_RUN_KEY, String(nowMs + RUN_CLAIM_MS));
      return true;
    } finally {
      lock.releaseLock();
    }
  }

  releaseRun(): void {
    this.store.deleteProperty(DAILY_RUN_KEY);
  }

  load(): DailyState {
    const raw = this.store.getProperty(DAILY_STATE_KEY);
    return raw ? parseDailyState(raw) : emptyDailyState();
  }

  save(state: DailyState): void {
    this.store.setProperty(DAILY_STATE_KEY, JSON.stringify(state));
  }
}
