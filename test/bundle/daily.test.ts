// The daily run through the built bundle: the right complaints in each digest, holidays, idempotence, quota, time limit.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint';
import { instantAt } from '../../src/domain/time';
import type { SentMail } from '../emulator/mail';
import { openOffice, PEOPLE, type Office } from './office';
import { makeComplaint, randomRegister, seedRegister, settle } from './registerSeed';

const KOP = 'Bidang Koperasi';
const UKM = 'Bidang Usaha Kecil dan Menengah';
const NIK = '5102011203850001';
const HIDDEN_NAME = 'Ni Komang Anonim';

/** Wednesday 23 Dec 2026: 24 and 25 Dec are holidays, then a weekend, so the next working day is Mon 28 Dec. */
function scenario() {
  const open = { status: 'Ditindaklanjuti' as const };
  const c = {
    k1: makeComplaint({ ...open, unit: KOP, deadline: '2026-12-18' }), // overdue, 3 working days
    k2: makeComplaint({ ...open, unit: KOP, deadline: '2026-12-23' }), // due today
    k3: makeComplaint({ ...open, unit: KOP, deadline: '2026-12-28' }), // due next working day (holiday + weekend)
    k4: makeComplaint({ ...open, unit: KOP, deadline: '2026-12-29' }), // on track
    k5: settle(makeComplaint({ unit: KOP, deadline: '2026-12-18' }), instantAt('2026-12-17', 10)), // settled
    u1: makeComplaint({ ...open, unit: UKM, deadline: '2026-12-22', privacy: 'anonim', name: HIDDEN_NAME }), // overdue
    u2: makeComplaint({ ...open, unit: UKM, deadline: '2027-01-04', deadlineKind: 'khusus' }), // special case ending
    u3: makeComplaint({ ...open, unit: UKM, deadline: '2027-01-20', deadlineKind: 'khusus' }), // special, far
    n1: makeComplaint({ status: 'Diterima', unit: '', deadline: '2026-12-21' }), // overdue, no unit yet
    f1: settle(makeComplaint({ unit: UKM, deadline: '2026-12-10' }), instantAt('2026-12-15', 10), 'Dialihkan'),
  };
  return c;
}

const REG = /DUMAS-2026-\d{4}/g;
const numbersIn = (m: SentMail): string[] => [...new Set(m.body.match(REG) ?? [])].sort();
const numbersOf = (...cs: Complaint[]): string[] => cs.map((x) => x.regNumber).sort();

function state(office: Office): {
  day: string;
  sent: string[];
  deferred: { key: string; reason: string; since: string }[];
} {
  return JSON.parse(office.emu.properties.scriptStore.get('dumas.daily') ?? '{}') as ReturnType<typeof state>;
}

