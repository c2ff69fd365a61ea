// The leak scan of the split deployment: everything a person can open in the emulated Drive (and every email they
// received) read whole and searched for every complainant's identity and every rahasia complaint's content, each hit
// judged against docs/rules.md §3 for that person and that complaint.
import { pdfTextItems } from '../emulator/pdf';
import { cellText } from '../../src/lib/cells';
import { REGISTER_HEADER_TEXT } from '../../src/messages/sheets';
import type { Emulator } from '../emulator';
import type { SplitOffice } from './world';

const MIME = {
  sheet: 'application/vnd.google-apps.spreadsheet',
  doc: 'application/vnd.google-apps.document',
  form: 'application/vnd.google-apps.form',
  pdf: 'application/pdf',
  script: 'application/vnd.google-apps.script',
};

/** Who looks: a row of "Tim" (role and unit), the Administrator, or someone outside the office. */
export interface Person {
  email: string;
  kind: 'staff' | 'admin' | 'stranger';
  role: string;
  unit: string;
}

export function peopleOf(admin: string, team: readonly string[][], stranger: string): Person[] {
  return [
    { email: admin, kind: 'admin', role: '', unit: '' },
    ...team.map((r): Person => ({ email: r[0], kind: 'staff', role: r[2], unit: r[3] ?? '' })),
    { email: stranger, kind: 'stranger', role: '', unit: '' },
  ];
}

/** One complaint as the vault holds it: what identifies its complainant and, for rahasia, its content. */
export interface Secrets {
  reg: string;
  privacy: string;
  unit: string;
  /** The NIK in full (never in an email, whoever receives it). */
  nik: string;
  identity: string[];
  content: string[];
}

const IDENTITY_FIELDS = ['name', 'nik', 'phone', 'phoneCanonical', 'email', 'address'] as const;
/** Shorter values (a one-word address, a stray digit) would match unrelated text. */
const MIN_LENGTH = 6;

/** Every complaint of the vault's register, read as its owner (the Administrator). */
export function secretsOf(office: SplitOffice): Secrets[] {
  const [header, ...rows] = office.vault()['Register'] ?? [];
  const col = (h: string) => (header as string[]).indexOf(h);
  const text = (r: unknown[], h: string) => cellText(r[col(h)]).trim();
  return rows
    .filter((r) => text(r, REGISTER_HEADER_TEXT.regNumber) !== '')
    .map((r) => {
      const privacy = text(r, REGISTER_HEADER_TEXT.privacy);
      const description = text(r, REGISTER_HEADER_TEXT.description);
      return {
        reg: text(r, REGISTER_HEADER_TEXT.regNumber),
        privacy,
        unit: text(r, REGISTER_HEADER_TEXT.unit),
        nik: text(r, REGISTER_HEADER_TEXT.nik),
        identity: IDENTITY_FIELDS.map((f) => text(r, REGISTER_HEADER_TEXT[f])).filter((v) => v.length >= MIN_LENGTH),
        content: privacy === 'rahasia' && description.length >= MIN_LENGTH ? [description] : [],
      };
    });
}

const COMPLAINT_TEAM = new Set(['Petugas CS', 'Sekretaris Tim', 'Ketua Tim']);

/** Where a person reads: files in Drive, or what the core answers them in a sidebar. */
export type Channel = 'drive' | 'core';

/**
 * docs/rules.md §3 for one person and one complaint. Biasa: every registered staff member sees identity and content.
 * Anonim and rahasia identity: CS, Sekretaris, Ketua only. Rahasia content: those three, the Kepala Dinas and the
 * members of the assigned unit. The Administrator owns the vault (docs/security.md), so every file is theirs to open;
 * in the sidebars the core answers them as §3 says ("(dirahasiakan)" for anonim). A stranger: nothing.
 */
export function entitled(p: Person, c: Secrets, what: 'identity' | 'content', via: Channel = 'drive'): boolean {
  if (p.kind === 'admin' && via === 'drive') return true;
  if (p.kind === 'stranger') return false;
  if (c.privacy === 'biasa') return true;
  if (what === 'identity') return COMPLAINT_TEAM.has(p.role);
  if (c.privacy !== 'rahasia') return true; // anonim content is readable by every staff member
  return COMPLAINT_TEAM.has(p.role) || p.role === 'Kepala Dinas' || (c.unit !== '' && p.unit === c.unit);
}

