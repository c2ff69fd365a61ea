// Every WhatsApp offer over the December month's complaints, for every role that reads them in Riwayat: each link
// decodes to its message, goes to the complainant's own number, carries no NIK or other identity, gives the access
// code only in the receipt, and follows the privacy levels (anonim/rahasia: only the complaints team).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type SimulationRun } from '../../scripts/simulation/engine';
import { parseScenario } from '../../scripts/simulation/scenario';
import { cellText } from '../../src/lib/cells';
import { STATUS_URL, setSetting } from '../bundle/publicHelpers';

interface Offer {
  kind: string;
  recipient: string;
  url: string;
  text: string;
}

const DOMAIN = 'diskopumkm.tabanankab.go.id';
const MEMBER_OF: Record<string, string> = {
  Sekretariat: `anggota.sekretariat@${DOMAIN}`,
  'Bidang Koperasi': `anggota.koperasi@${DOMAIN}`,
  'Bidang Usaha Kecil dan Menengah': `anggota.ukm@${DOMAIN}`,
  'Bidang Pengawasan dan Pemeriksaan Koperasi': `anggota.pengawasan@${DOMAIN}`,
};
const TEAM_ROLES = ['cs', 'sekretaris', 'ketua'].map((r) => `${r}@${DOMAIN}`);
const KADIS = `kadis@${DOMAIN}`;

describe('WhatsApp links over the December month', () => {
  let run: SimulationRun;
  let rows: Record<string, string>[];
  beforeAll(() => {
    run = runScenario(parseScenario(JSON.parse(readFileSync('scenarios/kantor-desember-2026.json', 'utf8')), 'month'));
    run.office.emu.setUser(`admin@${DOMAIN}`); // Pengaturan and Tim are the Administrators' to edit
    setSetting(run.office, 'url_halaman_status', STATUS_URL);
    // Staff phones in the optional "No. HP" column of Tim, as an administrator would type them.
    const tim = run.office.emu.spreadsheet.getSheetByName('Tim')!;
    const team = tim.getDataRange().getValues();
    team.forEach((r, i) => {
      if (i > 0 && String(r[0]).includes('@')) tim.getRange(i + 1, 9).setValue(`0813386${String(i).padStart(5, '0')}`);
    });
    const read = (): Record<string, string>[] => {
      const [header, ...data] = run.office.sheetValues('Register');
      return data.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, cellText(r[i])])));
    };
    // The month asks no complainant for information and reopens nothing: do both on its own complaints, so those
    // messages are checked too: each unit asks on its open complaints, the Ketua Tim reopens settled ones.
    const act = (who: string, sidebar: string, row: Record<string, string>, action: string, note: string) =>
      run.office.as<{ ok: boolean; message: string; whatsapp?: Offer[] }>(who, 'runWorkflowAction', {
        sidebar,
        regNumber: row['No. Registrasi'],
        version: Number(row['Versi']),
        action,
        input: { note },
      });
    for (const row of read().filter((r) => r['Status'] === 'Ditindaklanjuti' && MEMBER_OF[r['Unit']])) {
      const r = act(MEMBER_OF[row['Unit']], 'tindakLanjut', row, 'requestInfo', 'Mohon kirim fotokopi akta koperasi.');
      expect(r.message, row['No. Registrasi']).toMatch(/berhasil/);
      // Right after asking, the unit may send it only when it may see the number (biasa), quoting the question.
      const asked = (r.whatsapp ?? []).filter((o) => o.kind === 'infoRequest');
      expect(asked.length, row['No. Registrasi']).toBe(
        row['Kerahasiaan'] === 'biasa' && row['No. HP (Baku)'].startsWith('+628') ? 1 : 0,
      );
      for (const o of asked) expect(o.text).toContain('Yang diperlukan: Mohon kirim fotokopi akta koperasi.');
    }
    const settled = read().filter((r) => r['Status'] === 'Selesai');
    for (const privacy of ['biasa', 'anonim', 'rahasia']) {
      const row = settled.find((r) => r['Kerahasiaan'] === privacy);
      if (row) expect(act(`ketua@${DOMAIN}`, 'bukaKembali', row, 'reopen', 'Pengadu belum puas.').ok).toBe(true);
    }
    rows = read();
  }, 120_000);

  it('replays without a failed step, sending walk-in receipts by WhatsApp and writing notes from canned replies', () => {
    expect(run.failures).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const walkIns = rows.filter((r) => r['Kanal'] === 'Tatap Muka').length;
    const sent = run.office.sheetValues('Log Audit').filter((r) => r.includes('Dikirim via WhatsApp'));
    expect(walkIns).toBeGreaterThan(0);
    expect(sent).toHaveLength(walkIns);
    const fromTemplate = rows.filter((r) => r['Catatan Tindak Lanjut'].includes('telah memeriksa dan menindaklanjuti'));
    expect(fromTemplate.length).toBeGreaterThan(5);
    // Filled for each complaint: its own number in its own note.
    for (const r of fromTemplate) expect(r['Catatan Tindak Lanjut']).toContain(`nomor ${r['No. Registrasi']}`);
  });

  it('each offer decodes to its message and respects identity and privacy, for every role', () => {
    const kinds = new Map<string, number>();
    let hiddenChecked = 0;
    for (const row of rows) {
      const reg = row['No. Registrasi'];
      const readers = [...TEAM_ROLES, KADIS, ...(MEMBER_OF[row['Unit']] ? [MEMBER_OF[row['Unit']]] : [])];
      for (const reader of readers) {
        const r = run.office.as<{ ok: boolean; whatsapp?: Offer[] }>(reader, 'openWorkflowComplaint', 'riwayat', reg);
        expect(r.ok).toBe(true);
        for (const offer of r.whatsapp ?? []) {
          const url = new URL(offer.url);
          expect(url.origin).toBe('https://wa.me');
          const text = url.searchParams.get('text');
          expect(text).toBe(offer.text);
          expect(text).toContain(reg);
          for (const secret of [row['NIK'], row['Nama Pengadu'], row['Alamat'], row['Email'], row['Perihal']])
            if (secret.length > 3) expect(text).not.toContain(secret);
          expect(text).not.toMatch(/(?<!\d)\d{16}(?!\d)/);
          expect(text!.includes(row['Kode Akses'])).toBe(offer.kind === 'receipt');
          if (offer.kind === 'infoRequest') expect(text!.includes('akta koperasi')).toBe(false); // Riwayat resends without quoting the question
          if (offer.recipient === '') {
            expect(url.pathname).toBe(`/${row['No. HP (Baku)'].replace('+', '')}`);
            // anonim and rahasia: the number reaches only the complaints team (docs/rules.md §3).
            if (row['Kerahasiaan'] !== 'biasa') expect(TEAM_ROLES).toContain(reader);
            if (row['Kerahasiaan'] !== 'biasa') hiddenChecked += 1;
            kinds.set(offer.kind, (kinds.get(offer.kind) ?? 0) + 1);
          } else {
            expect(text).not.toContain(row['No. HP (Baku)'] || '@@');
            kinds.set(offer.kind, (kinds.get(offer.kind) ?? 0) + 1);
          }
        }
      }
    }
    // Not vacuous: the month produces offers of each kind the register's end state allows.
    for (const kind of [
      'receipt',
      'infoRequest',
      'letterSent',
      'ratingInvite',
      'reopened',
      'forwarded',
      'awaitingDisposition',
      'disposition',
      'reopenedForUnit',
    ])
      expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(0);
    expect(hiddenChecked).toBeGreaterThan(0);
  });
});
