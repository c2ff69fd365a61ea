// The receipt's own PDF writer, read back by pdf.js and pdf-lib: a valid file (every cross-reference offset
// right), A4, lines wrapped inside the margins, centred and justified as asked, pages added when text overflows,
// characters outside WinAnsi shown as "?", and the QR drawn as an image a decoder reads.
import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from '../../src/app/qrPng';
import { RECEIPT_QR_SIZE, receiptPdf } from '../../src/app/receiptPdf';
import type { LayoutLine } from '../../src/domain/letter';
import { pdfImages, pdfTextItems, pdfToText } from '../emulator/pdf';

const A4 = { width: 595.28, height: 841.89, margin: 56.7 };
const LONG =
  'Pengaduan ini dicatat oleh petugas layanan dan akan ditangani sesuai standar pelayanan dalam lima hari kerja ' +
  'sejak diterima; perkembangan penanganannya dapat dilihat pada halaman status dengan nomor registrasi.';

const bytesOf = (lines: LayoutLine[], qr: boolean[][] | null = null): Uint8Array =>
  Uint8Array.from(receiptPdf('Tanda Terima DUMAS-2026-0001', lines, qr));

describe('the receipt PDF writer', () => {
  it('writes a valid A4 file in 7-bit ASCII whose cross-reference table points at every object', async () => {
    const bytes = bytesOf([{ text: 'TANDA TERIMA PENGADUAN', bold: true, align: 'CENTER' }]);
    const text = Buffer.from(bytes).toString('latin1');
    expect([...bytes].every((b) => b < 128)).toBe(true);
    const xref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(xref, xref + 4)).toBe('xref');
    const entries = text
      .slice(xref)
      .split('\n')
      .slice(3)
      .filter((l) => / n $/.test(l));
    entries.forEach((entry, i) => {
      const at = Number(entry.slice(0, 10));
      expect(text.slice(at, at + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: A4.width, height: A4.height });
    expect(doc.getTitle()).toBe('Tanda Terima DUMAS-2026-0001');
  });

  it('wraps inside the margins, centres and justifies as asked', async () => {
    const items = await pdfTextItems(
      bytesOf([
        { text: 'DINAS KOPERASI DAN USAHA KECIL MENENGAH', align: 'CENTER', bold: true, size: 14 },
        { text: LONG, align: 'JUSTIFY' },
        { text: LONG, align: 'RIGHT', size: 9 },
      ]),
    );
    for (const it of items) {
      expect(it.x).toBeGreaterThanOrEqual(A4.margin - 0.01);
      expect(it.x + it.w).toBeLessThanOrEqual(A4.width - A4.margin + 0.5);
    }
    const [title, ...rest] = items;
    expect(title.x + title.w / 2).toBeCloseTo(A4.width / 2, 0);
    const justified = rest.filter((i) => i.size === 11);
    expect(justified.length).toBeGreaterThan(1);
    // Every line but the paragraph's last reaches the right margin; the last stays flush left.
    for (const line of justified.slice(0, -1)) expect(line.x + line.w).toBeCloseTo(A4.width - A4.margin, 0);
    expect(justified.at(-1)!.x + justified.at(-1)!.w).toBeLessThan(A4.width - A4.margin - 20);
    for (const line of rest.filter((i) => i.size === 9)) expect(line.x + line.w).toBeCloseTo(A4.width - A4.margin, 0);
    // Nothing lost in the wrapping: the words come back in order.
    expect(justified.map((i) => i.str).join(' ')).toBe(LONG);
  });

  it('leaves flush left a justified line that a long link leaves too short to stretch', async () => {
    const link = `https://script.google.com/macros/s/${'A'.repeat(20)}/exec?no=DUMAS-2026-0001`;
    const items = await pdfTextItems(
      bytesOf([{ text: `Cek status pengaduan di ${link} dengan nomor`, align: 'JUSTIFY' }]),
    );
    expect(items[0].str).toBe('Cek status pengaduan di');
    expect(items[1].str.startsWith(link)).toBe(true);
    expect(items[0].x + items[0].w).toBeLessThan(A4.width / 2);
  });

  it('adds pages when the text overflows, each line inside the page, and cuts a word longer than a line', async () => {
    const word = 'X'.repeat(120);
    const lines: LayoutLine[] = [{ text: word }, ...Array.from({ length: 80 }, (_, i) => ({ text: `Baris ${i + 1}` }))];
    const bytes = bytesOf(lines);
    const items = await pdfTextItems(bytes);
    expect(new Set(items.map((i) => i.page)).size).toBe(2);
    for (const it of items) {
      expect(it.y).toBeGreaterThanOrEqual(A4.margin);
      expect(it.y).toBeLessThanOrEqual(A4.height - A4.margin);
      expect(it.x + it.w).toBeLessThanOrEqual(A4.width - A4.margin + 0.5);
    }
    expect(
      items
        .filter((i) => /^X+$/.test(i.str))
        .map((i) => i.str)
        .join(''),
    ).toBe(word);
    expect(items.filter((i) => i.str.startsWith('Baris'))).toHaveLength(80);
  });

  it('keeps Latin text with its accents and dashes, and shows other characters as "?"', async () => {
    const text = await pdfToText(bytesOf([{ text: 'Café “Ayu” – Rp 1.500.000 · ✓ 😀 ᬅ' }]));
    expect(text.trim()).toBe('Café “Ayu” – Rp 1.500.000 · ? ? ?');
  });

  it('draws the QR centred under the text, at its size, readable by a decoder', async () => {
    const url = 'https://script.google.com/macros/s/AKfy/exec?no=DUMAS-2026-0001';
    const [qr] = await pdfImages(bytesOf([{ text: 'Pindai kode QR' }], qrMatrix(url)));
    expect(qr.width).toBeCloseTo(RECEIPT_QR_SIZE, 5);
    expect(qr.x + qr.width / 2).toBeCloseTo(A4.width / 2, 1);
    expect(jsQR(qr.pixels.rgba, qr.pixels.width, qr.pixels.height)?.data).toBe(url);
  });
});
