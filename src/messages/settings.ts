// The "Pengaturan" sheet as staff read it: the help text of every setting, and the agency's default letterhead.
import type { Settings } from '../app/settings';
import { RETENTION } from './public';

/** The "Keterangan" column: one help text per setting (the compiler asks for every one). */
export const SETTING_HELP: Record<keyof Settings, string> = {
  governmentName: 'Baris pertama kop surat.',
  agencyName: 'Nama instansi pada kop surat dan email.',
  agencyAddress: 'Alamat kantor.',
  agencyPhone: 'Telepon kantor pada kop surat.',
  agencyEmail: 'Email kantor pada kop surat.',
  agencyWebsite: 'Situs web kantor.',
  serviceComplaintEmail: 'Email untuk mengadukan layanan ini (standar pelayanan).',
  serviceComplaintPhone: 'Telepon untuk mengadukan layanan ini (standar pelayanan).',
  city: 'Tempat pada tanggal surat.',
  regPattern: 'Format nomor registrasi. {year} = tahun, {seq:4} = urutan 4 digit.',
  agendaPattern: 'Format nomor agenda surat masuk.',
  letterPattern: 'Format nomor surat jawaban.',
  letterClassCode: 'Kode klasifikasi arsip surat jawaban pengaduan.',
  letterUnitCode: 'Kode unit pengolah pada nomor surat.',
  officeStart: 'Jam mulai layanan (WITA).',
  officeEnd: 'Jam akhir layanan (WITA). Pengaduan setelah jam ini dihitung diterima hari kerja berikutnya.',
  holidaysNational: 'Hari libur nasional dihitung sebagai hari libur (Ya/Tidak).',
  holidaysCutiBersama: 'Cuti bersama dihitung sebagai hari libur (Ya/Tidak).',
  holidaysBali: 'Dispensasi hari suci Hindu Bali dihitung sebagai hari libur (Ya/Tidak).',
  dailyHour: 'Jam pengiriman pengingat harian (0–23, WITA).',
  dailyAllClear: 'Kirim email harian walau tidak ada pengaduan yang mendesak (Ya/Tidak).',
  retentionYears: 'Lama data pribadi disimpan setelah pengaduan selesai (tahun).',
  lettersAfterRetention: RETENTION.lettersSettingHelp,
  signingMode:
    'Ditetapkan Kepala Dinas. "pindaian": surat dikirim setelah pindaian bertanda tangan basah dan cap, atau PDF bertanda tangan elektronik (TTE), diunggah. "tanda persetujuan": tanda persetujuan elektronik dicetak pada surat saat disetujui (bukan tanda tangan elektronik tersertifikasi).',
  statusPageUrl: 'URL aplikasi web cek status (diisi setelah deploy).',
  formId: 'Diisi otomatis oleh Siapkan Sistem.',
  formUrl: 'Diisi otomatis oleh Siapkan Sistem.',
  lettersFolderId: 'Diisi otomatis oleh Siapkan Sistem.',
  attachmentsFolderId:
    'Diisi otomatis oleh Siapkan Sistem: folder lampiran pengadu milik Administrator, tidak dibagikan kepada siapa pun.',
  attachmentLinkDays:
    'Berapa hari sejak pengaduan diterima tautan lampiran pada tanda terima dapat dipakai pengadu untuk menambahkan foto atau PDF (0: tanpa tautan).',
  templateDocId: 'Diisi otomatis; dapat diganti dengan ID Google Docs templat milik dinas.',
  laporWorkingDays:
    'Batas tindak lanjut laporan SP4N-LAPOR! dalam hari kerja sejak diteruskan LAPOR! (aturan LAPOR!: 5). Batas waktu pengaduan LAPOR! adalah yang lebih awal dari batas ini dan 5 hari kerja standar pelayanan.',
  duplicateWindowDays:
    'Pengaduan yang diterima paling lama sekian hari sebelum atau sesudahnya dibandingkan untuk mencari kemungkinan duplikat (NIK, nomor HP atau email sama, atau perihal mirip).',
};

/** The defaults of the letterhead, as the agency writes its own name and address. */
export const AGENCY_DEFAULTS = {
  governmentName: 'PEMERINTAH KABUPATEN TABANAN',
  agencyName: 'DINAS KOPERASI DAN USAHA KECIL DAN MENENGAH',
  agencyAddress: 'Jl. Pulau Seribu No. 25, Tabanan 82111',
  city: 'Tabanan',
} as const;
