// `npm run screenshots`: regenerates every screenshot of the staff guide (docs/img/*.png) from the built bundle in
// the emulator, with a realistic office day: Balinese names, cooperative and UMKM complaints, each person acting
// in their own sidebar. Sidebars are shot at Google Sheets' width (300 px), the public pages on a phone (390 px).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openOffice, PEOPLE, type Office } from '../test/bundle/office';
import { ratingLinkFor, setSetting } from '../test/bundle/publicHelpers';
import { act, registerRow, versionOf } from '../test/bundle/workflowOffice';
import { startPreview, type Preview } from '../test/preview/server';
import { launchChromium } from '../test/browser/chromium';

const OUT = join(process.cwd(), 'docs', 'img');
const STATUS_URL = 'https://script.google.com/macros/s/AKfycbDumasTabanan/exec';

interface Complainant {
  channel: 'Surat' | 'Tatap Muka';
  name: string;
  nik: string;
  phone: string;
  email: string;
  address: string;
  subject: string;
  description: string;
  receivedDate?: string;
  receivedTime?: string;
}

const PEOPLE_OF_TABANAN: Complainant[] = [
  {
    channel: 'Surat',
    name: 'I Ketut Suardana',
    nik: '5102011203780004',
    phone: '081338512407',
    email: 'ketut.suardana@gmail.com',
    address: 'Br. Dinas Pangkung, Desa Kediri, Kec. Kediri, Tabanan',
    subject: 'Simpanan sukarela di KSP Sari Sedana belum dapat ditarik',
    description:
      'Sejak Agustus 2026 saya mengajukan penarikan simpanan sukarela sebesar Rp 18.500.000, namun pengurus koperasi selalu menunda dengan alasan likuiditas.',
    receivedDate: '2026-11-25',
    receivedTime: '10:15',
  },
  {
    channel: 'Surat',
    name: 'Ni Kadek Ayu Purnami',
    nik: '5102046708910002',
    phone: '087862004513',
    email: 'ayupurnami.tbn@gmail.com',
    address: 'Jl. Raya Marga No. 41, Kec. Marga, Tabanan',
    subject: 'Bantuan peralatan usaha mikro tahun 2026 belum diterima',
    description:
      'Usaha jajan Bali kami tercatat sebagai penerima bantuan peralatan, tetapi sampai sekarang peralatan belum diterima.',
    receivedDate: '2026-11-20',
    receivedTime: '09:30',
  },
  {
    channel: 'Surat',
    name: 'I Nyoman Arta Wijaya',
    nik: '5102030506750001',
    phone: '081999340218',
    email: '',
    address: 'Br. Tegal, Desa Bongan, Kec. Tabanan',
    subject: 'Koperasi Serba Usaha Mertha Sari tidak menyelenggarakan RAT 2025',
    description: 'Sebagai anggota kami belum pernah diundang Rapat Anggota Tahunan untuk tahun buku 2025.',
    receivedDate: '2026-11-23',
    receivedTime: '13:40',
  },
  {
    channel: 'Surat',
    name: 'Ni Luh Gede Sriasih',
    nik: '5102065011880003',
    phone: '085737112094',
    email: 'sriasih.warung@gmail.com',
    address: 'Jl. Pahlawan No. 8, Kec. Baturiti, Tabanan',
    subject: 'Bunga pinjaman koperasi melebihi perjanjian',
    description: 'Bunga yang ditagih 3% per bulan, sedangkan dalam perjanjian pinjaman tertulis 1,5% per bulan.',
    receivedDate: '2026-11-26',
    receivedTime: '08:50',
  },
  {
    channel: 'Surat',
    name: 'I Gede Made Sudiarta',
    nik: '5102071409820002',
    phone: '081246770385',
    email: 'gede.sudiarta@yahoo.co.id',
    address: 'Br. Anyar, Desa Kerambitan, Tabanan',
    subject: 'Izin toko modern di dekat pasar desa Kerambitan',
    description: 'Kami keberatan dengan rencana toko modern di depan pasar desa yang mengancam pedagang kecil.',
    receivedDate: '2026-11-27',
    receivedTime: '11:05',
  },
];

