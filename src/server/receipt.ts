// Server side of the printed receipt (Tanda Terima): the PDF of a letter's or walk-in's receipt, for CS or the Sekretaris.
import { statusPageLink } from '../app/status';
import { attachmentLine } from '../app/attachments';
import { qrMatrix } from '../app/qrPng';
import { receiptPdf } from '../app/receiptPdf';
import type { Complaint } from '../domain/complaint';
import { formatDateTime, formatDayLong } from '../domain/format';
import { singleLine } from '../domain/letter';
import { RECEIPT_TEXT, RECEIPT_UI, receiptLayout, type ReceiptView } from '../messages/receipt';
import type { Settings } from '../app/settings';
import { Refusal, may, run, type Services } from './wiring';
import { findTyped } from './workflow';
import { WF } from '../messages/workflow';

export type PrintReceiptResult = { ok: true; fileName: string; pdfBase64: string } | { ok: false; message: string };

export function receiptView(c: Complaint, s: Settings, attachLine = ''): ReceiptView {
  return {
    government: singleLine(s.governmentName),
    agency: singleLine(s.agencyName),
    address: singleLine(s.agencyAddress),
    phone: singleLine(s.agencyPhone),
    email: singleLine(s.agencyEmail),
    regNumber: c.regNumber,
    accessCode: c.accessCode,
    channel: c.channel,
    received: formatDateTime(c.receivedAt),
    deadline: c.deadline === '' ? '-' : formatDayLong(c.deadline),
    statusUrl: statusPageLink(s.statusPageUrl, c.regNumber),
    attachLine,
    serviceComplaintPhone: singleLine(s.serviceComplaintPhone),
    serviceComplaintEmail: singleLine(s.serviceComplaintEmail),
  };
}

/** The receipt's PDF (base64) for the sidebar to download and print, written in the call: no file is made. */
export function printReceipt(regNumber: string): PrintReceiptResult {
  return run(
    may('receipt'),
    (ctx) => receipt(ctx, regNumber),
    (message) => ({ ok: false, message }),
  );
}

function receipt(ctx: Services, regNumber: string): PrintReceiptResult {
  const key = String(regNumber ?? '').trim();
  const stored = key === '' ? null : findTyped(ctx, key);
  if (!stored) throw new Refusal(WF.notFound(key));
  const c = stored.complaint;
  if (c.channel === 'Formulir Online') throw new Refusal(RECEIPT_UI.onlyPaper);
  const view = receiptView(c, ctx.settings(), attachmentLine(c, ctx.settings(), ctx.signer(), ctx.now));
  const name = RECEIPT_TEXT.fileName(c.regNumber);
  const bytes = receiptPdf(name, receiptLayout(view), view.statusUrl === '' ? null : qrMatrix(view.statusUrl));
  return { ok: true, fileName: `${name}.pdf`, pdfBase64: Utilities.base64Encode(bytes) };
}
