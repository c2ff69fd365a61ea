// What "Siapkan / Perbaiki Sistem" reports to the Administrator, and the help texts it puts on the sheets.

export const LETTERS_FOLDER_TITLE = 'Dumas — Surat Jawaban Pengaduan';

/** The description of every protection setup puts on an Administrator-only sheet. */
export const PROTECTION_NOTE = 'Dumas: hanya Administrator yang dapat mengubah sheet ini.';

/** Help texts of the drop-down lists setup puts on the sheets' columns. */
export const VALIDATION_HELP = {
  channel: 'Pilih kanal pengaduan.',
  privacy: 'biasa, anonim, atau rahasia.',
  status: 'Status diubah melalui menu Dumas.',
  priority: 'Prioritas disposisi.',
  deliveryMethod: 'Cara pengiriman surat jawaban.',
  unit: 'Unit dari sheet "Unit".',
  role: 'Peran dalam Tim Pengaduan.',
  active: 'Aktif?',
  holidayKind: 'Jenis hari libur.',
} as const;

/** One line of setup's summary per change it made. */
/** The core's own spreadsheet holding identity and complaint text (split deployment), shared with no one. */
export const VAULT_TITLE = 'Dumas — Brankas Data Pengaduan (jangan dibagikan)';

export const SETUP_CHANGES = {
  vaultCreated: 'Brankas data pengaduan dibuat (spreadsheet milik Administrator, tidak dibagikan kepada siapa pun).',
  vaultUnshared: (n: number) => `Berbagi dicabut dari ${n} akun pada brankas data pengaduan.`,
  folderUnshared: (n: number) => `Berbagi dicabut dari ${n} akun pada folder surat jawaban.`,
  viewProtected:
    'Sheet "Tampilan Register" dilindungi: hanya Dumas yang menulisnya; staf tetap dapat memakai tampilan filter.',
  viewRebuilt: (n: number) => `Tampilan Register ditulis ulang dari brankas (${n} baris).`,
  viewRepaired: (n: number) => `Tampilan Register: ${n} baris yang tertunda diperbaiki.`,
  editWatchInstalled: 'Pencatat suntingan langsung pada Register dipasang.',
  workflowColumnsWarned: 'Kolom alur kerja Register diberi peringatan perlindungan.',
  protectedNotChecked: (sheet: string) =>
    `Sheet "${sheet}" dilindungi dan akun Anda belum termasuk penyuntingnya, jadi sheet itu tidak diperiksa. ` +
    'Minta Administrator yang pertama menyiapkan Dumas (atau pemilik spreadsheet) menjalankan Siapkan / Perbaiki Sistem.',
  columnsTrimmed: (sheet: string, from: number, to: number) =>
    `Kolom kosong sheet "${sheet}" dirapikan (${from} → ${to} kolom).`,
  sheetCreated: (sheet: string) => `Sheet "${sheet}" dibuat.`,
  headersWritten: (sheet: string) => `Judul kolom sheet "${sheet}" ditulis.`,
  sheetProtected: (sheet: string) => `Sheet "${sheet}" dilindungi.`,
  appendersAdded: (n: number, sheet: string) => `${n} anggota tim dapat menambah baris "${sheet}".`,
  settingsCompleted: 'Pengaturan dilengkapi.',
  folderShared: (n: number) => `Folder surat jawaban dibagikan kepada ${n} anggota tim.`,
  folderNotShared: (emails: readonly string[]) =>
    `Folder surat jawaban belum dapat dibagikan kepada: ${emails.join(', ')}. Bagikan folder itu secara manual.`,
  folderCreated: 'Folder surat jawaban dibuat di Google Drive.',
  formTrigger: 'Pemicu formulir dipasang.',
  dailyTrigger: (hour: number) => `Pemicu harian (pukul ${hour}.00 WITA) dipasang.`,
  triggersOwnedBy: (owner: string) =>
    `Pemicu otomatis dipasang oleh ${owner}; hanya akun itu yang memeriksa dan memasangnya ulang.`,
  timeZone: 'Zona waktu spreadsheet diatur ke WITA (Asia/Makassar).',
  adminSeeded: 'Anda terdaftar sebagai Administrator.',
  unitsSeeded: 'Daftar unit awal diisi.',
  repliesSeeded: 'Contoh templat jawaban diisi.',
  holidaysSeeded: (first: number, last: number) => `Hari libur ${first}–${last} diisi.`,
  rowsTrimmed: (sheet: string, from: number, to: number) =>
    `Baris kosong sheet "${sheet}" dirapikan (${from} → ${to} baris; tambahkan baris di bawah bila perlu).`,
  formCreated: 'Formulir pengaduan online dibuat.',
  ratingSecret: 'Kunci rahasia tautan penilaian dibuat.',
  letterTemplate: 'Templat surat jawaban dibuat di folder surat.',
} as const;

/** The title the first Administrator gets in "Tim" when setup seeds it. */
export const FIRST_ADMIN_TITLE = 'Administrator Dumas';
