// The monthly recap for the Kepala Dinas as a Google Doc and its PDF, both in the letters folder (replacing an older copy).
import type { RecapContent, RecapDocPort } from '../app/report';
import { shareAsEditor } from './sharing';

type Folder = GoogleAppsScript.Drive.Folder;
type Body = GoogleAppsScript.Document.Body;

/** Width of the signature column (points), as on the reply letter: the right half of an A4 page's text width. */
const SIGNATURE_WIDTH = 220;

/**
 * The signature block in the right half: a borderless two-column table whose right cell holds the lines, centred;
 * the name (after the blank lines left to sign) in bold.
 */
function signatureBlock(body: Body, lines: readonly string[]): void {
  body.appendParagraph('');
  const table = body.appendTable([['', lines[0] ?? '']]);
  table.setBorderWidth(0);
  table.setColumnWidth(1, SIGNATURE_WIDTH);
  const cell = table.getCell(0, 1);
  cell.setPaddingLeft(0).setPaddingRight(0);
  const A = DocumentApp.Attribute;
  const centred = { [String(A.HORIZONTAL_ALIGNMENT)]: DocumentApp.HorizontalAlignment.CENTER };
  cell.getChild(0).asParagraph().setAttributes(centred);
  const nameIndex = lines.findIndex((l, i) => i > 1 && l !== '');
  lines.slice(1).forEach((line, i) => {
    const p = cell.appendParagraph(line);
    p.setAttributes(i + 1 === nameIndex ? { ...centred, [String(A.BOLD)]: true } : centred);
  });
}

export class RecapDoc implements RecapDocPort {
  constructor(
    private readonly folderId: string,
    /**
     * Split deployment: the letters folder is shared with no one, so the recap's recipients (the Kepala Dinas) are
     * given the Doc (editor) and its PDF (viewer). It holds aggregates only.
     */
    private readonly readers: readonly string[] = [],
  ) {}

  private folder(): Folder {
    if (this.folderId) {
      try {
        return DriveApp.getFolderById(this.folderId);
      } catch {
        // the folder was removed: keep the recap in the user's Drive rather than lose it
      }
    }
    return DriveApp.getRootFolder();
  }

  /** A second recap of the same month replaces the first, so the folder holds one copy per month. */
  private trashOld(folder: Folder, names: string[]): void {
    for (const name of names) {
      const files = folder.getFilesByName(name);
      while (files.hasNext()) files.next().setTrashed(true);
    }
  }

  publish(content: RecapContent): { docUrl: string; pdfUrl: string } {
    const folder = this.folder();
    const pdfName = `${content.title}.pdf`;
    this.trashOld(folder, [content.title, pdfName]);
    const doc = DocumentApp.create(content.title);
    const body = doc.getBody();
    for (const block of content.blocks) {
      switch (block.kind) {
        case 'title':
          body
            .appendParagraph(block.text)
            .setHeading(DocumentApp.ParagraphHeading.TITLE)
            .setAlignment(DocumentApp.HorizontalAlignment.CENTER);
          break;
        case 'heading':
          body.appendParagraph(block.text).setHeading(DocumentApp.ParagraphHeading.HEADING2);
          break;
        case 'paragraph':
          body.appendParagraph(block.text);
          break;
        case 'table':
          body.appendTable(block.rows);
          break;
        case 'signature':
          signatureBlock(
            body,
            block.rows.map((r) => r[0] ?? ''),
          );
          break;
      }
    }
    const docUrl = doc.getUrl();
    const id = doc.getId();
    doc.saveAndClose();
    const file = DriveApp.getFileById(id);
    file.moveTo(folder);
    // Named on the blob (local), not by File.setName after the upload: one Drive call less.
    const pdf = folder.createFile(file.getAs('application/pdf').setName(pdfName));
    for (const email of this.readers) {
      shareAsEditor(id, email);
      if (email !== Session.getEffectiveUser().getEmail().toLowerCase()) pdf.addViewer(email);
    }
    return { docUrl, pdfUrl: pdf.getUrl() };
  }
}
