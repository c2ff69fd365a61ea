// The simulation as a product feature: the month replays with no failed step and shows every status, on-time and
// late closings; a scenario written from docs/scenarios.md replays; a bad file is refused with a precise message.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../src/domain/complaint';
import { runScenario, SCAN_SIGNATURE } from '../../scripts/simulation/engine';
import { pdfToText } from '../emulator/pdf';
import { writeOutputs } from '../../scripts/simulation/outputs';
import { parseScenario, ScenarioError } from '../../scripts/simulation/scenario';

function load(file: string) {
  return parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
}

describe('npm run simulate', () => {
  it('replays the December month: every status, on-time and late closings, signed letters, digests and the report', async () => {
    const run = runScenario(load('scenarios/kantor-desember-2026.json'));
    expect(run.failures).toEqual([]);
    const [header, ...rows] = run.office.sheetValues('Register');
    const col = (h: string) => (header as string[]).indexOf(h);
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(new Set(rows.map((r) => r[col('Status')]))).toEqual(new Set(STATUSES));
    const settled = rows.filter((r) => r[col('Status')] === 'Selesai');
    expect(settled.some((r) => r[col('Tepat Waktu')] === 'Ya')).toBe(true);
    expect(settled.some((r) => r[col('Tepat Waktu')] === 'Tidak')).toBe(true);
    expect(new Set(rows.map((r) => r[col('Kanal')]))).toEqual(
      new Set(['Surat', 'Tatap Muka', 'Formulir Online', 'SP4N-LAPOR!']),
    );
    expect(rows.some((r) => r[col('Jenis Tenggat')] === 'khusus')).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'dumas-sim-'));
    const written = writeOutputs(run.office, dir);
    expect(readdirSync(dir).sort()).toEqual(
      expect.arrayContaining(['audit.csv', 'emails', 'letters', 'register.csv', 'report.csv']),
    );
    expect(written.letters).toBeGreaterThan(20);
    const subjects = run.office.emu.mail.outbox.map((m) => m.subject);
    expect(subjects.some((s) => s.startsWith('Tanda Terima Pengaduan'))).toBe(true);
    expect(subjects.filter((s) => /Surat Jawaban/i.test(s)).length).toBeGreaterThan(5);
    expect(run.office.emu.mail.outbox.some((m) => m.attachments.some((a) => a.contentType === 'application/pdf'))).toBe(
      true,
    );
    const register = readFileSync(join(dir, 'register.csv'), 'utf8');
    expect(register.split('\r\n')[1]).toMatch(/^DUMAS-2026-0001,2026-11-30T\d{2}:\d{2}:\d{2}\+08:00,/);
    const audit = run.office.sheetValues('Log Audit');
    expect(audit.length).toBeGreaterThan(rows.length * 3);

    // Every delivered letter carries its signature form and its verification code (read from the PDFs); the
    // scenario's expected refusals include posting a letter before its scan was on file.
    const office = run.office;
    const [lettersHeader, ...records] = office.sheetValues('Register Surat');
    const lcol = (h: string) => (lettersHeader as string[]).indexOf(h);
    const sent = records.filter((r) => r[lcol('Keadaan')] === 'Terkirim');
    const forms = new Set(sent.map((r) => r[lcol('Bentuk Tanda Tangan')]));
    // Scans until the Kepala Dinas switched to the approval mark on 15 December; both forms went out.
    expect(forms).toEqual(new Set(['Pindaian/PDF bertanda tangan', 'Tanda persetujuan elektronik']));
    expect(sent.length).toBeGreaterThan(20);
    expect(sent).toHaveLength(
      rows.filter((r) => r[col('Cara Kirim')] !== '' && r[col('No. Surat Jawaban')] !== '').length,
    );
    const emailed = new Map(
      office.emu.mail.outbox.flatMap((m) =>
        m.attachments.filter((a) => (a.name ?? '').startsWith('Surat-Jawaban-')).map((a) => [a.name ?? '', a]),
      ),
    );
    for (const r of sent) {
      const reg = String(r[lcol('No. Registrasi')]);
      const file = office.emu.drive.files().find((f) => !f.trashed && f.name === `Surat-Jawaban-${reg}.pdf`);
      expect(file, reg).toBeDefined();
      const bytes = office.emu.drive.bytes(file!.id);
      const hash = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
      expect(r[lcol('SHA-256 PDF Terkirim')], reg).toBe(hash);
      if (r[lcol('Cara Kirim')] === 'email') {
        const attachment = emailed.get(`Surat-Jawaban-${reg}.pdf`);
        expect(Buffer.from(attachment!.bytes).equals(Buffer.from(bytes)), reg).toBe(true);
      }
      const text = (await pdfToText(bytes)).replace(/\s+/g, ' ');
      expect(text, reg).toContain(`Kode verifikasi: ${String(r[lcol('Kode Verifikasi')])}`);
      expect(text, reg).toContain(`Nomor : ${String(r[lcol('Nomor Surat')])}`);
      if (r[lcol('Bentuk Tanda Tangan')] === 'Tanda persetujuan elektronik')
        expect(text, reg).toContain(
          'Disetujui secara elektronik oleh Drs. I Wayan Sudiarta, M.Si., NIP 196912121994031005',
        );
      else expect(text, reg).toContain(SCAN_SIGNATURE);
    }
  });

  it('replays a scenario written from the docs alone', () => {
    const run = runScenario(load('scenarios/contoh-satu-surat.json'));
    expect(run.failures).toEqual([]);
    const [header, row] = run.office.sheetValues('Register');
    const cell = (h: string) => row[(header as string[]).indexOf(h)];
    expect(cell('Status')).toBe('Selesai');
    expect(cell('Tepat Waktu')).toBe('Ya');
    expect(String(cell('No. Surat Jawaban'))).toMatch(/^000\.8\.3\.3\/1\/Diskopumkm\/2026$/);
  });

  it('refuses a bad scenario naming the event and the field', () => {
    const good = JSON.parse(readFileSync('scenarios/contoh-satu-surat.json', 'utf8')) as { events: object[] };
    const swapped = { ...good, events: [good.events[1], good.events[0], ...good.events.slice(2)] };
    expect(() => parseScenario(swapped, 'x.json')).toThrow(ScenarioError);
    expect(() => parseScenario(swapped, 'x.json')).toThrow(
      'x.json, event #2, field "at": events must be in time order',
    );
    const badType = { ...good, events: [{ ...good.events[0], type: 'kirim' }] };
    expect(() => parseScenario(badType, 'x.json')).toThrow('event #1, field "type": unknown type "kirim"');
    expect(() => parseScenario({ ...good, start: 'besok' }, 'x.json')).toThrow('field "start"');
  });
});
