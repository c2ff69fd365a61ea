// The register's columns as staff arrange them: what Dumas says when it cannot find its own columns, and what setup
// reports when it repairs them.

const SETUP = 'Dumas → Siapkan / Perbaiki Sistem';

const quoted = (headers: readonly string[]) => headers.map((h) => `"${h}"`).join(', ');

export const REGISTER_LAYOUT = {
  /** An operation found a Dumas column missing (deleted, or its header renamed): nothing was read or written. */
  missing: (headers: readonly string[]) =>
    `Kolom ${quoted(headers)} tidak ditemukan di baris judul sheet "Register", jadi Dumas tidak membaca atau menulis ` +
    'apa pun agar tidak ada data yang masuk ke kolom yang salah. Bila judul kolom itu diubah, kembalikan judulnya ' +
    `persis seperti semula; bila kolomnya terhapus, minta Administrator menjalankan ${SETUP} (kolom itu ditambahkan ` +
    'lagi di ujung kanan, tanpa menggeser data lain).',
  /** Two columns carry the same Dumas header: Dumas cannot tell which one holds the data. */
  duplicated: (headers: readonly string[]) =>
    `Judul kolom ${quoted(headers)} muncul lebih dari sekali di sheet "Register", jadi Dumas tidak tahu kolom mana ` +
    'yang berisi data. Ganti judul kolom tambahan Anda dengan nama lain, lalu ulangi.',
  /** Setup: headers written where the header row was empty (a new register). */
  written: 'Judul kolom sheet "Register" ditulis.',
  /** Setup: headers re-added (or added by a new version) after the last used column. */
  appended: (headers: readonly string[], from: string) =>
    `Kolom ${quoted(headers)} ditambahkan di ujung kanan sheet "Register" (mulai kolom ${from}); data yang ada ` +
    'tidak digeser. Bila kolom itu sebelumnya hanya diganti judulnya (bukan dihapus), isinya masih di kolom lama: ' +
    'hapus kolom baru yang masih kosong itu, kembalikan judul kolom lama persis seperti semula, lalu jalankan ' +
    `${SETUP} sekali lagi.`,
  /** Setup: a Dumas header typed with other capitals or spaces, written back as Dumas names it. */
  restored: (headers: readonly string[]) => `Judul kolom ${quoted(headers)} di sheet "Register" dirapikan.`,
} as const;