const WALK_IN: Complainant = {
  channel: 'Tatap Muka',
  name: 'Ni Wayan Sukerti',
  nik: '5102014506800007',
  phone: '081805123456',
  email: 'wayan.sukerti@gmail.com',
  address: 'Br. Delod Peken, Kel. Delod Peken, Tabanan',
  subject: 'Syarat pendirian koperasi wanita tani',
  description: 'Kelompok wanita tani kami ingin mendirikan koperasi dan menanyakan persyaratannya.',
};

/** The office's morning moves on between steps, so the history reads like a real day (fixed, repeatable gaps). */
const GAPS = [11, 7, 16, 9, 13, 5, 18];
let gap = 0;
function later(office: Office): void {
  office.emu.clock.advance(GAPS[gap++ % GAPS.length] * 60_000);
}

function record(office: Office, c: Complainant, extra: Record<string, unknown> = {}): string {
  later(office);
  const result = office.as<{ ok: boolean; regNumber: string; message: string }>(PEOPLE.cs, 'recordComplaint', {
    ...c,
    privacy: 'biasa',
    ktpSeen: true,
    letterPresent: c.channel === 'Surat',
    ...extra,
  });
  if (!result.ok) throw new Error(`recordComplaint: ${result.message}`);
  return result.regNumber;
}

function step(
  office: Office,
  who: string,
  sidebar: string,
  reg: string,
  action: string,
  input: Record<string, string>,
) {
  later(office);
  const r = act(office, who, sidebar, reg, action, input);
  if (!r.ok) throw new Error(`${action} ${reg}: ${r.message}`);
}

/** Carries a letter through agenda, forwarding and disposition (and optionally a first follow-up note). */
function carry(office: Office, reg: string, agenda: string, until: 'disposed' | 'followed' | 'waiting'): void {
  step(office, PEOPLE.sekretaris, 'agenda', reg, 'agenda', { agendaNumber: agenda, agendaDate: '2026-11-27' });
  step(office, PEOPLE.sekretaris, 'agenda', reg, 'forwardToHead', {});
  if (until === 'waiting') return;
  step(office, PEOPLE.kadis, 'disposisi', reg, 'dispose', {
    unit: 'Bidang Koperasi',
    instruction: 'Klarifikasi kepada pengurus koperasi dan laporkan hasilnya.',
    priority: 'Segera',
    assignedTo: PEOPLE.koperasi,
  });
  if (until === 'disposed') return;
  step(office, PEOPLE.koperasi, 'tindakLanjut', reg, 'followUp', {
    note: 'Pengurus koperasi sudah dihubungi; klarifikasi dijadwalkan Rabu, 2 Desember 2026.',
  });
}

function letterStep(office: Office, who: string, reg: string, action: string, extra: Record<string, string> = {}) {
  later(office);
  const r = office.as<{ ok: boolean; message: string }>(who, 'runLetterAction', {
    action,
    regNumber: reg,
    version: versionOf(office, reg),
    ...extra,
  });
  if (!r.ok) throw new Error(`${action} ${reg}: ${r.message}`);
}

async function sidebar(browser: Browser, preview: Preview, fn: string, as: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 300, height: 600 }, locale: 'id-ID' });
  const response = await page.goto(`${preview.url}/sidebar/${fn}?as=${encodeURIComponent(as)}`);
  if (response?.status() !== 200) throw new Error(`${fn} as ${as}: ${response?.status()} ${await response?.text()}`);
  return page;
}

async function pick(page: Page, reg: string, select = '#picker', shown = '#sReg'): Promise<void> {
  await page.selectOption(select, reg);
  await page.waitForFunction(
    ([sel, value]) =>
      (
        globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }
      ).document.querySelector(sel)?.textContent === value,
    [shown, reg] as const,
  );
}

