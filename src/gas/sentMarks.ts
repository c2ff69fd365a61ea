// Marks of messages being sent or sent, in Script Properties (one small key each, removed once the step is complete).
import type { SentMark, SentMarksPort } from '../ports';

export const SENT_PREFIX = 'dumas.sent.';
const SENDING = 'sending:';

export class ScriptPropertiesSentMarks implements SentMarksPort {
  private readonly store = PropertiesService.getScriptProperties();

  get(key: string): SentMark | null {
    const raw = this.store.getProperty(SENT_PREFIX + key);
    if (raw === null) return null;
    // 'sending:<who>|<time>'; anything else (a time alone, as marks were first written) means sent.
    return raw.startsWith(SENDING)
      ? { state: 'sending', by: raw.slice(SENDING.length).split('|')[0] }
      : { state: 'sent' };
  }

  mark(key: string, mark: SentMark): void {
    const value = mark.state === 'sending' ? `${SENDING}${mark.by}|${Date.now()}` : String(Date.now());
    this.store.setProperty(SENT_PREFIX + key, value);
  }

  clear(key: string): void {
    this.store.deleteProperty(SENT_PREFIX + key);
  }
}
