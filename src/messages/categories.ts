// Complaint categories (sheet "Kategori", kept by the Ketua Tim): its headers, the examples setup writes, the texts.

export const CATEGORY_SHEET = 'Kategori';
export const CATEGORY_HEADERS = ['Kategori', 'Keterangan', 'Unit yang Disarankan', 'Aktif'] as const;

/** Written by setup into an empty sheet: the agency's usual subjects, each with the unit that usually answers it. */
export const DEFAULT_CATEGORIES: readonly (readonly [string, string, string, string])[] = [
  ['Koperasi', 'Badan hukum, RAT, pengurus dan anggota koperasi, simpan pinjam.', 'Bidang Koperasi', 'Ya'],
  [
    'UMKM',
    'Perizinan usaha mikro, pelatihan, pemasaran dan bantuan modal UMKM.',
    'Bidang Usaha Kecil dan Menengah',
    'Ya',
  ],
  [
    'Pengawasan Koperasi',
    'Pemeriksaan kesehatan koperasi, penyimpangan pengelolaan.',
    'Bidang Pengawasan dan Pemeriksaan Koperasi',
    'Ya',
  ],
  ['Pelayanan Dinas', 'Sikap petugas, waktu layanan, informasi dan administrasi kantor.', 'Sekretariat', 'Ya'],
];

export const CATEGORY_TEXT = {
  formQuestion: 'Kategori pengaduan (boleh dikosongkan)',
  formHelp: 'Pilih yang paling sesuai; petugas akan memeriksanya kembali.',
  unknown: (name: string, known: string) =>
    `Kategori "${name}" tidak ada di sheet "Kategori". Pilihan: ${known === '' ? '(belum ada kategori)' : known}.`,
  unknownUnit: (category: string, unit: string) =>
    `Kategori "${category}": unit yang disarankan "${unit}" tidak ada di sheet "Unit"; tidak ada unit yang disarankan.`,
  doubled: (name: string) => `Kategori "${name}" tertulis lebih dari sekali; yang pertama dipakai.`,
  none: '(tanpa kategori)',
  seeded: 'Contoh kategori diisi (Ketua Tim dapat mengubahnya).',
  formSynced: (what: string) => `Pertanyaan kategori di formulir online ${what}.`,
  set: (regNumber: string, category: string) => `Kategori ${regNumber}: ${category}.`,
  cleared: (regNumber: string) => `Kategori ${regNumber} dikosongkan.`,
  suggested: (unit: string) => `Disarankan menurut kategori: ${unit}`,
} as const;

export const CATEGORY_FORM_WORDS = { added: 'ditambahkan', updated: 'diperbarui', removed: 'dihapus' } as const;
