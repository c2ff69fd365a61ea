// Indonesian text of the public letter verification page.
export const VERIFY = {
  title: 'Verifikasi Surat Dinas',
  /** The one answer for an unknown code, a letter not sent (or voided) and a malformed code. */
  notFound:
    'Kode verifikasi tidak ditemukan. Surat dengan kode ini tidak tercatat sebagai surat yang dikirim oleh kantor kami. Periksa kembali kode pada surat, atau hubungi kantor kami.',
  throttled: 'Terlalu banyak percobaan yang gagal. Silakan coba lagi dalam 15 menit.',
  unavailable: 'Halaman ini belum dapat digunakan. Silakan hubungi kantor kami.',
} as const;
