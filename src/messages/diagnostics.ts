// Indonesian text of the emulator diagnostic (menu item, results sheet, alerts) for the administrator.
import type { Status } from '../diagnostics/types';

export const DIAGNOSTICS_MENU = 'Diagnostik Emulator';

export const RESULT_HEADERS = ['Kasus', 'Judul', 'Diharapkan', 'Teramati', 'Hasil', 'Sumber'] as const;

export const STATUS_TEXT: Record<Status, string> = { pass: 'LULUS', fail: 'GAGAL', skip: 'DILEWATI' };

export const NEED_TEXT = {
  'concurrent-execution': 'Dilewati: butuh eksekusi lain yang memegang kunci; hanya dapat diuji di emulator.',
  'form-submit-event':
    'Dilewati: butuh kiriman formulir dari masyarakat; bentuk event diambil dari dokumentasi Google.',
} as const;

export const DIAGNOSTICS_TEXT = {
  onlyAdmin: 'Hanya Administrator yang dapat menjalankan diagnostik emulator.',
  done: (pass: number, fail: number, skip: number, sheet: string) =>
    `Diagnostik selesai: ${pass} lulus, ${fail} gagal, ${skip} dilewati.\n\n` +
    `Hasil ada di sheet "${sheet}". Unduh sheet itu sebagai CSV (File → Download → CSV) dan kirimkan ke pengembang.` +
    (fail > 0 ? '\n\nKasus yang gagal berarti emulator berbeda dari Google: pengembang perlu memperbaikinya.' : ''),
  cleanupFailed: (problems: string[]) =>
    `\n\nSebagian berkas sementara tidak dapat dihapus. Hapus secara manual dari Drive:\n${problems.join('\n')}`,
} as const;
