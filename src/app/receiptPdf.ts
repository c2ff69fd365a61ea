// The printed receipt's PDF, written here rather than exported from a Google Doc. A temporary Doc cost about 60
// service calls (6.5 s calibrated) and left a copy of the access code in the trash; this costs none and touches
// no file. The receipt needs only what PDF's standard fonts give (Latin text, WinAnsi) and the QR as a 1-bit
// image: A4, the Docs layout's alignments, sizes and spacing, and pages added should the text ever overflow one.
// The file is 7-bit ASCII (hex strings, an ASCIIHex image), so its byte offsets are its string offsets.
import type { LayoutLine } from '../domain/letter';
import { textWidth, winAnsi } from './helvetica';
import { qrBitmap } from './qrPng';

const A4 = { width: 595.28, height: 841.89, margin: 56.7 };
/** Google Docs' default text size and line spacing (1.15), which the Doc-made receipt had. */
const BODY_SIZE = 11;
const LINE_SPACING = 1.15;
/** The most a justified line may widen each space, in ems. */
const MAX_STRETCH = 0.5;
/** Side of the receipt's QR in points (about 3.5 cm: easy to scan from paper with a phone). */
export const RECEIPT_QR_SIZE = 100;
/** Pixels per QR module. */
const QR_SCALE = 4;

type Matrix = readonly (readonly boolean[])[];

interface Line {
  codes: number[];
  width: number;
}

const hex = (codes: readonly number[]): string => codes.map((c) => c.toString(16).padStart(2, '0')).join('');
const num = (n: number): string => String(Math.round(n * 100) / 100);

/** Words of `codes` laid into lines no wider than `max` points; a word longer than a line is cut. */
function wrap(codes: readonly number[], size: number, bold: boolean, max: number): Line[] {
  const spaceWidth = textWidth([32], size, bold);
  const words: number[][] = [];
  let word: number[] = [];
  for (const c of codes) {
    if (c === 32) {
      if (word.length > 0) words.push(word);
      word = [];
    } else word.push(c);
  }
  if (word.length > 0) words.push(word);
  const lines: Line[] = [];
  let current: Line = { codes: [], width: 0 };
  const flush = (): void => {
    if (current.codes.length > 0) lines.push(current);
    current = { codes: [], width: 0 };
  };
  for (let w of words) {
    while (textWidth(w, size, bold) > max) {
      flush();
      let n = w.length - 1;
      while (n > 1 && textWidth(w.slice(0, n), size, bold) > max) n--;
      lines.push({ codes: w.slice(0, n), width: textWidth(w.slice(0, n), size, bold) });
      w = w.slice(n);
    }
    const width = textWidth(w, size, bold);
    if (current.codes.length > 0 && current.width + spaceWidth + width > max) flush();
    if (current.codes.length > 0) {
      current.codes.push(32);
      current.width += spaceWidth;
    }
    current.codes.push(...w);
    current.width += width;
  }
  flush();
  return lines;
}

/** The QR as an image XObject: 1-bit gray (0 dark), QR_SCALE pixels a module, the quiet zone around it. */
function qrImage(matrix: Matrix): string {
  const { size, rows } = qrBitmap(matrix, QR_SCALE);
  const data = `${rows.map(hex).join('\n')}>`;
  return (
    `<< /Type /XObject /Subtype /Image /Width ${size} /Height ${size} /ColorSpace /DeviceGray ` +
    `/BitsPerComponent 1 /Interpolate false /Filter /ASCIIHexDecode /Length ${data.length} >>\n` +
    `stream\n${data}\nendstream`
  );
}

/** The content streams of the pages: `lines` from the top, then the QR centred below them. */
function pages(lines: readonly LayoutLine[], qr: boolean): string[] {
  const out: string[] = [];
  let ops: string[] = [];
  let y = A4.height - A4.margin;
  const room = (height: number): void => {
    if (y - height >= A4.margin || ops.length === 0) return;
    out.push(ops.join('\n'));
    ops = [];
    y = A4.height - A4.margin;
  };
  for (const line of lines) {
    const size = line.size ?? BODY_SIZE;
    const bold = line.bold === true;
    const left = A4.margin + (line.indent ?? 0);
    const max = A4.width - A4.margin - left;
    const leading = size * LINE_SPACING;
    const laid = wrap(winAnsi(line.text), size, bold, max);
    if (laid.length === 0) y -= leading; // an empty paragraph keeps its line
    laid.forEach((l, i) => {
      room(leading);
      y -= leading;
      const baseline = y + size * 0.21; // Helvetica's descender: the line box holds the glyphs
      const spare = max - l.width;
      const align = line.align ?? 'LEFT';
      const x = align === 'CENTER' ? left + spare / 2 : align === 'RIGHT' ? left + spare : left;
      const spaces = l.codes.filter((c) => c === 32).length;
      // Justified lines stretch their spaces (Tw applies to code 32); the paragraph's last line stays flush left,
      // and so does a line a long link left so short that its spaces would gape (more than half an em each).
      const gap = spaces > 0 ? spare / spaces : Infinity;
      const stretch = align === 'JUSTIFY' && i < laid.length - 1 && gap <= size * MAX_STRETCH ? gap : 0;
      ops.push(
        `BT /${bold ? 'F2' : 'F1'} ${size} Tf ${num(stretch)} Tw 1 0 0 1 ${num(x)} ${num(baseline)} Tm <${hex(l.codes)}> Tj ET`,
      );
    });
    if (line.rule) {
      y -= 4;
      ops.push(`0.75 w ${num(A4.margin)} ${num(y)} m ${num(A4.width - A4.margin)} ${num(y)} l S`);
      y -= 4;
    }
    y -= line.spaceAfter ?? 0;
  }
  if (qr) {
    room(RECEIPT_QR_SIZE + 8);
    y -= RECEIPT_QR_SIZE + 8;
    const x = (A4.width - RECEIPT_QR_SIZE) / 2;
    ops.push(`q ${RECEIPT_QR_SIZE} 0 0 ${RECEIPT_QR_SIZE} ${num(x)} ${num(y)} cm /Q Do Q`);
  }
  out.push(ops.join('\n'));
  return out;
}

/** The receipt's PDF bytes: `lines` on A4 in Helvetica, then `qr` (a QR matrix) centred below when given. */
export function receiptPdf(title: string, lines: readonly LayoutLine[], qr: Matrix | null): number[] {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const tree = add('');
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const image = qr === null ? 0 : add(qrImage(qr));
  const info = add(`<< /Title <feff${hex([...title].flatMap(utf16))}> /Producer (Dumas) >>`);
  const resources =
    `<< /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >>` + (image ? ` /XObject << /Q ${image} 0 R >>` : '') + ' >>';
  const kids = pages(lines, qr !== null).map((content) => {
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    return add(
      `<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] ` +
        `/Resources ${resources} /Contents ${stream} 0 R >>`,
    );
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${tree} 0 R >>`;
  objects[tree - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let file = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = file.length;
    file += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = file.length;
  file += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  file += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  file += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return [...file].map((ch) => ch.charCodeAt(0));
}

/** A character as UTF-16BE bytes (a PDF text string such as the title). */
function utf16(ch: string): number[] {
  const units: number[] = [];
  for (let i = 0; i < ch.length; i++) units.push(ch.charCodeAt(i) >> 8, ch.charCodeAt(i) & 0xff);
  return units;
}
