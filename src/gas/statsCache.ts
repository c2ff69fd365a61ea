// The public statistics' day cache: CacheService's script cache (shared by every visitor; values up to 100 KB).
import type { StatsCachePort } from '../app/publicStats';

export class ScriptStatsCache implements StatsCachePort {
  private readonly cache = CacheService.getScriptCache();

  get(key: string): string | null {
    return this.cache.get(key);
  }

  put(key: string, value: string, seconds: number): void {
    this.cache.put(key, value, seconds);
  }
}
