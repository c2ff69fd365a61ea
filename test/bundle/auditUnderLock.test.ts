// Every audit row is appended under the script lock: the log is written at its last row, so an append outside the
// lock can overwrite (or be overwritten by) a row another execution writes at the same moment. Here "another
// execution" holds the lock, as the emulator lets the harness play it: a step that appends must wait for it.
import { describe, expect, it } from 'vitest';
import { TEXT } from '../../src/messages/ui';
import { openOffice, PEOPLE, type Office } from './office';
import { letterAt, recordLetter, registerRow, WALK_IN_ON_SPOT } from './workflowOffice';

type Result = { ok: boolean; message: string; url?: string };

function run(
  office: Office,
  who: string,
  action: string,
  regNumber: string,
  extra: Record<string, unknown> = {},
): Result {
  const version = Number(registerRow(office, regNumber)['Versi']);
  return office.as<Result>(who, 'runLetterAction', { action, regNumber, version, ...extra });
}

function must(r: Result, what: string): Result {
  expect(r.ok, `${what}: ${r.message}`).toBe(true);
  return r;
}

const auditRows = (office: Office, reg: string) => office.sheetValues('Log Audit').filter((r) => r[4] === reg).length;
const livePdfs = (office: Office) =>
  office.emu.drive.files().filter((f) => !f.trashed && f.mimeType === 'application/pdf');
const liveDocs = (office: Office) =>
  office.emu.drive
    .files()
    .filter(
      (f) => !f.trashed && f.mimeType === 'application/vnd.google-apps.document' && f.name.includes('Berita Acara'),
    );

describe('audit rows written outside a workflow action', () => {
  it('the signed scan waits for the lock: refused while another execution holds it, stored once it is free', () => {
    const office = openOffice();
    const reg = letterAt(office, 'Didisposisikan');
    must(run(office, PEOPLE.koperasi, 'draft', reg, { answer: 'Jawaban.' }), 'draft');
    must(run(office, PEOPLE.koperasi, 'submit', reg), 'submit');
    must(run(office, PEOPLE.kadis, 'sign', reg), 'sign');
    const generated = livePdfs(office).map((f) => f.id);
    const rows = auditRows(office, reg);
    const scan = Buffer.from('%PDF-1.4\n% pindaian\n%%EOF\n').toString('base64');

    office.emu.lock.holdBy('other');
    const busy = run(office, PEOPLE.sekretaris, 'upload', reg, { fileBase64: scan });
    expect(busy).toMatchObject({ ok: false, message: TEXT.lockBusy });
    expect(livePdfs(office).map((f) => f.id)).toEqual(generated);
    expect(auditRows(office, reg)).toBe(rows);

    office.emu.lock.release();
    must(run(office, PEOPLE.sekretaris, 'upload', reg, { fileBase64: scan }), 'upload');
    expect(auditRows(office, reg)).toBe(rows + 1);
  });

  it('the berita acara waits for the lock too, and is made once', () => {
    const office = openOffice();
    const reg = recordLetter(office, WALK_IN_ON_SPOT);
    const rows = auditRows(office, reg);

    office.emu.lock.holdBy('other');
    expect(run(office, PEOPLE.cs, 'beritaAcara', reg)).toMatchObject({ ok: false, message: TEXT.lockBusy });
    expect(liveDocs(office)).toHaveLength(0);

    office.emu.lock.release();
    const first = must(run(office, PEOPLE.cs, 'beritaAcara', reg), 'berita acara');
    const again = must(run(office, PEOPLE.cs, 'beritaAcara', reg), 'again');
    expect(again.url).toBe(first.url);
    expect(liveDocs(office)).toHaveLength(1);
    expect(auditRows(office, reg)).toBe(rows + 1);
  });
});

describe("the daily run's summary row", () => {
  const summaries = (office: Office) =>
    office.sheetValues('Log Audit').filter((r) => r[3] === 'Ringkasan harian').length;

  /** A complaint overdue by 9 Dec 2026, and the runs up to the 8th already done (the digests have something to say). */
  function officeWithOverdueComplaint(): Office {
    const office = openOffice({ now: '2026-11-30T09:00:00+08:00' });
    letterAt(office, 'Didisposisikan'); // deadline 7 Dec 2026
    office.emu.fireTimeTriggers('2026-12-08T12:00:00+08:00');
    office.emu.mail.clear();
    return office;
  }

  it('is appended under the lock', () => {
    const office = officeWithOverdueComplaint();
    const before = summaries(office);
    office.emu.fireTimeTriggers('2026-12-09T08:00:00+08:00');
    expect(office.emu.triggers.failures).toEqual([]);
    expect(office.emu.mail.outbox.length).toBeGreaterThan(0);
    expect(summaries(office)).toBe(before + 1);
  });

  it("goes to the execution log, not over another execution's row, while the lock stays busy", () => {
    const office = officeWithOverdueComplaint();
    const before = summaries(office);
    office.emu.lock.holdBy('other');
    office.emu.fireTimeTriggers('2026-12-09T08:00:00+08:00');
    expect(office.emu.triggers.failures).toEqual([]);
    expect(office.emu.mail.outbox.length).toBeGreaterThan(0); // the digests themselves need no lock
    expect(summaries(office)).toBe(before);
    expect(office.emu.logs.lines.some((l) => l.message.includes('ringkasan tidak dicatat di Log Audit'))).toBe(true);
  });
});
