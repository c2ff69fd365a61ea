// The receipt journal in Script Properties: one key per owed receipt (so concurrent executions never overwrite each
// other's), and one key counting today's receipts per address (written under the script lock only).
import type { OwedReceipt, ReceiptJournalPort } from '../ports';

export const RECEIPT_PREFIX = 'dumas.receipt.';
export const RECEIPT_DAY_KEY = 'dumas.receipts.day';

interface DayCount {
  day: string;
  n: Record<string, number>;
}

function parse<T>(raw: string | null, fallback: T): T {
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

export class ScriptPropertiesReceiptJournal implements ReceiptJournalPort {
  private readonly store = PropertiesService.getScriptProperties();

  /**
   * `wake`: the receipt is left owed for the queued work's run (a person waits on this call: gas/queuedWork.ts); it
   * returns the trigger's flag to write with the entry (one write), after making the trigger unless one waits.
   */
  constructor(private readonly wake?: () => Record<string, string>) {}

  owe(receipt: OwedReceipt, addressKey: string, today: string, perAddress: number): OwedReceipt['state'] {
    const loaded = parse<DayCount>(this.store.getProperty(RECEIPT_DAY_KEY), { day: '', n: {} });
    const count: DayCount = loaded.day === today ? loaded : { day: today, n: {} };
    const seen = count.n[addressKey] ?? 0;
    const state = seen >= perAddress ? 'held' : receipt.state;
    count.n[addressKey] = seen + 1;
    this.store.setProperties({
      ...(state === 'owed' && this.wake ? this.wake() : {}),
      [RECEIPT_DAY_KEY]: JSON.stringify(count),
      [RECEIPT_PREFIX + receipt.regNumber]: JSON.stringify({ ...receipt, state }),
    });
    return state;
  }

  claim(receipt: OwedReceipt): void {
    this.store.setProperty(RECEIPT_PREFIX + receipt.regNumber, JSON.stringify({ ...receipt, state: 'sending' }));
  }

  settle(regNumber: string): void {
    this.store.deleteProperty(RECEIPT_PREFIX + regNumber);
  }

  defer(receipt: OwedReceipt, reason: string): void {
    this.store.setProperty(RECEIPT_PREFIX + receipt.regNumber, JSON.stringify({ ...receipt, state: 'owed', reason }));
  }

  all(): OwedReceipt[] {
    const props = this.store.getProperties();
    return Object.keys(props)
      .filter((k) => k.startsWith(RECEIPT_PREFIX))
      .map((k) => parse<OwedReceipt | null>(props[k], null))
      .filter((r): r is OwedReceipt => !!r && typeof r.regNumber === 'string');
  }
}
