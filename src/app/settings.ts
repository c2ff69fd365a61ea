// The agency's settings as they live in the "Pengaturan" sheet: keys, defaults, help text, parsing.
import type { LetterSettings } from '../domain/letter';
import {
  DEFAULT_AGENDA_PATTERN,
  DEFAULT_LETTER_CLASS,
  DEFAULT_LETTER_PATTERN,
  DEFAULT_REG_PATTERN,
  DEFAULT_UNIT_CODE,
} from '../domain/numbering';
import { cellText } from '../lib/cells';
import { RETENTION } from '../messages/public';

/** The letterhead, contacts and letter-number fields are the domain's (LetterSettings); the rest run the office. */
export interface Settings extends LetterSettings {
  regPattern: string;
  agendaPattern: string;
  officeStart: string;
  officeEnd: string;
  holidaysNational: boolean;
  holidaysCutiBersama: boolean;
  holidaysBali: boolean;
  dailyHour: number;
  dailyAllClear: boolean;
  retentionYears: number;
  statusPageUrl: string;
  formId: string;
  formUrl: string;
  lettersFolderId: string;
  templateDocId: string;
  /** As typed in Pengaturan; parseSigningMode reads it ("pindaian" by default). */
  signingMode: string;
  /** As typed in Pengaturan; parseLetterRetention reads it ("hapus" by default). */
  lettersAfterRetention: string;
}

type Kind = 'text' | 'bool' | 'int';

interface SettingDefinition<K extends keyof Settings = keyof Settings> {
  field: K;
  key: string; // shown in the sheet's "Kunci" column; stable, never translated again
  kind: Kind;
  defaultValue: Settings[K];
  help: string;
}

function def<K extends keyof Settings>(
  field: K,
  key: string,
  kind: Kind,
  defaultValue: Settings[K],
  help: string,
): SettingDefinition {
  return { field, key, kind, defaultValue, help };
}

