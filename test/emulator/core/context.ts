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
  /** The emulated object behind the file (a spreadsheet, a document, a form, or blob bytes). */
  payload: unknown;
  sharing: { access: string; permission: string };
  editors: string[];
  viewers: string[];
  commenters?: string[];
}

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

  get(id: string): DriveEntry | undefined {
    return this.entries.get(id);
  }

  all(): DriveEntry[] {
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
