// Writes what a simulation produced to out/: the register and audit log as CSV (dates ISO 8601 in WITA),
// every email sent, every PDF in Drive, and the report sheet. It writes only into a folder it created or one
// carrying its marker file, and replaces only the entries it writes itself: nothing else is ever deleted.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toIsoWita } from '../../src/domain/time';
import type { Office } from '../../test/bundle/office';
import { cellText } from '../../src/lib/cells';

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

/** The file that marks a folder as a simulation's output, so a later run may replace what it wrote there. */
export const MARKER = '.dumas-simulation';
const SHEET_FILES = [
  ['Register', 'register.csv'],
  ['Log Audit', 'audit.csv'],
  ['Laporan', 'report.csv'],
  ['Penilaian', 'ratings.csv'],
] as const;
/** Every entry a run writes (and so may replace); anything else in the folder is left as it is. */
const OWN_ENTRIES = [...SHEET_FILES.map(([, file]) => file), 'emails', 'letters'];

/** The output folder cannot be used: a file, or a folder holding someone else's files. */
export class OutputFolderError extends Error {}

/**
 * Makes `dir` ready before the run starts: creates it (with its marker) when missing or empty, accepts it when it
 * carries the marker, and refuses anything else, untouched.
 */
export function prepareOutputFolder(dir: string, shown = dir): void {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new OutputFolderError(`--out ${shown} is a file, not a folder`);
    entries = readdirSync(dir);
  } catch (error) {
    if (error instanceof OutputFolderError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new OutputFolderError(`--out ${shown} cannot be read (${(error as NodeJS.ErrnoException).code ?? ''})`);
    }
    entries = [];
  }
  if (entries.length > 0 && !entries.includes(MARKER)) {
    throw new OutputFolderError(
      `refusing to write into ${shown}: it holds files a simulation did not write (no ${MARKER} marker); choose a new or empty folder`,
    );
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, MARKER),
    'Written by `npm run simulate`. A later run replaces register.csv, audit.csv, report.csv, ratings.csv, emails/ and letters/ here, nothing else.\n',
  );
}

/** Writes into a folder prepared by prepareOutputFolder; replaces only the entries a run writes. */
export function writeOutputs(office: Office, dir: string): Written {
  prepareOutputFolder(dir);
  for (const entry of OWN_ENTRIES) rmSync(join(dir, entry), { recursive: true, force: true });
  mkdirSync(join(dir, 'emails'), { recursive: true });
  mkdirSync(join(dir, 'letters'), { recursive: true });
  let files = 0;
  for (const [name, file] of SHEET_FILES) {
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
