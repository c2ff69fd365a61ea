// The new steps' effects: a LAPOR! report's deadline at intake, posting the answer back (who, when; once; reopened
// clears it), a duplicate closing by reference, a related link, the category checked against the sheet, the special
// case of a LAPOR! report counted from forwarding.
import { describe, expect, it } from 'vitest';
import { newComplaint, type Complaint } from '../../src/domain/complaint';
import { parseCategories } from '../../src/domain/category';
import { instantAt } from '../../src/domain/time';
import { applyAction } from '../../src/domain/workflow';
import { actors, cal, complaintIn, ctx, NOW } from './fixtures';

function laporReport(): Complaint {
  return newComplaint(
    {
      channel: 'SP4N-LAPOR!',
      receivedAt: instantAt('2026-12-01', 10),
      subject: 'Bantuan modal koperasi',
      description: 'Diteruskan oleh LAPOR!',
      laporId: '1916449',
      laporForwardedOn: '2026-11-27',
      registeredBy: actors.CS.email,
    },
    { now: instantAt('2026-12-01', 10), calendar: cal, regNumber: 'DUMAS-2026-0010', accessCode: 'ABC234' },
  ).complaint;
}

describe('a LAPOR! report', () => {
  it('keeps its tracking ID and forwarding day, and LAPOR!s earlier deadline', () => {
    const c = laporReport();
    expect(c.channel).toBe('SP4N-LAPOR!');
    expect(c.laporId).toBe('1916449');
    expect(c.laporForwardedOn).toBe('2026-11-27');
    expect(c.deadline).toBe('2026-12-04');
  });

  it('the setting changes it (3 working days from forwarding)', () => {
    const c = newComplaint(
      { channel: 'lapor', receivedAt: instantAt('2026-12-01', 10), subject: 'x', laporForwardedOn: '2026-11-27' },
      {
        now: instantAt('2026-12-01', 10),
        calendar: cal,
        regNumber: 'DUMAS-2026-0011',
        accessCode: 'ABC234',
        laporWorkingDays: 3,
      },
    ).complaint;
    expect(c.deadline).toBe('2026-12-02');
  });

  it('another channel never keeps LAPOR! data', () => {
    const c = newComplaint(
      { channel: 'Surat', receivedAt: NOW, subject: 'x', laporId: '1916449', laporForwardedOn: '2026-11-01' },
      { now: NOW, calendar: cal, regNumber: 'DUMAS-2026-0012', accessCode: 'ABC234' },
    ).complaint;
    expect([c.laporId, c.laporForwardedOn, c.deadline]).toEqual(['', '', '2026-11-12']);
  });

  it('posting the answer back records who and when, settles it, and cannot be recorded twice', () => {
    const c = { ...laporReport(), status: 'Konsep Jawaban' as const, unit: 'Bidang UMKM', answer: 'Sudah dicairkan.' };
    const now = instantAt('2026-12-03', 11);
    const r = applyAction(c, 'postToLapor', actors.CS, {}, { now, calendar: cal });
    if (!r.ok) throw new Error(r.error);
    expect(r.complaint.status).toBe('Selesai');
    expect(r.complaint.laporPostedBy).toBe(actors.CS.email);
    expect(r.complaint.laporPostedAt).toBe(now);
    expect(r.complaint.onTime).toBe(true);
    expect(r.complaint.followUpNotes).toContain('Jawaban disampaikan ke SP4N-LAPOR! (laporan #1916449)');
    const again = applyAction({ ...r.complaint, status: 'Konsep Jawaban' }, 'postToLapor', actors.CS, {}, ctx);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatch(/^Jawaban sudah dicatat disampaikan ke LAPOR! pada 3 Desember 2026/);
    const reopened = applyAction(r.complaint, 'reopen', actors.KETUA, { note: 'Belum cair' }, { now, calendar: cal });
    if (!reopened.ok) throw new Error(reopened.error);
    expect([reopened.complaint.laporPostedBy, reopened.complaint.laporPostedAt]).toEqual(['', null]);
  });

  it('without the units answer there is nothing to post', () => {
    const c = { ...laporReport(), status: 'Konsep Jawaban' as const };
    const r = applyAction(c, 'postToLapor', actors.SEKRETARIS, {}, ctx);
    expect(r.ok ? '' : r.error).toBe('Belum ada jawaban unit untuk disampaikan ke LAPOR!.');
  });

  it('the special case counts one month from forwarding', () => {
    const c = { ...laporReport(), status: 'Didisposisikan' as const, unit: 'Bidang UMKM' };
    const now = instantAt('2026-12-02', 9);
    const r = applyAction(
      c,
      'extend',
      actors.KETUA,
      { extOfficial: 'Kabid', extReason: 'Dinas luar', extFrom: '2026-12-02', extUntil: '2026-12-10' },
      { now, calendar: cal },
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.complaint.deadline).toBe('2026-12-23');
  });
});

