// What staff read when the team's spreadsheet (the shell) talks to the Dumas core, and the core's refusals.
export const SHELL_TEXT = {
  connectTitle: 'Hubungkan ke Inti Dumas',
  askCoreUrl:
    'Tempel URL aplikasi web Inti Dumas (Deploy → Manage deployments, berakhiran /exec). ' +
    'Hanya pemilik Inti Dumas (akun Administrator) yang dapat menghubungkan spreadsheet ini.',
  badCoreUrl:
    'Itu bukan URL aplikasi web Apps Script (https://script.google.com/macros/s/…/exec). Tidak ada yang diubah.',
  notConnected:
    'Spreadsheet ini belum terhubung dengan Inti Dumas. Administrator: jalankan Dumas → Siapkan / Perbaiki Sistem.',
  noToken:
    'Google tidak memberikan token identitas akun Anda (izin "openid" belum diberikan). Muat ulang spreadsheet, ' +
    'pilih menu Dumas lagi, lalu setujui izin yang diminta.',
  unreachable: (code: number) =>
    `Inti Dumas tidak dapat dihubungi (kode ${code}). Coba lagi sebentar lagi; bila berulang, hubungi Administrator.`,
  unreadable: 'Jawaban Inti Dumas tidak terbaca. Coba lagi; bila berulang, hubungi Administrator.',
  badRequest: 'Permintaan ke Inti Dumas tidak terbaca.',
  identityRefused:
    'Inti Dumas tidak dapat memastikan akun Anda. Muat ulang spreadsheet lalu coba lagi; bila berulang, hubungi ' +
    'Administrator.',
  notOwner: 'Hanya pemilik Inti Dumas (akun Administrator) yang dapat menghubungkan spreadsheet ini dengan Inti Dumas.',
  alreadyConnected:
    'Inti Dumas sudah terhubung dengan spreadsheet tim yang lain. Untuk memindahkannya, Administrator menghapus ' +
    'DUMAS_SHELL_AUDIENCE dan DUMAS_OFFICE_ID di Script Properties Inti Dumas (editor Apps Script Inti), lalu ' +
    'menghubungkan lagi.',
  unknownCall: 'Permintaan ini tidak dikenal oleh Inti Dumas.',
  setupStarted: (email: string) =>
    `Penyiapan sistem berjalan di Inti Dumas (biasanya 1–2 menit). Ringkasannya dikirim ke ${email}; ` +
    'setelah itu muat ulang spreadsheet ini.',
  setupMailSubject: 'Dumas: ringkasan Siapkan / Perbaiki Sistem',
} as const;
