// The email that carries the signed reply letter (PDF attached) to the complainant, in Indonesian, without the NIK.
import { escapeMultiline } from '../lib/html';
import type { EmailContent } from './emails';

export interface LetterEmailView {
  name: string;
  regNumber: string;
  subject: string;
  letterNumber: string;
  letterDate: string;
  fileName: string;
  agencyName: string;
  agencyPhone: string;
  agencyEmail: string;
  serviceComplaintEmail: string;
  serviceComplaintPhone: string;
}

export const letterEmailSubject = (regNumber: string): string => `Surat Jawaban Pengaduan ${regNumber}`;

/** The email carrying the signed letter (PDF attached); it never holds the NIK. */
export function letterEmail(v: LetterEmailView): EmailContent {
  const paragraphs = [
    `Yth. ${v.name || 'Bapak/Ibu'},`,
    `Bersama email ini kami sampaikan Surat Jawaban atas pengaduan Anda nomor registrasi ${v.regNumber} perihal "${v.subject}".`,
    `Surat nomor ${v.letterNumber} tanggal ${v.letterDate} terlampir dalam berkas PDF (${v.fileName}).`,
    `Dengan surat ini pengaduan Anda kami nyatakan selesai. Apabila Anda belum puas atau memerlukan keterangan lebih lanjut, ` +
      `hubungi kami di ${v.serviceComplaintPhone} atau ${v.serviceComplaintEmail} dengan menyebut nomor registrasi di atas.`,
    'Layanan pengaduan ini tidak dipungut biaya.',
  ];
  const signature = `Hormat kami,\n${v.agencyName}\nTelepon ${v.agencyPhone} · ${v.agencyEmail}`;
  return {
    subject: letterEmailSubject(v.regNumber),
    body: [...paragraphs, '', signature].join('\n\n'),
    htmlBody:
      `<div style="font-family:Arial,sans-serif;font-size:14px;color:#202124">` +
      paragraphs.map((p) => `<p>${escapeMultiline(p)}</p>`).join('') +
      `<p style="color:#5f6368">${escapeMultiline(signature)}</p></div>`,
  };
}
