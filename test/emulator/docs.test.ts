// Tests for the emulated DocumentApp: structure, replaceText semantics (the `$` and `\` trap), closing, PDF export.
import { describe, expect, it } from 'vitest';
import { blobData, makeBlob } from './blob';
import { EmuContext } from './core/context';
import { createDocumentApp, DOC_CLOSED, DOCS_CREATE_QUOTA, LAST_PARAGRAPH } from './docs';
import { pdfToText } from './pdf';

function setup() {
  const ctx = new EmuContext({ now: '2026-01-05T09:00:00+08:00' });
  const { global: DocumentApp, control } = createDocumentApp(ctx);
  return { ctx, DocumentApp, control };
}

describe('DocumentApp structure', () => {
  it('starts with one empty paragraph, so appended text comes second', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('Tanda Terima');
    const body = doc.getBody();
    body.appendParagraph('Baris pertama');
    expect(body.getNumChildren()).toBe(2);
    expect(body.getParagraphs().map((p) => p.getText())).toEqual(['', 'Baris pertama']);
    expect(body.getText()).toBe('\nBaris pertama');
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
  });

  it('refuses to remove the last paragraph of a section', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('x').getBody();
    expect(() => body.getParagraphs()[0].removeFromParent()).toThrow(LAST_PARAGRAPH);
  });

  it('sets headings, alignment and attributes; Paragraph has no setBold', () => {
    const { DocumentApp, control } = setup();
    const doc = DocumentApp.create('x');
    const p = doc
      .getBody()
      .appendParagraph('JUDUL')
      .setHeading(DocumentApp.ParagraphHeading.HEADING1)
      .setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    p.setAttributes({ [DocumentApp.Attribute.BOLD]: true });
    expect(p.getHeading()).toBe('HEADING1');
    expect(control.model(doc.getId()).body.children[1]).toMatchObject({
      attrs: { HEADING: 'HEADING1', HORIZONTAL_ALIGNMENT: 'CENTER', BOLD: true },
    });
    expect(() => (p as unknown as { setBold(b: boolean): void }).setBold(true)).toThrow(
      'not emulated: Paragraph.setBold',
    );
    p.editAsText().setBold(true);
  });

  it('appends tables (with the trailing paragraph Docs keeps), list items, rules and page breaks', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('x').getBody();
    const t = body.appendTable([
      ['Nomor', 'Perihal'],
      ['001', 'Izin usaha'],
    ]);
    expect(t.getNumRows()).toBe(2);
    expect(t.getRow(1).getCell(1).getText()).toBe('Izin usaha');
    expect(body.getChild(body.getNumChildren() - 1).getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    body.appendListItem('satu');
    body.appendHorizontalRule();
    body.appendPageBreak();
    expect(body.getListItems()).toHaveLength(1);
    expect(body.getTables()).toHaveLength(1);
  });

  it('headers and footers exist only once added', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('x');
    expect(doc.getHeader()).toBeNull();
    doc.addHeader().appendParagraph('KOP');
    doc.addFooter().setText('kaki');
    expect(doc.getHeader().getText()).toBe('\nKOP');
    expect(doc.getFooter().getText()).toBe('kaki');
    expect(() => doc.addHeader()).toThrow();
  });

  it('throws after saveAndClose, and openById gives a fresh handle', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('x');
    const body = doc.getBody();
    doc.saveAndClose();
    expect(() => body.appendParagraph('late')).toThrow(DOC_CLOSED);
    expect(() => doc.getBody()).toThrow(DOC_CLOSED);
    DocumentApp.openById(doc.getId()).getBody().appendParagraph('ok');
    expect(DocumentApp.openByUrl(doc.getUrl()).getBody().getText()).toBe('\nok');
    expect(() => DocumentApp.openById('nope')).toThrow(/missing/);
  });

  it('limits documents created per day', () => {
    const { DocumentApp, control } = setup();
    control.createQuota = 1;
    DocumentApp.create('a');
    expect(() => DocumentApp.create('b')).toThrow(DOCS_CREATE_QUOTA);
  });
});

