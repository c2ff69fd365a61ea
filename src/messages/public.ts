// Indonesian text of the public web app (status and rating pages), the rating emails, and the data-retention actions.
import { escapeHtml, escapeMultiline } from '../lib/html';
import { FIELD_LABELS } from './domain';
import type { EmailContent } from './emails';

export const PUBLIC = {
  statusTitle: 'Cek Status Pengaduan',
  ratingTitle: 'Penilaian Layanan Pengaduan',
  /** The one answer for an unknown number, a wrong code, or a malformed input: nothing to enumerate. */
  notFound: 'Nomor registrasi atau kode akses tidak cocok. Periksa kembali tanda terima pengaduan Anda.',
  throttled: 'Terlalu banyak percobaan yang gagal. Silakan coba lagi dalam 15 menit.',
  busy: 'Layanan sedang sibuk. Silakan coba lagi beberapa saat lagi.',
  unavailable: 'Halaman ini belum dapat digunakan. Silakan hubungi kantor kami.',
  webAppUnavailable:
    'Maaf, halaman cek status sedang tidak dapat membuka data pengaduan. Silakan hubungi kantor kami atau cek kembali nanti; ' +
    'nomor registrasi dan kode akses Anda tetap berlaku.',
  linkInvalid: 'Tautan penilaian ini tidak berlaku. Gunakan tautan terbaru pada email dari kami.',
  alreadyRated: 'Terima kasih, penilaian Anda untuk jawaban ini sudah kami terima.',
  scoreRequired: 'Pilih nilai 1 sampai 5.',
  resolvedRequired: 'Pilih apakah jawaban kami sudah menyelesaikan masalah Anda.',
  commentTooLong: (max: number) => `Komentar terlalu panjang (maksimal ${max} karakter).`,
  thanks: 'Terima kasih atas penilaian Anda.',
  thanksReopen:
    'Terima kasih. Pernyataan Anda bahwa masalah belum terselesaikan telah diteruskan kepada Ketua Tim Pengaduan untuk diputuskan tindak lanjutnya.',
  failed: 'Terjadi gangguan. Silakan coba lagi.',
} as const;

/** Help on the status page: what the access code looks like, and what to do without the receipt. */
export const PUBLIC_HELP = {
  codeShape: (length: number, example: string) =>
    `Kode akses terdiri dari ${length} huruf/angka (contoh: ${example}), tercetak di bawah nomor registrasi pada tanda terima atau di email tanda terima dari kami. Huruf besar atau kecil sama saja.`,
  numberShape: (example: string) => `Contoh: ${example}`,
  lostReceipt: (c: { phone: string; email: string; address: string; hours: string }) =>
    `Tanda terima hilang? Hubungi kami di telepon ${c.phone} atau email ${c.email}, atau datang ke ${c.address} (${c.hours}) dengan membawa KTP. Petugas memberitahukan nomor dan kode akses setelah mencocokkan identitas Anda.`,
} as const;

/** The five steps a complainant follows on the page; each internal status belongs to one. */
export const STEP_LABELS = ['Diterima', 'Diproses', 'Ditangani unit', 'Penyusunan jawaban', 'Selesai'] as const;

export const DEADLINE_TEXT = {
  /** The deadline rule's working days (domain/deadline.ts). */
  normal: (workingDays: number) => `${workingDays} hari kerja`,
  khusus: (months: number) => `Kasus khusus (paling lama ${months} bulan)`,
  onTrack: 'Dalam batas waktu',
  dueToday: 'Batas waktu hari ini',
  overdue: 'Melewati batas waktu',
  settledOnTime: 'Selesai tepat waktu',
  settledLate: 'Selesai melewati batas waktu',
  forwardedOnTime: 'Dialihkan dalam batas waktu',
  forwardedLate: 'Dialihkan melewati batas waktu',
  closedLabel: 'Selesai',
  forwardedLabel: 'Dialihkan pada',
  reopened: (n: number) => `Dibuka kembali ${n} kali atas permintaan pengadu`,
  reopenRequested: 'Permintaan Anda agar pengaduan dibuka kembali sedang dipertimbangkan Ketua Tim Pengaduan.',
  rated: 'Penilaian Anda sudah kami terima. Terima kasih.',
} as const;

/** How the rating page appears in the audit log. */
export const RATING_AUDIT = {
  actor: 'Pengadu (halaman penilaian)',
  rated: 'Penilaian Pengadu',
  reopenRequested: 'Permintaan Buka Kembali',
  reopenNote: 'Pengadu menyatakan masalah belum terselesaikan; menunggu keputusan Ketua Tim.',
} as const;

