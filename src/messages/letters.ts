// Indonesian text of the reply letter (default template layout, fixed values), the berita acara, the letter
// sidebar. Pure data (the domain reads it); the email is in letterEmail.ts.
import type { LetterAction } from '../app/letters';
import type { LayoutBlock, LayoutLine } from '../domain/letter';

export const LETTER_TEXT = {
  templateName: 'Dumas — Templat Surat Jawaban Pengaduan',
  /** The Doc, its PDF and the email attachment: `Surat-Jawaban-DUMAS-2026-0003` (+ `.pdf`). */
  letterFileName: (regNumber: string) => `Surat-Jawaban-${regNumber}`,
  beritaAcaraFileName: (regNumber: string) => `${regNumber} — Berita Acara Pengaduan Tatap Muka`,
  hal: 'Jawaban Pengaduan',
  lampiran: '-',
  sifatBiasa: 'Biasa',
  sifatRahasia: 'Rahasia',
  /** "KEPALA" + agency name + the regency (government name without "PEMERINTAH"). */
  headTitle: (agencyName: string, region: string) => `KEPALA ${agencyName} ${region}`.replace(/\s+/g, ' ').trim(),
  governmentPrefix: /^PEMERINTAH\s+/i,
  tembusan: (unit: string) => [`1. Kepala ${unit || 'unit terkait'}`, '2. Ketua Tim Pengaduan Masyarakat', '3. Arsip'],
  complainantFallback: 'Bapak/Ibu Pengadu',
  addressFallback: '-',
  /** Only the parts of a signer's row that exist are printed; NIP keeps its label. */
  nipPrefix: 'NIP. ',
  /** The approval mark printed in the signature space (signing mode "tanda persetujuan"). */
  approvalMark: (name: string, nip: string, when: string) =>
    `Disetujui secara elektronik oleh ${name}${nip ? `, NIP ${nip}` : ''}, pada ${when}`,
  verificationCodeLine: (code: string) => `Kode verifikasi: ${code}`,
  verificationUrlLine: (url: string) => `Periksa keaslian surat ini: ${url}`,
  verificationNoUrl: 'Keaslian surat dapat diperiksa pada halaman verifikasi surat dinas.',
} as const;

/** One letterhead for the letter and the berita acara. */
const KOP: readonly LayoutLine[] = [
  { text: '{{pemerintah}}', align: 'CENTER', bold: true, size: 14 },
  { text: '{{nama_instansi}}', align: 'CENTER', bold: true, size: 15 },
  { text: '{{alamat_instansi}}', align: 'CENTER', size: 10 },
  {
    text: 'Telepon {{telepon_instansi}} · Email {{email_instansi}} · Laman {{situs_instansi}}',
    align: 'CENTER',
    size: 10,
    rule: true,
  },
];

/** Body paragraphs are spaced (naskah dinas: one blank line's worth between paragraphs). */
const GAP = 8;

/** Label, colon and value columns: the colons of Nomor/Sifat/Lampiran/Hal line up (a table without borders). */
const fieldRow = (label: string, value: string): LayoutLine[][] => [
  [{ text: label }],
  [{ text: ':' }],
  [{ text: value }],
];

/**
 * The official layout of a regency agency's letter (naskah dinas): kop; place and date at the right; Nomor, Sifat,
 * Lampiran, Hal aligned in a borderless table; Yth. block; spaced paragraphs; the signature block in the right half
 * of a borderless table (title, the approval mark or space to sign and stamp, name, rank, NIP) with the verification
 * QR and code at the left; Tembusan.
 */
