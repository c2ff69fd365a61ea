// The agency's settings as they live in the "Pengaturan" sheet: keys, defaults, help text, parsing.
import type { LetterSettings } from '../domain/letter';
import {
  DEFAULT_AGENDA_PATTERN,
  DEFAULT_LETTER_CLASS,
  DEFAULT_LETTER_PATTERN,
  DEFAULT_REG_PATTERN,
  DEFAULT_UNIT_CODE,
} from '../domain/numbering';
import { DEFAULT_DUPLICATE_WINDOW_DAYS } from '../domain/duplicates';
import { LAPOR_DEFAULT_WORKING_DAYS } from '../domain/lapor';
import { DEFAULT_LINK_DAYS } from '../domain/attachments';
import { cellText } from '../lib/cells';
import { AGENCY_DEFAULTS, SETTING_HELP } from '../messages/settings';
import { NO, NO_WORDS, YES, YES_WORDS } from '../messages/sheets';

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
  /** SP4N-LAPOR!'s follow-up limit in working days from forwarding. */
  laporWorkingDays: number;
  /** Complaints received at most this many days apart are compared for possible duplicates. */
  duplicateWindowDays: number;
  /** As typed in Pengaturan; parseLetterRetention reads it ("hapus" by default). */
  lettersAfterRetention: string;
  /** Days from receipt the receipt's upload link works (below 1: no link). */
  attachmentLinkDays: number;
  /** The Administrator's folder of the complainants' attachments, shared with no one. */
  attachmentsFolderId: string;
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
): SettingDefinition {
  return { field, key, kind, defaultValue, help: SETTING_HELP[field] };
}

/** Order is the order of rows in the sheet. */
export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  def('governmentName', 'pemerintah', 'text', AGENCY_DEFAULTS.governmentName),
  def('agencyName', 'nama_instansi', 'text', AGENCY_DEFAULTS.agencyName),
  def('agencyAddress', 'alamat_instansi', 'text', AGENCY_DEFAULTS.agencyAddress),
  def('agencyPhone', 'telepon_instansi', 'text', '(0361) 7991837'),
  def('agencyEmail', 'email_instansi', 'text', 'diskopumkmtbn@yahoo.co.id'),
  def('agencyWebsite', 'situs_instansi', 'text', 'diskopumkm.tabanankab.go.id'),
  def('serviceComplaintEmail', 'email_pengaduan_layanan', 'text', 'diskopumkmtbn@yahoo.co.id'),
  def('serviceComplaintPhone', 'telepon_pengaduan_layanan', 'text', '0361811073'),
  def('city', 'kota_surat', 'text', AGENCY_DEFAULTS.city),
  def('regPattern', 'format_no_registrasi', 'text', DEFAULT_REG_PATTERN),
  // One source for each default pattern: the domain's (docs/rules.md states them).
  def('agendaPattern', 'format_no_agenda', 'text', DEFAULT_AGENDA_PATTERN),
  def('letterPattern', 'format_no_surat', 'text', DEFAULT_LETTER_PATTERN),
  def('letterClassCode', 'kode_klasifikasi_surat', 'text', DEFAULT_LETTER_CLASS),
  def('letterUnitCode', 'kode_unit_surat', 'text', DEFAULT_UNIT_CODE),
  def('officeStart', 'jam_buka', 'text', '08:00'),
  def('officeEnd', 'jam_tutup', 'text', '16:00'),
  def('holidaysNational', 'libur_nasional', 'bool', true),
  def('holidaysCutiBersama', 'libur_cuti_bersama', 'bool', true),
  def('holidaysBali', 'libur_hari_suci_bali', 'bool', true),
  def('dailyHour', 'jam_pengingat_harian', 'int', 7),
  def('dailyAllClear', 'kirim_email_aman', 'bool', false),
  def('retentionYears', 'masa_simpan_data_pribadi_tahun', 'int', 2),
  def('lettersAfterRetention', 'surat_setelah_masa_simpan', 'text', 'hapus'),
  def('signingMode', 'cara_tanda_tangan', 'text', 'pindaian'),
  def('laporWorkingDays', 'batas_hari_kerja_lapor', 'int', LAPOR_DEFAULT_WORKING_DAYS),
  def('duplicateWindowDays', 'jendela_duplikat_hari', 'int', DEFAULT_DUPLICATE_WINDOW_DAYS),
  def('attachmentLinkDays', 'masa_tautan_lampiran_hari', 'int', DEFAULT_LINK_DAYS),
  def('statusPageUrl', 'url_halaman_status', 'text', ''),
  def('formId', 'id_formulir', 'text', ''),
  def('formUrl', 'url_formulir', 'text', ''),
  def('lettersFolderId', 'id_folder_surat', 'text', ''),
  def('attachmentsFolderId', 'id_folder_lampiran', 'text', ''),
  def('templateDocId', 'id_templat_surat', 'text', ''),
];

export const DEFAULT_SETTINGS: Settings = Object.fromEntries(
  SETTING_DEFINITIONS.map((d) => [d.field, d.defaultValue]),
) as unknown as Settings;

function parseBool(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  const s = cellText(value).trim().toLowerCase();
  if (YES_WORDS.includes(s)) return true;
  if (NO_WORDS.includes(s)) return false;
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
  if (typeof value === 'boolean') return value ? YES : NO;
  return value;
}
