// The daily use case with in-memory ports: when the recap is due, the state's parsing, the caps on work and on lines.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BUDGET,
  MAX_DIGEST_LINES,
  parseDailyState,
  reportDue,
  runDailyWatch,
  type DailyDeps,
  type DailyState,
} from '../../src/app/daily';
import { DEFAULT_SETTINGS } from '../../src/app/settings';
import { DEFAULT_UNITS, type TeamMember } from '../../src/app/team';
import { instantAt } from '../../src/domain/time';
import type { OutgoingMail } from '../../src/ports';
import { mailNotifier } from './mailNotifier';
import { calendar as cal, makeComplaint } from '../bundle/registerSeed';

describe('reportDue', () => {
  it("is last month's recap from the month's first working day until made, never twice", () => {
    expect(reportDue('2026-12-01', '2026-11-30', '', cal)).toBe('2026-11');
    expect(reportDue('2026-12-01', '2026-11-30', '2026-11', cal)).toBeNull();
    expect(reportDue('2026-12-02', '2026-11-30', '2026-10', cal)).toBe('2026-11'); // the 1st was missed
    expect(reportDue('2026-12-02', '2026-12-01', '2026-10', cal)).toBe('2026-11'); // the 1st ran but the recap failed
    expect(reportDue('2026-12-02', '2026-12-01', '2026-11', cal)).toBeNull();
    expect(reportDue('2027-01-04', '2026-12-31', '2026-11', cal)).toBe('2026-12'); // 1 Jan is a holiday
    expect(reportDue('2026-12-10', '', '', cal)).toBeNull(); // a new installation waits for the next 1st
    expect(reportDue('2026-12-01', '', '', cal)).toBe('2026-11');
  });
});

describe('parseDailyState', () => {
  it('reads what it wrote and starts afresh on anything unreadable', () => {
    const s: DailyState = {
      day: '2026-12-23',
      sent: ['leader'],
      deferred: [{ key: 'unit:X', since: '2026-12-22', reason: 'quota' }],
      reportMonth: '2026-11',
      report: null,
    };
    expect(parseDailyState(JSON.stringify(s))).toEqual(s);
    expect(parseDailyState('{oops')).toEqual({ day: '', sent: [], deferred: [], reportMonth: '', report: null });
    expect(parseDailyState('{"sent":[1,"a"],"deferred":[{"key":2}]}')).toEqual({
      day: '',
      sent: ['a'],
      deferred: [],
      reportMonth: '',
      report: null,
    });
  });
});

function deps(over: Partial<DailyDeps>, outbox: OutgoingMail[]): DailyDeps {
  let saved: DailyState = { day: '', sent: [], deferred: [], reportMonth: '', report: null };
  const team: TeamMember[] = [
    { email: 'ketua@x.go.id', role: 'KETUA', name: 'Ketua', nip: '', rank: '', title: '', active: true },
    {
      email: 'a@x.go.id',
      role: 'ANGGOTA',
      unit: 'Bidang Koperasi',
      name: 'A',
      nip: '',
      rank: '',
      title: '',
      active: true,
    },
  ];
  const units = DEFAULT_UNITS.map((u) => (u.name === 'Sekretariat' ? { ...u, email: 'sekretariat@x.go.id' } : u));
  const dir = { team: over.team ?? team, units: over.units ?? units };
  return {
    now: instantAt('2026-12-23', 7),
    elapsedMs: () => 0,
    calendar: cal,
    settings: DEFAULT_SETTINGS,
    team,
    units,
    loadRegister: () => [],
    reconcile: () => 0,
    makeReport: () => {
      throw new Error('not due');
    },
    notifier: mailNotifier(dir, { remainingQuota: () => 100, send: (m) => (outbox.push(m), true) }),
    state: { load: () => saved, save: (s) => void (saved = s) },
    audit: { append: () => undefined },
    rowLink: (row) => `https://sheet#A${row}`,
    registerUrl: 'https://sheet',
    ...over,
  };
}

describe('runDailyWatch', () => {
  it('an installation mid-month owes no recap: none is made on its second day either', () => {
    const outbox: OutgoingMail[] = [];
    let made = 0;
    const d = deps(
      {
        makeReport: () => (
          made++,
          { monthKey: '2026-11', month: 'November 2026', docUrl: '', pdfUrl: '', sheetUrl: '' }
        ),
      },
      outbox,
    );
    runDailyWatch(d);
    runDailyWatch({ ...d, now: instantAt('2026-12-28', 7) });
    expect(made).toBe(0);
    runDailyWatch({ ...d, now: instantAt('2027-01-04', 7) });
    expect(made).toBe(1);
  });

  const late = (n: number, unit: string) =>
    Array.from({ length: n }, (_, i) => ({
      row: i + 2,
      responseId: '',
      complaint: makeComplaint({ unit, deadline: '2026-12-18', status: 'Ditindaklanjuti' as const }),
    }));

  it('lists at most MAX_DIGEST_LINES complaints and says how many more there are', () => {
    const outbox: OutgoingMail[] = [];
    runDailyWatch(deps({ loadRegister: () => late(MAX_DIGEST_LINES + 7, 'Bidang Koperasi') }, outbox));
    const leader = outbox[0];
    expect(leader.subject).toContain(`${MAX_DIGEST_LINES + 7} terlambat`);
    expect(leader.body.match(/^- DUMAS/gm)).toHaveLength(MAX_DIGEST_LINES);
    expect(leader.body).toContain('Dan 7 pengaduan lain');
  });

  it("sends to a unit's shared email from the Unit sheet, and stops at the per-run message cap", () => {
    const outbox: OutgoingMail[] = [];
    const outcome = runDailyWatch(
      deps(
        {
          loadRegister: () => [...late(1, 'Bidang Koperasi'), ...late(1, 'Sekretariat')],
          budget: { ...DEFAULT_BUDGET, maxMessages: 2 },
        },
        outbox,
      ),
    );
    expect(outbox.map((m) => m.to)).toEqual(['ketua@x.go.id', 'sekretariat@x.go.id']);
    expect(outcome.deferred).toEqual([{ key: 'unit:Bidang Koperasi', reason: 'time', since: '2026-12-23' }]);
  });
});