export const LETTER_LAYOUT: readonly LayoutBlock[] = [
  ...KOP,
  { text: '' },
  { text: '{{kota}}, {{tanggal_surat}}', align: 'RIGHT' },
  {
    kind: 'table',
    widths: [62, 12, null],
    rows: [
      fieldRow('Nomor', '{{nomor_surat}}'),
      fieldRow('Sifat', '{{sifat}}'),
      fieldRow('Lampiran', '{{lampiran}}'),
      fieldRow('Hal', '{{hal}}'),
    ],
  },
  { text: '' },
  { text: 'Yth. {{nama_pengadu}}' },
  { text: '{{alamat_pengadu}}' },
  { text: 'di –' },
  { text: 'Tempat', indent: 36, spaceAfter: GAP },
  {
    text:
      'Menindaklanjuti pengaduan Saudara/i yang kami terima pada tanggal {{tanggal_diterima}} dengan nomor registrasi ' +
      '{{nomor_registrasi}} perihal {{perihal_pengaduan}}, bersama ini kami sampaikan jawaban sebagai berikut:',
    align: 'JUSTIFY',
    spaceAfter: GAP,
  },
  { text: '{{jawaban}}', align: 'JUSTIFY', spaceAfter: GAP },
  {
    text:
      'Demikian jawaban ini kami sampaikan. Apabila Saudara/i memerlukan keterangan lebih lanjut atau belum puas dengan ' +
      'jawaban ini, silakan menghubungi kami melalui telepon {{telepon_pengaduan_layanan}} atau email ' +
      '{{email_pengaduan_layanan}} dengan menyebutkan nomor registrasi di atas. Atas perhatian Saudara/i, kami ucapkan terima kasih.',
    align: 'JUSTIFY',
    spaceAfter: GAP,
  },
  {
    kind: 'table',
    widths: [null, 220],
    rows: [
      [
        [
          { text: '{{qr_verifikasi}}' },
          { text: '{{kode_verifikasi}}', size: 8 },
          { text: '{{tautan_verifikasi}}', size: 7 },
        ],
        [
          { text: '{{jabatan_penandatangan}},', align: 'CENTER' },
          { text: '{{tanda_persetujuan}}', align: 'CENTER', size: 8 },
          { text: '', align: 'CENTER' },
          { text: '', align: 'CENTER' },
          { text: '{{nama_penandatangan}}', align: 'CENTER', bold: true },
          { text: '{{pangkat_penandatangan}}', align: 'CENTER' },
          { text: 'NIP. {{nip_penandatangan}}', align: 'CENTER' },
        ],
      ],
    ],
  },
  { text: '' },
  { text: 'Tembusan:' },
  { text: '{{tembusan}}' },
];

/** A short record of a face-to-face answer given on the spot, made with the same machinery as the letter. */
export const BERITA_ACARA_LAYOUT: readonly LayoutBlock[] = [
  ...KOP,
  { text: '' },
  { text: 'BERITA ACARA PENYELESAIAN PENGADUAN TATAP MUKA', align: 'CENTER', bold: true },
  { text: 'Nomor Registrasi: {{nomor_registrasi}}', align: 'CENTER' },
  { text: '' },
  {
    text: 'Pada {{hari_tanggal_diterima}}, di kantor {{nama_instansi}}, telah diterima pengaduan secara tatap muka dari:',
    align: 'JUSTIFY',
  },
  { text: 'Nama\t: {{nama_pengadu}}' },
  { text: 'Alamat\t: {{alamat_pengadu}}' },
  { text: 'Perihal\t: {{perihal_pengaduan}}' },
  { text: 'Uraian pengaduan:' },
  { text: '{{uraian_pengaduan}}', align: 'JUSTIFY' },
  { text: '' },
  {
    text: 'Pengaduan tersebut telah dijawab oleh {{unit}} pada {{tanggal_selesai}} sebagai berikut:',
    align: 'JUSTIFY',
  },
  { text: '{{jawaban}}', align: 'JUSTIFY' },
  { text: '' },
  {
    text: 'Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.',
    align: 'JUSTIFY',
  },
  { text: '' },
  { text: '{{kota}}, {{tanggal_selesai}}', align: 'RIGHT' },
  { text: 'Petugas yang mencatat,', align: 'CENTER', indent: 230 },
  { text: '', indent: 230 },
  { text: '', indent: 230 },
  { text: '{{nama_petugas}}', align: 'CENTER', bold: true, indent: 230 },
  { text: 'NIP. {{nip_petugas}}', align: 'CENTER', indent: 230 },
  { text: '' },
  { text: 'Pengadu,' },
  { text: '' },
  { text: '' },
  { text: '{{nama_pengadu}}', bold: true },
];