describe('daily run through the built bundle', () => {
  let office: Office;
  let c: ReturnType<typeof scenario>;
  beforeEach(() => {
    office = openOffice({ now: '2026-12-22T18:00:00+08:00' });
    c = scenario();
    seedRegister(office.emu, Object.values(c));
    office.emu.mail.clear();
  });

  const fire = (at: string) => office.emu.fireTimeTriggers(at);
  const outbox = () => office.emu.mail.outbox;

  it("lists exactly the right complaints in the leader's and each unit's digest", () => {
    fire('2026-12-23T08:00:00+08:00');
    expect(office.emu.triggers.failures).toEqual([]);
    expect(outbox().map((m) => m.to)).toEqual([PEOPLE.ketua, PEOPLE.koperasi, PEOPLE.ukm]);
    const [leader, kop, ukm] = outbox();
    expect(numbersIn(leader)).toEqual(numbersOf(c.k1, c.k2, c.k3, c.u1, c.u2, c.n1));
    expect(numbersIn(kop)).toEqual(numbersOf(c.k1, c.k2, c.k3));
    expect(numbersIn(ukm)).toEqual(numbersOf(c.u1, c.u2));
    expect(leader.subject).toBe(
      '[Dumas] Pengingat batas waktu Rabu, 23 Desember 2026 — 3 terlambat, 1 jatuh tempo hari ini, 1 jatuh tempo Senin, 28 Desember 2026, 1 kasus khusus segera berakhir',
    );
    // Each complaint sits under its category, with its days late, subject, status and a link to its row.
    const line = (m: SentMail, x: Complaint) => m.body.split('\n').find((l) => l.includes(x.regNumber)) ?? '';
    expect(line(kop, c.k1)).toContain('terlambat 3 hari kerja');
    expect(line(kop, c.k1)).toContain(c.k1.subject);
    expect(line(kop, c.k1)).toContain('Status: Ditindaklanjuti');
    expect(line(kop, c.k1)).toContain('Jumat, 18 Desember 2026');
    expect(line(kop, c.k3)).toContain('jatuh tempo hari kerja berikutnya');
    expect(line(ukm, c.u2)).toContain('sisa 5 hari kerja');
    expect(kop.body).toContain('Jatuh tempo hari kerja berikutnya (Senin, 28 Desember 2026):');
    expect(leader.body).toContain('== (Belum didisposisikan ke unit) ==');
    expect(leader.htmlBody).toMatch(
      /<a href="https:\/\/docs\.google\.com\/spreadsheets\/d\/[^"]+#gid=\d+&amp;range=A\d+">DUMAS-2026-\d{4}<\/a>/,
    );
    // Privacy: no NIK anywhere; the anonymous complainant's name only for the Ketua Tim (complaints team).
    for (const m of outbox()) {
      expect(m.body).not.toContain(NIK);
      expect(m.htmlBody ?? '').not.toContain(NIK);
      expect(m.htmlBody).toContain('<table');
    }
    expect(line(leader, c.u1)).toContain(HIDDEN_NAME);
    expect(ukm.body).not.toContain(HIDDEN_NAME);
    expect(line(ukm, c.u1)).toContain('Pengadu: (dirahasiakan)');
    const audit = office.sheetValues('Log Audit').filter((r) => r[3] === 'Ringkasan harian');
    expect(audit).toHaveLength(1);
  });

  it('a holiday or weekend morning sends nothing, and the next working day sends again', () => {
    fire('2026-12-23T08:00:00+08:00');
    const sent = outbox().length;
    const before = state(office);
    fire('2026-12-27T23:00:00+08:00'); // 24 (cuti bersama), 25 (Natal), 26–27 (weekend)
    expect(office.emu.triggers.fired.length).toBeGreaterThanOrEqual(5);
    expect(outbox()).toHaveLength(sent);
    expect(state(office)).toEqual(before);
    fire('2026-12-28T08:00:00+08:00');
    expect(
      outbox()
        .slice(sent)
        .map((m) => m.to),
    ).toEqual([PEOPLE.ketua, PEOPLE.koperasi, PEOPLE.ukm]);
  });

  it('a holiday morning sends nothing even on the very first run', () => {
    office.emu.clock.set('2026-12-24T07:00:00+08:00');
    const measured = office.emu.calls.measure(() => office.trigger('runDaily'));
    expect(outbox()).toEqual([]);
    expect(measured.counts['Range.getValues']).toBeLessThanOrEqual(4); // settings, team, units, holidays: not the register
    expect(office.emu.properties.scriptStore.has('dumas.daily')).toBe(false);
  });

  it('a second run the same day sends nothing new', () => {
    fire('2026-12-23T08:00:00+08:00');
    expect(outbox()).toHaveLength(3);
    office.emu.clock.set('2026-12-23T10:00:00+08:00');
    office.trigger('runDaily');
    expect(outbox()).toHaveLength(3);
    expect(state(office).sent).toEqual(['leader', `unit:${KOP}`, `unit:${UKM}`]);
  });

  it("with a quota of 1 sends the leader's digest, defers the rest and delivers it the next working day", () => {
    office.emu.mail.setQuota(1);
    fire('2026-12-23T08:00:00+08:00');
    expect(outbox().map((m) => m.to)).toEqual([PEOPLE.ketua]);
    expect(state(office).deferred).toEqual([
      { key: `unit:${KOP}`, reason: 'quota', since: '2026-12-23' },
      { key: `unit:${UKM}`, reason: 'quota', since: '2026-12-23' },
    ]);
    office.emu.clock.set('2026-12-23T11:00:00+08:00');
    office.trigger('runDaily'); // same day, quota still used up: still deferred, nothing sent twice
    expect(outbox()).toHaveLength(1);
    office.emu.mail.setQuota(100);
    fire('2026-12-28T08:00:00+08:00');
    const next = outbox().slice(1);
    expect(next.map((m) => m.to)).toEqual([PEOPLE.ketua, PEOPLE.koperasi, PEOPLE.ukm]);
    expect(next[1].body).toContain('menyusul ringkasan tanggal 23 Desember 2026 yang tertunda');
    expect(numbersIn(next[1])).toEqual(numbersOf(c.k1, c.k2, c.k3, c.k4)); // 28 Dec: k3 due today, k4 due next
    expect(state(office).deferred).toEqual([]);
  });

  it('stops cleanly when the run nears the Apps Script time limit, and finishes on the next run', () => {
    // Every message takes 140 s of (simulated) wall time: after two (280 s), the 270 s budget is spent, still under
    // Apps Script's 6-minute limit (a run going past it would be stopped by the emulator, as by Google).
    const sandbox = office.bundle.context as Record<string, unknown>;
    const real = sandbox.MailApp as GoogleAppsScript.Mail.MailApp;
    sandbox.MailApp = {
      getRemainingDailyQuota: () => real.getRemainingDailyQuota(),
      sendEmail: (m: GoogleAppsScript.Mail.MailAdvancedParameters) => {
        real.sendEmail(m);
        office.emu.clock.advance(140_000);
      },
    };
    fire('2026-12-23T08:00:00+08:00');
    expect(office.emu.triggers.failures).toEqual([]);
    expect(outbox().map((m) => m.to)).toEqual([PEOPLE.ketua, PEOPLE.koperasi]);
    expect(state(office).deferred).toEqual([{ key: `unit:${UKM}`, reason: 'time', since: '2026-12-23' }]);
    office.trigger('runDaily');
    expect(outbox().map((m) => m.to)).toEqual([PEOPLE.ketua, PEOPLE.koperasi, PEOPLE.ukm]);
  });

  it('sends nothing when nothing is due, unless the all-clear setting asks for it', () => {
    office = openOffice({ now: '2026-12-22T18:00:00+08:00' });
    seedRegister(office.emu, [makeComplaint({ status: 'Ditindaklanjuti', unit: KOP, deadline: '2027-01-20' })]);
    office.emu.mail.clear();
    fire('2026-12-23T08:00:00+08:00');
    expect(outbox()).toEqual([]);
    const settings = office.emu.spreadsheet.getSheetByName('Pengaturan');
    const rows = settings?.getDataRange().getValues() ?? [];
    const row = rows.findIndex((r) => r[0] === 'kirim_email_aman') + 1;
    settings?.getRange(row, 2).setValue('Ya');
    fire('2026-12-28T08:00:00+08:00');
    expect(outbox().map((m) => m.subject)).toEqual([
      '[Dumas] Tidak ada pengaduan mendesak — Senin, 28 Desember 2026',
      `[Dumas] ${KOP}: Tidak ada pengaduan mendesak — Senin, 28 Desember 2026`,
      `[Dumas] ${UKM}: Tidak ada pengaduan mendesak — Senin, 28 Desember 2026`,
    ]);
  });
});

