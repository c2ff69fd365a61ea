// Possible duplicates and links between complaints ("duplikat dari", "terkait dengan"): the words a subject is
// compared without, the reasons shown, refusals, history lines and the complainant's notice.

/**
 * Words that say nothing about what a complaint is about: Indonesian function words and the words every complaint
 * subject uses. Two subjects are compared on the words left (domain/duplicates.ts).
 */
export const SUBJECT_STOP_WORDS: readonly string[] = `
  ada adalah agar akan atas atau bagi bahwa bapak belum beliau bisa dalam dan dari dengan di dia ibu ini itu jika
  juga kami kapan karena ke kepada kita lagi mau mereka mohon namun oleh pada para saja sampai saya sebagai sejak
  sekitar serta sudah tapi tentang terhadap terkait tersebut tidak untuk yang
  aduan keluhan laporan lapor masalah pengaduan perihal permasalahan permohonan pertanyaan hal
`
  .split(/\s+/)
  .filter((w) => w !== '');

export const DUPLICATE_REASON_LABELS = {
  nik: 'NIK sama',
  phone: 'nomor HP sama',
  email: 'email sama',
  subject: 'perihal mirip',
} as const;

export const LINK_LABELS = {
  duplicateOf: 'Duplikat dari',
  duplicates: 'Duplikatnya',
  relatedTo: 'Terkait dengan',
} as const;

export const LINK_TEXT = {
  self: 'Pengaduan tidak dapat ditautkan dengan dirinya sendiri.',
  notFound: (regNumber: string) => `Pengaduan ${regNumber} tidak ditemukan.`,
  mainIsDuplicate: (main: string, root: string) =>
    `${main} sendiri adalah duplikat dari ${root}; tautkan ke ${root}, pengaduan utamanya.`,
  alreadyDuplicate: (regNumber: string, main: string) => `${regNumber} sudah ditandai duplikat dari ${main}.`,
  hasDuplicates: (regNumber: string, list: string) =>
    `${regNumber} adalah pengaduan utama bagi ${list}; pengaduan utama tidak dapat ditandai sebagai duplikat.`,
  closed: (regNumber: string, status: string) =>
    `${regNumber} sudah ${status}; hanya pengaduan yang masih terbuka yang dapat ditutup sebagai duplikat.`,
  alreadyRelated: (a: string, b: string) => `${a} sudah terkait dengan ${b}.`,
  tooMany: (regNumber: string, max: number) => `${regNumber} sudah terkait dengan ${max} pengaduan (batas).`,
  duplicateAnswer: (main: string) =>
    `Pengaduan ini memuat permasalahan yang sama dengan pengaduan ${main} dan ditangani bersama pengaduan tersebut.`,
  noteDuplicate: (main: string) => `Ditutup sebagai duplikat dari ${main}`,
  noteRelated: (other: string) => `Ditautkan: terkait dengan ${other}`,
  auditDuplicate: 'Tandai duplikat',
  auditRelated: 'Tautkan pengaduan terkait',
  doneDuplicate: (regNumber: string, main: string) => `${regNumber} ditutup sebagai duplikat dari ${main}.`,
  doneRelated: (a: string, b: string) => `${a} dan ${b} ditautkan sebagai pengaduan terkait.`,
  none: 'Tidak ada pengaduan yang mirip.',
  heading: (days: number) => `Mungkin sama (${days} hari terakhir)`,
} as const;
