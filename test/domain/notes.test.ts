// The follow-up log in one register cell stays under Sheets' 50,000 characters; letter numbers stay findable.
import { describe, expect, it } from 'vitest';
import { boundNotes, NOTES_CELL_MAX } from '../../src/domain/notes';

const entry = (i: number, size = 1900) =>
  `[01/12/2026 09.${String(i % 60).padStart(2, '0')}] Ketua Tim: ${'x'.repeat(size)} #${i}`;

describe('boundNotes', () => {
  it('leaves a short log alone', () => {
    const log = [entry(1, 10), entry(2, 10)].join('\n');
    expect(boundNotes(log)).toBe(log);
  });

  it('keeps the newest entries within the budget and says how many older ones are in the audit log', () => {
    let log = '';
    for (let i = 1; i <= 40; i++) log = boundNotes(log === '' ? entry(i) : `${log}\n${entry(i)}`);
    expect(log.length).toBeLessThanOrEqual(NOTES_CELL_MAX);
    expect(log.length).toBeLessThan(50_000);
    expect(log).toContain('#40');
    expect(log).not.toContain('#1\n');
    const kept = log.split('\n').length - 1;
    expect(log.split('\n')[0]).toMatch(new RegExp(`^\\[… ${40 - kept} catatan lama tidak ditampilkan`));
  });

  it('keeps every letter number an old entry named, in the first line (a reader can still find the letter)', () => {
    let log = `[01/12/2026 09.00] Ketua Tim: Jawaban sebelumnya: surat Nomor 500/12/DKUKM/2026`;
    for (let i = 1; i <= 40; i++) log = boundNotes(`${log}\n${entry(i)}`);
    expect(log).not.toContain('#1 ');
    expect(log.split('\n')[0]).toContain('surat yang disebut: Nomor 500/12/DKUKM/2026 ]');
  });
});
