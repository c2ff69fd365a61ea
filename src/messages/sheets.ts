// The names staff see on the spreadsheet: its tabs, the header rows of the sheets Dumas keeps, and the
// yes/no words of its cells. Dumas finds sheets by these names, so renaming one is a migration, not an edit.
import type { ComplaintField } from '../domain/complaint';

export const SHEET_NAMES = {
  register: 'Register',
  team: 'Tim',
  units: 'Unit',
  holidays: 'Hari Libur',
  settings: 'Pengaturan',
  audit: 'Log Audit',
  report: 'Laporan',
  ratings: 'Penilaian',
  letters: 'Register Surat',
  replyTemplates: 'Templat Jawaban',
  categories: 'Kategori',
  /** The office spreadsheet's copy of the register without identity (split deployment only). */
  registerView: 'Tampilan Register',
} as const;

/** A yes/no cell as Dumas writes it (text, so staff can read and filter it). */
export const YES = 'Ya';
export const NO = 'Tidak';

/** The words a person may type for yes and for no in a setting (lower case). */
export const YES_WORDS: readonly string[] = ['ya', 'y', 'true', '1', 'aktif'];
export const NO_WORDS: readonly string[] = ['tidak', 't', 'false', '0', 'nonaktif'];

/** Whether a yes/no cell as typed by a person says no ("Tidak", "tidak", or FALSE). */
export function saysNo(cell: unknown): boolean {
  return (
    cell === false || (typeof cell === 'string' && [NO.toLowerCase(), 'false'].includes(cell.trim().toLowerCase()))
  );
}

export const TEAM_HEADERS = [
  'Email',
  'Nama',
  'Peran',
  'Unit',
  'NIP',
  'Pangkat/Golongan',
  'Jabatan',
  'Aktif',
  'No. HP',
] as const;

export const UNIT_HEADERS = ['Kode', 'Nama Unit', 'Email Unit'] as const;

/** The units setup puts in an empty "Unit" sheet: the agency's structure. */
export const DEFAULT_UNIT_NAMES = {
  SEK: 'Sekretariat',
  KOP: 'Bidang Koperasi',
  UKM: 'Bidang Usaha Kecil dan Menengah',
  PPK: 'Bidang Pengawasan dan Pemeriksaan Koperasi',
} as const;

export const HOLIDAY_HEADERS = ['Tanggal', 'Keterangan', 'Jenis', 'Sumber'] as const;

export const SETTINGS_HEADERS = ['Kunci', 'Nilai', 'Keterangan'] as const;

/** The header of the complaint's number wherever a sheet names it; the audit log is read back by it. */
export const REG_NUMBER_HEADER = 'No. Registrasi';

export const AUDIT_HEADERS = [
  'Waktu',
  'Pengguna',
  'Peran',
  'Aksi',
  REG_NUMBER_HEADER,
  'Sebelum',
  'Sesudah',
  'Catatan',
] as const;

export const RATING_HEADERS = [
  'Waktu',
  REG_NUMBER_HEADER,
  'Unit',
  'Jawaban Ke-',
  'Nilai (1-5)',
  'Masalah Terselesaikan',
  'Komentar',
] as const;

/** The register's headers as staff see them, one per Complaint field (the sheet's order is registerColumns.ts's). */
export const REGISTER_HEADER_TEXT: Record<ComplaintField, string> = {
  regNumber: REG_NUMBER_HEADER,
  receivedAt: 'Diterima',
  channel: 'Kanal',
  name: 'Nama Pengadu',
  nik: 'NIK',
  phone: 'No. HP',
  email: 'Email',
  address: 'Alamat',
  subject: 'Perihal',
  description: 'Uraian',
  privacy: 'Kerahasiaan',
  status: 'Status',
  unit: 'Unit',
  deadline: 'Tenggat',
  closedAt: 'Selesai',
  deadlineKind: 'Jenis Tenggat',
  verificationFlags: 'Perlu Verifikasi',
  phoneCanonical: 'No. HP (Baku)',
  ktpSeen: 'KTP Diperiksa',
  letterPresent: 'Surat Pengaduan Ada',
  registeredBy: 'Dicatat Oleh',
  agendaNumber: 'No. Agenda',
  agendaDate: 'Tgl. Agenda',
  instruction: 'Instruksi Disposisi',
  priority: 'Prioritas',
  disposedBy: 'Didisposisikan Oleh',
  disposedAt: 'Tgl. Disposisi',
  assignedTo: 'Petugas Unit',
  followUpNotes: 'Catatan Tindak Lanjut',
  infoRequestedAt: 'Minta Info Tambahan',
  answer: 'Jawaban Unit',
  agreedDate: 'Tgl. Kesepakatan',
  replyDocUrl: 'Konsep Surat',
  letterNumber: 'No. Surat Jawaban',
  letterDate: 'Tgl. Surat',
  signedBy: 'Ditandatangani Oleh',
  signedAt: 'Tgl. Tanda Tangan',
  sentAt: 'Dikirim',
  deliveryMethod: 'Cara Kirim',
  extOfficial: 'Pejabat Berhalangan',
  extReason: 'Alasan Perpanjangan',
  extFrom: 'Berhalangan Dari',
  extUntil: 'Berhalangan Sampai',
  extGrantedBy: 'Perpanjangan Oleh',
  extGrantedAt: 'Tgl. Perpanjangan',
  forwardedTo: 'Dialihkan Ke',
  forwardNote: 'Catatan Pengalihan',
  workingDaysTaken: 'Hari Kerja Penyelesaian',
  onTime: 'Tepat Waktu',
  reopenCount: 'Dibuka Kembali',
  accessCode: 'Kode Akses',
  version: 'Versi',
  updatedAt: 'Diperbarui',
  updatedBy: 'Diperbarui Oleh',
  category: 'Kategori',
  laporId: 'Tracking ID LAPOR!',
  laporForwardedOn: 'Tgl. Diteruskan LAPOR!',
  laporPostedBy: 'Disampaikan ke LAPOR! Oleh',
  laporPostedAt: 'Tgl. Disampaikan ke LAPOR!',
  duplicateOf: 'Duplikat Dari',
  relatedTo: 'Terkait Dengan',
};

/** Not a Complaint field: the column of the Google Form response a row came from. */
export const RESPONSE_ID_HEADER_TEXT = 'ID Respons Formulir';

/** Not a Complaint field: the row's report fields packed in one cell, written by Dumas with every row (hidden). */
export const REPORT_SUMMARY_HEADER_TEXT = 'Ringkasan Laporan (Dumas)';