/** Order is the order of rows in the sheet. */
export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  def('governmentName', 'pemerintah', 'text', 'PEMERINTAH KABUPATEN TABANAN', 'Baris pertama kop surat.'),
  def(
    'agencyName',
    'nama_instansi',
    'text',
    'DINAS KOPERASI DAN USAHA KECIL DAN MENENGAH',
    'Nama instansi pada kop surat dan email.',
  ),
  def('agencyAddress', 'alamat_instansi', 'text', 'Jl. Pulau Seribu No. 25, Tabanan 82111', 'Alamat kantor.'),
  def('agencyPhone', 'telepon_instansi', 'text', '(0361) 7991837', 'Telepon kantor pada kop surat.'),
  def('agencyEmail', 'email_instansi', 'text', 'diskopumkmtbn@yahoo.co.id', 'Email kantor pada kop surat.'),
  def('agencyWebsite', 'situs_instansi', 'text', 'diskopumkm.tabanankab.go.id', 'Situs web kantor.'),
  def(
    'serviceComplaintEmail',
    'email_pengaduan_layanan',
    'text',
    'diskopumkmtbn@yahoo.co.id',
    'Email untuk mengadukan layanan ini (standar pelayanan).',
  ),
  def(
    'serviceComplaintPhone',
    'telepon_pengaduan_layanan',
    'text',
    '0361811073',
    'Telepon untuk mengadukan layanan ini (standar pelayanan).',
  ),
  def('city', 'kota_surat', 'text', 'Tabanan', 'Tempat pada tanggal surat.'),
  def(
    'regPattern',
    'format_no_registrasi',
    'text',
    DEFAULT_REG_PATTERN,
    'Format nomor registrasi. {year} = tahun, {seq:4} = urutan 4 digit.',
  ),
  // One source for each default pattern: the domain's (docs/rules.md states them).
  def('agendaPattern', 'format_no_agenda', 'text', DEFAULT_AGENDA_PATTERN, 'Format nomor agenda surat masuk.'),
  def('letterPattern', 'format_no_surat', 'text', DEFAULT_LETTER_PATTERN, 'Format nomor surat jawaban.'),
  def(
    'letterClassCode',
    'kode_klasifikasi_surat',
    'text',
    DEFAULT_LETTER_CLASS,
    'Kode klasifikasi arsip surat jawaban pengaduan.',
  ),
  def('letterUnitCode', 'kode_unit_surat', 'text', DEFAULT_UNIT_CODE, 'Kode unit pengolah pada nomor surat.'),
  def('officeStart', 'jam_buka', 'text', '08:00', 'Jam mulai layanan (WITA).'),
  def(
    'officeEnd',
    'jam_tutup',
    'text',
    '16:00',
    'Jam akhir layanan (WITA). Pengaduan setelah jam ini dihitung diterima hari kerja berikutnya.',
  ),
  def(
    'holidaysNational',
    'libur_nasional',
    'bool',
    true,
    'Hari libur nasional dihitung sebagai hari libur (Ya/Tidak).',
  ),
  def(
    'holidaysCutiBersama',
    'libur_cuti_bersama',
    'bool',
    true,
    'Cuti bersama dihitung sebagai hari libur (Ya/Tidak).',
  ),
  def(
    'holidaysBali',
    'libur_hari_suci_bali',
    'bool',
    true,
    'Dispensasi hari suci Hindu Bali dihitung sebagai hari libur (Ya/Tidak).',
  ),
  def('dailyHour', 'jam_pengingat_harian', 'int', 7, 'Jam pengiriman pengingat harian (0–23, WITA).'),
  def(
    'dailyAllClear',
    'kirim_email_aman',
    'bool',
    false,
    'Kirim email harian walau tidak ada pengaduan yang mendesak (Ya/Tidak).',
  ),
  def(
    'retentionYears',
    'masa_simpan_data_pribadi_tahun',
    'int',
    2,
    'Lama data pribadi disimpan setelah pengaduan selesai (tahun).',
  ),
  def('lettersAfterRetention', 'surat_setelah_masa_simpan', 'text', 'hapus', RETENTION.lettersSettingHelp),
  def(
    'signingMode',
    'cara_tanda_tangan',
    'text',
    'pindaian',
    'Ditetapkan Kepala Dinas. "pindaian": surat dikirim setelah pindaian bertanda tangan basah dan cap, atau PDF bertanda tangan elektronik (TTE), diunggah. "tanda persetujuan": tanda persetujuan elektronik dicetak pada surat saat disetujui (bukan tanda tangan elektronik tersertifikasi).',
  ),
  def('statusPageUrl', 'url_halaman_status', 'text', '', 'URL aplikasi web cek status (diisi setelah deploy).'),
  def('formId', 'id_formulir', 'text', '', 'Diisi otomatis oleh Siapkan Sistem.'),
  def('formUrl', 'url_formulir', 'text', '', 'Diisi otomatis oleh Siapkan Sistem.'),
  def('lettersFolderId', 'id_folder_surat', 'text', '', 'Diisi otomatis oleh Siapkan Sistem.'),
  def(
    'templateDocId',
    'id_templat_surat',
    'text',
    '',
    'Diisi otomatis; dapat diganti dengan ID Google Docs templat milik dinas.',
  ),
];

export const DEFAULT_SETTINGS: Settings = Object.fromEntries(
  SETTING_DEFINITIONS.map((d) => [d.field, d.defaultValue]),
) as unknown as Settings;

function parseBool(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  const s = cellText(value).trim().toLowerCase();
  if (['ya', 'y', 'true', '1', 'aktif'].includes(s)) return true;
  if (['tidak', 't', 'false', '0', 'nonaktif'].includes(s)) return false;
  return fallback;
}

/** Reads settings from the sheet's rows ([key, value, ...]); unknown keys are ignored, missing keys take defaults. */
export function parseSettings(rows: readonly (readonly unknown[])[]): Settings {
  const byKey = new Map<string, unknown>();
  for (const row of rows) byKey.set(cellText(row[0]).trim(), row[1]);
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const d of SETTING_DEFINITIONS) {
    if (!byKey.has(d.key)) continue;
    const raw = byKey.get(d.key);
    if (d.kind === 'bool') out[d.field] = parseBool(raw, d.defaultValue as boolean);
    else if (d.kind === 'int') {
      const n = Number(raw);
      out[d.field] = Number.isInteger(n) ? n : d.defaultValue;
    } else out[d.field] = raw === '' || raw === undefined || raw === null ? d.defaultValue : cellText(raw);
  }
  return out as unknown as Settings;
}

/** The value as written to the sheet. */
export function settingCell(value: Settings[keyof Settings]): string | number {
  if (typeof value === 'boolean') return value ? 'Ya' : 'Tidak';
  return value;
}
