// Google Docs and Drive for the reply letter: the default template, folders per year and month, copying and
// filling a template safely (literal text, answers as paragraphs), rebuilding a draft, PDFs in the folder.
import {
  MULTILINE_KEYS,
  QR_KEY,
  escapeReplacement,
  isLayoutTable,
  letterFolderNames,
  paragraphsOf,
  placeholder,
  placeholderPattern,
  placeholdersIn,
  renderLayout,
  safeFileName,
  singleLine,
  type LayoutBlock,
  type LayoutLine,
  type LayoutTable,
  type LetterValues,
  type PlaceholderKey,
} from '../domain/letter';
import { qrPng } from '../app/qrPng';
import { dayKeyOf, type DayKey } from '../domain/time';
import { LetterDocsSetupError, type LetterDocsPort } from '../app/letters';
import { BERITA_ACARA_LAYOUT, LETTER_LAYOUT, LETTER_TEXT, LETTER_UI } from '../messages/letters';
import type { MailAttachment } from '../ports';
import { SETUP_CHANGES } from '../messages/setup';
import { shareAsEditor, unshare } from './sharing';

type Doc = GoogleAppsScript.Document.Document;
type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Folder = GoogleAppsScript.Drive.Folder;
type File = GoogleAppsScript.Drive.File;
type Section = Body | GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection;

export const PDF_MIME = 'application/pdf';

/** A setup problem (template or folder gone) with a message a person can act on. */
export class LetterDocsError extends LetterDocsSetupError {}

/** The document id in a Docs URL, or null. */
export function docIdFromUrl(url: string): string | null {
  const m = /\/document\/d\/([A-Za-z0-9_-]+)/.exec(url);
  return m ? m[1] : null;
}

/** The editing URL of a Doc, as Document.getUrl() gives it (Drive's File.getUrl adds a query). */
export function docUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

/** The Doc behind `id` when it exists and is not in the trash; null otherwise (two Drive calls). */
export function liveFile(id: string): File | null {
  if (!id) return null;
  try {
    const file = DriveApp.getFileById(id);
    return file.isTrashed() ? null : file;
  } catch {
    return null;
  }
}

/** One style call per paragraph: Docs' setAttributes takes every attribute at once. */
function styleOf(line: LayoutLine): Record<string, unknown> | null {
  const style: Record<string, unknown> = {};
  const A = DocumentApp.Attribute;
  if (line.align) style[String(A.HORIZONTAL_ALIGNMENT)] = DocumentApp.HorizontalAlignment[line.align];
  if (line.bold) style[String(A.BOLD)] = true;
  if (line.size) style[String(A.FONT_SIZE)] = line.size;
  if (line.indent) style[String(A.INDENT_START)] = line.indent;
  if (line.spaceAfter) style[String(A.SPACING_AFTER)] = line.spaceAfter;
  return Object.keys(style).length > 0 ? style : null;
}

/**
 * A borderless table: cells filled paragraph by paragraph, no cell padding at the sides (the text lines up with
 * the body's margin), fixed column widths. Docs renders a table with border width 0 without lines.
 */
function writeTable(body: Body, t: LayoutTable): void {
  const table = body.appendTable(t.rows.map((row) => row.map((cell) => cell[0]?.text ?? '')));
  table.setBorderWidth(0);
  t.widths.forEach((w, i) => {
    if (w !== null) table.setColumnWidth(i, w);
  });
  t.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const tc = table.getCell(r, c);
      tc.setPaddingLeft(0)
        .setPaddingRight(c < row.length - 1 ? 4 : 0)
        .setPaddingTop(0)
        .setPaddingBottom(0);
      cell.forEach((line, k) => {
        const p = k === 0 ? tc.getChild(0).asParagraph() : tc.appendParagraph(line.text);
        const style = styleOf(line);
        if (style) p.setAttributes(style);
      });
    }),
  );
}

/** Appends the layout to an empty body and drops the empty paragraph a new Doc starts with. */
export function writeLayout(body: Body, blocks: readonly LayoutBlock[]): void {
  const first = body.getChild(0);
  for (const block of blocks) {
    if (isLayoutTable(block)) {
      writeTable(body, block);
      continue;
    }
    const p = body.appendParagraph(block.text);
    const style = styleOf(block);
    if (style) p.setAttributes(style);
    if (block.rule) p.appendHorizontalRule();
  }
  if (blocks.length > 0) body.removeChild(first);
}

