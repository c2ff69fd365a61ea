// The forecast by step: step durations from audit rows, typical days per unit with the agency as fallback, and the
// "akan terlambat" rule (steps left against working days left), written from docs/rules.md §8.
import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint';
import { forecastByStep, typicalDays, walkEvents, type StepEvent } from '../../src/domain/forecast';
import { instantAt } from '../../src/domain/time';
import { ACTION_LABELS } from '../../src/messages/domain';
import { UNIT, cal, complaintIn } from './fixtures';

const at = (day: string, hour = 10) => instantAt(day, hour);
const ev = (regNumber: string, day: string, action: string): StepEvent => ({ at: at(day), action, regNumber });

/** A closed letter with every step one working day apart (Mon 9 Nov 2026 … Mon 16 Nov). */
function history(reg: string): StepEvent[] {
  return [
    ev(reg, '2026-11-09', 'Dicatat'),
    ev(reg, '2026-11-10', ACTION_LABELS.agenda),
    ev(reg, '2026-11-10', ACTION_LABELS.forwardToHead),
    ev(reg, '2026-11-11', ACTION_LABELS.dispose),
    ev(reg, '2026-11-12', ACTION_LABELS.followUp),
    ev(reg, '2026-11-12', ACTION_LABELS.draftReply),
    ev(reg, '2026-11-12', ACTION_LABELS.draftReply), // a second draft ends nothing
    ev(reg, '2026-11-13', ACTION_LABELS.submitForSignature),
    ev(reg, '2026-11-16', ACTION_LABELS.sign), // over the weekend: 1 working day
    ev(reg, '2026-11-16', ACTION_LABELS.deliver),
  ];
}

function closed(reg: string): Complaint {
  return { ...complaintIn('Selesai'), regNumber: reg, receivedAt: at('2026-11-09') };
}

describe('forecast by step', () => {
  it('measures each step in working days between the actions that end it', () => {
    const walk = walkEvents(history('A'), [closed('A')], cal);
    expect(walk.observations.map((o) => [o.step, o.days])).toEqual([
      ['agenda', 1],
      ['disposition', 1],
      ['followUp', 1],
      ['draft', 1],
      ['signature', 1],
      ['delivery', 0],
    ]);
  });

  it("uses the unit's median with 3 observations or more, else the agency's, else none (no forecast)", () => {
    const obs = [
      { step: 'signature' as const, unit: UNIT, days: 4 },
      { step: 'signature' as const, unit: UNIT, days: 4 },
      { step: 'signature' as const, unit: UNIT, days: 5 },
      { step: 'signature' as const, unit: 'Sekretariat', days: 0 },
    ];
    const t = typicalDays(obs);
    expect(t('signature', UNIT)).toBe(4);
    expect(t('signature', 'Sekretariat')).toBe(4); // one observation: the agency median of 0, 4, 4, 5
    expect(t('delivery', UNIT)).toBeNull();
  });

  it('forecasts late when the steps left need more working days than remain, and names the stuck step', () => {
    const events = ['A', 'B', 'C'].flatMap(history);
    // Waiting on the signature since Wed 11 Nov; deadline Fri 13 Nov; today Thu 12 Nov: 1 day left, needs 0 + 0.
    const onPace: Complaint = { ...complaintIn('Menunggu Tanda Tangan'), regNumber: 'D', deadline: '2026-11-13' };
    // Still waiting on the agenda since Mon 9 Nov, deadline Fri 13 Nov: needs 0 + 1+1+1+1+0 = 4, 1 day left.
    const behind: Complaint = {
      ...complaintIn('Diterima'),
      regNumber: 'E',
      receivedAt: at('2026-11-09'),
      deadline: '2026-11-13',
    };
    const stuck: Complaint = { ...behind, regNumber: 'F' };
    const all = [...['A', 'B', 'C'].map(closed), onPace, behind, stuck].map((complaint, row) => ({ row, complaint }));
    const f = forecastByStep(
      all,
      [...events, ev('D', '2026-11-11', ACTION_LABELS.submitForSignature)],
      '2026-11-12',
      cal,
    );
    expect(f.late.map((x) => [x.complaint.regNumber, x.step, x.needed, x.left])).toEqual([
      ['E', 'agenda', 4, 1],
      ['F', 'agenda', 4, 1],
    ]);
    expect(f.bottleneck).toEqual({ step: 'agenda', count: 2, threshold: 1 });
  });

  it('leaves out walk-ins, closed complaints and those already overdue (the digest lists them as late)', () => {
    const walkIn: Complaint = {
      ...complaintIn('Ditindaklanjuti', 'Tatap Muka'),
      regNumber: 'W',
      deadline: '2026-11-12',
    };
    const overdue: Complaint = { ...complaintIn('Diterima'), regNumber: 'O', deadline: '2026-11-11' };
    const f = forecastByStep(
      [walkIn, overdue, closed('A')].map((complaint, row) => ({ row, complaint })),
      [],
      '2026-11-12',
      cal,
    );
    expect(f.late).toEqual([]);
  });
});
