// Renders emulated document content to a real PDF with pdf-lib, synchronously (Apps Script's getAs is
// synchronous, pdf-lib's save() is not, so we drive pdf-lib's object model and serialize it ourselves).
import {
  PDFCatalog,
  PDFContext,
  PDFCrossRefSection,
  PDFDocument,
  PDFFont,
  PDFHeader,
  PDFPage,
  PDFPageTree,
  PDFTrailer,
  PDFTrailerDict,
  PDFImage,
  PngEmbedder,
  StandardFonts,
  rgb,
  type PDFRef,
} from 'pdf-lib';
import { PNG } from 'pdf-lib/cjs/utils/png';

export type PdfAlign = 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFY';

/** An inline image (PNG), drawn at its size in points where its paragraph stands. */
export interface PdfImage {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** A paragraph with the Docs paragraph attributes the renderer honours (points; lineSpacing is a multiple). */
export interface PdfParagraph {
  kind: 'paragraph';
  text: string;
  size?: number;
  bold?: boolean;
  align?: PdfAlign;
  indentStart?: number;
  indentEnd?: number;
  indentFirstLine?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  lineSpacing?: number;
  images?: PdfImage[];
}

export interface PdfCell {
  blocks: PdfParagraph[];
  /** Docs' default cell padding is 5 pt on each side. */
  padding?: { top?: number; right?: number; bottom?: number; left?: number };
}

export type PdfBlock =
  | PdfParagraph
  /** Column widths in points (null: an equal share of what the fixed columns leave); borderWidth 0: no lines. */
  | { kind: 'table'; rows: PdfCell[][]; widths?: (number | null)[]; borderWidth?: number }
  | { kind: 'rule' }
  | { kind: 'pagebreak' };

export interface PdfContent {
  title: string;
  header: PdfBlock[];
  body: PdfBlock[];
  footer: PdfBlock[];
}

const PAGE_W = 595.28; // A4, as a Docs default in Indonesia
const PAGE_H = 841.89;
const MARGIN = 72; // Docs' default 1-inch margins
const BODY_SIZE = 11;
/** Points of line height per point of font size at line spacing 1 (Arial's ascent + descent + gap in Docs). */
const LINE = 1.3;
const CELL_PADDING = 5;

type PdfDocumentCtor = new (context: PDFContext, ignoreEncryption: boolean, updateMetadata: boolean) => PDFDocument;
type PngEmbedderCtor = new (png: unknown) => PngEmbedder;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Replaces every character the standard fonts cannot encode (WinAnsi) with '?', e.g. emoji. */
export function sanitizeWinAnsi(text: string, font: PDFFont): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\n' || ch === '\t') {
      out += ch === '\t' ? ' ' : ch;
      continue;
    }
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += '?';
    }
  }
  return out;
}

