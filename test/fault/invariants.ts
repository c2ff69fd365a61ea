// What must hold after every faulted run and after its retry: the fault sweep's invariants.
import { OUTBOX_PREFIX } from '../../src/gas/outbox';
import { cellText } from '../../src/lib/cells';
import type { Office } from '../bundle/office';

export interface Snapshot {
  /** Register rows by registration number, as JSON (a changed row is a register change). */
  rows: Map<string, string>;
  /** Audit rows by registration number. */
  audit: Map<string, number>;
  auditRows: number;
  /** Drive files that existed before (the template, folders, earlier letters). */
  files: Set<string>;
}

/**
 * What the invariants read of an office: its register and audit log as Dumas keeps them, the mail sent, Drive's
 * files, and the text in which every letter file must be named (every sheet Dumas keeps and the core's Script
 * Properties). One-project install: observe(office); the split deployment: test/fault/splitOperations.ts.
 */
export interface Observed {
  sheetValues(name: string): unknown[][];
  outbox(): readonly { to: string; subject: string; body: string }[];
  /** Messages waiting in the core's outbox (gas/outbox.ts): on their way, sent by its one-off trigger or the daily run. */
  queued(): readonly { to: string; subject: string; body: string }[];
  files(): ReturnType<Office['emu']['drive']['files']>;
  corpus(): string;
}

type Mail = { to: string; subject: string; body: string };
const outboxEntries = (store: ReadonlyMap<string, string>) =>
  [...store]
    .filter(([k]) => k.startsWith(OUTBOX_PREFIX))
    .map(([, v]) => JSON.parse(v) as { mail: Mail; takenAt?: number });

/** The messages waiting in an outbox in Script Properties (gas/outbox.ts): they will be sent. */
export function queuedMail(store: ReadonlyMap<string, string>): Mail[] {
  return outboxEntries(store)
    .filter((e) => e.takenAt === undefined)
    .map((e) => e.mail);
}

/** Messages a run took and could not confirm (it died): maybe sent, never sent again, counted for staff to check. */
export function unconfirmedMail(store: ReadonlyMap<string, string>): Mail[] {
  return outboxEntries(store)
    .filter((e) => e.takenAt !== undefined)
    .map((e) => e.mail);
}

/**
 * A one-project install: every sheet in the bound spreadsheet, the script's own properties. `asOwner` wraps the
 * sheet reads (the split deployment reads the vault and the team's spreadsheet as their owner: test/split/asOffice.ts).
 */
export function observe(office: Office, asOwner: (read: () => void) => void = (read) => read()): Observed {
  return {
    sheetValues: (name) => office.sheetValues(name),
    outbox: () => office.emu.mail.outbox,
    queued: () => queuedMail(office.emu.properties.scriptStore),
    files: () => office.emu.drive.files(),
    corpus: () => {
      const parts: string[] = [];
      asOwner(() => {
        for (const sheet of office.emu.spreadsheet.getSheets())
          parts.push(JSON.stringify(sheet.getDataRange().getValues()));
      });
      for (const [k, v] of office.emu.properties.scriptStore) parts.push(`${k}=${v}`);
      return parts.join('\n');
    },
  };
}

const MIME_DOC = 'application/vnd.google-apps.document';
const MIME_PDF = 'application/pdf';

function register(office: Observed): unknown[][] {
  return office
    .sheetValues('Register')
    .slice(1)
    .filter((r) => String(r[0]) !== '');
}

function auditLog(office: Observed): unknown[][] {
  return office.sheetValues('Log Audit').slice(1);
}

export function snapshot(office: Observed): Snapshot {
  const rows = new Map(register(office).map((r) => [String(r[0]), JSON.stringify(r)]));
  const audit = new Map<string, number>();
  const log = auditLog(office);
  for (const r of log) audit.set(String(r[4]), (audit.get(String(r[4])) ?? 0) + 1);
  return { rows, audit, auditRows: log.length, files: new Set(office.files().map((f) => f.id)) };
}

function header(office: Observed): string[] {
  return office.sheetValues('Register')[0].map(String);
}

