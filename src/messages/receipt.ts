// The printed receipt (Tanda Terima) for letters and walk-ins: one page with the agency's letterhead, the number, the
// access code, the times and how to check the status. Built from already-safe one-line values: nothing typed by a
// complainant is on it (no name, NIK or complaint text), so no template or placeholder is involved.
import type { LayoutLine } from '../domain/letter';
import { ROW_LABELS } from './emails';

export interface ReceiptView {
  government: string;
  agency: string;
  address: string;
  phone: string;
  email: string;
  regNumber: string;
  accessCode: string;
  channel: string;
  received: string;
  deadline: string;
  /** The status page with the number prefilled; '' before the web app is deployed. */
  statusUrl: string;
  /** The sentence with the signed upload link; '' when there is none. */
  attachLine: string;
  serviceComplaintPhone: string;
  serviceComplaintEmail: string;
}

export const RECEIPT_TEXT = {
  title: 'TANDA TERIMA PENGADUAN',
  fileName: (regNumber: string) => `Tanda Terima ${regNumber}`,
  scan: 'Pindai kode QR untuk membuka halaman status (nomor registrasi sudah terisi).',
} as const;

const row = (label: string, value: string, bold = false): LayoutLine => ({
  text: `${label}: ${value}`,
  bold,
  size: bold ? 12 : 11,
});

/** The page, top to bottom; the QR (when there is a status page) is drawn below it. */
export function receiptLayout(v: ReceiptView): LayoutLine[] {
  const how =
    v.statusUrl !== ''
      ? `Cek status pengaduan di ${v.statusUrl} dengan nomor registrasi dan kode akses di atas.`
      : `Untuk menanyakan perkembangan pengaduan, hubungi ${v.phone || v.email} dengan menyebut nomor registrasi dan kode akses di atas.`;
  return [
    { text: v.government, align: 'CENTER', bold: true, size: 13 },
    { text: v.agency, align: 'CENTER', bold: true, size: 14 },
    { text: v.address, align: 'CENTER', size: 10 },
    { text: `Telepon ${v.phone} · Email ${v.email}`, align: 'CENTER', size: 10, rule: true },
    { text: '' },
    { text: RECEIPT_TEXT.title, align: 'CENTER', bold: true, size: 13, spaceAfter: 8 },
    row(ROW_LABELS.regNumber, v.regNumber, true),
    row(ROW_LABELS.accessCode, v.accessCode, true),
    row(ROW_LABELS.channel, v.channel),
    row(ROW_LABELS.received, v.received),
    row(ROW_LABELS.deadline, v.deadline, true),
    { text: '' },
    { text: how, align: 'JUSTIFY', spaceAfter: 6 },
    ...(v.attachLine !== '' ? [{ text: v.attachLine, align: 'JUSTIFY' as const, spaceAfter: 6 }] : []),
    {
      text: 'Simpan tanda terima ini. Kode akses hanya untuk Anda: jangan berikan kepada orang lain. Layanan pengaduan tidak dipungut biaya.',
      align: 'JUSTIFY',
      spaceAfter: 6,
    },
    {
      text: `Pengaduan tentang pelayanan kami: ${v.serviceComplaintEmail}, telepon ${v.serviceComplaintPhone}.`,
      size: 9,
    },
    ...(v.statusUrl !== '' ? [{ text: RECEIPT_TEXT.scan, align: 'CENTER' as const, size: 9 }] : []),
  ];
}

export const RECEIPT_UI = {
  onlyPaper: 'Tanda terima cetak hanya untuk pengaduan surat dan tatap muka; pengadu formulir online menerima email.',
} as const;