/** What each placeholder holds (for the README and the sidebar help). */
export const PLACEHOLDER_HELP: Record<string, string> = {
  pemerintah: 'Baris pertama kop surat (Pengaturan: pemerintah).',
  nama_instansi: 'Nama dinas (Pengaturan: nama_instansi).',
  alamat_instansi: 'Alamat kantor.',
  telepon_instansi: 'Telepon kantor.',
  email_instansi: 'Email kantor.',
  situs_instansi: 'Laman web kantor.',
  kota: 'Tempat pada tanggal surat (Pengaturan: kota_surat).',
  tanggal_surat: 'Tanggal surat, diisi saat Kepala Dinas menyetujui (mis. 3 Desember 2026).',
  nomor_surat: 'Nomor surat dari urutan tanpa celah, diisi saat Kepala Dinas menyetujui.',
  sifat: 'Biasa, Segera, Penting (prioritas disposisi) atau Rahasia (pengaduan rahasia).',
  lampiran: 'Lampiran (default "-").',
  hal: 'Hal surat ("Jawaban Pengaduan").',
  nama_pengadu: 'Nama pengadu.',
  alamat_pengadu: 'Alamat pengadu (baris baru digabung dengan koma).',
  nomor_registrasi: 'Nomor registrasi pengaduan.',
  tanggal_diterima: 'Tanggal pengaduan diterima.',
  hari_tanggal_diterima: 'Hari dan tanggal pengaduan diterima (mis. Senin, 30 November 2026).',
  perihal_pengaduan: 'Perihal pengaduan.',
  uraian_pengaduan: 'Uraian pengaduan (boleh beberapa paragraf; letakkan sendiri dalam satu paragraf).',
  unit: 'Unit (Sekretariat/Bidang) yang menangani.',
  jawaban: 'Jawaban unit (boleh beberapa paragraf; letakkan sendiri dalam satu paragraf).',
  tanggal_selesai: 'Tanggal pengaduan diselesaikan.',
  jabatan_penandatangan: 'Jabatan penanda tangan, mis. KEPALA DINAS ... KABUPATEN TABANAN; diisi saat disetujui.',
  nama_penandatangan: 'Nama Kepala Dinas dari sheet Tim; diisi saat disetujui.',
  pangkat_penandatangan: 'Pangkat/golongan Kepala Dinas dari sheet Tim; diisi saat disetujui.',
  nip_penandatangan: 'NIP Kepala Dinas dari sheet Tim; diisi saat disetujui.',
  tembusan: 'Daftar tembusan (beberapa baris).',
  telepon_pengaduan_layanan: 'Telepon untuk mengadukan layanan (Pengaturan).',
  email_pengaduan_layanan: 'Email untuk mengadukan layanan (Pengaturan).',
  nama_petugas: 'Berita acara: nama petugas yang membuatnya.',
  nip_petugas: 'Berita acara: NIP petugas.',
  tanda_persetujuan:
    'Tanda persetujuan elektronik (cara tanda tangan "tanda persetujuan"); kosong pada cara "pindaian" (ruang tanda tangan dan cap).',
  kode_verifikasi: 'Kode verifikasi surat (diisi saat disetujui).',
  tautan_verifikasi: 'Alamat halaman verifikasi surat (diisi saat disetujui).',
  qr_verifikasi: 'Kode QR ke halaman verifikasi (gambar, diisi saat disetujui; letakkan sendiri dalam satu paragraf).',
};