function wrap(text: string, font: PDFFont, size: number, width: number, firstWidth = width): string[] {
  const lines: string[] = [];
  const limit = (): number => (lines.length === 0 ? firstWidth : width);
  for (const hard of text.split('\n')) {
    let line = '';
    // A single word wider than the line (a long link) is cut by characters, wherever it starts.
    const cut = (word: string): string => {
      let chunk = '';
      for (const ch of word) {
        if (font.widthOfTextAtSize(chunk + ch, size) > limit() && chunk) {
          lines.push(chunk);
          chunk = '';
        }
        chunk += ch;
      }
      return chunk;
    };
    for (const word of hard.split(/(\s+)/)) {
      const candidate = line + word;
      if (font.widthOfTextAtSize(candidate, size) <= limit()) line = candidate;
      else if (line === '') line = cut(word);
      else {
        lines.push(line.trimEnd());
        const next = word.trimStart();
        line = font.widthOfTextAtSize(next, size) > limit() ? cut(next) : next;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** One laid-out line of a paragraph: text or an image row, its x and its height. */
interface PlacedLine {
  text: string;
  x: number;
  height: number;
  size: number;
  font: PDFFont;
  image?: { image: PDFImage; width: number; height: number };
}

class Layout {
  private page!: PDFPage;
  private y = 0;
  private readonly width = PAGE_W - 2 * MARGIN;
  readonly images: { embedder: PngEmbedder; ref: PDFRef }[] = [];

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    private readonly content: PdfContent,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([PAGE_W, PAGE_H]);
    // Header and footer repeat on every page, as in Docs.
    let y = PAGE_H - MARGIN / 2;
    for (const b of this.content.header) if (b.kind === 'paragraph') y = this.drawStatic(b, y);
    let fy = MARGIN / 2;
    for (const b of [...this.content.footer].reverse()) if (b.kind === 'paragraph') fy = this.drawStaticUp(b, fy);
    this.y = PAGE_H - MARGIN;
  }

  private drawStatic(b: PdfParagraph, y: number): number {
    const size = b.size ?? 9;
    const font = b.bold ? this.fonts.bold : this.fonts.regular;
    for (const line of wrap(sanitizeWinAnsi(b.text, font), font, size, this.width)) {
      y -= size * 1.2;
      this.page.drawText(line, { x: this.alignX(line, font, size, b.align, MARGIN, this.width), y, size, font });
    }
    return y;
  }

  private drawStaticUp(b: PdfParagraph, y: number): number {
    const size = b.size ?? 9;
    const font = b.bold ? this.fonts.bold : this.fonts.regular;
    const lines = wrap(sanitizeWinAnsi(b.text, font), font, size, this.width);
    for (const line of [...lines].reverse()) {
      this.page.drawText(line, { x: this.alignX(line, font, size, b.align, MARGIN, this.width), y, size, font });
      y += size * 1.2;
    }
    return y;
  }

  private alignX(line: string, font: PDFFont, size: number, align: PdfAlign | undefined, x0: number, w0: number) {
    const w = font.widthOfTextAtSize(line, size);
    if (align === 'CENTER') return x0 + (w0 - w) / 2;
    if (align === 'RIGHT') return x0 + w0 - w;
    return x0; // JUSTIFY is drawn ragged-right: word spacing is not measured by any test
  }

  private ensure(height: number): void {
    if (this.y - height < MARGIN) this.newPage();
  }

  private embedImage(img: PdfImage): PDFImage {
    // pdf-lib's embedPng is async; its PNG decoder and embedder do their work synchronously.
    const embedder = new (PngEmbedder as unknown as PngEmbedderCtor)(PNG.load(img.bytes));
    const ref = this.doc.context.nextRef();
    this.images.push({ embedder, ref });
    return PDFImage.of(ref, this.doc, embedder);
  }

  /** The lines of a paragraph laid out in a box [x0, x0 + w0): indents, alignment, images. */
  private lines(p: PdfParagraph, x0: number, w0: number): PlacedLine[] {
    const size = p.size ?? BODY_SIZE;
    const font = p.bold ? this.fonts.bold : this.fonts.regular;
    const spacing = p.lineSpacing ?? 1;
    const start = x0 + (p.indentStart ?? 0);
    const width = Math.max(10, w0 - (p.indentStart ?? 0) - (p.indentEnd ?? 0));
    const first = p.indentFirstLine ?? 0;
    const out: PlacedLine[] = [];
    const texts =
      p.text === '' && (p.images?.length ?? 0) > 0
        ? []
        : wrap(sanitizeWinAnsi(p.text, font), font, size, width, width - first);
    texts.forEach((t, i) => {
      const x = this.alignX(t, font, size, p.align, start + (i === 0 ? first : 0), width - (i === 0 ? first : 0));
      out.push({ text: t, x, height: size * LINE * spacing, size, font });
    });
    for (const img of p.images ?? []) {
      const w = Math.min(img.width, width);
      const h = img.height * (w / img.width);
      const x = p.align === 'CENTER' ? start + (width - w) / 2 : p.align === 'RIGHT' ? start + width - w : start;
      out.push({
        text: '',
        x,
        height: h + size * 0.3,
        size,
        font,
        image: { image: this.embedImage(img), width: w, height: h },
      });
    }
    return out;
  }

  private draw(line: PlacedLine, baseline: number): void {
    if (line.image) {
      this.page.drawImage(line.image.image, {
        x: line.x,
        y: baseline,
        width: line.image.width,
        height: line.image.height,
      });
    } else if (line.text !== '') {
      this.page.drawText(line.text, { x: line.x, y: baseline, size: line.size, font: line.font });
    }
  }

  /** Height a paragraph takes in a box of width w0 (spacing included). */
  private paragraphHeight(p: PdfParagraph, w0: number): number {
    return (p.spaceBefore ?? 0) + this.lines(p, 0, w0).reduce((a, l) => a + l.height, 0) + (p.spaceAfter ?? 0);
  }

  block(b: PdfBlock): void {
    if (b.kind === 'pagebreak') return this.newPage();
    if (b.kind === 'rule') {
      this.ensure(8);
      this.y -= 4;
      this.page.drawLine({
        start: { x: MARGIN, y: this.y },
        end: { x: MARGIN + this.width, y: this.y },
        thickness: 0.5,
        color: rgb(0, 0, 0),
      });
      this.y -= 4;
      return;
    }
    if (b.kind === 'table') return this.table(b);
    // Docs drops the space before a paragraph at the top of a page.
    if (this.y < PAGE_H - MARGIN) this.y -= b.spaceBefore ?? 0;
    for (const line of this.lines(b, MARGIN, this.width)) {
      this.ensure(line.height);
      this.y -= line.height;
      this.draw(
        line,
        line.image ? this.y + line.size * 0.3 : this.y + (line.height - line.size * LINE) + line.size * 0.25,
      );
    }
    this.y -= b.spaceAfter ?? 0;
  }

  private columnWidths(cols: number, widths: (number | null)[] | undefined): number[] {
    const fixed = Array.from({ length: cols }, (_, i) => widths?.[i] ?? null);
    const used = fixed.reduce<number>((a, w) => a + (w ?? 0), 0);
    const free = fixed.filter((w) => w === null).length;
    const share = free > 0 ? Math.max(20, (this.width - used) / free) : 0;
    return fixed.map((w) => w ?? share);
  }

  private table(t: { rows: PdfCell[][]; widths?: (number | null)[]; borderWidth?: number }): void {
    const cols = Math.max(1, ...t.rows.map((r) => r.length));
    const widths = this.columnWidths(cols, t.widths);
    const border = t.borderWidth ?? 0.5;
    for (const row of t.rows) {
      const boxes = widths.map((w, i) => {
        const cell = row[i] ?? { blocks: [] };
        const given = cell.padding ?? {};
        const pad = {
          top: given.top ?? CELL_PADDING,
          right: given.right ?? CELL_PADDING,
          bottom: given.bottom ?? CELL_PADDING,
          left: given.left ?? CELL_PADDING,
        };
        const inner = Math.max(10, w - pad.left - pad.right);
        const h = cell.blocks.reduce((a, p) => a + this.paragraphHeight(p, inner), 0);
        return { cell, pad, inner, height: pad.top + h + pad.bottom };
      });
      const height = Math.max(...boxes.map((b) => b.height));
      this.ensure(height);
      const top = this.y;
      let x = MARGIN;
      boxes.forEach((box, i) => {
        let y = top - box.pad.top;
        for (const p of box.cell.blocks) {
          y -= p.spaceBefore ?? 0;
          for (const line of this.lines(p, x + box.pad.left, box.inner)) {
            y -= line.height;
            this.draw(line, line.image ? y + line.size * 0.3 : y + (line.height - line.size * LINE) + line.size * 0.25);
          }
          y -= p.spaceAfter ?? 0;
        }
        if (border > 0) {
          this.page.drawRectangle({
            x,
            y: top - height,
            width: widths[i],
            height,
            borderWidth: border,
            borderColor: rgb(0, 0, 0),
          });
        }
        x += widths[i];
      });
      this.y = top - height;
    }
  }
}

function bytesOf(obj: {
  sizeInBytes(): number;
  copyBytesInto(buffer: Uint8Array, offset: number): number;
}): Uint8Array {
  const buf = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(buf, 0);
  return buf;
}

/** Synchronous equivalent of pdf-lib's PDFWriter.serializeToBuffer (which yields to the event loop). */
function serialize(context: PDFContext): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const push = (b: Uint8Array | string): void => {
    const bytes = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    chunks.push(bytes);
    size += bytes.length;
  };
  push(bytesOf(PDFHeader.forVersion(1, 7)));
  push('\n\n');
  const xref = PDFCrossRefSection.create();
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    xref.addEntry(ref, size);
    push(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    push(bytesOf(object));
    push('\nendobj\n\n');
  }
  const xrefOffset = size;
  push(bytesOf(xref));
  push('\n');
  const trailerDict = PDFTrailerDict.of(
    context.obj({
      Size: context.largestObjectNumber + 1,
      Root: context.trailerInfo.Root,
      Info: context.trailerInfo.Info,
    }),
  );
  push(bytesOf(trailerDict));
  push('\n\n');
  push(bytesOf(PDFTrailer.forLastCrossRefSectionOffset(xrefOffset)));
  return new Uint8Array(Buffer.concat(chunks));
}

interface FontInternals {
  embedder: { embedIntoContext(context: PDFContext, ref: unknown): unknown };
}

/** A PDF (bytes) of the given content: header and footer on every page, body paragraphs wrapped across pages. */
export function renderPdf(content: PdfContent): Uint8Array {
  const context = PDFContext.create();
  const pageTreeRef = context.register(PDFPageTree.withContext(context));
  context.trailerInfo.Root = context.register(PDFCatalog.withContextAndPages(context, pageTreeRef));
  // The constructor is private in pdf-lib's types; PDFDocument.create() is only an async wrapper around it.
  const doc = new (PDFDocument as unknown as PdfDocumentCtor)(context, false, false);
  doc.setTitle(sanitizeTitle(content.title));
  const fonts: Fonts = {
    regular: doc.embedStandardFont(StandardFonts.Helvetica),
    bold: doc.embedStandardFont(StandardFonts.HelveticaBold),
  };
  const layout = new Layout(doc, fonts, content);
  for (const b of content.body) layout.block(b);
  for (const f of [fonts.regular, fonts.bold])
    (f as unknown as FontInternals).embedder.embedIntoContext(context, f.ref);
  // Synchronous despite the async signature (no await inside), like the fonts' embedders above.
  for (const { embedder, ref } of layout.images) void embedder.embedIntoContext(context, ref);
  return serialize(context);
}

function sanitizeTitle(title: string): string {
  return title.replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?');
}

/**
 * Text of a PDF, read by pdf.js (the npm package unpdf): one line per text baseline, items in reading
 * order, a space where the gap between two items is wider than a space, pages separated by a form feed
 * (as poppler's text tool prints them). With `layout: false` the items of a page are simply joined.
 */
export async function pdfToText(bytes: Uint8Array, options: { layout?: boolean } = {}): Promise<string> {
  const { getDocumentProxy } = await import('unpdf');
  // pdf.js detaches the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const items = content.items.flatMap((it) =>
      'str' in it && it.str !== ''
        ? [{ str: it.str, x: Number(it.transform[4]), y: Number(it.transform[5]), w: it.width }]
        : [],
    );
    if (options.layout === false) {
      pages.push(items.map((i) => i.str).join('\n'));
      continue;
    }
    const lines = new Map<number, typeof items>();
    for (const it of items) {
      const key = Math.round(it.y);
      lines.set(key, [...(lines.get(key) ?? []), it]);
    }
    const text = [...lines.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([, line]) => {
        line.sort((a, b) => a.x - b.x);
        let out = '';
        let end = -Infinity;
        for (const it of line) {
          if (out !== '' && it.x - end > 1) out += ' ';
          out += it.str;
          end = it.x + it.w;
        }
        return out;
      });
    pages.push(text.join('\n'));
  }
  await pdf.cleanup();
  return pages.join('\n\f');
}

