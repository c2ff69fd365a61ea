// The attachments' adapters: the index and the day's count in Script Properties (ids, sizes, times: no personal
// data), the Administrator's folder in Drive, and a member's read of one file through the web app.
import type { AttachmentFilesPort, AttachmentIndexPort } from '../app/attachments';
import type { AttachmentPurgePort } from '../app/retention';
import { FILE_ROUTE, TICKET_MS, ticketMessage } from '../app/attachments';
import type { Signer } from '../app/feedback';
import type { AttachmentMeta, AttachmentType, DayCount } from '../domain/attachments';

export const ATTACH_INDEX_PREFIX = 'dumas.lampiran.';
/** The web app's count of the day (one key: it is written under the script lock). */
export const ATTACH_DAY_KEY = 'dumas.lampiran-hari';

const TYPES: readonly AttachmentType[] = ['jpeg', 'png', 'pdf'];

function parseList(raw: string | null): AttachmentMeta[] {
  if (!raw) return [];
  try {
    const v = JSON.parse(raw) as unknown;
    if (!Array.isArray(v)) return [];
    return v
      .filter((m): m is AttachmentMeta => {
        const x = m as Partial<AttachmentMeta> | null;
        return (
          !!x &&
          Number.isInteger(x.seq) &&
          typeof x.fileId === 'string' &&
          TYPES.includes(x.type as AttachmentType) &&
          typeof x.bytes === 'number' &&
          typeof x.at === 'string'
        );
      })
      .map((m) => ({ seq: m.seq, fileId: m.fileId, type: m.type, bytes: m.bytes, at: m.at }));
  } catch {
    return [];
  }
}

export class ScriptPropertiesAttachmentIndex implements AttachmentIndexPort {
  private readonly store = PropertiesService.getScriptProperties();

  list(regNumber: string): AttachmentMeta[] {
    return parseList(this.store.getProperty(ATTACH_INDEX_PREFIX + regNumber));
  }

  save(regNumber: string, files: readonly AttachmentMeta[]): void {
    this.store.setProperty(ATTACH_INDEX_PREFIX + regNumber, JSON.stringify(files));
  }

  remove(regNumber: string): void {
    this.store.deleteProperty(ATTACH_INDEX_PREFIX + regNumber);
  }

  complaints(): string[] {
    return this.store
      .getKeys()
      .filter((k) => k.startsWith(ATTACH_INDEX_PREFIX))
      .map((k) => k.slice(ATTACH_INDEX_PREFIX.length));
  }

  day(day: string): DayCount {
    try {
      const v = JSON.parse(this.store.getProperty(ATTACH_DAY_KEY) ?? '') as Partial<DayCount>;
      if (v.day === day && typeof v.files === 'number' && typeof v.bytes === 'number')
        return { day, files: v.files, bytes: v.bytes };
    } catch {
      // none yet, or unreadable: a new day starts at zero
    }
    return { day, files: 0, bytes: 0 };
  }

  saveDay(count: DayCount): void {
    this.store.setProperty(ATTACH_DAY_KEY, JSON.stringify(count));
  }
}

/** The folder of `attachmentsFolderId`, owned by the Administrator (the web app runs as them). */
export class DriveAttachmentFiles implements AttachmentFilesPort {
  constructor(private readonly folderId: string) {}

  create(name: string, mime: string, bytes: number[]): string {
    if (!this.folderId) throw new Error('attachments folder not set up');
    const folder = DriveApp.getFolderById(this.folderId);
    return folder.createFile(Utilities.newBlob(bytes, mime, name)).getId();
  }

  base64(fileId: string): string {
    return Utilities.base64Encode(DriveApp.getFileById(fileId).getBlob().getBytes());
  }

  trash(fileIds: readonly string[]): number {
    let trashed = 0;
    for (const id of fileIds) {
      let file: GoogleAppsScript.Drive.File | null;
      try {
        file = DriveApp.getFileById(id);
      } catch {
        file = null; // deleted for good already: nothing left
      }
      if (file && !file.isTrashed()) {
        file.setTrashed(true);
        trashed += 1;
      }
    }
    return trashed;
  }
}

/**
 * A member's execution reads one file: sidebar calls run as the member, who has no access to the folder, so the
 * bytes come from the web app (running as its owner) for a ticket signed here, valid two minutes, for this file only.
 */
export function fetchThroughWebApp(
  webAppUrl: string,
  signer: Signer,
  now: Date,
  regNumber: string,
  seq: number,
): string | null {
  const expires = now.getTime() + TICKET_MS;
  const ticket = signer.sign(ticketMessage(regNumber, seq, expires));
  const sep = webAppUrl.includes('?') ? '&' : '?';
  const url =
    `${webAppUrl}${sep}halaman=${FILE_ROUTE}&no=${encodeURIComponent(regNumber)}&n=${seq}` +
    `&s=${expires}&t=${encodeURIComponent(ticket)}`;
  const response = UrlFetchApp.fetch(url, { muteHttpExceptions: true, followRedirects: true });
  if (response.getResponseCode() !== 200) return null;
  try {
    const v = JSON.parse(response.getContentText()) as { ok?: boolean; base64?: unknown };
    return v.ok === true && typeof v.base64 === 'string' ? v.base64 : null;
  } catch {
    return null; // an HTML page: the web app refused or failed
  }
}

/** The purge's side: a complaint's files to the trash, then its index entry (kept while Drive refuses). */
export class AttachmentPurge implements AttachmentPurgePort {
  private keys: Set<string> | null = null;

  constructor(
    private readonly index: ScriptPropertiesAttachmentIndex,
    private readonly files: DriveAttachmentFiles,
  ) {}

  has(regNumber: string): boolean {
    this.keys ??= new Set(this.index.complaints());
    return this.keys.has(regNumber);
  }

  purge(regNumber: string): number {
    const trashed = this.files.trash(this.index.list(regNumber).map((f) => f.fileId));
    this.index.remove(regNumber);
    return trashed;
  }
}