/** A new Doc named `name` holding `blocks`, moved into `folder`. Counts against the daily Docs-creation quota. */
export function createLayoutDoc(name: string, lines: readonly LayoutBlock[], folder: Folder): Doc {
  const doc = DocumentApp.create(name);
  writeLayout(doc.getBody(), lines);
  DriveApp.getFileById(doc.getId()).moveTo(folder);
  return doc;
}

/** Setup: keeps a template that still exists (the agency's own or ours); otherwise creates the default one. */
export function ensureLetterTemplate(templateDocId: string, folderId: string, changes: string[]): string {
  if (liveFile(templateDocId)) return templateDocId;
  const doc = createLayoutDoc(LETTER_TEXT.templateName, LETTER_LAYOUT, DriveApp.getFolderById(folderId));
  doc.saveAndClose();
  changes.push(SETUP_CHANGES.letterTemplate);
  return doc.getId();
}

function childFolder(parent: Folder, name: string): Folder {
  const found = parent.getFoldersByName(name);
  return found.hasNext() ? found.next() : parent.createFolder(name);
}

/** Script Properties key of a month folder's id (one a month; the walk below costs six Drive calls, ~1.5 s). */
export const MONTH_FOLDER_PREFIX = 'dumas.letterFolder.';

/** The month folder found before, while it exists and is not in the trash (Script Properties get + two Drive calls). */
function knownFolder(key: string): Folder | null {
  const id = PropertiesService.getScriptProperties().getProperty(key);
  if (!id) return null;
  try {
    const folder = DriveApp.getFolderById(id);
    return folder.isTrashed() ? null : folder;
  } catch {
    return null; // deleted for good or no longer shared: walk again
  }
}

/**
 * The letters folder's "2026/12 Desember" subfolder for `day`, created when missing. Its id is kept once found: a
 * month folder renamed or moved by hand keeps that month's letters; one in the trash is found or made again.
 */
export function monthFolder(lettersFolderId: string, day: DayKey): Folder {
  const names = letterFolderNames(day);
  const key = `${MONTH_FOLDER_PREFIX}${lettersFolderId}.${names.year}.${names.month}`;
  const known = knownFolder(key);
  if (known) return known;
  const folder = childFolder(childFolder(DriveApp.getFolderById(lettersFolderId), names.year), names.month);
  PropertiesService.getScriptProperties().setProperty(key, folder.getId());
  return folder;
}

/** The first parent folder of a file (the month folder a letter was drafted in). */
export function folderOf(file: File): Folder | null {
  const parents = file.getParents();
  return parents.hasNext() ? parents.next() : null;
}

/** A live file of that exact name in `folder`, or null. */
export function fileIn(folder: Folder, name: string): File | null {
  const it = folder.getFilesByName(name);
  while (it.hasNext()) {
    const f = it.next();
    if (!f.isTrashed()) return f;
  }
  return null;
}

/** A copy of the template in `folder`, opened for filling (the template's File as checked: not fetched again). */
export function copyTemplate(template: File, folder: Folder, name: string): Doc {
  const copy = template.makeCopy(safeFileName(name), folder);
  return DocumentApp.openById(copy.getId());
}

/**
 * Re-creates a draft's body from the template in the same Doc (same id and link): used when the answer changed or
 * a signed letter was returned. Paragraphs, list items and tables are copied; the header and footer stay.
 */
export function rebuildFromTemplate(doc: Doc, templateId: string): void {
  const source = DocumentApp.openById(templateId).getBody();
  const body = doc.getBody();
  body.clear();
  const first = body.getChild(0);
  const n = source.getNumChildren();
  const T = DocumentApp.ElementType;
  let appended = 0;
  for (let i = 0; i < n; i++) {
    const child = source.getChild(i);
    const type = child.getType();
    if (type === T.PARAGRAPH) body.appendParagraph(child.asParagraph().copy());
    else if (type === T.LIST_ITEM) body.appendListItem(child.asListItem().copy());
    else if (type === T.TABLE) body.appendTable(child.asTable().copy());
    else continue;
    appended += 1;
  }
  if (appended > 0) body.removeChild(first);
}

export interface FillReport {
  /** Placeholder keys replaced. */
  filled: string[];
  /** Multi-line values that could not be split into paragraphs (placeholder not alone in a body paragraph). */
  flattened: string[];
}

