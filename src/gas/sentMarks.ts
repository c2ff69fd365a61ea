// Marks of messages already sent, in Script Properties (one small key each, removed once the step is complete).
import type { SentMarksPort } from '../ports';

export const SENT_PREFIX = 'dumas.sent.';

export class ScriptPropertiesSentMarks implements SentMarksPort {
  private readonly store = PropertiesService.getScriptProperties();

  has(key: string): boolean {
    return this.store.getProperty(SENT_PREFIX + key) !== null;
  }

  mark(key: string): void {
    this.store.setProperty(SENT_PREFIX + key, String(Date.now()));
  }

  clear(key: string): void {
    this.store.deleteProperty(SENT_PREFIX + key);
  }
}
