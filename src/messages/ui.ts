// Every Indonesian text the add-on shows in the Sheet (menus, sidebars, alerts) and sends by email.
export const MENU = {
  title: 'Dumas',
  setup: 'Siapkan / Perbaiki Sistem',
  record: 'Catat Pengaduan (Surat / Tatap Muka)',
  reconcile: 'Periksa Formulir yang Belum Tercatat',
  about: 'Tentang Dumas',
  unknownUser: 'Anda belum terdaftar',
  loadMine: 'Tampilkan Menu Saya',
} as const;

export const TEXT = {
  appName: 'Dumas — Pengaduan Masyarakat',
  unknownUser:
    'Email Anda belum terdaftar di sheet "Tim". Minta Administrator Dumas menambahkan email Anda beserta perannya.',
  notAllowed: (action: string, roles: string) =>
    `Anda tidak berwenang untuk "${action}". Hanya ${roles} yang dapat melakukannya.`,
  emailHidden:
    'Google belum memberitahukan email Anda kepada Dumas. Pastikan Anda masuk ke Google dengan akun yang terdaftar di sheet "Tim", lalu pilih lagi Dumas → Tampilkan Menu Saya dan berikan izin bila diminta.',
  setupDone: (summary: string) => `Sistem Dumas siap.\n\n${summary}`,
  lockBusy: 'Sistem sedang memproses pengaduan lain. Silakan coba lagi dalam beberapa detik.',
  auditNotEditor: (email: string) =>
    `Akun ${email || 'Anda'} belum diberi izin menulis Log Audit, jadi tindakan ini tidak dijalankan dan tidak ada yang diubah. ` +
    'Minta Administrator menjalankan Dumas → Siapkan / Perbaiki Sistem sekali lagi (setelah nama Anda ada di sheet "Tim"), lalu ulangi.',
  reconcileDone: (n: number) =>
    n === 0
      ? 'Semua jawaban formulir sudah tercatat di register.'
      : `${n} jawaban formulir yang belum tercatat kini sudah didaftarkan.`,
  recorded: (regNumber: string) => `Pengaduan tercatat dengan nomor ${regNumber}.`,
  /** For the CS officer to write on the paper receipt: the complainant checks the status page with both. */
  receiptCode: (regNumber: string, code: string) =>
    `Pengaduan tercatat dengan nomor ${regNumber}.\nKode akses cek status: ${code} — tuliskan pada tanda terima untuk pengadu.`,
  fixErrors: 'Periksa kembali isian yang ditandai.',
  unexpected:
    'Terjadi gangguan di server sehingga permintaan Anda belum diproses. Silakan coba lagi; bila berulang, hubungi Administrator Dumas.',
  notConfigured: 'Sistem belum disiapkan. Jalankan menu Dumas → Siapkan / Perbaiki Sistem.',
  consentRequired: 'Persetujuan penggunaan data pribadi wajib dicentang.',
} as const;

/** The "Catat Pengaduan" sidebar's own checks (the complaint's fields are checked by the domain). */
export const RECORD_TEXT = {
  pickChannel: 'Pilih kanal: Surat atau Tatap Muka.',
  badReceivedAt: 'Tanggal atau jam diterima tidak valid.',
  receivedInFuture: 'Waktu diterima tidak boleh di masa depan.',
} as const;

/** The setup and "about" alerts. */
export const ADMIN_TEXT = {
  nothingToRepair: 'Tidak ada yang perlu diperbaiki.',
  signedInAs: (app: string, email: string, role: string) => `${app}\nAnda masuk sebagai ${email} (${role}).`,
} as const;

export const SIDEBAR_TITLES = {
  record: 'Catat Pengaduan',
} as const;
