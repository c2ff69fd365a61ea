// Files and links for the attachment tests: real JPEG, PNG and PDF bytes, disguised files, the receipt's link.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { matrixPng } from '../../src/app/qrPng';
import type { Office } from './office';

/** A small baseline JPEG (SOI, APP0, a comment, EOI): what the server's sniffing reads. */
export function jpegBytes(extra = 0): Buffer {
  const body = Buffer.alloc(extra, 0x20);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0', 'latin1'),
    Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xfe]),
    body,
    Buffer.from([0xff, 0xd9]),
  ]);
}

export function pngBytes(): Buffer {
  const m = Array.from({ length: 8 }, (_, y) => Array.from({ length: 8 }, (_, x) => (x + y) % 2 === 0));
  return Buffer.from(matrixPng(m, 2));
}

export async function pdfBytes(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 50, y: 780, size: 12, font });
  return Buffer.from(await doc.save());
}

/** A Windows program (MZ header) named as a photo would be. */
export const EXE_AS_JPG = Buffer.concat([Buffer.from('MZ\x90\0\x03\0\0\0', 'latin1'), Buffer.alloc(200, 0x41)]);
/** An HTML page named as a PDF would be. */
export const HTML_AS_PDF = Buffer.from(
  '<!DOCTYPE html><html><body><script>alert(1)</script>%PDF-1.4</body></html>\n%%EOF',
);

/** The upload link in the last receipt email to `email`. */
export function attachLinkFor(office: Office, email: string): URL {
  const mail = [...office.emu.mail.outbox]
    .reverse()
    .find((m) => m.to === email && m.subject.startsWith('Tanda Terima'));
  if (!mail) throw new Error(`no receipt to ${email}`);
  const match = /https:\/\/\S+halaman=lampiran\S+/.exec(mail.body);
  if (!match) throw new Error('no attachment link in the receipt');
  return new URL(match[0]);
}

export interface UploadAnswer {
  ok: boolean;
  message: string;
  count: number;
  max: number;
}

export function upload(office: Office, link: URL, bytes: Buffer | string): UploadAnswer {
  const data = typeof bytes === 'string' ? bytes : bytes.toString('base64');
  return office.web<UploadAnswer>('uploadAttachment', {
    no: link.searchParams.get('no'),
    t: link.searchParams.get('t'),
    data,
  });
}
