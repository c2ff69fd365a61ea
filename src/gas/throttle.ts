// Failed status lookups counted in CacheService (best effort: Google may drop entries early, which only loosens the limit).
import { THROTTLE, type FailureCounts, type ThrottlePort } from '../app/status';

/** The status page's counters; the letter verification page counts its own failures under its own prefix. */
export const STATUS_PREFIX = 'dumas:status:gagal:';
export const VERIFICATION_PREFIX = 'dumas:verifikasi:gagal:';

export class CacheThrottle implements ThrottlePort {
  private readonly cache = CacheService.getScriptCache();

  constructor(
    private readonly now: Date,
    private readonly prefix: string = STATUS_PREFIX,
  ) {}

  private keys(numberKey: string): [string, string] {
    // A fixed window for the global counter: its key changes every 10 minutes.
    const slot = Math.floor(this.now.getTime() / (THROTTLE.globalWindowSeconds * 1000));
    return [`${this.prefix}no:${numberKey}`, `${this.prefix}semua:${slot}`];
  }

  counts(numberKey: string): FailureCounts {
    const [perNumber, global] = this.keys(numberKey);
    const found = this.cache.getAll([perNumber, global]);
    return { perNumber: Number(found[perNumber] ?? 0) || 0, global: Number(found[global] ?? 0) || 0 };
  }

  recordFailure(numberKey: string, before: FailureCounts): void {
    const [perNumber, global] = this.keys(numberKey);
    // Read-then-write is not atomic: two simultaneous failures may count once. Good enough to slow guessing.
    this.cache.putAll(
      { [perNumber]: String(before.perNumber + 1), [global]: String(before.global + 1) },
      THROTTLE.perNumberSeconds,
    );
  }
}