/** The sequence of numbers like ".../0007" or "/7/" must be 1..n, each once, per year. */
function gapFree(values: string[], seqOf: (v: string) => { year: string; seq: number } | null, what: string): string[] {
  const out: string[] = [];
  const byYear = new Map<string, number[]>();
  for (const v of values) {
    const p = seqOf(v);
    if (!p) {
      out.push(`${what}: unreadable number ${v}`);
      continue;
    }
    byYear.set(p.year, [...(byYear.get(p.year) ?? []), p.seq]);
  }
  for (const [year, seqs] of byYear) {
    const sorted = [...seqs].sort((a, b) => a - b);
    sorted.forEach((s, i) => {
      if (s !== i + 1) out.push(`${what} ${year}: expected ${i + 1}, found ${s} (${sorted.join(',')})`);
    });
    if (out.length > 0) break;
  }
  return out.slice(0, 1);
}

export interface CheckOptions {
  /** Statuses an operation may leave a complaint in only if a sidebar can move it on (default: every known status). */
  knownStatuses?: readonly string[];
}

/** Every violation of the invariants since `before`, as sentences ('' none). */
export function violations(office: Observed, before: Snapshot, options: CheckOptions = {}): string[] {
  const out: string[] = [];
  const now = snapshot(office);
  // 1. No register change without its audit row.
  for (const [reg, json] of now.rows) {
    if (before.rows.get(reg) === json) continue;
    if ((now.audit.get(reg) ?? 0) <= (before.audit.get(reg) ?? 0))
      out.push(`register row ${reg} changed without an audit row`);
  }
  // ...and no audit row doubled (the same step logged twice).
  const added = auditLog(office)
    .slice(before.auditRows)
    .map((r) => JSON.stringify(r.slice(1)));
  const dup = added.find((r, i) => added.indexOf(r) !== i);
  if (dup) out.push(`audit row doubled: ${dup.slice(0, 160)}`);
  // 2. Registration and letter numbers unique and gap-free.
  const rows = register(office);
  const h = header(office);
  const regs = rows.map((r) => String(r[0]));
  if (new Set(regs).size !== regs.length) out.push(`registration number used twice: ${regs.join(',')}`);
  out.push(
    ...gapFree(
      regs,
      (v) => {
        const m = /(\d{4})-(\d{4})$/.exec(v);
        return m ? { year: m[1], seq: Number(m[2]) } : null;
      },
      'registration numbers',
    ),
  );
  const letterCol = h.indexOf('No. Surat Jawaban');
  const letters = rows.map((r) => cellText(r[letterCol])).filter((v) => v !== '');
  if (new Set(letters).size !== letters.length) out.push(`letter number used twice: ${letters.join(',')}`);
  out.push(
    ...gapFree(
      letters,
      (v) => {
        const m = /\/(\d+)\/[^/]*\/(\d{4})$/.exec(v);
        return m ? { year: m[2], seq: Number(m[1]) } : null;
      },
      'letter numbers',
    ),
  );
  // 3. No email, digest or receipt sent twice (a message still queued counts as sent: it will be).
  const seen = new Set<string>();
  for (const m of [...office.outbox(), ...office.queued()]) {
    const key = `${m.to}\n${m.subject}\n${m.body}`;
    if (seen.has(key)) out.push(`sent twice: "${m.subject}" to ${m.to.replace(/[^@,]+@/g, '…@')}`);
    seen.add(key);
  }
  // 4. No orphan Doc or PDF. Letters and recaps are found again by name in their folder, so a second live file of the
  // same name is the orphan a retry leaves; a letter's Doc must also be the one its register row links to.
  const text = office.corpus();
  const names = new Map<string, number>();
  for (const f of office.files()) {
    if (f.trashed || (f.mimeType !== MIME_DOC && f.mimeType !== MIME_PDF)) continue;
    const key = `${f.parents.join(',')}/${f.mimeType}/${f.name}`;
    names.set(key, (names.get(key) ?? 0) + 1);
    if (before.files.has(f.id)) continue;
    const kind = f.mimeType === MIME_PDF ? 'PDF' : 'Doc';
    if (names.get(key) === 2) out.push(`two live ${kind}s named "${f.name}"`);
    if (kind === 'Doc' && /^DUMAS-\d{4}-\d{4} — Surat Jawaban/.test(f.name) && !text.includes(f.id))
      out.push(`orphan Doc "${f.name}"`);
  }
  // 5. Nothing left in a state no sidebar knows.
  if (options.knownStatuses) {
    const statusCol = h.indexOf('Status');
    for (const r of rows)
      if (!options.knownStatuses.includes(String(r[statusCol])))
        out.push(`${String(r[0])} in status ${String(r[statusCol])}`);
  }
  return [...new Set(out)];
}