describe('replaceText semantics', () => {
  function body() {
    const { DocumentApp } = setup();
    const b = DocumentApp.create('t').getBody();
    b.clear();
    return b;
  }

  it('treats the pattern as a regular expression: metacharacters must be escaped', () => {
    const b = body();
    b.setText('Biaya {{biaya}} (a.b) axb');
    b.replaceText('a.b', 'X'); // '.' matches any character
    expect(b.getText()).toBe('Biaya {{biaya}} (X) X');
    b.replaceText('\\{\\{biaya\\}\\}', 'nol');
    expect(b.getText()).toBe('Biaya nol (X) X');
  });

  it('does NOT keep $ and \\ in the replacement literally (the trap)', () => {
    const b = body();
    b.setText('Total: {{t}}');
    b.replaceText('(\\{\\{t\\}\\})', 'US$1');
    expect(b.getText()).toBe('Total: US{{t}}'); // $1 became the group, not "$1"
    b.setText('Total: {{t}}');
    expect(() => b.replaceText('\\{\\{t\\}\\}', 'Rp$5.000')).toThrow('Exception: No group 5');
    b.setText('Path {{p}}');
    b.replaceText('\\{\\{p\\}\\}', 'C:\\new');
    expect(b.getText()).toBe('Path C:new'); // the backslash escaped the "n" and vanished
  });

  it('keeps the replacement literal when $ and \\ are escaped', () => {
    const b = body();
    b.setText('Total: {{t}} di {{p}}');
    const literal = (s: string) => s.replace(/[\\$]/g, '\\$&');
    b.replaceText('\\{\\{t\\}\\}', literal('Rp$5.000'));
    b.replaceText('\\{\\{p\\}\\}', literal('C:\\new'));
    expect(b.getText()).toBe('Total: Rp$5.000 di C:\\new');
  });

  it('matches within one paragraph only, in table cells too', () => {
    const b = body();
    b.setText('awal');
    b.appendParagraph('akhir');
    b.appendTable([['{{x}}']]);
    b.replaceText('awal\\nakhir', 'SATU');
    b.replaceText('\\{\\{x\\}\\}', 'sel');
    expect(b.getText()).toBe('awal\nakhir\nsel\n');
  });

  it('findText returns range elements that can be edited as text', () => {
    const b = body();
    b.setText('Nama: {{nama}} / {{nama}}');
    let r = b.findText('\\{\\{nama\\}\\}');
    const hits: number[] = [];
    while (r) {
      hits.push(r.getStartOffset());
      r = b.findText('\\{\\{nama\\}\\}', r);
    }
    expect(hits).toEqual([6, 17]);
    const first = b.findText('\\{\\{nama\\}\\}');
    const text = first.getElement().asText();
    text.deleteText(first.getStartOffset(), first.getEndOffsetInclusive());
    text.insertText(first.getStartOffset(), 'I Made $1 \\ok');
    expect(b.getText()).toBe('Nama: I Made $1 \\ok / {{nama}}');
  });

  it('refuses RE2-unsupported lookarounds', () => {
    const b = body();
    expect(() => b.replaceText('a(?=b)', 'x')).toThrow(/Invalid regular expression/);
  });
});

describe('PDF export', () => {
  it('exports header, body over several pages, table and footer as extractable text; emoji become ?', async () => {
    const { DocumentApp, ctx } = setup();
    const doc = DocumentApp.create('Tanda Terima DUMAS-001');
    doc.addHeader().setText('DINAS KOPERASI DAN UKM KABUPATEN TABANAN');
    doc.addFooter().setText('Dokumen ini dibuat otomatis');
    const body = doc.getBody();
    body.setText('TANDA TERIMA PENGADUAN 🙏');
    for (let i = 0; i < 60; i++)
      body.appendParagraph(
        `Paragraf ${i}: pelapor menyampaikan keluhan tentang pelayanan izin usaha mikro yang memerlukan tindak lanjut segera.`,
      );
    body.appendTable([
      ['Nomor', 'Status'],
      ['DUMAS-001', 'Diterima'],
    ]);
    const calls = ctx.calls.measure(() => doc.getAs('application/pdf'));
    const blob = calls.result;
    expect(calls.counts['Document.getAs']).toBe(1);
    expect(ctx.calls.all().find((r) => r.name === 'Document.getAs')?.kind).toBe('pdf');
    expect(blob.getContentType()).toBe('application/pdf');
    expect(blob.getName()).toBe('Tanda Terima DUMAS-001.pdf');
    const bytes = blobData(blob).bytes;
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = await pdfToText(bytes);
    expect(text).toContain('TANDA TERIMA PENGADUAN ?');
    expect(text).toContain('Paragraf 59');
    expect(text).toContain('DUMAS-001');
    expect(text.split('\f').filter((p) => p.trim()).length).toBeGreaterThan(1);
    expect((text.match(/DINAS KOPERASI DAN UKM KABUPATEN TABANAN/g) ?? []).length).toBe(
      text.split('\f').filter((p) => p.trim()).length,
    );
    expect(text).toContain('Dokumen ini dibuat otomatis');
  });

  it('getBlob of a Google Doc is its PDF', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('x');
    doc.getBody().setText('isi');
    expect(doc.getBlob().getContentType()).toBe('application/pdf');
    expect(() => doc.getAs('text/plain')).toThrow(/not supported/);
  });
});

