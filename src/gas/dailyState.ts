// What the daily run has sent and deferred, kept in Script Properties (small JSON, one read and one write a run).
import { emptyDailyState, parseDailyState, type DailyState, type DailyStatePort } from '../app/daily';

/** One key; the value stays far below the 9 KB limit (a few dozen short keys). */
export const DAILY_STATE_KEY = 'dumas.daily';

export class ScriptPropertiesDailyState implements DailyStatePort {
  private readonly store = PropertiesService.getScriptProperties();

  load(): DailyState {
    const raw = this.store.getProperty(DAILY_STATE_KEY);
    return raw ? parseDailyState(raw) : emptyDailyState();
  }

  save(state: DailyState): void {
    this.store.setProperty(DAILY_STATE_KEY, JSON.stringify(state));
  }
}