/**
 * Puts `values` into the Doc. Cost: one getText per section, then one replaceText per placeholder actually present
 * (absent ones cost nothing), with the pattern and the replacement both escaped so `$1`, `\`, `.*` stay literal.
 * A multi-line value whose placeholder sits in a body paragraph becomes one paragraph per line (setText: literal),
 * each new paragraph taking the original's attributes.
 */
export function fillDocument(doc: Doc, values: LetterValues): FillReport {
  const report: FillReport = { filled: [], flattened: [] };
  const body = doc.getBody();
  const sections: { section: Section; text: string; isBody: boolean }[] = [
    { section: body, text: body.getText(), isBody: true },
  ];
  const header = doc.getHeader();
  if (header) sections.push({ section: header, text: header.getText(), isBody: false });
  const footer = doc.getFooter();
  if (footer) sections.push({ section: footer, text: footer.getText(), isBody: false });

  for (const { section, text, isBody } of sections) {
    const keys = placeholdersIn(text).filter((k): k is PlaceholderKey => values[k as PlaceholderKey] !== undefined);
    const multi: { key: PlaceholderKey; index: number; lines: string[] }[] = [];
    // Single-line replacements first: they never change the paragraph structure the multi-line step relies on.
    for (const key of keys) {
      const value = values[key] ?? '';
      const lines = MULTILINE_KEYS.includes(key) ? paragraphsOf(value) : [singleLine(value)];
      if (lines.length > 1 && isBody) {
        multi.push({ key, index: bodyIndexOf(body, key), lines });
        continue;
      }
      section.replaceText(placeholderPattern(key), escapeReplacement(lines.join(' ')));
      report.filled.push(key);
    }
    // Bottom-up, so the indexes of the paragraphs above stay valid.
    multi.sort((a, b) => b.index - a.index);
    for (const m of multi) {
      if (splitIntoParagraphs(body, m.index, m.key, m.lines)) report.filled.push(m.key);
      else {
        body.replaceText(placeholderPattern(m.key), escapeReplacement(m.lines.join(' ')));
        report.filled.push(m.key);
        report.flattened.push(m.key);
      }
    }
  }
  return report;
}

/**
 * The body child index of the paragraph holding the placeholder (found, not counted from getText lines: a table's
 * text spans several lines); -1 when it is not a direct body paragraph (e.g. inside a table cell).
 */
function bodyIndexOf(body: Body, key: PlaceholderKey): number {
  const found = body.findText(placeholderPattern(key));
  if (!found) return -1;
  const parent = found.getElement().getParent();
  try {
    return parent ? body.getChildIndex(parent) : -1;
  } catch {
    return -1; // in a table cell: the value is joined on one line there
  }
}

/** Replaces the placeholder in body child `index` by `lines`, one paragraph each; false when that child is not it. */
function splitIntoParagraphs(body: Body, index: number, key: PlaceholderKey, lines: string[]): boolean {
  if (index < 0 || index >= body.getNumChildren()) return false;
  const child = body.getChild(index);
  const type = child.getType();
  const T = DocumentApp.ElementType;
  if (type !== T.PARAGRAPH && type !== T.LIST_ITEM) return false;
  const p: Paragraph = type === T.PARAGRAPH ? child.asParagraph() : child.asListItem();
  const full = p.getText();
  const at = full.indexOf(placeholder(key));
  if (at < 0) return false;
  const texts = [...lines];
  texts[0] = full.slice(0, at) + texts[0];
  texts[texts.length - 1] += full.slice(at + placeholder(key).length);
  const attributes = p.getAttributes() as object;
  for (let i = texts.length - 1; i >= 1; i--) {
    const added =
      type === T.PARAGRAPH ? body.insertParagraph(index + 1, texts[i]) : body.insertListItem(index + 1, texts[i]);
    added.setAttributes(attributes);
  }
  p.setText(texts[0]);
  return true;
}

/** Side of the verification QR on the letter, in points (2.4 cm: scannable from a print). */
export const QR_SIZE = 68;

function appendQr(p: Paragraph, url: string): void {
  const blob = Utilities.newBlob(qrPng(url), 'image/png', 'qr-verifikasi.png');
  p.appendInlineImage(blob).setWidth(QR_SIZE).setHeight(QR_SIZE);
}

/**
 * Puts the QR image where `{{qr_verifikasi}}` stands (the placeholder removed; no image when the web app URL is not
 * set yet). True when the template had the placeholder.
 */
