// Indonesian text of the workflow sidebars (Agenda … Pemantauan, Riwayat), their refusals and their emails.
import { ROW_LABELS, renderEmail, type EmailContent } from './emails';
import { REGISTERED_LABEL } from './domain';
import type { Status } from '../domain/vocabulary';

/** The line of a unit's notice that says what changed. */
export const NOTICE_NOTES = {
  extended: (deadline: string, official: string) => `Batas waktu baru ${deadline}; ${official} berhalangan.`,
  forwarded: (to: string) => `Dialihkan kepada ${to}.`,
  agreed: (day: string) => `Dijawab paling lambat ${day}.`,
  deadline: (day: string) => `Batas waktu ${day}.`,
} as const;

/** The special case as the record sidebar states it. */
export const EXTENSION_LINE = (official: string, from: string, until: string, reason: string, by: string, at: string) =>
  `${official} berhalangan ${from} s.d. ${until}: ${reason} (dicatat ${by}, ${at})`;

export const WORKFLOW_MENU = {
  agenda: 'Agenda Surat Masuk',
  disposisi: 'Disposisi',
  tindakLanjut: 'Tindak Lanjut',
  perpanjangan: 'Perpanjangan (Kasus Khusus)',
  alihkan: 'Alihkan (Bukan Wewenang)',
  bukaKembali: 'Buka Kembali Pengaduan',
  lepasDataPribadi: 'Lepas Tanda Data Pribadi',
  lapor: 'Jawaban SP4N-LAPOR!',
  pemantauan: 'Pemantauan Penyelesaian',
  riwayat: 'Riwayat Pengaduan',
} as const;

export const WORKFLOW_TITLES = {
  agenda: 'Agenda Surat Masuk',
  disposisi: 'Disposisi Kepala Dinas',
  tindakLanjut: 'Tindak Lanjut Unit',
  perpanjangan: 'Perpanjangan Kasus Khusus',
  alihkan: 'Alihkan Pengaduan',
  bukaKembali: 'Buka Kembali Pengaduan',
  lepasDataPribadi: 'Lepas Tanda Data Pribadi',
  lapor: 'Jawaban SP4N-LAPOR!',
  pemantauan: 'Pemantauan Penyelesaian',
  riwayat: 'Riwayat Pengaduan',
} as const;

export const WF = {
  notAllowedSidebar: (what: string, roles: string) =>
    `Anda tidak berwenang membuka "${what}". Hanya ${roles} yang dapat menggunakannya.`,
  notFound: (regNumber: string) => `Pengaduan ${regNumber || '(tanpa nomor)'} tidak ditemukan di register.`,
  stale: (regNumber: string, by: string, at: string) =>
    `Data pengaduan ${regNumber} sudah diubah oleh ${by} pada ${at} setelah Anda membukanya. ` +
    'Perubahan Anda TIDAK disimpan. Muat ulang pengaduan, periksa datanya, lalu ulangi bila masih perlu.',
  actionNotInSidebar: (action: string, what: string) => `Tindakan "${action}" tidak tersedia di "${what}".`,
  missingVersion: 'Versi data yang Anda lihat tidak terkirim. Muat ulang pengaduan lalu ulangi.',
  noSelection:
    'Pilih satu baris pengaduan di sheet "Register" (klik sel mana saja pada barisnya), lalu tekan "Pakai baris terpilih".',
  selectionNotRegister: 'Baris terpilih bukan baris pengaduan di sheet "Register".',
  noActionHere: 'Tidak ada tindakan di sidebar ini yang dapat Anda lakukan pada pengaduan ini sekarang.',
  duplicateAgenda: (number: string, other: string) => `Nomor agenda ${number} sudah dipakai untuk pengaduan ${other}.`,
  done: (label: string, regNumber: string) => `${label}: ${regNumber} berhasil disimpan.`,
  notified: (n: number) => (n === 0 ? '' : `Pemberitahuan email terkirim ke ${n} penerima.`),
  complainantNoEmail: 'Pengadu tidak mencantumkan email; sampaikan melalui telepon atau surat.',
  mailFailed: (to: string) => `Email ke ${to} gagal dikirim; sampaikan secara langsung.`,
  complainantAddress: 'pengadu',
  unitNoMembers: (unit: string) =>
    `Belum ada Anggota Tim aktif untuk ${unit} di sheet "Tim"; tidak ada email disposisi yang terkirim.`,
  directEditAction: 'Suntingan langsung di sheet',
  directEditRowNote: (note: string, row: number) => `${note} (baris ${row})`,
  directEditNote: (columns: string) =>
    `Diubah langsung di sheet Register, bukan melalui menu Dumas (kolom: ${columns}).`,
  directEditWorkflowNote: 'Kolom alur kerja: perubahan ini tidak melalui pemeriksaan peran dan status.',
  directEditMany: (rows: number) => `${rows} baris diubah sekaligus di sheet Register.`,
  personalDataHidden: '(data pribadi, tidak dicatat di log)',
  unknownUser: '(tidak diketahui)',
  protectionNote: 'Dumas: kolom alur kerja diubah melalui menu Dumas. Perubahan langsung dicatat di Log Audit.',
  selectedRow: (row: number) => `Baris ${row} dipilih di sheet Register.`,
} as const;