describe('the monthly recap made by the daily run', () => {
  it('on the first working day of the month: Laporan sheet, Doc and PDF in the letters folder, notice to the Kepala Dinas; once', () => {
    const office = openOffice({ now: '2026-11-30T18:00:00+08:00' });
    seedRegister(office.emu, randomRegister(120, '2026-11-30'));
    office.emu.mail.clear();
    office.emu.fireTimeTriggers('2026-12-01T08:00:00+08:00');
    expect(office.emu.triggers.failures).toEqual([]);
    const recaps = () => office.emu.docs.documents().filter((d) => !d.trashed && d.name.startsWith('Rekap'));
    const docs = recaps();
    expect(docs.map((d) => d.name)).toEqual(['Rekap Pengaduan Masyarakat — November 2026']);
    expect(docs[0].text.body).toContain('Peraturan Presiden Nomor 76 Tahun 2013');
    expect(docs[0].text.body).not.toContain('5102011203850001');
    const folderId = String(office.sheetValues('Pengaturan').find((r) => r[0] === 'id_folder_surat')?.[1]);
    const inFolder = office.emu.drive
      .files()
      .filter((f) => f.parents.includes(folderId) && !f.trashed && f.name.startsWith('Rekap'));
    expect(inFolder.map((f) => f.mimeType).sort()).toEqual(['application/pdf', 'application/vnd.google-apps.document']);
    expect(office.emu.spreadsheet.getSheetByName('Laporan')).not.toBeNull();
    const notice = office.emu.mail.outbox.find((m) => m.subject === '[Dumas] Rekap pengaduan bulan November 2026');
    expect(notice?.to.split(',').sort()).toEqual([PEOPLE.kadis, PEOPLE.ketua].sort());
    office.trigger('runDaily');
    office.emu.fireTimeTriggers('2026-12-02T08:00:00+08:00');
    expect(recaps()).toHaveLength(1);
    expect(office.emu.mail.outbox.filter((m) => m.subject.startsWith('[Dumas] Rekap'))).toHaveLength(1);
  });
});