/** The whole page: the viewport grows to the page's height so the sticky action bar sits where it belongs. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() =>
    (
      globalThis as unknown as { document: { activeElement: { blur?: () => void } | null } }
    ).document.activeElement?.blur?.(),
  );
  const width = page.viewportSize()?.width ?? 300;
  const height = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement
        .scrollHeight,
  );
  await page.setViewportSize({ width, height: Math.max(600, height) });
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`  docs/img/${name}.png`);
  await page.close();
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  // Set up before office hours; the day's work starts at 07:30 WITA.
  const office = openOffice({ now: '2026-11-30T07:30:00+08:00' });
  setSetting(office, 'url_halaman_status', STATUS_URL);
  const [simpanan, bantuan, rat, bunga, tokoModern] = PEOPLE_OF_TABANAN.map((c) => record(office, c));
  carry(office, simpanan, 'AG-2026-0141', 'followed');
  carry(office, bantuan, 'AG-2026-0138', 'disposed');
  carry(office, rat, 'AG-2026-0140', 'waiting');
  carry(office, bunga, 'AG-2026-0142', 'followed');
  carry(office, tokoModern, 'AG-2026-0143', 'followed');
  const walkIn = record(office, WALK_IN, {
    unit: 'Bidang Koperasi',
    outcome: 'onSpot',
    answer:
      'Dijelaskan syarat pendirian koperasi (minimal 9 pendiri, akta notaris, NIK pendiri) dan diberi contoh anggaran dasar.',
  });
  // The unit drafts and submits the reply on the member's loan interest; it waits for the Kepala Dinas's signature.
  letterStep(office, PEOPLE.koperasi, bunga, 'draft', {
    answer:
      'Berdasarkan klarifikasi dengan pengurus, bunga yang berlaku adalah 1,5% per bulan sesuai perjanjian. Kelebihan tagihan akan dikembalikan paling lambat 15 Desember 2026.',
  });
  letterStep(office, PEOPLE.koperasi, bunga, 'submit');
  // A complaint just received at the desk, not yet on the agenda.
  const baru = record(office, {
    channel: 'Surat',
    name: 'I Putu Eka Darmawan',
    nik: '5102052307930001',
    phone: '082146330972',
    email: '',
    address: 'Jl. Mawar No. 3, Kec. Penebel, Tabanan',
    subject: 'Pendampingan sertifikasi halal UMKM tidak ditindaklanjuti',
    description: 'Pengajuan pendampingan sertifikasi halal untuk usaha keripik kami belum mendapat jawaban.',
  });

  const preview = await startPreview(office);
  const browser = await launchChromium('id');
  try {
    // Petugas CS: the form as filled for a walk-in letter, then the receipt after saving.
    let page = await sidebar(browser, preview, 'showRecordSidebar', PEOPLE.cs);
    await page.fill('#name', 'Ni Made Rai Sudani');
    await page.fill('#nik', '5102045203850006');
    await page.fill('#phone', '081337845120');
    await page.fill('#address', 'Br. Bantas, Desa Bantas, Kec. Selemadeg Timur, Tabanan');
    await page.fill('#subject', 'Dana hibah koperasi tidak disalurkan kepada anggota');
    await page.fill(
      '#description',
      'Dana hibah untuk koperasi kelompok tenun kami tahun 2026 tidak pernah dibagikan kepada anggota.',
    );
    await page.check('#ktpSeen');
    await shoot(page, 'catat-pengaduan');
    page = await sidebar(browser, preview, 'showRecordSidebar', PEOPLE.cs);
    await page.fill('#name', 'Ni Made Rai Sudani');
    await page.fill('#nik', '5102045203850006');
    await page.fill('#phone', '081337845120');
    await page.fill('#subject', 'Dana hibah koperasi tidak disalurkan kepada anggota');
    await page.check('#ktpSeen');
    await page.click('#save');
    await page.waitForSelector('#receipt:not(.hidden)');
    await shoot(page, 'tanda-terima');

    page = await sidebar(browser, preview, 'showAgendaSidebar', PEOPLE.sekretaris);
    await pick(page, baru);
    await shoot(page, 'agenda');

    page = await sidebar(browser, preview, 'showDisposisiSidebar', PEOPLE.kadis);
    await pick(page, rat);
    await page.selectOption('#unit', 'Bidang Koperasi');
    await page.fill(
      '#instruction',
      'Panggil pengurus KSU Mertha Sari, minta jadwal RAT, laporkan paling lambat Jumat.',
    );
    await page.selectOption('#priority', 'Segera');
    await page.selectOption('#assignedTo', PEOPLE.koperasi);
    await shoot(page, 'disposisi');

    page = await sidebar(browser, preview, 'showLetterSidebar', PEOPLE.kadis);
    await pick(page, bunga, '#pick', '#cReg');
    await shoot(page, 'surat-jawaban');

    page = await sidebar(browser, preview, 'showTindakLanjutSidebar', PEOPLE.koperasi);
    await pick(page, bantuan);
    await page.fill(
      '#followUpNote',
      'Sudah dicek ke gudang: peralatan untuk 12 penerima dikirim Kamis, 3 Desember 2026.',
    );
    await shoot(page, 'tindak-lanjut');

    page = await sidebar(browser, preview, 'showPemantauanSidebar', PEOPLE.ketua);
    await page.check('#includeClosed');
    await page.click('#refresh');
    await page.waitForSelector(`#items li[data-reg="${walkIn}"]`);
    await shoot(page, 'pemantauan');

    page = await sidebar(browser, preview, 'showPerpanjanganSidebar', PEOPLE.ketua);
    await pick(page, simpanan);
    await page.fill('#extOfficial', 'Kepala Bidang Koperasi');
    await page.fill('#extReason', 'Mengikuti rapat koordinasi pengawasan koperasi di Kementerian Koperasi, Jakarta');
    await page.fill('#extFrom', '2026-12-01');
    await page.fill('#extUntil', '2026-12-11');
    await shoot(page, 'perpanjangan');

    page = await sidebar(browser, preview, 'showAlihkanSidebar', PEOPLE.ketua);
    await pick(page, tokoModern);
    await page.fill('#forwardedTo', 'Dinas Penanaman Modal dan PTSP Kabupaten Tabanan');
    await page.fill(
      '#forwardNote',
      'Perizinan toko modern adalah kewenangan DPMPTSP; pengadu diberi tahu alamat layanannya.',
    );
    await shoot(page, 'alihkan');

    page = await sidebar(browser, preview, 'showBukaKembaliSidebar', PEOPLE.ketua);
    await pick(page, walkIn);
    await page.fill(
      '#reopenNote',
      'Pengadu menyampaikan syarat yang dijelaskan berbeda dengan informasi di loket kecamatan.',
    );
    await shoot(page, 'buka-kembali');

    page = await sidebar(browser, preview, 'showRiwayatSidebar', PEOPLE.ketua);
    await page.fill('#regInput', simpanan.toLowerCase());
    await page.click('#load');
    await page.waitForSelector('#history li .history-head');
    await shoot(page, 'riwayat');

    // The public pages on a phone: the status of the savings complaint, and the rating of the walk-in.
    const phone = { viewport: { width: 390, height: 844 }, locale: 'id-ID' };
    page = await browser.newPage(phone);
    await page.goto(`${preview.url}/app?no=${encodeURIComponent(simpanan)}`);
    await page.fill('#code', String(registerRow(office, simpanan)['Kode Akses']));
    await page.click('#check');
    await page.waitForSelector('#result:not(.hidden)');
    await shoot(page, 'status-publik');
    const link = ratingLinkFor(office, WALK_IN.email);
    page = await browser.newPage(phone);
    await page.goto(`${preview.url}/app${link.search}`);
    await page.click('label:has(#score5)');
    await page.check('#resolvedYes');
    await page.fill('#comment', 'Petugas ramah dan penjelasannya jelas. Terima kasih.');
    await shoot(page, 'penilaian');

    // The letter verification page: the interest-rate letter approved with the mark, emailed, then checked
    // through the link its QR carries.
    setSetting(office, 'cara_tanda_tangan', 'tanda persetujuan');
    letterStep(office, PEOPLE.kadis, bunga, 'sign');
    letterStep(office, PEOPLE.sekretaris, bunga, 'deliver', { method: 'email' });
    const [header, ...letters] = office.sheetValues('Register Surat');
    const code = String(letters[letters.length - 1][(header as string[]).indexOf('Kode Verifikasi')]);
    page = await browser.newPage(phone);
    await page.goto(`${preview.url}/app?halaman=verifikasi&kode=${code}`);
    await page.waitForSelector('#result:not(.hidden)');
    await shoot(page, 'verifikasi-surat');
  } finally {
    await browser.close();
    await preview.close();
  }
}

console.log('Dumas screenshots → docs/img');
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
