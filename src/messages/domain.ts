// Every Indonesian word the domain shows to people: labels, names of days and months, and error texts.
import type { ActionName } from '../domain/workflow';

export const MONTH_NAMES = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** Index 0 = Sunday, as returned by getUTCDay(). */
export const WEEKDAY_NAMES = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

export const ROLE_LABEL_TEXT = {
  CS: 'Petugas CS',
  SEKRETARIS: 'Sekretaris Tim',
  KETUA: 'Ketua Tim',
  KEPALA_DINAS: 'Kepala Dinas',
  ANGGOTA: 'Anggota Tim',
  ADMIN: 'Administrator',
} as const;

export const HOLIDAY_KIND_LABELS = {
  nasional: 'Libur nasional',
  cuti_bersama: 'Cuti bersama',
  hari_suci_bali: 'Hari suci Hindu (Bali)',
} as const;

/** The audit log's action for a new complaint (intake is not an action of the procedure). */
export const REGISTERED_LABEL = 'Dicatat';

/** The label of every action, as menus, sidebars and the audit log show it. */
export const ACTION_LABELS: Readonly<Record<ActionName, string>> = {
  agenda: 'Agendakan surat masuk',
  forwardToHead: 'Ajukan ke Kepala Dinas',
  dispose: 'Disposisi',
  connectToUnit: 'Hubungkan ke Bidang/Sekretariat',
  answerOnSpot: 'Jawab langsung di tempat',
  followUp: 'Catat tindak lanjut',
  requestInfo: 'Minta informasi tambahan',
  draftReply: 'Susun konsep jawaban',
  submitForSignature: 'Ajukan untuk tanda tangan',
  returnToUnit: 'Kembalikan ke unit',
  sign: 'Tandatangani surat jawaban',
  deliver: 'Kirim jawaban ke pengadu',
  closeWithAnswer: 'Selesaikan sesuai kesepakatan',
  extend: 'Perpanjang (kasus khusus)',
  forward: 'Alihkan (bukan wewenang)',
  reopen: 'Buka kembali',
  releasePersonalData: 'Lepas tanda data pribadi',
  postToLapor: 'Catat jawaban disampaikan ke LAPOR!',
  markDuplicate: 'Tutup sebagai duplikat',
  linkRelated: 'Tautkan pengaduan terkait',
  setCategory: 'Ubah kategori',
};

