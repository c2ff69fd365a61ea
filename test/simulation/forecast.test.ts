// The forecast by step on the December month: the leader's digests say which complaints "akan terlambat" and which step
// holds them up; checked against what then happened in the register (closed late, or still open past the deadline).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../scripts/simulation/engine';
import { parseScenario } from '../../scripts/simulation/scenario';
import { compareDayKeys, dayKeyOf } from '../../src/domain/time';
import type { Office } from '../bundle/office';
import { PEOPLE } from '../bundle/office';
import { complaints } from '../bundle/publicHelpers';

let office: Office;
beforeAll(() => {
  const file = 'scenarios/kantor-desember-2026.json';
  const run = runScenario(parseScenario(JSON.parse(readFileSync(file, 'utf8')), file));
  expect(run.failures).toEqual([]);
  office = run.office;
});

interface Forecasted {
  day: string;
  regNumber: string;
  line: string;
}

/** The "akan terlambat" lines of every leader digest, with the day it was sent. */
function forecasts(): { list: Forecasted[]; bottlenecks: string[] } {
  const list: Forecasted[] = [];
  const bottlenecks: string[] = [];
  for (const m of office.emu.mail.outbox) {
    if (m.to !== PEOPLE.ketua || !m.subject.includes('Pengingat batas waktu')) continue;
    const section = m.body.split('== Akan terlambat (perkiraan menurut tahapan) ==')[1];
    if (!section) continue;
    const day = dayKeyOf(new Date(m.sentAt));
    for (const line of section.split('\n')) {
      const hit = /^- (DUMAS-\d{4}-\d{4}) \|/.exec(line);
      if (hit) list.push({ day, regNumber: hit[1], line });
      if (line.startsWith('Hambatan utama:')) bottlenecks.push(`${day}: ${line}`);
    }
  }
  return { list, bottlenecks };
}

describe('forecast by step on the December month', () => {
  it('forecasts at least one complaint as "akan terlambat" that then was late, and names a bottleneck', () => {
    const { list, bottlenecks } = forecasts();
    const end = dayKeyOf(new Date(office.emu.clock.now()));
    const byNumber = new Map(complaints(office).map((c) => [c.regNumber, c]));
    const judged = list.map((f) => {
      const c = byNumber.get(f.regNumber)!;
      const lateThen =
        c.status === 'Selesai' ? c.onTime === false : c.status !== 'Dialihkan' && compareDayKeys(c.deadline, end) < 0;
      return {
        ...f,
        lateThen,
        outcome: `${c.status}${c.onTime === null ? '' : c.onTime ? ' tepat waktu' : ' terlambat'}`,
      };
    });
    const first = new Map<string, (typeof judged)[number]>();
    for (const j of judged) if (!first.has(j.regNumber)) first.set(j.regNumber, j);
    const correct = [...first.values()].filter((j) => j.lateThen);
    // Decided by the end of the run: closed, or past the deadline (the others may still make it).
    const decided = [...first.values()].filter((j) => {
      const c = byNumber.get(j.regNumber)!;
      return c.closedAt !== null || compareDayKeys(c.deadline, end) < 0;
    });
    console.info(
      `forecast: ${first.size} complaints forecast late, ${decided.length} decided by the end, ${correct.length} of them late; ${bottlenecks.length} bottleneck lines\n` +
        [...first.values()].map((j) => `${j.day} ${j.regNumber} → ${j.outcome}: ${j.line}`).join('\n') +
        `\n${bottlenecks.slice(0, 5).join('\n')}`,
    );
    expect(correct.length).toBeGreaterThanOrEqual(1);
    // Most forecasts that could be judged came true (9 of 10 when this was written).
    expect(correct.length / decided.length).toBeGreaterThanOrEqual(0.7);
    // Each line names the step the complaint waits on and the days needed against the days left.
    for (const j of judged)
      expect(j.line).toMatch(/menunggu .+; perlu sekitar [\d,]+ hari kerja lagi, sisa \d+ hari kerja/);
    expect(bottlenecks.length).toBeGreaterThanOrEqual(1);
    expect(bottlenecks[0]).toMatch(/Hambatan utama: \d+ pengaduan menunggu .+ lebih dari \d+ hari kerja\./);
  });
});