function placeQr(body: Body, url: string): boolean {
  const found = body.findText(placeholderPattern(QR_KEY));
  if (!found) return false;
  const parent = found.getElement().getParent();
  const T = DocumentApp.ElementType;
  if (!parent || (parent.getType() !== T.PARAGRAPH && parent.getType() !== T.LIST_ITEM)) {
    body.replaceText(placeholderPattern(QR_KEY), '');
    return true;
  }
  const p = parent.getType() === T.PARAGRAPH ? parent.asParagraph() : parent.asListItem();
  p.replaceText(placeholderPattern(QR_KEY), '');
  if (url !== '') appendQr(p, url);
  return true;
}

/**
 * An agency's own template without the mark or verification placeholders still gets them: appended at the end of
 * the body, so no letter leaves without its verification code (and, in mark mode, its approval mark).
 */
function sealAtEnd(body: Body, values: LetterValues, filled: readonly string[], qrUrl: string): void {
  const add = (text: string, size: number): Paragraph => {
    const p = body.appendParagraph(text);
    p.setAttributes({ [String(DocumentApp.Attribute.FONT_SIZE)]: size });
    return p;
  };
  const code = values.kode_verifikasi ?? '';
  if (filled.includes('kode_verifikasi')) {
    // The template's own verification block: only a QR without its placeholder is still missing.
    if (qrUrl !== '') appendQr(add('', 8), qrUrl);
    return;
  }
  // A resumed signing finds the code already there (filled or appended the first time): nothing is added twice.
  if (code === '' || body.getText().includes(code)) return;
  if (!filled.includes('tanda_persetujuan') && (values.tanda_persetujuan ?? '') !== '')
    add(values.tanda_persetujuan ?? '', 8);
  add(code, 8);
  if (!filled.includes('tautan_verifikasi')) add(values.tautan_verifikasi ?? '', 7);
  if (qrUrl !== '') appendQr(add('', 8), qrUrl);
}

/** The placeholders still in the Doc (one call per section); a final letter must have none. */
export function leftoverPlaceholders(doc: Doc): string[] {
  const texts = [doc.getBody().getText()];
  const header = doc.getHeader();
  if (header) texts.push(header.getText());
  const footer = doc.getFooter();
  if (footer) texts.push(footer.getText());
  return placeholdersIn(texts.join('\n'));
}

/** Saves the Doc and stores its PDF in `folder` as `name`.pdf, replacing an older PDF of that name. */
export function storePdf(doc: Doc, folder: Folder, name: string): File {
  doc.saveAndClose();
  const pdfName = `${safeFileName(name)}.pdf`;
  const old = fileIn(folder, pdfName);
  if (old) old.setTrashed(true);
  const blob = DriveApp.getFileById(doc.getId()).getAs(PDF_MIME).setName(pdfName);
  return folder.createFile(blob);
}

/** Stores uploaded PDF bytes as the final letter (the signed scan), replacing the generated PDF. */
export function storeScan(folder: Folder, name: string, bytes: number[]): File {
  const pdfName = `${safeFileName(name)}.pdf`;
  const old = fileIn(folder, pdfName);
  if (old) old.setTrashed(true);
  return folder.createFile(Utilities.newBlob(bytes, PDF_MIME, pdfName));
}

/** The final PDF of a letter next to its Doc, or null. */
export function finalPdf(docFile: File, name: string): { folder: Folder; pdf: File | null } | null {
  const folder = folderOf(docFile);
  if (!folder) return null;
  return { folder, pdf: fileIn(folder, `${safeFileName(name)}.pdf`) };
}

/** The LetterDocsPort over DocumentApp and DriveApp, with the template and letters folder from the settings. */
/**
 * In the split deployment (docs/security.md §1) the core makes every file as its owner, in a letters folder shared
 * with no one: a draft (or berita acara) is shared as editor with the person who made it, the only one who must edit
 * it (the use case has checked they may act on it, so may read what it holds: a protected identity is never in a
 * draft). Signing first takes the Doc back (shared with no one), then writes the protected identity into it and its
 * PDF.
 */
export interface LetterSharing {
  /** The person acting, to share their draft with (split deployment), or null: nothing is shared per file. */
  editor: string | null;
}

export class GasLetterDocs implements LetterDocsPort {
  constructor(
    private readonly templateDocId: string,
    private readonly lettersFolderId: string,
    private readonly sharing: LetterSharing = { editor: null },
  ) {}

  private shareDraft(id: string): void {
    if (this.sharing.editor !== null) shareAsEditor(id, this.sharing.editor);
  }