export const PUBLIC_FLAGS = {
  commentPersonalData:
    'Perlu Verifikasi: komentar memuat data pribadi (NIK, nomor telepon atau email); dihapus bersama data pribadi pengaduan saat masa simpan berakhir.',
} as const;

export const RETENTION = {
  menuPreview: 'Pratinjau Penghapusan Data Pribadi',
  menuPurge: 'Hapus Data Pribadi yang Melewati Masa Simpan',
  actor: 'Dumas (masa simpan data)',
  auditAction: 'Hapus Data Pribadi',
  disabled: (years: number) =>
    `Penghapusan data pribadi tidak aktif: masa simpan di Pengaturan bernilai ${years} (minimal 1 tahun).`,
  nothing: (years: number) =>
    `Tidak ada data pribadi yang melewati masa simpan ${years} tahun setelah pengaduan selesai.`,
  previewHeader: (n: number, years: number) =>
    `${n} pengaduan selesai lebih dari ${years} tahun lalu (atau tidak pernah diselesaikan dan tidak disentuh ${years} tahun) masih menyimpan data pribadi. Yang akan dihapus:`,
  previewFooter:
    'Statistik dan isi pengaduan tidak berubah. Identitas yang tersalin di teks, Log Audit, dan komentar penilaian diganti "[identitas dihapus]". Jalankan menu "Hapus Data Pribadi…" untuk menghapus.',
  confirm: (n: number, years: number) =>
    `Hapus nama, NIK, telepon, email, dan alamat pengadu dari ${n} pengaduan yang melewati masa simpan ${years} tahun, beserta jawaban formulir dan berkas suratnya (sesuai Pengaturan surat_setelah_masa_simpan)? Tindakan ini tidak dapat dibatalkan.`,
  cancelled: 'Penghapusan dibatalkan. Tidak ada yang diubah.',
  done: (n: number) => `Data pribadi ${n} pengaduan telah dihapus. Setiap penghapusan tercatat di Log Audit.`,
  line: (regNumber: string, closed: string, fields: string) => `${regNumber} — selesai ${closed} — ${fields}`,
  more: (n: number) => `… dan ${n} pengaduan lainnya.`,
  note: (years: number, closed: string) => `Masa simpan ${years} tahun sejak selesai ${closed} telah lewat.`,
  noteOpen: (years: number, last: string) =>
    `Tidak pernah diselesaikan; masa simpan ${years} tahun sejak kegiatan terakhir ${last} telah lewat.`,
  lineOpen: (regNumber: string, last: string, fields: string) =>
    `${regNumber} — belum selesai, kegiatan terakhir ${last} — ${fields}`,
  formAnswer: 'jawaban formulir online',
  lettersTrashed: 'berkas surat/berita acara di folder surat (ke Sampah)',
  attachmentsTrashed: 'lampiran pengadu di folder lampiran (ke Sampah)',
  lettersKept: 'berkas surat/berita acara tetap disimpan (Pengaturan: simpan)',
  pending: (n: number) =>
    `${n} sisa penghapusan sebelumnya (jawaban formulir atau berkas surat yang gagal dihapus) dicoba lagi.`,
  formResponses: (n: number) => `${n} jawaban formulir online terkait juga dihapus.`,
  lettersDone: (n: number) => `${n} berkas surat/berita acara dipindahkan ke Sampah.`,
  attachmentsDone: (n: number) => `${n} lampiran pengadu dipindahkan ke Sampah.`,
  pendingLeft: (n: number) => `${n} sisa penghapusan belum selesai; dicoba lagi pada proses harian berikutnya.`,
  lettersSettingHelp:
    'Berkas surat jawaban dan berita acara di folder surat setelah masa simpan: "hapus" (bawaan: Doc, PDF, dan pindaian ke Sampah; nomor, tanggal, penanda tangan, dan hash tetap di Register Surat) atau "simpan" (tetap di folder; identitas pengadu ikut tersimpan).',
  /** The Ketua Tim's digest: an open complaint whose identity falls due soon. */
  openSoon: (regNumber: string, due: string) =>
    `${regNumber}: belum selesai dan tidak ada kegiatan; data pribadinya dihapus pada ${due} kecuali ditindaklanjuti atau diselesaikan.`,
} as const;

