// The canned replies (sheet "Templat Jawaban"): its headers, the examples setup writes, and the sidebars' texts.

export const REPLY_TEMPLATE_HEADERS = ['Judul', 'Teks', 'Aktif'] as const;

/** Written by setup into an empty sheet, so the Ketua Tim sees the form a template takes (placeholders of the letter). */
export const DEFAULT_REPLY_TEMPLATES: readonly (readonly [string, string, string])[] = [
  [
    'Sudah ditindaklanjuti',
    'Menindaklanjuti pengaduan {{nama_pengadu}} nomor {{nomor_registrasi}} tanggal {{tanggal_diterima}} perihal {{perihal_pengaduan}}, ' +
      '{{unit}} telah memeriksa dan menindaklanjuti permasalahan tersebut.\n' +
      'Demikian kami sampaikan. Terima kasih atas kepedulian Bapak/Ibu.',
    'Ya',
  ],
  [
    'Mohon kelengkapan data',
    'Untuk menindaklanjuti pengaduan nomor {{nomor_registrasi}}, mohon Bapak/Ibu melengkapi data pendukung ' +
      '(fotokopi dokumen terkait) dan menyampaikannya ke {{nama_instansi}}, telepon {{telepon_instansi}}.',
    'Ya',
  ],
];

export const REPLY_TEMPLATE_UI = {
  notFound: (title: string) => `Templat "${title}" tidak ada (atau tidak aktif) di sheet "Templat Jawaban".`,
  contentHidden: 'Isi pengaduan ini dirahasiakan bagi Anda; templat tidak dapat diisi.',
  unknownPlaceholders: (keys: string[]) =>
    `Tempat isian yang tidak dikenal dibiarkan apa adanya: ${keys.map((k) => `{{${k}}}`).join(', ')}. Perbaiki teksnya sebelum menyimpan.`,
  filled: (title: string) => `Templat "${title}" dimasukkan. Periksa dan sesuaikan teksnya sebelum menyimpan.`,
} as const;
