// Counts by channel and by category for the report and the daily digest: every channel always listed (0 too), the
// categories in the sheet's order, then categories no longer in the sheet (alphabetically), then "no category".
import type { Category } from './category';

export interface CountRow<K extends string = string> {
  key: K;
  count: number;
}

export interface ChannelCategoryCounts {
  byChannel: CountRow[];
  /** key '' = no category. */
  byCategory: CountRow[];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function countByChannelAndCategory(
  complaints: readonly { channel: string; category: string }[],
  channels: readonly string[],
  categories: readonly Category[],
): ChannelCategoryCounts {
  const byChannel = new Map<string, number>(channels.map((c) => [c, 0]));
  const byCategory = new Map<string, number>();
  for (const c of complaints) {
    byChannel.set(c.channel, (byChannel.get(c.channel) ?? 0) + 1);
    byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + 1);
  }
  const known = categories.map((c) => c.name);
  const order = [...known, ...[...byCategory.keys()].filter((k) => k !== '' && !known.includes(k)).sort(cmp), ''];
  return {
    byChannel: [...byChannel].map(([key, count]) => ({ key, count })),
    byCategory: order
      .map((key) => ({ key, count: byCategory.get(key) ?? 0 }))
      .filter((r) => r.count > 0 || r.key !== ''),
  };
}