/** How far a complaint is from its deadline, as the monitoring list and the cards say it. */
export const DEADLINE_STATE_TEXT = {
  overdue: (late: number) => `Terlambat ${late} hari kerja`,
  due_today: () => 'Jatuh tempo hari ini',
  due_next_working_day: () => 'Jatuh tempo besok (hari kerja)',
  open_on_track: (left: number) => `Sisa ${left} hari kerja`,
  settled_on_time: () => 'Selesai tepat waktu',
  settled_late: (late: number) => `Selesai terlambat ${late} hari kerja`,
  forwarded_on_time: () => 'Dialihkan dalam batas waktu',
  forwarded_late: (late: number) => `Dialihkan terlambat ${late} hari kerja`,
} as const;

export const HISTORY_TEXT = {
  registered: REGISTERED_LABEL,
  empty: 'Belum ada riwayat di Log Audit.',
} as const;

// ------------------------------------------------------------------ emails

const SIGNATURE = 'Dumas — Pengaduan Masyarakat';

function render(intro: string[], rows: [string, string][], outro: string[]): { body: string; htmlBody: string } {
  return renderEmail(intro, rows, outro, SIGNATURE);
}

/** Already redacted for the recipients (privacy.forEmail); every value is plain text. */
export interface StaffNoticeView {
  regNumber: string;
  subject: string;
  complainant: string;
  privacy: string;
  status: string;
  deadline: string;
  unit: string;
  instruction: string;
  priority: string;
  actor: string;
  note: string;
  registerUrl: string;
}

function staffRows(v: StaffNoticeView, extra: [string, string][]): [string, string][] {
  return [
    [ROW_LABELS.regNumber, v.regNumber],
    [ROW_LABELS.subject, v.subject],
    [ROW_LABELS.complainant, v.complainant || '—'],
    [ROW_LABELS.privacy, v.privacy],
    ['Status', v.status],
    ['Batas waktu', v.deadline],
    ...extra,
  ];
}

export function awaitingDispositionEmail(v: StaffNoticeView): EmailContent {
  const content = render(
    [`Pengaduan ${v.regNumber} telah diagendakan dan menunggu disposisi Bapak/Ibu Kepala Dinas.`],
    staffRows(v, [['Diajukan oleh', v.actor]]),
    [`Buka register dan pilih menu Dumas → ${WORKFLOW_MENU.disposisi}: ${v.registerUrl}`],
  );
  return { subject: `[Dumas] Menunggu disposisi ${v.regNumber}`, ...content };
}