describe('links and category through the workflow', () => {
  it('a duplicate closes by reference to its main complaint, keeping an answer already written', () => {
    const c = complaintIn('Diagendakan');
    const r = applyAction(c, 'markDuplicate', actors.SEKRETARIS, { duplicateOf: ' dumas-2026-0003 ' }, ctx);
    if (!r.ok) throw new Error(r.error);
    expect(r.complaint.status).toBe('Selesai');
    expect(r.complaint.duplicateOf).toBe('DUMAS-2026-0003');
    expect(r.complaint.answer).toBe(
      'Pengaduan ini memuat permasalahan yang sama dengan pengaduan DUMAS-2026-0003 dan ditangani bersama pengaduan tersebut.',
    );
    expect(r.complaint.closedAt).toBe(NOW);
    const kept = applyAction(
      { ...c, answer: 'Jawaban unit' },
      'markDuplicate',
      actors.KETUA,
      { duplicateOf: 'X-1' },
      ctx,
    );
    expect(kept.ok && kept.complaint.answer).toBe('Jawaban unit');
    const self = applyAction(c, 'markDuplicate', actors.KETUA, { duplicateOf: c.regNumber }, ctx);
    expect(self.ok).toBe(false);
    const two = applyAction(c, 'markDuplicate', actors.KETUA, { duplicateOf: 'A-1, A-2' }, ctx);
    expect(two.ok).toBe(false);
  });

  it('a related link is added once and leaves the status', () => {
    const c = complaintIn('Didisposisikan');
    const r = applyAction(c, 'linkRelated', actors.SEKRETARIS, { relatedTo: 'DUMAS-2026-0004' }, ctx);
    if (!r.ok) throw new Error(r.error);
    expect([r.complaint.status, r.complaint.relatedTo]).toEqual(['Didisposisikan', 'DUMAS-2026-0004']);
    const r2 = applyAction(r.complaint, 'linkRelated', actors.SEKRETARIS, { relatedTo: 'DUMAS-2026-0005' }, ctx);
    expect(r2.ok && r2.complaint.relatedTo).toBe('DUMAS-2026-0004, DUMAS-2026-0005');
  });

  it('the category must be one of the sheet; empty clears it; set at agenda too', () => {
    const { categories } = parseCategories([['Koperasi'], ['UMKM']], []);
    const withCats = { ...ctx, categories };
    const c = complaintIn('Diterima');
    const set = applyAction(c, 'setCategory', actors.SEKRETARIS, { category: 'umkm' }, withCats);
    expect(set.ok && set.complaint.category).toBe('UMKM');
    const bad = applyAction(c, 'setCategory', actors.SEKRETARIS, { category: 'Pariwisata' }, withCats);
    expect(bad.ok ? '' : bad.error).toMatch(/^Kategori "Pariwisata" tidak ada di sheet "Kategori"/);
    if (!set.ok) throw new Error(set.error);
    const cleared = applyAction(set.complaint, 'setCategory', actors.KETUA, { category: '' }, withCats);
    expect(cleared.ok && cleared.complaint.category).toBe('');
    const agenda = applyAction(
      c,
      'agenda',
      actors.SEKRETARIS,
      { agendaNumber: 'SM-2026-0001', agendaDate: '2026-11-03', category: 'Koperasi' },
      withCats,
    );
    expect(agenda.ok && agenda.complaint.category).toBe('Koperasi');
  });
});
