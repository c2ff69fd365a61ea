// Attachments by signed link, end to end through the bundle: the link on every receipt, the upload page and its
// refusals, the files in the Administrator's unshared folder, the list and the content for those entitled only.
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfToText } from '../emulator/pdf';
import { openOffice, PEOPLE, type Office } from './office';
import { pageHtml, setSetting, setting } from './publicHelpers';
import { recordLetter, act } from './workflowOffice';
import { EXE_AS_JPG, HTML_AS_PDF, attachLinkFor, jpegBytes, pdfBytes, pngBytes, upload } from './attachHelpers';

interface Item {
  seq: number;
  name: string;
  type: string;
  size: string;
  at: string;
}
type Load = { ok: true; attachments: Item[] | null } | { ok: false; message: string };
type Opened = { ok: true; name: string; mime: string; dataUrl: string } | { ok: false; message: string };

const EMAIL = 'ayu.lestari@example.com';

let office: Office;
let url: string;

function load(who: string, reg: string): Load {
  return office.as<Load>(who, 'openWorkflowComplaint', 'riwayat', reg);
}

function open(who: string, reg: string, seq: number): Opened {
  return office.as<Opened>(who, 'openAttachment', reg, seq);
}

beforeAll(() => {
  // Drive access per account: the folder's files are the Administrator's and shared with no one.
  office = openOffice({ access: 'enforced' });
  office.emu.setUser(PEOPLE.admin);
  const drive = office.emu.globals.DriveApp as GoogleAppsScript.Drive.DriveApp;
  const team = [PEOPLE.cs, PEOPLE.sekretaris, PEOPLE.ketua, PEOPLE.kadis, PEOPLE.koperasi, PEOPLE.ukm];
  drive.getFileById(office.emu.spreadsheet.getId()).addEditors(team);
  url = office.emu.project.deployWebApp(PEOPLE.admin, { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' }).url;
  setSetting(office, 'url_halaman_status', url);
});

describe('the receipts carry the signed link', () => {
  it('email, WhatsApp message and printed receipt name the link and its last day; the link carries no personal data', async () => {
    const r = office.as<{
      ok: boolean;
      regNumber: string;
      receipt: { attachLine: string; whatsapp: { text: string }[] };
    }>(PEOPLE.cs, 'recordComplaint', {
      channel: 'Surat',
      name: 'Ni Made Ayu Lestari',
      nik: '5102014506900002',
      phone: '081234567890',
      email: EMAIL,
      address: 'Jl. Gunung Agung No. 7, Tabanan',
      subject: 'Pendampingan koperasi',
      description: 'Belum dijawab.',
      privacy: 'biasa',
      ktpSeen: true,
      letterPresent: true,
    });
    expect(r.ok).toBe(true);
    const link = attachLinkFor(office, EMAIL);
    expect(link.origin + link.pathname).toBe(url);
    expect(link.searchParams.get('halaman')).toBe('lampiran');
    expect(link.searchParams.get('no')).toBe(r.regNumber);
    expect([...link.searchParams.keys()].sort()).toEqual(['halaman', 'no', 't']);
    const mail = office.emu.mail.outbox.filter((m) => m.to === EMAIL).at(-1)!;
    expect(mail.body).toContain('paling banyak 5 berkas, sampai Senin, 14 Desember 2026');
    expect(r.receipt.attachLine).toContain(link.href);
    expect(r.receipt.whatsapp[0].text).toContain(link.href);
    const printed = office.as<{ ok: boolean; pdfBase64: string }>(PEOPLE.cs, 'printReceipt', r.regNumber);
    expect(printed.ok).toBe(true);
    const text = (await pdfToText(new Uint8Array(Buffer.from(printed.pdfBase64, 'base64')))).replace(/\s+/g, '');
    expect(text).toContain(link.href.replace(/\s+/g, ''));
  });
});

describe('the upload page and its one call', () => {
  let reg: string;
  let link: URL;
  beforeAll(() => {
    reg = recordLetter(office, {
      email: 'rahasia.satu@example.com',
      privacy: 'rahasia',
      subject: 'Perihal sangat rahasia',
    });
    link = attachLinkFor(office, 'rahasia.satu@example.com');
  });

  it('shows only the number and the stage of a rahasia complaint', () => {
    const html = pageHtml(office, Object.fromEntries(link.searchParams));
    expect(html).toContain(reg);
    expect(html).toContain('"state":"open"');
    for (const secret of ['Perihal sangat rahasia', 'Ni Made Ayu Lestari', '5102014506900002', '081234567890'])
      expect(html).not.toContain(secret);
  });

  it('stores a JPEG, a PNG and a PDF named by number and sequence, in a folder shared with no one', async () => {
    expect(upload(office, link, jpegBytes(2000))).toMatchObject({
      ok: true,
      count: 1,
      message: `Berkas tersimpan sebagai ${reg}-1.jpg.`,
    });
    expect(upload(office, link, pngBytes())).toMatchObject({ ok: true, count: 2 });
    expect(upload(office, link, await pdfBytes('Kuitansi simpanan'))).toMatchObject({ ok: true, count: 3 });
    const folderId = setting(office, 'id_folder_lampiran');
    const files = office.emu.drive.files().filter((f) => f.parents.includes(folderId));
    expect(files.map((f) => [f.name, f.mimeType])).toEqual([
      [`${reg}-1.jpg`, 'image/jpeg'],
      [`${reg}-2.png`, 'image/png'],
      [`${reg}-3.pdf`, 'application/pdf'],
    ]);
    const folder = office.emu.drive.files().find((f) => f.id === folderId)!;
    expect(folder.editors).toEqual([]);
    expect(folder.viewers).toEqual([]);
    expect(folder.sharing.access).toBe('PRIVATE');
    for (const who of [PEOPLE.cs, PEOPLE.ketua, PEOPLE.kadis, PEOPLE.koperasi])
      expect(office.emu.drive.accessibleTo(who).filter((f) => f.name.startsWith(reg))).toEqual([]);
    const audit = office.sheetValues('Log Audit').filter((r) => r[4] === reg && r[3] === 'Tambah Lampiran');
    expect(audit.map((r) => r[7])).toEqual([
      `${reg}-1.jpg (Foto JPEG, 2 KB)`,
      `${reg}-2.png (Gambar PNG, 1 KB)`,
      expect.stringMatching(/-3\.pdf \(PDF, \d+ KB\)$/),
    ]);
  });

  it('refuses a disguised program, an HTML page named .pdf, an oversized file, then the sixth file', () => {
    const before = office.emu.drive.files().length;
    expect(upload(office, link, EXE_AS_JPG).message).toContain('bukan foto JPEG/PNG atau dokumen PDF');
    expect(upload(office, link, HTML_AS_PDF).message).toContain('bukan foto JPEG/PNG atau dokumen PDF');
    const big = upload(office, link, jpegBytes(5 * 1024 * 1024));
    expect(big).toMatchObject({ ok: false });
    expect(big.message).toContain('paling besar 5 MB');
    expect(upload(office, link, 'bukan base64!!').ok).toBe(false);
    expect(office.emu.drive.files().length).toBe(before);
    expect(upload(office, link, jpegBytes(10)).ok).toBe(true);
    expect(upload(office, link, jpegBytes(10)).ok).toBe(true);
    const sixth = upload(office, link, jpegBytes(10));
    expect(sixth).toMatchObject({ ok: false, count: 5 });
    expect(sixth.message).toContain('sudah mempunyai 5 lampiran');
  });

  it('a forged link and an unknown number get the same page; a forged call stores nothing', () => {
    const forged = new URL(link);
    forged.searchParams.set('t', `A${link.searchParams.get('t')!.slice(1)}`);
    const unknown = new URL(link);
    unknown.searchParams.set('no', 'DUMAS-2026-9999');
    const a = pageHtml(office, Object.fromEntries(forged.searchParams));
    const b = pageHtml(office, Object.fromEntries(unknown.searchParams));
    expect(a).toContain('Tautan lampiran ini tidak berlaku');
    expect(a).toBe(b);
    expect(upload(office, forged, jpegBytes(10)).message).toContain('tidak berlaku');
    // The link of one complaint does not open another.
    const other = recordLetter(office, { email: 'lain@example.com' });
    const crossed = new URL(link);
    crossed.searchParams.set('no', other);
    expect(upload(office, crossed, jpegBytes(10)).message).toContain('tidak berlaku');
  });

  it('the day limit of the whole web app stops uploads with its own message', () => {
    const reg2 = recordLetter(office, { email: 'hari.ini@example.com' });
    const link2 = attachLinkFor(office, 'hari.ini@example.com');
    const day = new Date(office.emu.clock.now() + 8 * 3600_000).toISOString().slice(0, 10);
    office.emu.properties.scriptStore.set('dumas.lampiran-hari', JSON.stringify({ day, files: 200, bytes: 0 }));
    expect(upload(office, link2, jpegBytes(10)).message).toContain('batas berkas untuk hari ini');
    office.emu.properties.scriptStore.delete('dumas.lampiran-hari');
    expect(upload(office, link2, jpegBytes(10)).ok).toBe(true);
    expect(reg2).toMatch(/^DUMAS-/);
  });

  describe('who sees the files', () => {
    it('the team, the Kepala Dinas and the assigned unit see the list and open the content; the member has no Drive access', () => {
      for (const [who, sidebar, action, input] of [
        [PEOPLE.sekretaris, 'agenda', 'agenda', { agendaNumber: 'SM-2026-0501', agendaDate: '2026-11-30' }],
        [PEOPLE.sekretaris, 'agenda', 'forwardToHead', {}],
        [
          PEOPLE.kadis,
          'disposisi',
          'dispose',
          { unit: 'Bidang Koperasi', instruction: 'Tindak lanjuti.', priority: 'Biasa' },
        ],
      ] as const) {
        const r = act(office, who, sidebar, reg, action, input);
        expect(r.ok, r.message).toBe(true);
      }
      for (const who of [PEOPLE.cs, PEOPLE.sekretaris, PEOPLE.ketua, PEOPLE.kadis, PEOPLE.koperasi]) {
        const l = load(who, reg);
        expect(l.ok && l.attachments?.map((a) => a.name), who).toEqual(
          [1, 2, 3, 4, 5].map((n) => `${reg}-${n}.${n === 2 ? 'png' : n === 3 ? 'pdf' : 'jpg'}`),
        );
      }
      const l = load(PEOPLE.koperasi, reg);
      expect(l.ok && l.attachments?.[0]).toMatchObject({ type: 'Foto JPEG', size: '2 KB' });
      const opened = open(PEOPLE.koperasi, reg, 1);
      expect(opened, JSON.stringify(opened)).toMatchObject({ ok: true });
      if (opened.ok) {
        expect(opened.mime).toBe('image/jpeg');
        expect(opened.dataUrl).toBe(`data:image/jpeg;base64,${jpegBytes(2000).toString('base64')}`);
      }
      const pdf = open(PEOPLE.kadis, reg, 3);
      expect(pdf.ok && pdf.mime).toBe('application/pdf');
      // The member could not have read it from Drive themselves.
      office.emu.setUser(PEOPLE.koperasi);
      const drive = office.emu.globals.DriveApp as GoogleAppsScript.Drive.DriveApp;
      expect(() => drive.getFolderById(setting(office, 'id_folder_lampiran'))).toThrow(/No item with the given ID/);
    });

    it('a member not entitled gets neither the list nor the content', () => {
      // Rahasia: the Administrator reads the history, never the content; another unit cannot load it at all.
      const admin = load(PEOPLE.admin, reg);
      expect(admin.ok && admin.attachments).toBeNull();
      expect(open(PEOPLE.admin, reg, 1)).toMatchObject({ ok: false });
      expect(load(PEOPLE.ukm, reg).ok).toBe(false);
      const ukm = open(PEOPLE.ukm, reg, 1);
      expect(ukm).toMatchObject({ ok: false });
      expect(ukm.ok === false && ukm.message).toContain('tidak berhak');
      expect(open(PEOPLE.stranger, reg, 1)).toMatchObject({ ok: false });
      expect(open(PEOPLE.koperasi, reg, 99)).toMatchObject({ ok: false });
    });

    it('the web app serves a file only for a fresh ticket signed for it', () => {
      const res = (office.emu.globals.UrlFetchApp as GoogleAppsScript.URL_Fetch.UrlFetchApp).fetch(
        `${url}?halaman=berkas&no=${reg}&n=1&s=${office.emu.clock.now() + 60_000}&t=forged`,
      );
      expect(res.getContentText()).toBe('{"ok":false}');
    });
  });

  it('the link stops after its last day, and once the complaint is closed', () => {
    const reg3 = recordLetter(office, { email: 'lama@example.com' });
    const link3 = attachLinkFor(office, 'lama@example.com');
    office.emu.clock.set('2026-12-15T08:00:00+08:00');
    const html = pageHtml(office, Object.fromEntries(link3.searchParams));
    expect(html).toContain('berlaku sampai Senin, 14 Desember 2026 dan sudah tidak dapat dipakai');
    expect(upload(office, link3, jpegBytes(10)).ok).toBe(false);
    expect(reg3).toMatch(/^DUMAS-/);
  });
});