export function dispositionEmail(v: StaffNoticeView): EmailContent {
  const content = render(
    [`Pengaduan ${v.regNumber} didisposisikan kepada ${v.unit} untuk ditindaklanjuti.`],
    staffRows(v, [
      ['Sifat', v.priority || 'Biasa'],
      ['Isi disposisi', v.instruction],
      ['Didisposisikan oleh', v.actor],
    ]),
    [`Catat tindak lanjut melalui menu Dumas → ${WORKFLOW_MENU.tindakLanjut}: ${v.registerUrl}`],
  );
  return { subject: `[Dumas] Disposisi ${v.regNumber} untuk ${v.unit}`, ...content };
}

export function extensionStaffEmail(v: StaffNoticeView): EmailContent {
  const content = render(
    [`Batas waktu pengaduan ${v.regNumber} diperpanjang (kasus khusus).`],
    staffRows(v, [
      [ROW_LABELS.recordedBy, v.actor],
      [ROW_LABELS.note, v.note],
    ]),
    [`Buka register: ${v.registerUrl}`],
  );
  return { subject: `[Dumas] Perpanjangan ${v.regNumber}`, ...content };
}

export function reopenStaffEmail(v: StaffNoticeView): EmailContent {
  const content = render(
    [`Pengaduan ${v.regNumber} dibuka kembali oleh Ketua Tim dan perlu ditindaklanjuti lagi oleh ${v.unit}.`],
    staffRows(v, [
      ['Dibuka kembali oleh', v.actor],
      [ROW_LABELS.reason, v.note],
    ]),
    [`Catat tindak lanjut melalui menu Dumas → ${WORKFLOW_MENU.tindakLanjut}: ${v.registerUrl}`],
  );
  return { subject: `[Dumas] Pengaduan ${v.regNumber} dibuka kembali`, ...content };
}

export function walkInConnectedEmail(v: StaffNoticeView): EmailContent {
  const content = render(
    [`Pengadu tatap muka dihubungkan oleh Petugas CS dengan ${v.unit}; jawaban diberikan sesuai kesepakatan.`],
    staffRows(v, [
      [ROW_LABELS.recordedBy, v.actor],
      ['Kesepakatan', v.note],
    ]),
    [`Selesaikan melalui menu Dumas → ${WORKFLOW_MENU.tindakLanjut}: ${v.registerUrl}`],
  );
  return { subject: `[Dumas] Pengaduan tatap muka ${v.regNumber} untuk ${v.unit}`, ...content };
}

export function forwardStaffEmail(v: StaffNoticeView): EmailContent {
  const content = render(
    [`Pengaduan ${v.regNumber} dialihkan karena bukan kewenangan dinas; unit tidak perlu menindaklanjuti lagi.`],
    staffRows(v, [
      [ROW_LABELS.recordedBy, v.actor],
      [ROW_LABELS.note, v.note],
    ]),
    [`Buka register: ${v.registerUrl}`],
  );
  return { subject: `[Dumas] Pengaduan ${v.regNumber} dialihkan`, ...content };
}

/** Written to the complainant: their own details are theirs to see; never the NIK. */
export interface ComplainantNoticeView {
  name: string;
  regNumber: string;
  subject: string;
  agencyName: string;
  agencyPhone: string;
  agencyEmail: string;
}

function greeting(name: string): string {
  return `Yth. ${name || 'Bapak/Ibu'},`;
}

function contact(v: ComplainantNoticeView): string {
  return `Hubungi kami di ${v.agencyPhone} atau ${v.agencyEmail} dengan menyebut nomor registrasi ${v.regNumber}.`;
}

export function infoRequestEmail(v: ComplainantNoticeView & { question: string }): EmailContent {
  const content = render(
    [greeting(v.name), 'Untuk menindaklanjuti pengaduan Anda, kami memerlukan informasi tambahan berikut.'],
    [
      [ROW_LABELS.regNumber, v.regNumber],
      [ROW_LABELS.subject, v.subject],
      ['Informasi yang diperlukan', v.question],
    ],
    ['Silakan balas email ini atau hubungi kami. ' + contact(v)],
  );
  return { subject: `Permintaan Informasi Tambahan — Pengaduan ${v.regNumber}`, ...content };
}