/** The fields the retention purge empties, as its dry run lists them (the register's short names for phone and text). */
export const FIELD_NAMES: Record<string, string> = {
  name: FIELD_LABELS.name,
  nik: FIELD_LABELS.nik,
  phone: 'No. HP',
  phoneCanonical: 'No. HP (baku)',
  email: FIELD_LABELS.email,
  address: FIELD_LABELS.address,
  subject: 'data pribadi dalam Perihal',
  description: 'data pribadi dalam Uraian',
  followUpNotes: 'data pribadi dalam Catatan Tindak Lanjut',
  answer: 'data pribadi dalam Jawaban',
  instruction: 'data pribadi dalam Instruksi',
  forwardNote: 'data pribadi dalam Catatan Pengalihan',
  extReason: 'data pribadi dalam Alasan Kasus Khusus',
};

function page(
  paragraphs: string[],
  link: { href: string; text: string } | null,
  signature: string,
): { body: string; htmlBody: string } {
  const body = [...paragraphs, ...(link ? ['', `${link.text}: ${link.href}`] : []), '', signature].join('\n');
  const htmlBody =
    `<div style="font-family:Arial,sans-serif;font-size:14px;color:#202124">` +
    paragraphs.map((p) => `<p>${escapeMultiline(p)}</p>`).join('') +
    (link
      ? `<p><a href="${escapeHtml(link.href)}" style="background:#1a73e8;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none">${escapeHtml(link.text)}</a></p>` +
        `<p style="color:#5f6368;font-size:12px">${escapeHtml(link.href)}</p>`
      : '') +
    `<p style="color:#5f6368">${escapeMultiline(signature)}</p></div>`;
  return { body, htmlBody };
}

export interface RatingInvitationView {
  name: string;
  regNumber: string;
  closed: string;
  link: string;
  agencyName: string;
}

export function ratingInvitationEmail(v: RatingInvitationView): EmailContent {
  const content = page(
    [
      `Yth. ${v.name || 'Bapak/Ibu'},`,
      `Pengaduan Anda dengan nomor registrasi ${v.regNumber} telah selesai pada ${v.closed}.`,
      'Kami mohon kesediaan Anda menilai penanganan pengaduan ini (nilai 1–5 dan komentar). Bila jawaban kami belum menyelesaikan masalah Anda, sampaikan melalui tautan yang sama: Ketua Tim Pengaduan akan memutuskan tindak lanjutnya.',
      'Tautan ini khusus untuk pengaduan Anda; mohon tidak dibagikan.',
    ],
    { href: v.link, text: 'Beri penilaian' },
    `${v.agencyName}\nKabupaten Tabanan`,
  );
  return { subject: `Penilaian Layanan Pengaduan ${v.regNumber}`, ...content };
}

export interface ReopenRequestView {
  regNumber: string;
  unit: string;
  score: number;
  comment: string;
  registerUrl: string;
}

export function reopenRequestEmail(v: ReopenRequestView): EmailContent {
  const content = page(
    [
      `Pengadu menyatakan jawaban atas pengaduan ${v.regNumber} belum menyelesaikan masalahnya.`,
      `Unit: ${v.unit || '—'}\nNilai yang diberikan: ${v.score} dari 5\nKomentar pengadu: ${v.comment || '—'}`,
      'Mohon Ketua Tim memutuskan: buka kembali pengaduan melalui menu Dumas (tindakan "Buka Kembali", dengan catatan alasannya), atau tetap selesai bila jawaban sudah sesuai ketentuan. Permintaan ini tercatat di sheet "Penilaian" dan Log Audit.',
    ],
    { href: v.registerUrl, text: 'Buka register' },
    'Dumas — Pengaduan Masyarakat',
  );
  return { subject: `[Dumas] Permintaan buka kembali ${v.regNumber}`, ...content };
}

/** The public statistics page and its CSV. */
export const STATS = {
  title: 'Statistik Pengaduan Masyarakat',
  yearColumn: (year: number) => `Tahun ${year}`,
  received: 'Pengaduan diterima',
  byChannel: 'Menurut media',
  byUnit: 'Menurut unit',
  noUnit: 'Belum didisposisikan',
  settled: 'Selesai',
  timeliness: 'Ketepatan waktu',
  onTime: 'Selesai tepat waktu',
  late: 'Selesai terlambat',
  median: 'Median lama penyelesaian (hari kerja)',
  ratings: 'Penilaian pengadu',
  ratingAverage: 'Rata-rata nilai (1-5)',
  csvPeriod: 'Periode',
  small: '<3',
  complement: 'x',
  none: '-',
} as const;