/** Names of the fields a person fills in or sees, used in every message that names a field. */
export const FIELD_LABELS: Record<string, string> = {
  regNumber: 'Nomor Registrasi',
  receivedAt: 'Waktu Diterima',
  channel: 'Media Pengaduan',
  name: 'Nama',
  nik: 'NIK',
  phone: 'Nomor Telepon',
  email: 'Email',
  address: 'Alamat',
  subject: 'Perihal',
  description: 'Uraian Pengaduan',
  privacy: 'Kerahasiaan',
  status: 'Status',
  unit: 'Bidang/Sekretariat',
  deadline: 'Batas Waktu',
  agendaNumber: 'Nomor Agenda',
  agendaDate: 'Tanggal Agenda',
  instruction: 'Isi Disposisi',
  priority: 'Sifat',
  assignedTo: 'Petugas Pelaksana',
  agreedDate: 'Tanggal Kesepakatan',
  answer: 'Jawaban',
  note: 'Catatan',
  letterNumber: 'Nomor Surat',
  replyDocUrl: 'Tautan Surat Jawaban',
  deliveryMethod: 'Cara Pengiriman',
  extOfficial: 'Pejabat yang Berhalangan',
  extReason: 'Alasan Perpanjangan',
  extFrom: 'Berhalangan Mulai',
  extUntil: 'Berhalangan Sampai',
  forwardedTo: 'Dialihkan Kepada',
  forwardNote: 'Keterangan Pengalihan',
  ktpSeen: 'Fotokopi KTP',
  followUpNotes: 'Catatan Tindak Lanjut',
  category: 'Kategori',
  laporId: 'Tracking ID LAPOR!',
  laporForwardedOn: 'Tanggal Diteruskan LAPOR!',
  laporPostedBy: 'Disampaikan ke LAPOR! Oleh',
  laporPostedAt: 'Waktu Disampaikan ke LAPOR!',
  duplicateOf: 'Duplikat Dari',
  relatedTo: 'Terkait Dengan',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

export const PRIORITY_VALUES = ['Biasa', 'Segera', 'Penting'] as const;

export const DELIVERY_LABELS = {
  email: 'Email',
  pos: 'Pos',
  langsung: 'Diserahkan langsung',
} as const;

/** What replaces personal data in a log line. */
export const LOG_MARKERS = { email: '[email]', nik: '[NIK]', phone: '[telepon]' } as const;

/** Shown in place of a detail the reader may not see. */
export const HIDDEN_TEXT = '(dirahasiakan)';

/** How notes.ts reads back the lines MSG writes: the rollover line's count, and letter numbers ("Nomor X"). */
export const NOTES_PATTERNS = {
  rolledOver: /^\[… (\d+) catatan lama tidak ditampilkan/,
  letterNumber: /Nomor (\S+)/g,
} as const;

export const MSG = {
  // validation
  nikEmpty: 'NIK belum diisi.',
  nikLength: 'NIK harus 16 digit angka.',
  nikProvince: (code: string) => `Kode provinsi ${code} pada NIK tidak dikenal.`,
  nikDay: 'Tanggal lahir pada NIK tidak sah (01–31, atau 41–71 untuk perempuan).',
  nikMonth: 'Bulan lahir pada NIK tidak sah (01–12).',
  nikDate: 'Tanggal lahir pada NIK bukan tanggal yang ada.',
  nikSerial: 'Nomor urut pada NIK tidak boleh 0000.',
  phoneEmpty: 'Nomor telepon belum diisi.',
  phoneChars: 'Nomor telepon hanya boleh berisi angka, spasi, tanda hubung, titik, kurung, dan + di depan.',
  phonePrefix: 'Nomor telepon harus diawali 0, 62, atau +62.',
  phoneMobile: 'Nomor HP harus 10–13 digit (contoh 0812 3456 7890).',
  phoneLandline: 'Nomor telepon rumah/kantor harus 8–12 digit termasuk kode area (contoh 0361 811073).',
  emailInvalid: 'Alamat email tidak sah.',
  textTooLong: (field: string, max: number) => `${fieldLabel(field)} terlalu panjang (maksimal ${max} karakter).`,
  textTruncated: (field: string, max: number) =>
    `${fieldLabel(field)} lebih dari ${max} karakter; yang tersimpan di register dipotong (teks lengkap ada di sumber aslinya).`,
  subjectOrDescriptionRequired: 'Perihal atau uraian pengaduan harus diisi.',
  channelInvalid: 'Media pengaduan tidak dikenal.',
  privacyInvalid: 'Tingkat kerahasiaan tidak dikenal.',
  receivedAtInvalid: 'Waktu diterima tidak sah.',
  nameMissing: 'Nama pengadu tidak diisi.',
  noContact: 'Tidak ada alamat, email, atau telepon untuk mengirim jawaban.',
  ktpNotSeen: 'Fotokopi KTP belum diperiksa petugas.',
  // workflow
  unknownAction: (action: string) => `Tindakan "${action}" tidak dikenal.`,
  roleNotAllowed: (action: string, allowed: string, yours: string) =>
    `"${action}" hanya dapat dilakukan oleh: ${allowed}. Peran Anda: ${yours}.`,
  adminNoWorkflow: 'Administrator mengelola sistem dan tidak mengambil tindakan pada pengaduan (pemisahan tugas).',
  channelNotAllowed: (action: string, channel: string, allowed: string) =>
    `"${action}" tidak berlaku untuk pengaduan melalui ${channel}; hanya untuk: ${allowed}.`,
  statusNotAllowed: (action: string, current: string, allowed: string) =>
    `Pengaduan berstatus "${current}". "${action}" hanya dapat dilakukan pada status: ${allowed}.`,
  unitMissingActor: 'Akun Anda belum terdaftar pada Bidang/Sekretariat mana pun.',
  unitMissingComplaint: 'Pengaduan ini belum dihubungkan/didisposisikan ke Bidang/Sekretariat.',
  unitMismatch: (unit: string) => `Pengaduan ini ditangani oleh ${unit}; Anda bukan anggota unit tersebut.`,
  missingFields: (labels: string) => `Isian wajib belum diisi: ${labels}.`,
  invalidDay: (field: string) => `${fieldLabel(field)} bukan tanggal yang sah (format TTTT-BB-HH).`,
  invalidOption: (field: string, options: string) => `${fieldLabel(field)} harus salah satu dari: ${options}.`,
  unknownUnit: (unit: string, units: string) => `Bidang/Sekretariat "${unit}" tidak dikenal. Pilihan: ${units}.`,
  agendaDateBeforeReceipt: 'Tanggal agenda tidak boleh sebelum tanggal surat diterima.',
  dateInFuture: (field: string) => `${fieldLabel(field)} tidak boleh melewati hari ini.`,
  agreedDatePast: 'Tanggal kesepakatan tidak boleh sebelum hari ini.',
  agreedDateNotWorking: (day: string) => `Tanggal kesepakatan ${day} bukan hari kerja.`,
  agreedDateTooLate: (deadline: string) =>
    `Tanggal kesepakatan melewati batas waktu penyelesaian (${deadline}). Pilih tanggal paling lambat ${deadline}, atau minta perpanjangan kasus khusus lebih dulu.`,
  alreadySigned: (number: string) => `Surat jawaban sudah ditandatangani (Nomor ${number}).`,
  notSigned: 'Surat jawaban belum ditandatangani Kepala Dinas.',
  alreadyExtended: (until: string) =>
    `Batas waktu sudah diperpanjang sekali (sampai ${until}); perpanjangan hanya satu kali.`,
  extRange: 'Tanggal "Berhalangan Sampai" tidak boleh sebelum "Berhalangan Mulai".',
  extNotInPeriod: (deadline: string) =>
    `Masa berhalangan harus dimulai paling lambat pada batas waktu saat ini (${deadline}).`,
  extAfterDeadline: (deadline: string) =>
    `Batas waktu ${deadline} sudah lewat; perpanjangan harus dicatat sebelum batas waktu terlewati.`,
  // notes appended to the follow-up log
  noteInfoRequested: 'Meminta informasi tambahan dari pengadu',
  noteReturned: 'Dikembalikan ke unit',
  noteReopened: 'Dibuka kembali',
  noteSignatureVoided: (number: string) => `Surat Nomor ${number} dibatalkan sebelum dikirim`,
  notePreviousLetter: (number: string) => `Jawaban sebelumnya: surat Nomor ${number}`,
  /** The first line of a follow-up log whose oldest entries were moved out of the cell (they stay in the audit log). */
  notesRolledOver: (count: number, letters: readonly string[]) =>
    `[… ${count} catatan lama tidak ditampilkan di sel ini; semuanya tercatat di Log Audit` +
    (letters.length > 0 ? `; surat yang disebut: ${letters.map((n) => `Nomor ${n}`).join(', ')}` : '') +
    ' ]',
  noteForwarded: (to: string) => `Dialihkan kepada ${to}`,
  noteExtended: (until: string) => `Batas waktu diperpanjang sampai ${until} (kasus khusus)`,
  noteAgreed: (day: string) => `Disepakati dengan pengadu: jawaban paling lambat ${day}`,
  // formatting
  workingDays: (n: number) => `${n} hari kerja`,
  at: 'pukul',
  tzName: 'WITA',
};

/** Personal data found in free text: the flag, the release record, the markers that replace it. */
export const PERSONAL_DATA = {
  flagPrefix: 'Data pribadi dalam teks: ',
  flag: (kinds: readonly string[], fields: readonly string[]) =>
    `Data pribadi dalam teks: ${kinds.join(', ')} (${fields.join(', ')}) — periksa, Ketua Tim dapat melepas bila keliru`,
  releasedPrefix: 'Bukan data pribadi (dilepas Ketua Tim): ',
  kindName: { nik: 'NIK', phone: 'nomor telepon', email: 'email' },
  /** The free-text fields by the labels people see them under (FIELD_LABELS). */
  fieldName: {
    subject: FIELD_LABELS.subject,
    description: FIELD_LABELS.description,
    followUpNotes: FIELD_LABELS.followUpNotes,
    answer: FIELD_LABELS.answer,
    instruction: FIELD_LABELS.instruction,
    forwardNote: FIELD_LABELS.forwardNote,
    extReason: FIELD_LABELS.extReason,
  },
  marker: { nik: '[NIK]', phone: '[nomor telepon]', email: '[email]' },
  nothingToRelease: 'Tidak ada data pribadi yang ditandai pada pengaduan ini.',
} as const;

/** What the retention purge leaves where a complainant's identity was copied (a note, an audit record, a comment). */
export const IDENTITY_REMOVED = '[identitas dihapus]';

/** What the office's register view shows instead of a rahasia complaint's content (rules.md §3: team, Kepala Dinas, unit). */
export const VIEW_RAHASIA_TEXT = '(rahasia: baca lewat sidebar Dumas)';
