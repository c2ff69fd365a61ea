// The public Google Form's texts: its questions (titles fixed by the product owner), help, choices and notices.
import type { Settings } from '../app/settings';
import { countWords } from './numbers';

/** The questions' titles: answers are read back by these, so a title is also a key of the form's responses. */
export const FORM_ITEMS = {
  name: 'Nama Lengkap',
  nik: 'NIK',
  address: 'Alamat',
  phone: 'Nomor HP/WhatsApp',
  email: 'Email',
  subject: 'Perihal',
  description: 'Uraian Pengaduan',
  privacy: 'Kerahasiaan Identitas',
  consent: 'Persetujuan Data Pribadi',
  /** Optional, a list of the Kategori sheet's names; present only when the sheet has categories. */
  category: 'Kategori Pengaduan',
} as const;

/** Each choice starts with the privacy level it stands for (the answer is read by its first word). */
export const PRIVACY_CHOICES = [
  'biasa — identitas saya dapat dilihat petugas yang menangani',
  'anonim — identitas saya hanya diketahui Tim Pengaduan',
  'rahasia — identitas dan isi pengaduan hanya untuk Tim Pengaduan dan unit yang menangani',
] as const;

export const CONSENT_CHOICE =
  'Saya menyatakan data di atas benar sesuai KTP saya dan menyetujui penggunaannya untuk menangani pengaduan ini.';

export const FORM_HELP = {
  name: 'Sesuai KTP.',
  nik: '16 digit angka sesuai KTP. Pengaduan online tidak memerlukan unggahan KTP: NIK dan pernyataan di bawah menggantikannya.',
  address: 'Alamat untuk pengiriman surat jawaban bila tidak ada email.',
  phone: 'Contoh: 081234567890.',
  email: 'Tanda terima dan surat jawaban dikirim ke email ini.',
  subject: 'Ringkasan singkat pengaduan Anda.',
  description: 'Ceritakan apa yang terjadi, kapan, di mana, dan harapan Anda.',
  privacy: 'Pilih bagaimana identitas Anda dilindungi.',
  emailInvalid: 'Alamat email tidak valid.',
  maxLength: (n: number) => `Paling banyak ${n} karakter.`,
  consent: (s: Settings) =>
    `Data pribadi (NIK, alamat, nomor HP, email) dikumpulkan hanya untuk menangani dan menjawab pengaduan Anda, ` +
    `disimpan oleh ${s.agencyName} Kabupaten Tabanan, tidak diberikan kepada pihak lain, dan dihapus ` +
    `${s.retentionYears} tahun setelah pengaduan selesai (UU 27/2022 tentang Pelindungan Data Pribadi).`,
} as const;

/** "Dinas Koperasi dan Usaha Kecil dan Menengah": the agency's name as a title, "dan" kept lower case. */
function titleCase(s: string): string {
  return s
    .toLowerCase()
    .replace(/\b\w/g, (ch) => ch.toUpperCase())
    .replace(/\bDan\b/g, 'dan');
}

export function formTitle(s: Settings): string {
  return `Pengaduan Masyarakat — ${titleCase(s.agencyName)} Kabupaten Tabanan`;
}

/** The service standard, as the public must see it before complaining; the figures are the deadline rule's. */
export function formDescription(s: Settings, workingDays: number, specialMonths: number): string {
  return [
    'Sampaikan pengaduan Anda tentang layanan dinas kami.',
    '• Layanan ini tidak dipungut biaya (gratis).',
    `• Pengaduan dijawab paling lambat ${countWords(workingDays)} hari kerja; kasus khusus (pejabat yang bertanggung jawab tidak berada di tempat) paling lambat ${countWords(specialMonths)} bulan.`,
    '• Anda akan menerima nomor registrasi dan kode akses untuk memantau pengaduan.',
    `Pengaduan tentang pelayanan ini: email ${s.serviceComplaintEmail}, telepon ${s.serviceComplaintPhone}.`,
  ].join('\n');
}

export const CONFIRMATION_MESSAGE =
  'Terima kasih. Pengaduan Anda sudah kami terima. Bila Anda mengisi email, tanda terima berisi nomor registrasi dikirim ke email tersebut.';
