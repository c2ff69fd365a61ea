// Indonesian text of attachments: the upload page (public), the receipts' line about it, the sidebar's list.
import type { UploadRefusal } from '../domain/attachments';

export const ATTACH = {
  title: 'Lampiran Pengaduan',
  /** The receipts' line (email, WhatsApp, printed). */
  receiptLine: (url: string, lastDay: string, max: number) =>
    `Lampirkan foto atau dokumen pendukung (paling banyak ${max} berkas, sampai ${lastDay}) di ${url}`,
  /** A forged, altered or unknown link: one answer for all of them. */
  linkInvalid:
    'Tautan lampiran ini tidak berlaku. Gunakan tautan pada tanda terima atau email tanda terima dari kami, tanpa diubah.',
  linkExpired: (lastDay: string) =>
    `Tautan lampiran ini berlaku sampai ${lastDay} dan sudah tidak dapat dipakai. Bila masih ada dokumen yang perlu disampaikan, hubungi kantor kami dengan menyebut nomor registrasi.`,
  linkClosed:
    'Pengaduan ini sudah selesai ditangani, jadi lampiran tidak dapat ditambahkan lagi. Bila masalah belum terselesaikan, hubungi kantor kami.',
  linkOff: 'Penambahan lampiran melalui tautan sedang tidak dibuka. Silakan hubungi kantor kami.',
  validUntil: (lastDay: string) => `Tautan berlaku sampai ${lastDay}.`,
  limits: (max: number, mb: number) =>
    `Anda dapat menambahkan paling banyak ${max} berkas untuk pengaduan ini: foto (JPEG atau PNG) atau dokumen PDF, masing-masing paling besar ${mb} MB. Foto yang besar diperkecil otomatis sebelum dikirim.`,
  count: (n: number, max: number) => `Sudah dilampirkan: ${n} dari ${max} berkas.`,
  refusals: {
    tooLarge: (mb: number) => `Berkas terlalu besar (paling besar ${mb} MB). Perkecil atau pindai ulang dokumen Anda.`,
    empty: 'Berkas kosong.',
    badType:
      'Berkas ini bukan foto JPEG/PNG atau dokumen PDF (isinya diperiksa, bukan namanya). Kirim foto atau PDF yang asli.',
    complaintFull: (max: number) => `Pengaduan ini sudah mempunyai ${max} lampiran, jumlah paling banyak.`,
    dayFull:
      'Layanan lampiran sudah menerima batas berkas untuk hari ini. Silakan coba lagi besok atau hubungi kantor kami.',
  } satisfies Record<UploadRefusal, string | ((n: number) => string)>,
  stored: (name: string) => `Berkas tersimpan sebagai ${name}.`,
  busy: 'Layanan sedang sibuk. Silakan coba lagi beberapa saat lagi.',
  failed: 'Berkas belum dapat disimpan karena gangguan. Silakan coba lagi.',
  unavailable: 'Halaman lampiran belum dapat digunakan. Silakan hubungi kantor kami.',
  /** The audit log's row of an upload (the stored name only). */
  auditAction: 'Tambah Lampiran',
  auditActor: 'Pengadu (tautan lampiran)',
  auditNote: (name: string, type: string, size: string) => `${name} (${type}, ${size})`,
} as const;

/** The sidebar: the list and opening a file. */
export const ATTACH_UI = {
  notFound: 'Lampiran itu tidak ditemukan pada pengaduan ini.',
  notEntitled:
    'Anda tidak berhak melihat lampiran pengaduan ini (rahasia: hanya Tim Pengaduan, Kepala Dinas dan unit yang ditugaskan).',
  noWebApp:
    'Lampiran belum dapat dibuka: aplikasi web belum dipasang (Pengaturan, url_halaman_status). Hubungi Administrator.',
  openFailed: 'Lampiran belum dapat dibuka karena gangguan. Silakan coba lagi.',
  typeLabels: { jpeg: 'Foto JPEG', png: 'Gambar PNG', pdf: 'PDF' },
} as const;

/** Setup's report about the attachments folder. */
export const ATTACH_SETUP = {
  folderName: 'Dumas — Lampiran Pengaduan (jangan dibagikan)',
  folderCreated: 'Folder lampiran pengaduan dibuat di Google Drive (tidak dibagikan kepada siapa pun).',
  folderUnshared: (n: number) =>
    `Folder lampiran pengaduan: ${n} akses berbagi dicabut (folder ini tidak boleh dibagikan).`,
  folderUnreachable:
    'Folder lampiran pengaduan (id_folder_lampiran) tidak dapat dibuka oleh akun ini. Jalankan Siapkan Sistem dengan akun pemilik aplikasi web, atau kosongkan id_folder_lampiran agar folder baru dibuat.',
} as const;
