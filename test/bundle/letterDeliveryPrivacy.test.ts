// Delivering the reply letter by email: the complainant's address appears only to people who may see identity,
// and never in the audit log (which the retention purge does not empty and the Riwayat shows to every reader).
import { describe, expect, it } from 'vitest';
import { openOffice, PEOPLE, type Office } from './office';
import { setSetting } from './publicHelpers';
import { INPUTS, LETTER, letterAt, registerRow } from './workflowOffice';

type Result = { ok: boolean; message: string };

function run(
  office: Office,
  who: string,
  action: string,
  regNumber: string,
  extra: Record<string, unknown> = {},
): Result {
  const version = Number(registerRow(office, regNumber)['Versi']);
  const r = office.as<Result>(who, 'runLetterAction', { action, regNumber, version, ...extra });
  expect(r.ok, `${action}: ${r.message}`).toBe(true);
  return r;
}

/** A complaint disposed to Bidang Koperasi, drafted, submitted and approved with the mark: ready to deliver. */
function signedLetter(office: Office, privacy: string): string {
  // The approval mark signs it, so the letter may leave without an uploaded scan.
  setSetting(office, 'cara_tanda_tangan', 'tanda persetujuan');
  const reg = letterAt(office, 'Didisposisikan', { privacy });
  run(office, PEOPLE.koperasi, 'draft', reg, { answer: 'Pendampingan dijadwalkan Kamis.' });
  run(office, PEOPLE.koperasi, 'submit', reg);
  run(office, PEOPLE.kadis, 'sign', reg);
  return reg;
}

function auditText(office: Office, regNumber: string): string {
  return JSON.stringify(office.sheetValues('Log Audit').filter((r) => r[4] === regNumber));
}

describe('delivering a letter by email', () => {
  it("does not show an anonim complainant's address to the unit member who sends it, nor in the log or history", () => {
    const office = openOffice();
    const reg = signedLetter(office, 'anonim');
    const sent = run(office, PEOPLE.koperasi, 'deliver', reg, { method: 'email' });
    expect(office.emu.mail.outbox.some((m) => m.to.includes(LETTER.email))).toBe(true);
    expect(sent.message).not.toContain(LETTER.email);
    expect(sent.message).toContain('email pengadu');
    expect(auditText(office, reg)).not.toContain(LETTER.email);
    const history = office.as<{ ok: boolean; history: unknown[] }>(
      PEOPLE.koperasi,
      'openWorkflowComplaint',
      'riwayat',
      reg,
    );
    expect(history.ok).toBe(true);
    expect(JSON.stringify(history.history)).not.toContain(LETTER.email);
  });

  it('refuses without the address when the mail fails, for the unit member of an anonim complaint', () => {
    const office = openOffice();
    const reg = signedLetter(office, 'anonim');
    office.emu.mail.setQuota(0);
    const version = Number(registerRow(office, reg)['Versi']);
    const r = office.as<Result>(PEOPLE.koperasi, 'runLetterAction', {
      action: 'deliver',
      regNumber: reg,
      version,
      method: 'email',
    });
    expect(r.ok).toBe(false);
    expect(r.message).toContain('Email ke pengadu gagal dikirim');
    expect(r.message).not.toContain(LETTER.email);
  });

  it('tells the complaints team where it went, and still keeps the address out of the log', () => {
    const office = openOffice();
    const reg = signedLetter(office, 'biasa');
    const sent = run(office, PEOPLE.sekretaris, 'deliver', reg, { method: 'email' });
    expect(sent.message).toContain(LETTER.email);
    expect(auditText(office, reg)).not.toContain(LETTER.email);
    expect(auditText(office, reg)).toContain('Surat dikirim melalui email ke alamat pengadu');
  });
});

describe('a workflow email to the complainant that fails', () => {
  it("warns the unit member without showing an anonim complainant's address", () => {
    const office = openOffice();
    const reg = letterAt(office, 'Didisposisikan', { privacy: 'anonim' });
    office.emu.mail.setQuota(0); // the day's quota is spent: MailApp refuses
    const r = office.as<{ ok: boolean; warnings: string[] }>(PEOPLE.koperasi, 'runWorkflowAction', {
      sidebar: 'tindakLanjut',
      regNumber: reg,
      version: Number(registerRow(office, reg)['Versi']),
      action: 'requestInfo',
      input: INPUTS.requestInfo,
    });
    expect(r.ok).toBe(true);
    expect(r.warnings.join(' ')).toContain('Email ke pengadu gagal dikirim');
    expect(r.warnings.join(' ')).not.toContain(LETTER.email);
    // MailApp's refusal is logged (which message, why) without the address it was for.
    const logged = office.emu.logs.lines.filter((l) => l.message.includes('gagal terkirim'));
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(office.emu.logs.lines)).not.toContain(LETTER.email);
  });
});