export function extensionComplainantEmail(
  v: ComplainantNoticeView & { deadline: string; reason: string },
): EmailContent {
  const content = render(
    [
      greeting(v.name),
      'Penyelesaian pengaduan Anda memerlukan waktu lebih lama karena pejabat yang bertanggung jawab sedang berhalangan. ' +
        'Sesuai standar pelayanan, batas waktu penyelesaian menjadi paling lama satu bulan.',
    ],
    [
      [ROW_LABELS.regNumber, v.regNumber],
      [ROW_LABELS.subject, v.subject],
      ['Batas waktu baru', v.deadline],
      [ROW_LABELS.reason, v.reason],
    ],
    [contact(v)],
  );
  return { subject: `Perpanjangan Waktu Penyelesaian — Pengaduan ${v.regNumber}`, ...content };
}

export function forwardComplainantEmail(v: ComplainantNoticeView & { forwardedTo: string }): EmailContent {
  const content = render(
    [
      greeting(v.name),
      `Setelah kami pelajari, pokok pengaduan Anda bukan kewenangan ${v.agencyName}. Pengaduan Anda telah kami teruskan kepada instansi yang berwenang.`,
    ],
    [
      [ROW_LABELS.regNumber, v.regNumber],
      [ROW_LABELS.subject, v.subject],
      ['Diteruskan kepada', v.forwardedTo],
    ],
    [contact(v)],
  );
  return { subject: `Pengaduan ${v.regNumber} Diteruskan kepada Instansi Berwenang`, ...content };
}

/** A duplicate closed: the main complaint's number only, never its complainant or access code. */
export function duplicateComplainantEmail(v: ComplainantNoticeView & { main: string }): EmailContent {
  const content = render(
    [
      greeting(v.name),
      `Pengaduan Anda memuat permasalahan yang sama dengan pengaduan nomor ${v.main} yang sedang ditangani ${v.agencyName}. Penanganannya digabungkan dengan pengaduan tersebut, sehingga pengaduan Anda ditutup. Bila menurut Anda permasalahannya berbeda, silakan hubungi kami.`,
    ],
    [
      ['Nomor registrasi', v.regNumber],
      ['Perihal', v.subject],
      ['Ditangani bersama', v.main],
    ],
    [contact(v)],
  );
  return { subject: `Pengaduan ${v.regNumber} Digabungkan dengan Pengaduan ${v.main}`, ...content };
}

/** Closing and reopening: the "Buka Kembali" picker's note for a complaint whose complainant asked, and the rating invitation notice. */
export const REOPEN_TEXT = {
  requested: (score: number, day: string) => `Pengadu minta dibuka kembali (nilai ${score}, ${day})`,
  ratingInvited: 'Undangan penilaian layanan dikirim ke email pengadu.',
} as const;

/**
 * What the public status page says of each status: a short explanation, never the internal detail. Here, beside the
 * workflow's labels, so a new status has its words in one file (the compiler asks for this entry).
 */
export const STAGE_TEXT: Record<Status, string> = {
  Diterima: 'Pengaduan Anda sudah diterima dan dicatat.',
  Diagendakan: 'Surat pengaduan sudah diagendakan dan akan diteruskan kepada Kepala Dinas.',
  'Menunggu Disposisi': 'Pengaduan menunggu disposisi Kepala Dinas.',
  Didisposisikan: 'Kepala Dinas sudah meneruskan pengaduan kepada unit yang menangani.',
  Ditindaklanjuti: 'Unit yang menangani sedang menindaklanjuti pengaduan Anda.',
  'Konsep Jawaban': 'Jawaban sedang disusun.',
  'Menunggu Tanda Tangan': 'Surat jawaban menunggu tanda tangan Kepala Dinas.',
  Selesai: 'Pengaduan sudah selesai dan jawaban telah disampaikan.',
  Dialihkan: 'Pengaduan bukan kewenangan kami dan telah dialihkan kepada instansi yang berwenang.',
};
