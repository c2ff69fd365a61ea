// The public Google Form: its questions (titles fixed by the product owner), texts, and how answers become an intake.
import type { IntakeInput } from '../domain/validation';
import type { Settings } from './settings';

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
  consent: (s: Settings) =>
    `Data pribadi (NIK, alamat, nomor HP, email) dikumpulkan hanya untuk menangani dan menjawab pengaduan Anda, ` +
    `disimpan oleh ${s.agencyName} Kabupaten Tabanan, tidak diberikan kepada pihak lain, dan dihapus ` +
    `${s.retentionYears} tahun setelah pengaduan selesai (UU 27/2022 tentang Pelindungan Data Pribadi).`,
} as const;

export function formTitle(s: Settings): string {
  return `Pengaduan Masyarakat — ${titleCase(s.agencyName)} Kabupaten Tabanan`;
}

function titleCase(s: string): string {
  return s
    .toLowerCase()
    .replace(/\b\w/g, (ch) => ch.toUpperCase())
    .replace(/\bDan\b/g, 'dan');
}

/** The service standard, as the public must see it before complaining. */
export function formDescription(s: Settings): string {
  return [
    'Sampaikan pengaduan Anda tentang layanan dinas kami.',
    '• Layanan ini tidak dipungut biaya (gratis).',
    '• Pengaduan dijawab paling lambat 5 (lima) hari kerja; kasus khusus (pejabat yang bertanggung jawab tidak berada di tempat) paling lambat 1 (satu) bulan.',
    '• Anda akan menerima nomor registrasi dan kode akses untuk memantau pengaduan.',
    `Pengaduan tentang pelayanan ini: email ${s.serviceComplaintEmail}, telepon ${s.serviceComplaintPhone}.`,
  ].join('\n');
}

export function confirmationMessage(): string {
  return 'Terima kasih. Pengaduan Anda sudah kami terima. Bila Anda mengisi email, tanda terima berisi nomor registrasi dikirim ke email tersebut.';
}

export type FormAnswers = Record<string, string | string[]>;

function text(answers: FormAnswers, title: string): string {
  const v = answers[title];
  if (Array.isArray(v)) return v.join(', ');
  return v ?? '';
}

/** An online answer set as an intake. The privacy choice is read by its first word. */
export function answersToIntake(answers: FormAnswers, receivedAt: Date): IntakeInput {
  const privacyAnswer =
    text(answers, FORM_ITEMS.privacy)
      .trim()
      .split(/[\s—-]/)[0] ?? '';
  const consent = text(answers, FORM_ITEMS.consent) !== '';
  return {
    channel: 'Formulir Online',
    receivedAt,
    name: text(answers, FORM_ITEMS.name),
    nik: text(answers, FORM_ITEMS.nik),
    address: text(answers, FORM_ITEMS.address),
    phone: text(answers, FORM_ITEMS.phone),
    email: text(answers, FORM_ITEMS.email),
    subject: text(answers, FORM_ITEMS.subject),
    description: text(answers, FORM_ITEMS.description),
    privacy: privacyAnswer || 'biasa',
    // Checked against the Kategori sheet at intake: a choice no longer there is dropped, never refused.
    category: text(answers, FORM_ITEMS.category),
    // Online, the KTP requirement is the NIK plus the declaration in the consent item.
    ktpSeen: consent,
    letterPresent: false,
    registeredBy: '',
  };
}