/** A file or a message as text, ready to search. */
export interface Opened {
  id: string;
  name: string;
  mimeType: string;
  text: string;
}

const normal = (s: string): string => s.replace(/\s+/g, ' ').toLowerCase();

/** A PDF kept as bytes at a checkpoint, its text read after the run (the PDF reader is asynchronous). */
export interface PendingPdf {
  id: string;
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * A file read whole now, as its reader could: every sheet's values and notes, a Doc's text, a form's responses, a
 * blob's bytes as text; a PDF's bytes, for `pdfText`.
 */
export function readNow(emu: Emulator, f: { id: string; name: string; mimeType: string }): Opened | PendingPdf {
  if (f.mimeType === MIME.pdf) return { ...f, bytes: new Uint8Array(emu.drive.bytes(f.id)) };
  let text = '';
  if (f.mimeType === MIME.sheet) {
    const parts: string[] = [];
    for (const sheet of emu.sheets.byId(f.id)?.getSheets() ?? []) {
      const range = sheet.getDataRange();
      parts.push(sheet.getName(), JSON.stringify(range.getValues()), JSON.stringify(range.getNotes()));
    }
    text = parts.join('\n');
  } else if (f.mimeType === MIME.doc) {
    const d = emu.docs.document(f.id);
    text = [d.header, d.body, d.footer].join('\n');
  } else if (f.mimeType === MIME.form) {
    // Stricter than Google (only a form's editors read its responses): whoever can open the form is scanned whole.
    text = JSON.stringify(emu.forms.responses(f.id));
  } else if (f.mimeType !== MIME.script) {
    text = Buffer.from(emu.drive.bytes(f.id)).toString('utf8');
  }
  return { id: f.id, name: f.name, mimeType: f.mimeType, text: normal(text) };
}

/** A PDF's text, words joined both with and without spaces (a value may be split across text runs). */
export async function pdfText(f: PendingPdf): Promise<Opened> {
  const items = await pdfTextItems(f.bytes);
  const text = `${items.map((i) => i.str).join(' ')}\n${items.map((i) => i.str).join('')}`;
  return { id: f.id, name: f.name, mimeType: f.mimeType, text: normal(text) };
}

/** The emails `email` received (to, cc or bcc), each as one text: subject, bodies, text attachments' names. */
export function mailOf(office: SplitOffice, email: string): Opened[] {
  const me = email.toLowerCase();
  return office.emu.mail.outbox
    .filter((m) => [m.to, m.cc, m.bcc].some((list) => list.toLowerCase().includes(me)))
    .map((m, i) => ({
      id: `mail-${i}`,
      name: `email "${m.subject}" (${m.sentAt})`,
      mimeType: 'message/rfc822',
      text: normal([m.subject, m.body, m.htmlBody ?? '', ...m.attachments.map((a) => a.name ?? '')].join('\n')),
    }));
}

export interface Hit {
  person: string;
  where: string;
  reg: string;
  what: 'identity' | 'content';
}

/** Every identity and rahasia content found in `opened`, split into what §3 allows `p` and what it does not. */
export function judge(p: Person, opened: readonly Opened[], secrets: readonly Secrets[], via: Channel = 'drive') {
  const allowed: Hit[] = [];
  const leaks: Hit[] = [];
  for (const o of opened) {
    for (const c of secrets) {
      for (const what of ['identity', 'content'] as const) {
        const values = what === 'identity' ? c.identity : c.content;
        const hit = values.find((v) => o.text.includes(normal(v)));
        if (hit === undefined) continue;
        // A value another complaint shares (the same person complaining twice) is known to whoever may see that one.
        const known = secrets.some(
          (other) =>
            (what === 'identity' ? other.identity : other.content).includes(hit) && entitled(p, other, what, via),
        );
        (known ? allowed : leaks).push({ person: p.email, where: o.name, reg: c.reg, what });
      }
    }
  }
  return { allowed, leaks };
}
