// The words Dumas stores in the register and reads back: what a person reads in a cell and may type or pick
// from a list. Each is declared once here as a literal type, and every use elsewhere is checked against it by
// the compiler (test/architecture/text.test.ts allows this file for that reason). Renaming one is a data
// migration of every register, not a text edit; labels that are only shown live in src/messages/.
import type { Role } from './roles';

export type Channel = 'Surat' | 'Tatap Muka' | 'Formulir Online' | 'SP4N-LAPOR!';
export type Privacy = 'biasa' | 'anonim' | 'rahasia';
/** In the order of the letter procedure; the last two close a complaint. A new status is one more entry here. */
export const STATUSES = [
  'Diterima',
  'Diagendakan',
  'Menunggu Disposisi',
  'Didisposisikan',
  'Ditindaklanjuti',
  'Konsep Jawaban',
  'Menunggu Tanda Tangan',
  'Selesai',
  'Dialihkan',
] as const;
export type Status = (typeof STATUSES)[number];
/** Which of the status page's five steps each status shows as (index into the public STEP_LABELS). */
export const PUBLIC_STEP: Record<Status, number> = {
  Diterima: 0,
  Diagendakan: 1,
  'Menunggu Disposisi': 1,
  Didisposisikan: 2,
  Ditindaklanjuti: 2,
  'Konsep Jawaban': 3,
  'Menunggu Tanda Tangan': 3,
  Selesai: 4,
  Dialihkan: 4,
};
export type Priority = 'Biasa' | 'Segera' | 'Penting';
export type DeliveryMethod = 'email' | 'pos' | 'langsung';
export type DeadlineKind = 'normal' | 'khusus';

/** A complaint says nothing about its privacy: it is an ordinary one. */
export const DEFAULT_PRIVACY: Privacy = 'biasa';

/** The placeholders staff write as {{key}} in the reply-letter template (Google Docs). */
export const PLACEHOLDER_KEYS = [
  'pemerintah',
  'nama_instansi',
  'alamat_instansi',
  'telepon_instansi',
  'email_instansi',
  'situs_instansi',
  'kota',
  'tanggal_surat',
  'nomor_surat',
  'sifat',
  'lampiran',
  'hal',
  'nama_pengadu',
  'alamat_pengadu',
  'nomor_registrasi',
  'tanggal_diterima',
  'hari_tanggal_diterima',
  'perihal_pengaduan',
  'uraian_pengaduan',
  'unit',
  'jawaban',
  'tanggal_selesai',
  'jabatan_penandatangan',
  'nama_penandatangan',
  'pangkat_penandatangan',
  'nip_penandatangan',
  'tembusan',
  'telepon_pengaduan_layanan',
  'email_pengaduan_layanan',
  'nama_petugas',
  'nip_petugas',
  'tanda_persetujuan',
  'kode_verifikasi',
  'tautan_verifikasi',
  'qr_verifikasi',
] as const;

/** Words a person may type for a channel, lower case with single spaces. */
export const CHANNEL_ALIASES: Readonly<Record<string, Channel>> = {
  surat: 'Surat',
  'surat pengaduan': 'Surat',
  'media surat pengaduan': 'Surat',
  'tatap muka': 'Tatap Muka',
  langsung: 'Tatap Muka',
  'media tatap muka': 'Tatap Muka',
  'formulir online': 'Formulir Online',
  online: 'Formulir Online',
  formulir: 'Formulir Online',
  'sp4n-lapor!': 'SP4N-LAPOR!',
  'sp4n-lapor': 'SP4N-LAPOR!',
  'sp4n lapor': 'SP4N-LAPOR!',
  'lapor!': 'SP4N-LAPOR!',
  lapor: 'SP4N-LAPOR!',
};

/** Words a person may type for a privacy level, lower case; empty is an ordinary complaint. */
export const PRIVACY_ALIASES: Readonly<Record<string, Privacy>> = {
  '': 'biasa',
  biasa: 'biasa',
  anonim: 'anonim',
  anonymous: 'anonim',
  rahasia: 'rahasia',
};

/** Short forms of the roles people type in "Tim" besides a role's code and label, lower case. */
export const ROLE_ALIASES: Readonly<Record<string, Role>> = {
  cs: 'CS',
  'customer service': 'CS',
  'petugas customer service': 'CS',
  sekretaris: 'SEKRETARIS',
  ketua: 'KETUA',
  kadis: 'KEPALA_DINAS',
  anggota: 'ANGGOTA',
  admin: 'ADMIN',
};

/** What in the "cara_tanda_tangan" setting chooses the electronic approval mark (lower case). */
export const SIGNING_MARK_WORDS = /persetujuan|tanda_persetujuan|mark/;

/** The entry of an alias table for a typed word, never an inherited property ("constructor"). */
export function aliasOf<T>(table: Readonly<Record<string, T>>, word: string): T | null {
  return Object.prototype.hasOwnProperty.call(table, word) ? table[word] : null;
}