export const LETTER_UI = {
  title: 'Surat Jawaban',
  menu: 'Surat Jawaban',
  notFound: (reg: string) => `Pengaduan ${reg} tidak ditemukan di Register.`,
  stale: 'Data pengaduan berubah sejak Anda membukanya. Muat ulang lalu coba lagi.',
  draftSame: (reg: string) => `Konsep jawaban ${reg} sudah sama; tidak ada yang diubah.`,
  drafted: (reg: string) => `Konsep jawaban ${reg} dibuat. Periksa dokumennya, lalu ajukan untuk tanda tangan.`,
  redrafted: (reg: string) => `Konsep jawaban ${reg} diperbarui pada dokumen yang sama (dibuat ulang dari templat).`,
  submitted: (reg: string) => `Konsep ${reg} diajukan kepada Kepala Dinas untuk tanda tangan.`,
  signed: (reg: string, number: string) =>
    `Surat jawaban ${reg} disetujui dengan nomor ${number}. PDF disimpan di folder surat.`,
  signedNeedsScan: (reg: string, number: string) =>
    `Surat jawaban ${reg} disetujui dengan nomor ${number}. Cetak PDF-nya, tandatangani dan cap (atau tandatangani secara elektronik), lalu unggah pindaiannya sebelum dikirim.`,
  returned: (reg: string) => `Konsep ${reg} dikembalikan ke unit dengan catatan.`,
  uploaded: (reg: string) =>
    `Pindaian surat bertanda tangan untuk ${reg} disimpan sebagai PDF final. Surat siap dikirim atau diserahkan.`,
  deliveredEmail: (reg: string, to: string) => `Surat jawaban ${reg} dikirim ke ${to}. Pengaduan selesai.`,
  deliveredHand: (reg: string, how: string, day: string) =>
    `Surat jawaban ${reg} diserahkan ${how} pada ${day}. Pengaduan selesai.`,
  beritaAcara: (reg: string) => `Berita acara ${reg} tersedia.`,
  /** A step that makes documents, queued (gas/letterJobs.ts): the sidebar stays usable meanwhile. */
  queued: (reg: string) =>
    `Permintaan untuk ${reg} diterima. Dokumennya sedang dibuat (biasanya kurang dari setengah menit); hasilnya tampil di sini.`,
  stillWorking: (reg: string) =>
    `Dokumen ${reg} masih dibuat. Hasilnya tampil di sini; Anda dapat membuka pengaduan lain sementara itu.`,
  busy: (reg: string) =>
    `Permintaan sebelumnya untuk ${reg} masih diproses. Tunggu hasilnya, lalu coba lagi bila perlu.`,
  jobFailed: (reg: string, why: string) => `Langkah terakhir untuk ${reg} tidak selesai: ${why}`,
  jobDone: (reg: string) => `Permintaan untuk ${reg} sudah selesai diproses.`,
  noTemplate: 'Templat surat tidak ditemukan. Jalankan Dumas → Siapkan / Perbaiki Sistem.',
  noFolder: 'Folder surat tidak ditemukan. Jalankan Dumas → Siapkan / Perbaiki Sistem.',
  docMissing: 'Dokumen konsep surat tidak ditemukan (mungkin terhapus). Buat konsep jawaban lagi.',
  leftovers: (list: string) =>
    `Templat masih memuat isian yang tidak dikenal: ${list}. Periksa dokumen sebelum dikirim.`,
  noPdf: 'PDF surat final belum ada. Setujui surat terlebih dahulu.',
  draftFailed: (why: string) =>
    `Konsep surat belum dapat dibuat karena Google Dokumen/Drive gagal (${why}). Tidak ada dokumen yang tertinggal dan Register tidak berubah; silakan coba lagi.`,
  auditResumed: 'Lanjutkan Penandatanganan',
  signingIncomplete:
    'Penandatanganan surat belum selesai (nomor sudah diberikan, dokumen atau PDF belum lengkap). Kepala Dinas perlu menekan "Setujui dan Tandatangani" lagi untuk melanjutkan; nomor surat tetap sama.',
  needsScan:
    'Surat belum bertanda tangan. Sesuai pengaturan cara tanda tangan "pindaian", unggah dahulu pindaian surat yang sudah ditandatangani basah dan dicap, atau PDF bertanda tangan elektronik (Unggah Pindaian Bertanda Tangan). Surat tanpa tanda tangan tidak dapat dikirim, diposkan, maupun diserahkan langsung.',
  noMark:
    'Surat ini disetujui tanpa tanda persetujuan elektronik (cara tanda tangan diubah setelah disetujui). Unggah pindaian surat bertanda tangan, atau kembalikan ke unit lalu setujui ulang.',
  signingResumed: (reg: string, number: string) =>
    `Penandatanganan surat ${reg} dilanjutkan dengan nomor yang sama (${number}). PDF disimpan di folder surat.`,
  signingFailed: (reg: string, number: string, why: string) =>
    `Nomor surat ${number} sudah diberikan untuk ${reg}, tetapi penandatanganan belum selesai: ${why} Status: belum selesai, ulangi "Setujui dan Tandatangani" (nomor tidak berubah).`,
  stateIncomplete: 'Penandatanganan belum selesai — ulangi "Setujui dan Tandatangani".',
  stateNeedsScan: 'Disetujui; menunggu pindaian bertanda tangan sebelum dapat dikirim.',
  stateMark: 'Disetujui dengan tanda persetujuan elektronik; siap dikirim.',
  stateScan: 'Pindaian bertanda tangan tersimpan; siap dikirim.',
  stateSent: 'Terkirim.',
  modeScan: 'pindaian bertanda tangan (basah atau TTE) diunggah setelah disetujui',
  modeMark: 'tanda persetujuan elektronik dicetak pada surat saat disetujui',
  noLetterRegister: 'Sheet "Register Surat" belum ada. Jalankan Dumas → Siapkan / Perbaiki Sistem.',
  noEmail: 'Pengadu tidak memiliki alamat email yang valid. Pilih pengiriman melalui pos atau diserahkan langsung.',
  mailFailed: (to: string) =>
    `Email ke ${to} gagal dikirim (kuota harian habis atau alamat ditolak). Pengaduan belum ditutup.`,
  emailUnconfirmed: (by: string, subject: string) =>
    `Pengiriman email surat sebelumnya (oleh ${by}) terhenti sebelum Dumas mencatat hasilnya, sehingga belum pasti email itu keluar. ` +
    `Dumas tidak mengirim ulang tanpa diminta. Periksa folder Terkirim di Gmail ${by} untuk email "${subject}", lalu pilih ` +
    `"Sudah terkirim" (pengaduan ditutup tanpa mengirim lagi) atau "Belum terkirim, kirim ulang".`,
  badEmailCheck: 'Pilihan pemeriksaan email tidak dikenal.',
  badDay: 'Tanggal penyerahan tidak valid (format YYYY-MM-DD).',
  dayInFuture: 'Tanggal penyerahan tidak boleh setelah hari ini.',
  dayBeforeLetter: (day: string) => `Tanggal penyerahan tidak boleh sebelum tanggal surat (${day}).`,
  badMethod: 'Pilih cara pengiriman: email, pos, atau langsung.',
  notPdf: 'Berkas bukan PDF. Unggah hasil pindaian dalam format PDF.',
  tooLarge: (mb: number) => `Berkas terlalu besar (maksimum ${mb} MB).`,
  uploadNotSigned:
    'Pindaian bertanda tangan hanya dapat diunggah setelah surat disetujui Kepala Dinas dan sebelum dikirim.',
  notWalkIn: 'Berita acara hanya untuk pengaduan tatap muka yang sudah dijawab.',
  noAnswer: 'Jawaban belum diisi.',
  noHead: 'Tidak ada Kepala Dinas aktif di sheet Tim.',
  unknownAction: (a: string) => `Tindakan "${a}" tidak dikenal.`,
  roleNotAllowed: (label: string) => `Peran Anda tidak dapat melakukan "${label}".`,
  handOver: { pos: 'melalui pos', langsung: 'langsung kepada pengadu' } as Record<string, string>,
  auditUpload: 'Unggah Pindaian Surat',
  auditBeritaAcara: 'Buat Berita Acara',
  noteHandOver: (how: string, day: string) => `Surat diserahkan ${how} pada ${day}.`,
  /** No address: the audit log outlives the retention purge and is read by people who may not see identity. */
  noteEmailed: (file: string) => `Surat dikirim melalui email ke alamat pengadu (lampiran ${file}).`,
  /** Who the email went to, for a reader who may not see the complainant's identity. */
  complainantAddress: 'email pengadu',
  complainant: 'pengadu',
  noteVoided: (file: string) => `PDF surat yang dibatalkan dipindahkan ke sampah: ${file}.`,
} as const;