  docIdOf(url: string): string | null {
    return docIdFromUrl(url);
  }

  exists(docId: string): boolean {
    return liveFile(docId) !== null;
  }

  private template(): File {
    const file = liveFile(this.templateDocId);
    if (!file) throw new LetterDocsError(LETTER_UI.noTemplate);
    return file;
  }

  private folder(day: DayKey): Folder {
    if (!this.lettersFolderId) throw new LetterDocsError(LETTER_UI.noFolder);
    return monthFolder(this.lettersFolderId, day);
  }

  /**
   * A Doc left behind by an earlier attempt that failed after the copy (same name, same month folder) is rebuilt and
   * reused, and a copy that fails while being filled goes to the trash: a retry never doubles the draft.
   */
  createDraft(name: string, day: DayKey, values: LetterValues): { id: string; url: string } {
    const folder = this.folder(day);
    const template = this.template();
    const orphan = fileIn(folder, safeFileName(name));
    if (orphan && orphan.getMimeType() === MimeType.GOOGLE_DOCS) {
      const doc = DocumentApp.openById(orphan.getId());
      rebuildFromTemplate(doc, template.getId());
      fillDocument(doc, values);
      doc.saveAndClose();
      this.shareDraft(orphan.getId());
      return { id: orphan.getId(), url: docUrl(orphan.getId()) };
    }
    const doc = copyTemplate(template, folder, name);
    try {
      fillDocument(doc, values);
      doc.saveAndClose();
    } catch (error) {
      liveFile(doc.getId())?.setTrashed(true);
      throw error;
    }
    this.shareDraft(doc.getId());
    return { id: doc.getId(), url: doc.getUrl() };
  }

  redraft(docId: string, values: LetterValues): void {
    const doc = DocumentApp.openById(docId);
    rebuildFromTemplate(doc, this.template().getId());
    fillDocument(doc, values);
    doc.saveAndClose();
    this.shareDraft(docId);
  }

  finalize(docId: string, values: LetterValues, pdfName: string, qrUrl: string): { leftovers: string[] } {
    const file = DriveApp.getFileById(docId);
    // Taken back before a protected identity enters it: the drafter keeps no access to the signed letter.
    if (this.sharing.editor !== null) unshare(file);
    const doc = DocumentApp.openById(docId);
    const report = fillDocument(doc, values);
    const qrPlaced = placeQr(doc.getBody(), qrUrl);
    sealAtEnd(doc.getBody(), values, report.filled, qrPlaced ? '' : qrUrl);
    const leftovers = leftoverPlaceholders(doc);
    const folder = folderOf(file) ?? this.folder(dayKeyOfNow());
    storePdf(doc, folder, pdfName);
    return { leftovers };
  }

  voidPdf(docId: string, pdfName: string): boolean {
    const found = finalPdf(DriveApp.getFileById(docId), pdfName);
    if (!found?.pdf) return false;
    found.pdf.setTrashed(true);
    return true;
  }

  storeScan(docId: string, pdfName: string, bytes: number[]): void {
    const folder = folderOf(DriveApp.getFileById(docId));
    if (!folder) throw new LetterDocsError(LETTER_UI.noFolder);
    storeScan(folder, pdfName, bytes);
  }

  pdf(docId: string, pdfName: string): MailAttachment | null {
    if (!this.exists(docId)) return null;
    const found = finalPdf(DriveApp.getFileById(docId), pdfName);
    if (!found?.pdf) return null;
    const blob = found.pdf.getBlob();
    return { name: found.pdf.getName(), contentType: PDF_MIME, bytes: blob.getBytes() };
  }

  beritaAcara(name: string, day: DayKey, values: LetterValues): { url: string; created: boolean } {
    const folder = this.folder(day);
    const existing = fileIn(folder, safeFileName(name));
    if (existing) return { url: docUrl(existing.getId()), created: false };
    // The same machinery as the letter: a layout rendered with the values, written as literal paragraphs.
    const doc = createLayoutDoc(safeFileName(name), renderLayout(BERITA_ACARA_LAYOUT, values), folder);
    doc.saveAndClose();
    this.shareDraft(doc.getId());
    return { url: docUrl(doc.getId()), created: true };
  }

  trash(docId: string): void {
    liveFile(docId)?.setTrashed(true);
  }
}

/** Today in WITA (only for a Doc that lost its folder). */
function dayKeyOfNow(): DayKey {
  return dayKeyOf(new Date());
}
