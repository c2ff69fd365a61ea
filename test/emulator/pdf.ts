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
  StandardFonts,
  rgb,
} from 'pdf-lib';

export type PdfAlign = 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFY';

export type PdfBlock =
  | { kind: 'paragraph'; text: string; size?: number; bold?: boolean; align?: PdfAlign }
  | { kind: 'table'; rows: string[][] }
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

type PdfDocumentCtor = new (context: PDFContext, ignoreEncryption: boolean, updateMetadata: boolean) => PDFDocument;

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

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const hard of text.split('\n')) {
    let line = '';
    for (const word of hard.split(/(\s+)/)) {
      const candidate = line + word;
      if (font.widthOfTextAtSize(candidate, size) <= width || line === '') {
        // A single word wider than the line is cut by characters.
        if (font.widthOfTextAtSize(candidate, size) > width && line === '') {
          let chunk = '';
          for (const ch of word) {
            if (font.widthOfTextAtSize(chunk + ch, size) > width && chunk) {
              lines.push(chunk);
              chunk = '';
            }
            chunk += ch;
          }
          line = chunk;
        } else line = candidate;
      } else {
        lines.push(line.trimEnd());
        line = word.trimStart();
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

class Layout {
  private page!: PDFPage;
  private y = 0;
  private readonly width = PAGE_W - 2 * MARGIN;

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
    for (const b of this.content.header) y = this.drawStatic(b, y);
    let fy = MARGIN / 2;
    for (const b of [...this.content.footer].reverse()) fy = this.drawStaticUp(b, fy);
    this.y = PAGE_H - MARGIN;
  }

  private drawStatic(b: PdfBlock, y: number): number {
    if (b.kind !== 'paragraph') return y;
    const size = b.size ?? 9;
    const font = b.bold ? this.fonts.bold : this.fonts.regular;
    for (const line of wrap(sanitizeWinAnsi(b.text, font), font, size, this.width)) {
      y -= size * 1.2;
      this.page.drawText(line, { x: this.alignX(line, font, size, b.align), y, size, font });
    }
    return y;
  }

  private drawStaticUp(b: PdfBlock, y: number): number {
    if (b.kind !== 'paragraph') return y;
    const size = b.size ?? 9;
    const font = b.bold ? this.fonts.bold : this.fonts.regular;
    const lines = wrap(sanitizeWinAnsi(b.text, font), font, size, this.width);
    for (const line of [...lines].reverse()) {
      this.page.drawText(line, { x: this.alignX(line, font, size, b.align), y, size, font });
      y += size * 1.2;
    }
    return y;
  }

  private alignX(line: string, font: PDFFont, size: number, align?: PdfAlign): number {
    const w = font.widthOfTextAtSize(line, size);
    if (align === 'CENTER') return MARGIN + (this.width - w) / 2;
    if (align === 'RIGHT') return MARGIN + this.width - w;
    return MARGIN;
  }

  private ensure(height: number): void {
    if (this.y - height < MARGIN) this.newPage();
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
    if (b.kind === 'table') return this.table(b.rows);
    const size = b.size ?? BODY_SIZE;
    const font = b.bold ? this.fonts.bold : this.fonts.regular;
    for (const line of wrap(sanitizeWinAnsi(b.text, font), font, size, this.width)) {
      this.ensure(size * 1.3);
      this.y -= size * 1.3;
      this.page.drawText(line, { x: this.alignX(line, font, size, b.align), y: this.y, size, font });
    }
  }

  private table(rows: string[][]): void {
    const cols = Math.max(1, ...rows.map((r) => r.length));
    const colW = this.width / cols;
    const size = 10;
    const font = this.fonts.regular;
    for (const row of rows) {
      const cells = Array.from({ length: cols }, (_, i) =>
        wrap(sanitizeWinAnsi(row[i] ?? '', font), font, size, colW - 6),
      );
      const height = Math.max(...cells.map((c) => c.length)) * size * 1.25 + 4;
      this.ensure(height);
      const top = this.y;
      cells.forEach((lines, i) => {
        lines.forEach((line, k) => {
          this.page.drawText(line, { x: MARGIN + i * colW + 3, y: top - 2 - (k + 1) * size * 1.2, size, font });
        });
        this.page.drawRectangle({
          x: MARGIN + i * colW,
          y: top - height,
          width: colW,
          height,
          borderWidth: 0.5,
          borderColor: rgb(0, 0, 0),
        });
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
  return serialize(context);
}

function sanitizeTitle(title: string): string {
  return title.replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?');
}

/**
 * Text of a PDF, read by pdf.js (the npm package unpdf): one line per text baseline, items in reading
 * order, a space where the gap between two items is wider than a space, pages separated by a form feed
 * (as pdftotext prints them). With `layout: false` the items of a page are simply joined.
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
