// Indonesian texts about the public form being open: setup's report lines and the Administrator's alert email.
import { renderEmail, type EmailContent } from './emails';

export const FORM_HEALTH = {
  published:
    'Formulir pengaduan online dipublikasikan (formulir baru dari Google tidak menerima jawaban sebelum dipublikasikan).',
  reopened: 'Formulir pengaduan online dibuka kembali untuk menerima jawaban.',
  loginDropped: 'Formulir pengaduan online dibuka untuk semua orang (tidak lagi hanya untuk akun domain kantor).',
  stillClosed: (url: string) =>
    `PERHATIAN: formulir pengaduan online BELUM menerima jawaban meskipun sudah dipublikasikan. Buka formulir (${url}), ` +
    'pilih Publikasikan dan aktifkan "Menerima jawaban", lalu jalankan Siapkan / Perbaiki Sistem lagi.',
  missing:
    'Formulir pengaduan online tidak ditemukan (terhapus atau tidak lagi dibagikan). Jalankan Siapkan / Perbaiki Sistem untuk membuat yang baru.',
  closedNow:
    'Formulir pengaduan online tidak menerima jawaban: masyarakat tidak dapat mengirim pengaduan online. Jalankan Dumas → Siapkan / Perbaiki Sistem untuk mempublikasikannya kembali.',
} as const;

export function formClosedAlertEmail(agencyName: string, formUrl: string, reason: string, when: string): EmailContent {
  const { body, htmlBody } = renderEmail(
    ['Yth. Administrator Dumas,', reason],
    [
      ['Formulir', formUrl || '(tidak ada)'],
      ['Diperiksa', when],
    ],
    ['Pesan ini dikirim oleh pemeriksaan harian Dumas dan akan dikirim lagi setiap hari selama formulir tertutup.'],
    `Dumas — ${agencyName}`,
  );
  return { subject: 'PENTING: formulir pengaduan online tidak menerima jawaban', body, htmlBody };
}
