// What the permission table (src/domain/permissions.ts) says to a person it refuses: the names of the things it
// guards beyond the workflow's actions, and the refusals, each given the permitted roles as the table lists them.
import { LETTER_ACTION_LABELS } from './letters';
import { RETENTION } from './public';
import { TEXT } from './ui';

/** "A", "A atau B", "A, B, atau C": the roles a refusal names. */
export function rolesInWords(labels: readonly string[]): string {
  if (labels.length <= 1) return labels.join('');
  if (labels.length === 2) return `${labels[0]} atau ${labels[1]}`;
  return `${labels.slice(0, -1).join(', ')}, atau ${labels[labels.length - 1]}`;
}

/** The names of the permissions that are not workflow actions (those are named by ACTION_LABELS). */
export const PERMISSION_LABELS = {
  record: 'Catat pengaduan',
  receipt: 'Cetak tanda terima',
  reconcile: 'Periksa formulir',
  duplicates: 'Lihat kemungkinan duplikat',
  uploadScan: LETTER_ACTION_LABELS.upload,
  beritaAcara: LETTER_ACTION_LABELS.beritaAcara,
  replyTemplates: 'Pakai templat jawaban',
  monitoring: 'Pemantauan Penyelesaian',
  history: 'Riwayat Pengaduan',
  attachments: 'Lampiran Pengaduan',
  report: 'Buat laporan',
  whatsapp: 'Catat pengiriman WhatsApp',
  setup: 'Siapkan / Perbaiki Sistem',
  retentionPreview: RETENTION.menuPreview,
  purge: RETENTION.menuPurge,
  diagnostics: 'Diagnostik emulator',
} as const;

/** Refusals worded for one permission (or group); every other one refuses with TEXT.notAllowed(label, roles). */
export const PERMISSION_REFUSALS = {
  receipt: (roles: string) => `Tanda terima cetak dibuat oleh ${roles}.`,
  report: (roles: string) => `Laporan hanya dapat dibuat oleh ${roles}.`,
  setup: (roles: string) => `Hanya ${roles} yang dapat menyiapkan atau memperbaiki sistem.`,
  diagnostics: (roles: string) => `Hanya ${roles} yang dapat menjalankan diagnostik emulator.`,
  /** The "Surat Jawaban" sidebar: everyone with a step in the letter's life. */
  letters: (roles: string) => `Menu Surat Jawaban untuk ${roles}.`,
} as const satisfies Record<string, (roles: string) => string>;

export const notAllowed = TEXT.notAllowed;
