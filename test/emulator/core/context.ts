// State shared by every emulated service of one emulator instance.
import { CallLog, DEFAULT_LATENCY, type LatencyModel } from './calls';
import { makeSimDate, SimClock, type SimDateConstructor } from './clock';
import { guardCalls } from './expose';
import { ExecutionTracker } from './execution';
import { AccessControl } from './access';
import { GoogleIdentity } from './google';

export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
  document: 'application/vnd.google-apps.document',
  form: 'application/vnd.google-apps.form',
  pdf: 'application/pdf',
} as const;

/** One entry of the emulated Drive: every file kind (sheet, doc, form, blob, folder) lives here. */
export interface DriveEntry {
  id: string;
  name: string;
  mimeType: string;
  parents: string[]; // folder ids; the root folder is 'root'
  owner: string;
  created: number;
  updated: number;
  trashed: boolean;
  /** When it went to the trash (ms); Google deletes it forever TRASH_RETENTION_MS later. */
  trashedAt?: number;
  /** The emulated object behind the file (a spreadsheet, a document, a form, or blob bytes). */
  payload: unknown;
  sharing: { access: string; permission: string };
  editors: string[];
  viewers: string[];
  commenters?: string[];
}

/** Google Drive deletes a file forever 30 days after it was moved to the trash (Drive Help, "Delete & restore files"). */
export const TRASH_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export class FileRegistry {
  private entries = new Map<string, DriveEntry>();
  private seq = 0;

  constructor(private readonly ctx: { clock: SimClock; users: { active: string; effective: string } }) {}

  newId(prefix: string): string {
    this.seq += 1;
    // Google ids are opaque 44-character strings; ours are readable but as opaque to the add-on.
    return `${prefix}_${this.seq.toString(36).padStart(6, '0')}`;
  }

  add(
    entry: Omit<
      DriveEntry,
      'created' | 'updated' | 'trashed' | 'owner' | 'sharing' | 'editors' | 'viewers' | 'parents'
    > &
      Partial<DriveEntry>,
  ): DriveEntry {
    const now = this.ctx.clock.now();
    const full: DriveEntry = {
      parents: ['root'],
      owner: this.ctx.users.effective, // a file a script creates belongs to the user it runs as
      created: now,
      updated: now,
      trashed: false,
      sharing: { access: 'PRIVATE', permission: 'NONE' },
      editors: [],
      viewers: [],
      ...entry,
    };
    this.entries.set(full.id, full);
    return full;
  }

  /** Trashed entries by id, and the earliest moment one of them is due to go (so most calls cost nothing). */
  private trash = new Set<string>();
  private nextExpiry = Infinity;

  /** Moves an entry to the trash or out of it (File.setTrashed), starting or cancelling its 30 days. */
  setTrashed(id: string, trashed: boolean): void {
    const e = this.entries.get(id);
    if (!e) return;
    if (trashed && !e.trashed) {
      e.trashedAt = this.ctx.clock.now();
      this.trash.add(id);
      this.nextExpiry = Math.min(this.nextExpiry, e.trashedAt + TRASH_RETENTION_MS);
    }
    if (!trashed) {
      delete e.trashedAt;
      this.trash.delete(id);
    }
    e.trashed = trashed;
  }

  /** Files trashed 30 days ago or more are gone, as in Drive: nothing can open, list or restore them. */
  private expunge(): void {
    const now = this.ctx.clock.now();
    if (now < this.nextExpiry) return;
    this.nextExpiry = Infinity;
    for (const id of [...this.trash]) {
      const e = this.entries.get(id);
      if (!e || !e.trashed || e.trashedAt === undefined) {
        this.trash.delete(id);
        continue;
      }
      if (now - e.trashedAt >= TRASH_RETENTION_MS) {
        this.entries.delete(id);
        this.trash.delete(id);
      } else this.nextExpiry = Math.min(this.nextExpiry, e.trashedAt + TRASH_RETENTION_MS);
    }
  }

  get(id: string): DriveEntry | undefined {
    this.expunge();
    return this.entries.get(id);
  }

  all(): DriveEntry[] {
    this.expunge();
    return [...this.entries.values()];
  }

  touch(id: string): void {
    const e = this.entries.get(id);
    if (e) e.updated = this.ctx.clock.now();
  }
}

export interface EmuOptions {
  /** Simulated start time (default 2026-01-05 09:00 WITA). */
  now?: Date | string | number;
  /** The user running the script (Session.getActiveUser / getEffectiveUser). */
  user?: string;
  /** Script time zone from the manifest. */
  timeZone?: string;
  /** MailApp daily recipient quota (consumer accounts: 100). */
  mailQuota?: number;
  latency?: LatencyModel;
  /**
   * 'open' (default): every account may open and edit every file, as the existing single-project tests assume.
   * 'enforced': Drive sharing decides (owner, editors, commenters, viewers, link and domain sharing, folders above).
   */
  access?: 'open' | 'enforced';
}

export class EmuContext {
  readonly clock: SimClock;
  readonly calls: CallLog;
  readonly Date: SimDateConstructor;
  readonly files: FileRegistry;
  /** Who may open or edit which file (see core/access.ts). */
  readonly access: AccessControl;
  /** Google's accounts, signing key and tokens (see core/google.ts). */
  readonly google: GoogleIdentity;
  /** The running execution: its time limit, and whether it runs as a web app. */
  readonly execution: ExecutionTracker;
  timeZone: string;
  users: { active: string; effective: string };

  constructor(options: EmuOptions = {}) {
    this.clock = new SimClock(options.now);
    this.calls = new CallLog(options.latency ?? DEFAULT_LATENCY);
    this.Date = makeSimDate(this.clock);
    this.timeZone = options.timeZone ?? 'Asia/Makassar';
    const user = options.user ?? 'admin@diskopumkm.example.go.id';
    this.users = { active: user, effective: user };
    this.files = new FileRegistry(this);
    this.access = new AccessControl(this.files);
    this.access.enforced = options.access === 'enforced';
    this.google = new GoogleIdentity(this.clock);
    this.execution = new ExecutionTracker(this.clock, this.calls);
    guardCalls(this.calls, () => this.execution.check());
  }

  /** A Date of the bundle's class (see makeSimDate). */
  newDate(ms: number = this.clock.now()): Date {
    return new this.Date(ms);
  }
}
