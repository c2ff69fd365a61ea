// Indonesian texts of the "Laporan" sheet, the monthly recap document for the Kepala Dinas, and the report menu.
import type { Channel, Privacy } from '../domain/complaint';

export const REPORT_SECTIONS = {
  summary: 'Ringkasan',
  byMonth: 'Per Bulan',
  byChannel: 'Per Media Pengaduan',
  byCategory: 'Per Kategori',
  linked: 'Pengaduan yang Bertaut (duplikat, terkait)',
  byUnit: 'Per Unit',
  byStatus: 'Per Status (saat ini)',
  byPrivacy: 'Per Tingkat Kerahasiaan',
  openByAge: 'Pengaduan Terbuka menurut Umur',
  special: 'Kasus Khusus (pejabat berhalangan, batas 1 bulan)',
  forwarded: 'Dialihkan (bukan wewenang Dinas)',
  overdue: 'Pengaduan Terbuka yang Melewati Batas Waktu',
  ratings: 'Penilaian Kepuasan Pengadu',
  ratingsByUnit: 'Penilaian Kepuasan per Unit',
} as const;

export const REPORT_HEADERS = {
  item: 'Uraian',
  value: 'Nilai',
  month: 'Bulan',
  received: 'Diterima',
  settled: 'Selesai',
  settledOnTime: 'Selesai Tepat Waktu',
  forwarded: 'Dialihkan',
  channel: 'Media',
  category: 'Kategori',
  links: 'Tautan',
  count: 'Jumlah',
  unit: 'Unit',
  openAtEnd: 'Masih Terbuka',
  status: 'Status',
  privacy: 'Kerahasiaan',
  age: 'Umur (hari kerja)',
  agency: 'Instansi Tujuan',
  regNumber: 'No. Registrasi',
  deadline: 'Batas Waktu',
  late: 'Terlambat (hari kerja)',
  ratingCount: 'Jumlah Penilaian',
  ratingAverage: 'Rata-rata Nilai',
} as const;

/** The ratings section (sheet "Penilaian", 1 = sangat tidak puas … 5 = sangat puas), counted by the day it was given. */
export const RATING_LABELS = {
  count: 'Jumlah penilaian',
  average: 'Rata-rata nilai (1–5)',
  score: (n: number) => `Nilai ${n}${n === 1 ? ' (sangat tidak puas)' : n === 5 ? ' (sangat puas)' : ''}`,
  notResolved: 'Menyatakan masalah belum terselesaikan',
} as const;

export const SUMMARY_LABELS = {
  received: 'Pengaduan diterima',
  settled: 'Pengaduan diselesaikan',
  settledOnTime: 'Diselesaikan tepat waktu',
  onTimeShare: 'Persentase tepat waktu',
  median: 'Median lama penyelesaian (hari kerja)',
  p90: 'Persentil ke-90 lama penyelesaian (hari kerja)',
  openAtEnd: 'Masih terbuka pada akhir periode',
  overdueAtEnd: 'Terbuka dan melewati batas waktu',
  special: 'Kasus khusus',
  forwarded: 'Dialihkan ke instansi lain',
} as const;

export const SPECIAL_LABELS = {
  total: 'Kasus khusus (diterima dalam periode)',
  open: 'Masih terbuka',
  settled: 'Selesai',
  settledOnTime: 'Selesai dalam batas 1 bulan',
} as const;

export const CHANNEL_LABELS: Record<Channel, string> = {
  Surat: 'Surat Pengaduan',
  'Tatap Muka': 'Tatap Muka',
  'Formulir Online': 'Formulir Online',
  'SP4N-LAPOR!': 'SP4N-LAPOR!',
};

export const PRIVACY_LABELS: Record<Privacy, string> = {
  biasa: 'Biasa',
  anonim: 'Anonim (identitas dirahasiakan)',
  rahasia: 'Rahasia',
};

export const NO_UNIT = '(Belum ada unit)';
export const NOT_AVAILABLE = '—';

export function ageLabel(min: number, max: number | null): string {
  return max === null ? `Lebih dari ${min - 1}` : `${min}–${max}`;
}

export const CHART_TITLES = {
  byMonth: 'Pengaduan per bulan',
  byChannel: 'Media pengaduan',
  byUnit: 'Pengaduan per unit',
  byStatus: 'Status pengaduan',
  openByAge: 'Umur pengaduan terbuka (hari kerja)',
} as const;

export const REPORT_TEXT = {
  /** The signer's NIP line under the recap, dotted when the Kepala Dinas has none in "Tim". */
  recapNip: (nip: string) => (nip ? `NIP. ${nip}` : 'NIP. ……………………'),
  sheetTitle: (agency: string) => `Laporan Pengaduan Masyarakat — ${agency}`,
  period: (from: string, to: string) => `Periode: ${from} s.d. ${to}`,
  generated: (at: string) => `Dibuat: ${at}. Data dari sheet Register dan Penilaian; identitas pengadu tidak dimuat.`,
  recapTitle: (month: string) => `Rekap Pengaduan Masyarakat — ${month}`,
  /** The figures are the deadline rule's (domain/deadline.ts). */
  recapIntro: (agency: string, month: string, workingDays: number, specialMonths: number) =>
    `Rekap penanganan pengaduan masyarakat pada ${agency} bulan ${month}, sebagai laporan berkala sesuai Peraturan Presiden Nomor 76 Tahun 2013 tentang Pengelolaan Pengaduan Pelayanan Publik. Standar waktu penyelesaian: paling lama ${workingDays} hari kerja; kasus khusus (pejabat eselon 3/4 berhalangan) paling lama ${specialMonths} bulan.`,
  recapMoreOverdue: (n: number) => `Dan ${n} pengaduan lain yang terlambat; daftar lengkap ada di sheet Register.`,
  recapPrivacy: 'Rekap ini hanya memuat angka agregat dan nomor registrasi; identitas pengadu dirahasiakan.',
  recapNoOverdue: 'Tidak ada pengaduan terbuka yang melewati batas waktu pada akhir periode.',
  recapSignature: (city: string, day: string) => `${city}, ${day}`,
  recapSigner: 'Kepala Dinas',
  /** When the "Tim" sheet has no active Kepala Dinas: a line to write the name on. */
  recapNoHead: '(nama Kepala Dinas)',
  done: (month: string, docUrl: string, pdfUrl: string) =>
    `Sheet "Laporan" diperbarui (12 bulan terakhir, dengan grafik).\n\nRekap bulan ${month} untuk Kepala Dinas:\nGoogle Dokumen: ${docUrl}\nPDF: ${pdfUrl}`,
} as const;

export const REPORT_MENU = 'Buat Laporan';

/** The category row of complaints without one. */
export const NO_CATEGORY = '(tanpa kategori)';
