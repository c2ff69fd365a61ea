// Indonesian text of the WhatsApp click-to-chat messages and of their offers in the sidebars.
// A message names the complaint by number and says where it stands; nothing personal is written in it.

export const WA_LABELS = {
  receipt: 'Tanda terima',
  infoRequest: 'Permintaan keterangan',
  letterSent: 'Surat jawaban terkirim',
  ratingInvite: 'Undangan penilaian',
  reopened: 'Pengaduan dibuka kembali',
  extended: 'Batas waktu diperpanjang',
  forwarded: 'Pengaduan dialihkan',
  awaitingDisposition: 'Menunggu disposisi',
  disposition: 'Disposisi',
  reopenedForUnit: 'Dibuka kembali (unit)',
} as const;

export interface WaComplainantText {
  agency: string;
  regNumber: string;
  status: string;
  statusUrl: string;
  contact: string;
}

const HOW = (v: WaComplainantText): string =>
  v.statusUrl !== ''
    ? `Cek status: ${v.statusUrl}`
    : `Untuk menanyakan perkembangannya, hubungi kami${v.contact ? ` di ${v.contact}` : ''} dengan menyebut nomor registrasi.`;

const SIGN = (v: WaComplainantText): string => `— ${v.agency}`;

export const WA_TEXT = {
  receipt: (v: WaComplainantText & { accessCode: string; received: string; deadline: string; attachLine: string }) =>
    [
      `Tanda terima pengaduan ${v.agency}.`,
      `No. registrasi: ${v.regNumber}`,
      `Kode akses: ${v.accessCode}`,
      `Diterima: ${v.received}`,
      `Batas waktu: ${v.deadline}`,
      `Status: ${v.status}`,
      v.statusUrl !== '' ? `Cek status dengan nomor dan kode akses di: ${v.statusUrl}` : HOW(v),
      ...(v.attachLine !== '' ? [v.attachLine] : []),
      'Simpan pesan ini. Layanan pengaduan tidak dipungut biaya.',
    ].join('\n'),
  infoRequest: (v: WaComplainantText & { question: string }) =>
    [
      `Pengaduan ${v.regNumber}: unit kami memerlukan keterangan tambahan dari Anda.`,
      ...(v.question !== '' ? [`Yang diperlukan: ${v.question}`] : []),
      'Silakan balas pesan ini atau hubungi kami.',
      `Status: ${v.status}`,
      HOW(v),
      SIGN(v),
    ].join('\n'),
  letterSent: (v: WaComplainantText & { letterNumber: string; how: string }) =>
    [
      `Pengaduan ${v.regNumber}: surat jawaban${v.letterNumber ? ` nomor ${v.letterNumber}` : ''} telah ${v.how}.`,
      `Status: ${v.status}`,
      HOW(v),
      SIGN(v),
    ].join('\n'),
  ratingInvite: (v: WaComplainantText & { ratingUrl: string }) =>
    [
      `Pengaduan ${v.regNumber} telah selesai. Mohon nilai pelayanan kami (1 menit):`,
      v.ratingUrl,
      'Bila masalah Anda belum selesai, sampaikan melalui tautan itu.',
      SIGN(v),
    ].join('\n'),
  extended: (v: WaComplainantText & { deadline: string }) =>
    [
      `Pengaduan ${v.regNumber}: pejabat yang menangani sedang berhalangan, sehingga batas waktu penyelesaian diperpanjang (kasus khusus).`,
      `Batas waktu baru: ${v.deadline}`,
      HOW(v),
      SIGN(v),
    ].join('\n'),
  forwarded: (v: WaComplainantText & { forwardedTo: string }) =>
    [
      `Pengaduan ${v.regNumber} bukan kewenangan kami dan telah dialihkan kepada ${v.forwardedTo}.`,
      `Status: ${v.status}`,
      HOW(v),
      SIGN(v),
    ].join('\n'),
  reopened: (v: WaComplainantText & { deadline: string }) =>
    [
      `Pengaduan ${v.regNumber} dibuka kembali dan ditangani lagi oleh unit kami.`,
      `Batas waktu baru: ${v.deadline}`,
      `Status: ${v.status}`,
      HOW(v),
      SIGN(v),
    ].join('\n'),
} as const;

/** How a delivered letter reached the complainant, as the letter-sent message says it. */
export const WA_DELIVERY: Record<string, string> = {
  email: 'dikirim ke email Anda',
  pos: 'dikirim melalui pos',
  langsung: 'diserahkan langsung',
};

export interface WaStaffText {
  regNumber: string;
  status: string;
  deadline: string;
  unit: string;
  registerUrl: string;
}

const STAFF_SIGN = 'Dumas — Pengaduan Masyarakat';

export const WA_STAFF_TEXT = {
  awaitingDisposition: (v: WaStaffText) =>
    [
      `Dumas: pengaduan ${v.regNumber} menunggu disposisi Bapak/Ibu.`,
      `Batas waktu: ${v.deadline}`,
      `Buka register: ${v.registerUrl}`,
      STAFF_SIGN,
    ].join('\n'),
  disposition: (v: WaStaffText) =>
    [
      `Dumas: pengaduan ${v.regNumber} didisposisikan kepada ${v.unit}.`,
      `Batas waktu: ${v.deadline}`,
      `Buka register: ${v.registerUrl}`,
      STAFF_SIGN,
    ].join('\n'),
  reopenedForUnit: (v: WaStaffText) =>
    [
      `Dumas: pengaduan ${v.regNumber} dibuka kembali untuk ${v.unit}.`,
      `Batas waktu baru: ${v.deadline}`,
      `Buka register: ${v.registerUrl}`,
      STAFF_SIGN,
    ].join('\n'),
} as const;

export const WA_UI = {
  complainant: 'pengadu',
  auditAction: 'Dikirim via WhatsApp',
  auditNote: (label: string, to: string) => `${label} kepada ${to}.`,
  recorded: (label: string, regNumber: string) => `Pengiriman "${label}" untuk ${regNumber} dicatat di Log Audit.`,
  notOffered:
    'Pesan WhatsApp ini tidak tersedia untuk pengaduan tersebut (tanpa nomor HP, status sudah berubah, atau data pengadu dirahasiakan bagi Anda).',
  unknownKind: 'Jenis pesan WhatsApp tidak dikenal.',
} as const;
