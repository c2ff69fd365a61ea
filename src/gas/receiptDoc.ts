// The printed receipt as a PDF: a short-lived Google Doc written from the layout, the QR to the status page placed
// under it, exported as PDF and moved to the trash at once. The PDF is handed to the sidebar and not kept in Drive:
// it carries the access code, which only the complainant may have (the letters folder is shared with the team).
import { qrPng } from '../app/qrPng';
import type { LayoutBlock } from '../domain/letter';
import { PDF_MIME, writeLayout } from './letterDocs';

/** Side of the receipt's QR in points (about 3.5 cm: easy to scan from paper with a phone). */
export const RECEIPT_QR_SIZE = 100;
const A4 = { width: 595.28, height: 841.89, margin: 56.7 };

export function receiptPdf(name: string, blocks: readonly LayoutBlock[], qrUrl: string): number[] {
  const doc = DocumentApp.create(name);
  const file = DriveApp.getFileById(doc.getId());
  try {
    const body = doc.getBody();
    body
      .setPageWidth(A4.width)
      .setPageHeight(A4.height)
      .setMarginTop(A4.margin)
      .setMarginBottom(A4.margin)
      .setMarginLeft(A4.margin)
      .setMarginRight(A4.margin);
    writeLayout(body, blocks);
    if (qrUrl !== '') {
      const p = body.appendParagraph('');
      p.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
      p.appendInlineImage(Utilities.newBlob(qrPng(qrUrl), 'image/png', 'qr-status.png'))
        .setWidth(RECEIPT_QR_SIZE)
        .setHeight(RECEIPT_QR_SIZE);
    }
    doc.saveAndClose();
    return file.getAs(PDF_MIME).getBytes();
  } finally {
    file.setTrashed(true);
  }
}
