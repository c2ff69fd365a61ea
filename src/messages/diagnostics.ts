// Indonesian text of the emulator diagnostic (menu item, results sheet, alerts) for the administrator.
import type { Status } from '../diagnostics/types';
import { escapeHtml } from '../lib/html';

export const DIAGNOSTICS_MENU = 'Diagnostik Emulator';

/** The Drive folder a run works in and removes afterwards (a leftover tells the Administrator it may go). */
export const SCRATCH_FOLDER_NAME = 'Dumas — Diagnostik (sementara, boleh dihapus)';
export const SCRATCH_DOC_NAME = 'Dumas — diagnostik';

export const RESULT_HEADERS = ['Kasus', 'Judul', 'Diharapkan', 'Teramati', 'Hasil', 'Sumber'] as const;

export const STATUS_TEXT: Record<Status, string> = { pass: 'LULUS', fail: 'GAGAL', skip: 'DILEWATI' };

export const NEED_TEXT = {
  'concurrent-execution': 'Dilewati: butuh eksekusi lain yang memegang kunci; hanya dapat diuji di emulator.',
  'form-submit-event':
    'Dilewati: butuh kiriman formulir dari masyarakat; bentuk event diambil dari dokumentasi Google.',
  'another-user': 'Dilewati: butuh pengguna lain yang menulis; hanya dapat diuji di emulator.',
  'script-projects':
    'Dilewati: butuh proyek skrip kedua, web app yang di-deploy, dan berkas milik akun lain; hanya dapat diuji di emulator.',
} as const;

/** Observed text of a web-app case in a menu run, and of a menu case on the web-app page. */
export const ELSEWHERE_TEXT = {
  'web-app': 'Dilewati di menu: kasus ini dijalankan dari halaman diagnostik aplikasi web.',
  menu: 'Dilewati di aplikasi web: kasus ini dijalankan dari menu Diagnostik Emulator.',
} as const;

export const DIAGNOSTICS_TEXT = {
  done: (pass: number, fail: number, skip: number, sheet: string) =>
    `Diagnostik selesai: ${pass} lulus, ${fail} gagal, ${skip} dilewati.\n\n` +
    `Hasil ada di sheet "${sheet}". Unduh sheet itu sebagai CSV (File → Download → CSV) dan kirimkan ke pengembang.` +
    (fail > 0 ? '\n\nKasus yang gagal berarti emulator berbeda dari Google: pengembang perlu memperbaikinya.' : ''),
  webLinks: (signedIn: string, anonymous: string) =>
    `\n\nKasus aplikasi web (berlaku 15 menit): buka ${signedIn} di browser ini, lalu buka ${anonymous} di jendela ` +
    'penyamaran (tanpa masuk akun). Salin hasil kedua halaman itu ke pengembang bersama CSV sheet Diagnostik.',
  webNoUrl:
    '\n\nKasus aplikasi web dilewati: isi url_halaman_status di Pengaturan setelah deploy aplikasi web, lalu jalankan lagi.',
  webTitle: 'Dumas — Diagnostik Aplikasi Web',
  webLinkInvalid:
    'Tautan diagnostik ini tidak berlaku atau sudah kedaluwarsa (15 menit). Administrator dapat membuat tautan baru dengan menjalankan Dumas → Diagnostik Emulator.',
  webDone: (pass: number, fail: number, anonymous: boolean) =>
    `Diagnostik aplikasi web${anonymous ? ' (tanpa masuk akun)' : ''} selesai: ${pass} lulus, ${fail} gagal.`,
  webCsv: 'Salin teks di bawah ini (CSV) dan kirimkan ke pengembang bersama CSV sheet Diagnostik.',
  cleanupFailed: (problems: string[]) =>
    `\n\nSebagian berkas sementara tidak dapat dihapus. Hapus secara manual dari Drive:\n${problems.join('\n')}`,
} as const;

/** The web app's diagnostics page: a title, paragraphs, an optional results table and an optional CSV block. */
export function diagnosticsPageHtml(title: string, paragraphs: string[], rows: string[][] = [], csv = ''): string {
  const table =
    rows.length === 0
      ? ''
      : `<table border="1" cellpadding="4" style="border-collapse:collapse">` +
        rows
          .map(
            (r, i) =>
              `<tr>${r.map((v) => (i === 0 ? `<th>${escapeHtml(v)}</th>` : `<td>${escapeHtml(v)}</td>`)).join('')}</tr>`,
          )
          .join('') +
        `</table>`;
  const block = csv === '' ? '' : `<textarea rows="12" cols="100" readonly>${escapeHtml(csv)}</textarea>`;
  return (
    `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="font-family:Arial,sans-serif">` +
    `<h1>${escapeHtml(title)}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}${table}${block}</body></html>`
  );
}
