// The Indonesian emails the add-on sends, each as subject + plain text + HTML built from already-safe view data.
import { escapeHtml, escapeMultiline } from '../lib/html';

/** The labels of the rows that emails and the receipt show about a complaint: each written once. */
export const ROW_LABELS = {
  regNumber: 'Nomor registrasi',
  accessCode: 'Kode akses',
  subject: 'Perihal',
  received: 'Diterima',
  deadline: 'Batas waktu penyelesaian',
  channel: 'Kanal',
  complainant: 'Pengadu',
  privacy: 'Kerahasiaan',
  recordedBy: 'Dicatat oleh',
  note: 'Keterangan',
  reason: 'Alasan',
} as const;

/** Execution-log lines about mail (no recipient address: see redactForLog). */
export const DAILY_LOG = {
  /** Every line the daily run writes to the execution log starts with this. */
  line: (text: string) => `Dumas harian: ${text}`,
  busy: 'proses harian lain sedang berjalan; proses ini berhenti tanpa mengirim apa pun.',
  summaryNotLogged: (entries: string) => `ringkasan tidak dicatat di Log Audit (sistem sibuk): ${entries}`,
  /** Pemantauan's index could not be kept: only a saving, Pemantauan then reads every deadline. */
  indexFailed: (reason: string) => `indeks Pemantauan tidak tersimpan (Pemantauan membaca semua tenggat): ${reason}`,
};

/** The daily run's line about receipts still owed (execution log; numbers only, no addresses). */
export const RECEIPT_LOG = {
  retried: (r: { sent: number; owed: number; unconfirmed: number; held: number }): string =>
    `tanda terima tertunda: ${r.sent} terkirim, ${r.owed} masih menunggu kuota, ${r.unconfirmed} belum pasti terkirim (periksa), ${r.held} ditahan (batas per alamat).`,
};

export const MAIL_LOG = {
  failed: (subject: string, error: string) => `Email "${subject}" gagal terkirim: ${error}`,
};

export const OUTBOX_LOG = {
  dropped: (subject: string, attempts: number) =>
    `Email antrean "${subject}" dibuang setelah ${attempts} kali gagal terkirim.`,
  sent: (r: { sent: number; kept: number; dropped: number; unconfirmed: number }) =>
    `antrean email: ${r.sent} terkirim, ${r.kept} menunggu percobaan berikutnya, ${r.unconfirmed} belum pasti terkirim (periksa folder Terkirim), ${r.dropped} dibuang.`,
};

export interface EmailContent {
  subject: string;
  body: string;
  htmlBody: string;
}

/** A labelled list rendered both as text and as an HTML table. */
export function renderEmail(
  intro: string[],
  rows: [string, string][],
  outro: string[],
  signature: string,
): { body: string; htmlBody: string } {
  const body = [...intro, '', ...rows.map(([k, v]) => `${k}: ${v}`), '', ...outro, '', signature].join('\n');
  const htmlBody =
    `<div style="font-family:Arial,sans-serif;font-size:14px;color:#202124">` +
    intro.map((p) => `<p>${escapeMultiline(p)}</p>`).join('') +
    `<table style="border-collapse:collapse">` +
    rows
      .map(
        ([k, v]) =>
          `<tr><td style="padding:4px 12px 4px 0;color:#5f6368;vertical-align:top">${escapeHtml(k)}</td>` +
          `<td style="padding:4px 0">${escapeMultiline(v)}</td></tr>`,
      )
      .join('') +
    `</table>` +
    outro.map((p) => `<p>${escapeMultiline(p)}</p>`).join('') +
    `<p style="color:#5f6368">${escapeMultiline(signature)}</p></div>`;
  return { body, htmlBody };
}

export interface AcknowledgementView {
  name: string;
  regNumber: string;
  accessCode: string;
  subject: string;
  received: string;
  deadline: string;
  statusPageUrl: string;
  /** The sentence with the signed upload link; '' when there is none. */
  attachLine: string;
  agencyName: string;
  agencyPhone: string;
  agencyEmail: string;
  serviceComplaintEmail: string;
  serviceComplaintPhone: string;
}

export function acknowledgementEmail(v: AcknowledgementView): EmailContent {
  const follow = v.statusPageUrl
    ? `Pantau pengaduan Anda di ${v.statusPageUrl} dengan nomor registrasi dan kode akses di atas.`
    : `Untuk menanyakan perkembangan pengaduan, hubungi kami di ${v.agencyPhone} atau ${v.agencyEmail} dengan menyebut nomor registrasi dan kode akses di atas.`;
  const content = renderEmail(
    [
      `Yth. ${v.name || 'Bapak/Ibu'},`,
      'Terima kasih, pengaduan Anda telah kami terima dan dicatat dengan data berikut.',
    ],
    [
      [ROW_LABELS.regNumber, v.regNumber],
      [ROW_LABELS.accessCode, v.accessCode],
      [ROW_LABELS.subject, v.subject],
      [ROW_LABELS.received, v.received],
      [ROW_LABELS.deadline, v.deadline],
    ],
    [
      follow,
      ...(v.attachLine !== '' ? [v.attachLine] : []),
      'Layanan pengaduan ini tidak dipungut biaya. Simpan email ini sebagai tanda terima.',
      `Pengaduan tentang pelayanan kami: ${v.serviceComplaintEmail}, telepon ${v.serviceComplaintPhone}.`,
    ],
    `${v.agencyName}\nKabupaten Tabanan`,
  );
  return { subject: `Tanda Terima Pengaduan ${v.regNumber}`, ...content };
}

export interface TeamNoticeView {
  regNumber: string;
  channel: string;
  received: string;
  deadline: string;
  complainant: string;
  privacy: string;
  subject: string;
  flags: string;
  registerUrl: string;
  /** Online: the team is told of the first submission of each hour only (README, Costs). */
  hourly?: boolean;
}

export function newComplaintNotice(v: TeamNoticeView): EmailContent {
  const content = renderEmail(
    ['Pengaduan baru masuk ke register Dumas.'],
    [
      [ROW_LABELS.regNumber, v.regNumber],
      [ROW_LABELS.channel, v.channel],
      [ROW_LABELS.received, v.received],
      ['Tenggat', v.deadline],
      [ROW_LABELS.complainant, v.complainant],
      [ROW_LABELS.privacy, v.privacy],
      [ROW_LABELS.subject, v.subject],
      ...(v.flags ? ([['Perlu verifikasi', v.flags]] as [string, string][]) : []),
    ],
    [
      ...(v.hourly
        ? [
            'Pemberitahuan pengaduan online dikirim paling banyak sekali dalam satu jam: pengaduan online berikutnya dalam satu jam ini tidak diberitahukan lewat email, lihat Register atau sidebar Agenda.',
          ]
        : []),
      `Buka register: ${v.registerUrl}`,
    ],
    'Dumas — Pengaduan Masyarakat',
  );
  return { subject: `[Dumas] Pengaduan baru ${v.regNumber}`, ...content };
}
