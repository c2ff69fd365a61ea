// "closed" is one event of the workflow and the rating invitation its one listener (gas/context.ts): through the
// built bundle, every path that closes a complaint sends exactly one invitation, and none where the rules say none.
import { describe, expect, it } from 'vitest';
import { openOffice, PEOPLE, type Office } from './office';
import { person, setSetting, STATUS_URL, walkIn } from './publicHelpers';
import { act, LETTER, letterAt, registerRow } from './workflowOffice';

type Result = { ok: boolean; message: string };

function fresh(): Office {
  const office = openOffice();
  setSetting(office, 'url_halaman_status', STATUS_URL);
  office.emu.mail.clear();
  return office;
}

const invitations = (office: Office, to?: string) =>
  office.emu.mail.outbox.filter((m) => m.subject.startsWith('Penilaian Layanan') && (to === undefined || m.to === to));

function letterStep(office: Office, who: string, action: string, reg: string, extra: Record<string, unknown> = {}) {
  const version = Number(registerRow(office, reg)['Versi']);
  const r = office.as<Result>(who, 'runLetterAction', { action, regNumber: reg, version, ...extra });
  expect(r.ok, `${action}: ${r.message}`).toBe(true);
}

/** A letter disposed, drafted, submitted and approved with the mark: ready to deliver. */
function signedLetter(office: Office, overrides: Record<string, string | boolean> = {}): string {
  setSetting(office, 'cara_tanda_tangan', 'tanda persetujuan');
  const reg = letterAt(office, 'Didisposisikan', overrides);
  letterStep(office, PEOPLE.koperasi, 'draft', reg, { answer: 'Pendampingan dijadwalkan Kamis.' });
  letterStep(office, PEOPLE.koperasi, 'submit', reg);
  letterStep(office, PEOPLE.kadis, 'sign', reg);
  return reg;
}

/** A walk-in connected to Bidang Koperasi (answer agreed for later), recorded by CS. */
function connectedWalkIn(office: Office, email: string): string {
  const p = { ...person(7), email };
  return walkIn(office, p, false);
}

describe('the "closed" event and its one listener, the rating invitation', () => {
  it('a walk-in answered on the spot when recorded: one invitation', () => {
    const office = fresh();
    const p = person(1);
    walkIn(office, p, true);
    expect(invitations(office, p.email)).toHaveLength(1);
    expect(invitations(office)).toHaveLength(1);
  });

  it('a walk-in closed later with the answer (Tindak Lanjut): one invitation, and the sidebar says so', () => {
    const office = fresh();
    const reg = connectedWalkIn(office, 'pengadu.tatapmuka@contoh.id');
    expect(invitations(office)).toHaveLength(0);
    const r = act(office, PEOPLE.koperasi, 'tindakLanjut', reg, 'closeWithAnswer', {
      answer: 'Sudah dijelaskan di kantor.',
    });
    expect(r.ok, r.message).toBe(true);
    expect(r.message).toContain('Undangan penilaian layanan dikirim ke email pengadu.');
    expect(invitations(office, 'pengadu.tatapmuka@contoh.id')).toHaveLength(1);
    expect(invitations(office)).toHaveLength(1);
  });

  it('the reply letter delivered by email: the letter, then one invitation', () => {
    const office = fresh();
    const reg = signedLetter(office);
    office.emu.mail.clear();
    letterStep(office, PEOPLE.sekretaris, 'deliver', reg, { method: 'email' });
    const subjects = office.emu.mail.outbox.filter((m) => m.to === LETTER.email).map((m) => m.subject);
    expect(subjects).toEqual([`Surat Jawaban Pengaduan ${reg}`, `Penilaian Layanan Pengaduan ${reg}`]);
  });

  it('the reply letter handed over by post: one invitation', () => {
    const office = fresh();
    const reg = signedLetter(office);
    office.emu.mail.clear();
    letterStep(office, PEOPLE.sekretaris, 'deliver', reg, { method: 'pos', handedOverDate: '2026-11-30' });
    expect(invitations(office, LETTER.email)).toHaveLength(1);
    expect(invitations(office)).toHaveLength(1);
  });

  it('forwarded to another agency (closed, not Selesai): no invitation', () => {
    const office = fresh();
    const reg = letterAt(office, 'Didisposisikan');
    office.emu.mail.clear();
    const r = act(office, PEOPLE.ketua, 'alihkan', reg, 'forward', {
      forwardedTo: 'Dinas Perindustrian dan Perdagangan',
      forwardNote: 'Pokok aduan soal izin usaha dagang.',
    });
    expect(r.ok, r.message).toBe(true);
    expect(registerRow(office, reg)['Status']).toBe('Dialihkan');
    expect(invitations(office)).toHaveLength(0);
  });

  it('no email: no invitation on any path; anonim keeps the current rule (its own inbox is invited)', () => {
    const office = fresh();
    walkIn(office, { ...person(2), email: '' }, true);
    const reg = signedLetter(office, { email: '' });
    letterStep(office, PEOPLE.sekretaris, 'deliver', reg, { method: 'pos', handedOverDate: '2026-11-30' });
    expect(invitations(office)).toHaveLength(0);
    // Anonim hides the identity from the unit and the Kepala Dinas, not from the complainant: the rule is unchanged.
    const anonim = signedLetter(office, { privacy: 'anonim', email: 'anonim.pengadu@contoh.id' });
    letterStep(office, PEOPLE.sekretaris, 'deliver', anonim, { method: 'pos', handedOverDate: '2026-11-30' });
    expect(invitations(office, 'anonim.pengadu@contoh.id')).toHaveLength(1);
  });

  it('without a deployed status page nobody is invited (no link to send)', () => {
    const office = fresh();
    setSetting(office, 'url_halaman_status', '');
    walkIn(office, person(3), true);
    const reg = signedLetter(office);
    letterStep(office, PEOPLE.sekretaris, 'deliver', reg, { method: 'email' });
    expect(invitations(office)).toHaveLength(0);
  });
});