/** pdf.js (unpdf) calls ArrayBuffer.prototype.transferToFixedLength, which Node 20 lacks: a copying stand-in. */
function ensureTransferToFixedLength(): void {
  const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: (n?: number) => ArrayBuffer };
  if (typeof proto.transferToFixedLength === 'function') return;
  Object.defineProperty(proto, 'transferToFixedLength', {
    configurable: true,
    value(this: ArrayBuffer, n?: number): ArrayBuffer {
      const out = new ArrayBuffer(n ?? this.byteLength);
      new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(this.byteLength, out.byteLength)));
      return out;
    },
  });
}

/** One text item as pdf.js reads it: page (1-based), text, left x, baseline y, width, font size (points). */
export interface PdfTextItem {
  page: number;
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

/** Every text item with its position, for layout checks (x from the page's left edge, y from its bottom). */
export async function pdfTextItems(bytes: Uint8Array): Promise<PdfTextItem[]> {
  const { getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const out: PdfTextItem[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const it of content.items) {
      if (!('str' in it) || it.str === '') continue;
      const t = it.transform as number[];
      out.push({ page: n, str: it.str, x: t[4], y: t[5], w: it.width, size: Math.hypot(t[2], t[3]) });
    }
  }
  await pdf.cleanup();
  return out;
}

/** A drawn image: its page, its box on the page (points) and its pixels as RGBA (what an image decoder takes). */
export interface PdfDrawnImage {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  pixels: { width: number; height: number; rgba: Uint8ClampedArray };
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** Every image XObject drawn, decoded by pdf.js, with the box the current transformation gives it. */
export async function pdfImages(bytes: Uint8Array): Promise<PdfDrawnImage[]> {
  ensureTransferToFixedLength();
  const { getDocumentProxy, getResolvedPDFJS } = await import('unpdf');
  const { OPS } = await getResolvedPDFJS();
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const out: PdfDrawnImage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const ops = await page.getOperatorList();
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const stack: Matrix[] = [];
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
      else if (fn === OPS.transform) ctm = multiply(args as Matrix, ctm);
      else if (fn === OPS.paintImageXObject) {
        const img = await new Promise<{ width: number; height: number; kind: number; data: Uint8Array }>((resolve) => {
          page.objs.get(String(args[0]), resolve);
        });
        const count = img.width * img.height;
        const rgba = new Uint8ClampedArray(count * 4);
        // pdf.js ImageKind: 1 = 1 bit gray, 2 = RGB 24 bit, 3 = RGBA 32 bit.
        for (let p = 0; p < count; p++) {
          let r: number, g: number, b: number;
          if (img.kind === 3) [r, g, b] = [img.data[p * 4], img.data[p * 4 + 1], img.data[p * 4 + 2]];
          else if (img.kind === 2) [r, g, b] = [img.data[p * 3], img.data[p * 3 + 1], img.data[p * 3 + 2]];
          else {
            const rowBytes = Math.ceil(img.width / 8);
            const col = p % img.width;
            const bit = (img.data[Math.floor(p / img.width) * rowBytes + (col >> 3)] >> (7 - (col % 8))) & 1;
            r = g = b = bit ? 255 : 0;
          }
          rgba.set([r, g, b, 255], p * 4);
        }
        out.push({
          page: n,
          x: ctm[4],
          y: ctm[5],
          width: ctm[0],
          height: ctm[3],
          pixels: { width: img.width, height: img.height, rgba },
        });
      }
    }
  }
  await pdf.cleanup();
  return out;
}