describe('DocumentApp structures the PDF honours', () => {
  it('a borderless table with a fixed column puts its cell text where the widths say, with no lines', async () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('tabel');
    const body = doc.getBody();
    const table = body.appendTable([['Nomor', ':', '000.8.3.3/1/X/2026']]);
    table.setBorderWidth(0);
    table.setColumnWidth(0, 62);
    table.setColumnWidth(1, 12);
    table.getCell(0, 0).setPaddingLeft(0);
    const { pdfTextItems } = await import('./pdf');
    const items = (await pdfTextItems(blobData(doc.getAs('application/pdf')).bytes)).filter((i) => i.str.trim() !== '');
    const x = Object.fromEntries(items.map((i) => [i.str, i.x]));
    expect(x['Nomor']).toBeCloseTo(72, 1); // no left padding: on the margin
    expect(x[':']).toBeCloseTo(72 + 62 + 5, 1); // the colon column starts after 62 pt, default 5 pt padding
    expect(x['000.8.3.3/1/X/2026']).toBeCloseTo(72 + 62 + 12 + 5, 1);
  });

  it('spacing after a paragraph and a right alignment move the text in the PDF', async () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('jarak');
    const body = doc.getBody();
    body.appendParagraph('Satu').setSpacingAfter(30);
    body.appendParagraph('Dua').setAlignment(DocumentApp.HorizontalAlignment.RIGHT);
    const { pdfTextItems } = await import('./pdf');
    const items = await pdfTextItems(blobData(doc.getAs('application/pdf')).bytes);
    const one = items.find((i) => i.str === 'Satu')!;
    const two = items.find((i) => i.str === 'Dua')!;
    expect(one.y - two.y).toBeGreaterThan(11 * 1.3 + 29);
    expect(two.x + two.w).toBeCloseTo(595.28 - 72, 0);
  });

  it('an inline PNG is drawn at the size set; findText leads to its paragraph (Text.getParent)', async () => {
    const { ctx, DocumentApp } = setup();
    const doc = DocumentApp.create('gambar');
    const body = doc.getBody();
    body.appendParagraph('di sini: {{qr}}');
    const found = body.findText('\\{\\{qr\\}\\}');
    const p = found.getElement().getParent().asParagraph();
    expect(body.getChildIndex(p)).toBe(1);
    p.replaceText('\\{\\{qr\\}\\}', '');
    const { qrPng } = await import('../../src/app/qrPng');
    const png = makeBlob(ctx, qrPng('https://contoh.example/verifikasi'), 'image/png');
    p.appendInlineImage(png).setWidth(68).setHeight(68);
    expect(() => p.appendInlineImage(makeBlob(ctx, [1, 2, 3], 'image/png'))).toThrow('Invalid image data');
    const { pdfImages } = await import('./pdf');
    const images = await pdfImages(blobData(doc.getAs('application/pdf')).bytes);
    expect(images).toHaveLength(1);
    expect(images[0].width).toBeCloseTo(68, 5);
    expect(images[0].x).toBeCloseTo(72, 5);
  });

  it('failNext makes one chosen call fail, once, after the given number of successes', () => {
    const { DocumentApp, control } = setup();
    const body = DocumentApp.create('gagal').getBody();
    control.failNext('Body.appendParagraph', 'Exception: Service Documents failed', 1);
    body.appendParagraph('satu');
    expect(() => body.appendParagraph('dua')).toThrow('Service Documents failed');
    body.appendParagraph('tiga');
    expect(body.getText()).toBe('\nsatu\ntiga');
  });
});
