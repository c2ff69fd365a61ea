// The letter sidebar reads whole only the rows mayHaveLetterStep keeps (from status, channel and unit): it must keep
// every row letterActions gives a step on, for every role, unit, status, channel, signing and letter state.
import { describe, expect, it } from 'vitest';
import { letterActions, mayHaveLetterStep } from '../../src/app/letters';
import type { TeamMember } from '../../src/app/team';
import { CHANNELS, STATUSES } from '../../src/domain/complaint';
import { ROLES } from '../../src/domain/roles';
import type { LetterRecord, LetterState } from '../../src/domain/signature';
import { NOW, UNIT, actors, cal, complaintIn } from '../domain/fixtures';

const member = (role: (typeof ROLES)[number], unit?: string): TeamMember => ({
  ...actors[role],
  unit,
  name: 'X',
  nip: '',
  rank: '',
  title: '',
  active: true,
});

const record = (state: LetterState | null) => ({
  find: (letterNumber: string): LetterRecord | null =>
    state === null ? null : ({ letterNumber, state, form: 'scan' } as LetterRecord),
});

describe('mayHaveLetterStep', () => {
  const people = ROLES.flatMap((role) => [member(role), member(role, UNIT), member(role, 'Bidang Koperasi')]);

  it('keeps every complaint letterActions gives a step on', () => {
    let withStep = 0;
    for (const actor of people)
      for (const status of STATUSES)
        for (const channel of CHANNELS)
          for (const unit of [UNIT, 'Bidang Koperasi', ''])
            for (const signed of [false, true])
              for (const answer of ['', 'Jawaban.'])
                for (const state of [null, 'incomplete', 'approved', 'sent'] as const) {
                  const c = { ...complaintIn(status, channel, signed), unit, answer };
                  const actions = letterActions(c, actor, { now: NOW, calendar: cal, letters: record(state) });
                  if (actions.length === 0) continue;
                  withStep++;
                  expect(mayHaveLetterStep(c, actor), `${actor.role}/${actor.unit} ${status} ${channel} ${unit}`).toBe(
                    true,
                  );
                }
    expect(withStep).toBeGreaterThan(100);
  });

  it("leaves out another unit's letters for a unit's member, and letters in no letter status", () => {
    const anggota = member('ANGGOTA', UNIT);
    const other = { ...complaintIn('Ditindaklanjuti'), unit: 'Bidang Koperasi' };
    expect(mayHaveLetterStep(other, anggota)).toBe(false);
    expect(mayHaveLetterStep({ ...other, unit: UNIT }, anggota)).toBe(true);
    expect(mayHaveLetterStep({ ...complaintIn('Menunggu Tanda Tangan'), unit: 'Bidang Koperasi' }, anggota)).toBe(
      false,
    );
    expect(mayHaveLetterStep({ ...complaintIn('Menunggu Tanda Tangan'), unit: UNIT }, anggota)).toBe(true);
    expect(mayHaveLetterStep(complaintIn('Menunggu Tanda Tangan'), member('KEPALA_DINAS'))).toBe(true);
    expect(mayHaveLetterStep(complaintIn('Diterima'), member('KEPALA_DINAS'))).toBe(false);
    // A closed walk-in of the unit keeps its berita acara, however old.
    expect(mayHaveLetterStep({ ...complaintIn('Selesai', 'Tatap Muka'), unit: UNIT }, anggota)).toBe(true);
  });
});
