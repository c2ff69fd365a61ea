// Writes what a simulation produced to out/: the register and audit log as CSV (dates ISO 8601 in WITA),
// every email sent, every PDF in Drive, and the report sheet.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toIsoWita } from '../../src/domain/time';
import type { Office } from '../../test/bundle/office';
import { cellText } from '../../src/app/cells';

function csvCell(value: unknown): string {
  const text = value instanceof Date ? toIsoWita(value) : value === null || value === undefined ? '' : cellText(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function sheetCsv(office: Office, name: string): string | null {
  const sheet = office.emu.spreadsheet.getSheetByName(name);
  return sheet ? toCsv(sheet.getDataRange().getValues()) : null;
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export interface Written {
  files: number;
  emails: number;
  letters: number;
}

export function writeOutputs(office: Office, dir: string): Written {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'emails'), { recursive: true });
  mkdirSync(join(dir, 'letters'), { recursive: true });
  let files = 0;
  for (const [name, file] of [
    ['Register', 'register.csv'],
    ['Log Audit', 'audit.csv'],
    ['Laporan', 'report.csv'],
    ['Penilaian', 'ratings.csv'],
  ] as const) {
    const csv = sheetCsv(office, name);
    if (csv !== null) {
      writeFileSync(join(dir, file), csv);
      files += 1;
    }
  }
  const outbox = office.emu.mail.outbox;
  outbox.forEach((m, i) => {
    const base = `${String(i + 1).padStart(3, '0')}-${slug(m.subject)}`;
    const headers = [
      `Date: ${m.sentAt}`,
      `From: ${m.name ?? ''} <${m.from}>`,
      `To: ${m.to}`,
      m.cc ? `Cc: ${m.cc}` : '',
      `Subject: ${m.subject}`,
    ]
      .filter(Boolean)
      .join('\n');
    const attachments = m.attachments.map((a, j) => {
      const name = `${base}-${j + 1}-${a.name ?? 'lampiran'}`;
      writeFileSync(join(dir, 'emails', name), Buffer.from(a.bytes));
      return name;
    });
    const tail = attachments.length ? `\n\n[Lampiran: ${attachments.join(', ')}]` : '';
    writeFileSync(join(dir, 'emails', `${base}.txt`), `${headers}\n\n${m.body}${tail}\n`);
    if (m.htmlBody) writeFileSync(join(dir, 'emails', `${base}.html`), m.htmlBody);
  });
  let letters = 0;
  for (const f of office.emu.drive.files()) {
    if (f.mimeType !== 'application/pdf' || f.trashed) continue;
    writeFileSync(
      join(dir, 'letters', `${slug(f.name.replace(/\.pdf$/i, ''))}.pdf`),
      Buffer.from(office.emu.drive.bytes(f.id)),
    );
    letters += 1;
  }
  return { files, emails: outbox.length, letters };
}
