// The names staff see on the spreadsheet: its tabs, the header rows of the sheets Dumas keeps, and the
// yes/no words of its cells. Dumas finds sheets by these names, so renaming one is a migration, not an edit.

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