/** Labels of the letter actions in the sidebar. */
export const LETTER_ACTION_LABELS: Readonly<Record<LetterAction, string>> = {
  draft: 'Buat Konsep Jawaban',
  submit: 'Ajukan untuk Tanda Tangan',
  sign: 'Setujui dan Tandatangani',
  returnToUnit: 'Kembalikan ke Unit',
  upload: 'Unggah Pindaian Bertanda Tangan',
  deliver: 'Kirim / Serahkan Surat',
  beritaAcara: 'Buat Berita Acara',
};

/** The "Register Surat" sheet: every letter number issued (voided ones too), its verification code and fate. */
export const LETTER_REGISTER_HEADERS = [
  'Nomor Surat',
  'Tanggal Surat',
  'No. Registrasi',
  'Kode Verifikasi',
  'Penanda Tangan',
  'Jabatan',
  'Bentuk Tanda Tangan',
  'Keadaan',
  'SHA-256 PDF Terkirim',
  'Waktu Kirim',
  'Cara Kirim',
] as const;

export const SIGNATURE_FORM_LABELS = {
  none: 'Belum bertanda tangan',
  mark: 'Tanda persetujuan elektronik',
  scan: 'Pindaian/PDF bertanda tangan',
} as const;

export const LETTER_STATE_LABELS = {
  incomplete: 'Belum selesai',
  approved: 'Disetujui',
  voided: 'Dibatalkan',
  sent: 'Terkirim',
} as const;
