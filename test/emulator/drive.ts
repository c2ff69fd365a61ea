// DriveApp: files and folders over the shared FileRegistry (every emulated file kind lives there).
import { BlobImpl, blobData, makeBlob } from './blob';
import { MIME, type DriveEntry, type EmuContext } from './core/context';
import { expose } from './core/expose';
import type { Role } from './core/access';
import { DocModel } from './docs';

export const Access = {
  ANYONE: 'ANYONE',
  ANYONE_WITH_LINK: 'ANYONE_WITH_LINK',
  DOMAIN: 'DOMAIN',
  DOMAIN_WITH_LINK: 'DOMAIN_WITH_LINK',
  PRIVATE: 'PRIVATE',
} as const;
export const Permission = {
  VIEW: 'VIEW',
  EDIT: 'EDIT',
  COMMENT: 'COMMENT',
  OWNER: 'OWNER',
  ORGANIZER: 'ORGANIZER',
  FILE_ORGANIZER: 'FILE_ORGANIZER',
  NONE: 'NONE',
} as const;

/** The `MimeType` enum global of Apps Script (export it to the bundle as `extraGlobals.MimeType`). */
export const MimeType = {
  GOOGLE_APPS_SCRIPT: 'application/vnd.google-apps.script',
  GOOGLE_DRAWINGS: 'application/vnd.google-apps.drawing',
  GOOGLE_DOCS: MIME.document,
  GOOGLE_FORMS: MIME.form,
  GOOGLE_SHEETS: MIME.spreadsheet,
  GOOGLE_SITES: 'application/vnd.google-apps.site',
  GOOGLE_SLIDES: 'application/vnd.google-apps.presentation',
  FOLDER: MIME.folder,
  SHORTCUT: 'application/vnd.google-apps.shortcut',
  BMP: 'image/bmp',
  GIF: 'image/gif',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  SVG: 'image/svg+xml',
  PDF: 'application/pdf',
  CSS: 'text/css',
  CSV: 'text/csv',
  HTML: 'text/html',
  JAVASCRIPT: 'application/javascript',
  PLAIN_TEXT: 'text/plain',
  RTF: 'application/rtf',
  OPENDOCUMENT_GRAPHICS: 'application/vnd.oasis.opendocument.graphics',
  OPENDOCUMENT_PRESENTATION: 'application/vnd.oasis.opendocument.presentation',
  OPENDOCUMENT_SPREADSHEET: 'application/vnd.oasis.opendocument.spreadsheet',
  OPENDOCUMENT_TEXT: 'application/vnd.oasis.opendocument.text',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  MICROSOFT_EXCEL_LEGACY: 'application/vnd.ms-excel',
  MICROSOFT_POWERPOINT: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  MICROSOFT_POWERPOINT_LEGACY: 'application/vnd.ms-powerpoint',
  MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  MICROSOFT_WORD_LEGACY: 'application/msword',
  ZIP: 'application/zip',
} as const;

export const NOT_FOUND =
  'Exception: No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.'; // unverified exact wording
/** A change to a file the effective user may only view (or, for trashing, does not own): Apps Script's message. */
export const ACCESS_DENIED = 'Exception: Access denied: DriveApp.';
export const ITERATOR_END = 'Exception: Cannot retrieve the next object: iterator has reached the end.';

/** Payload of a non-Google file (uploaded or created from a blob). */
export interface StoredBytes {
  bytes: Uint8Array;
}

function isStoredBytes(p: unknown): p is StoredBytes {
  return typeof p === 'object' && p !== null && (p as StoredBytes).bytes instanceof Uint8Array;
}

export const ROOT_ID = 'root';

function ensureRoot(ctx: EmuContext): DriveEntry {
  return (
    ctx.files.get(ROOT_ID) ??
    ctx.files.add({ id: ROOT_ID, name: 'My Drive', mimeType: MIME.folder, parents: [], payload: null })
  );
}

function iterator<T>(ctx: EmuContext, service: string, items: T[]): unknown {
  let i = 0;
  const impl = {
    hasNext: () => i < items.length,
    next: (): T => {
      if (i >= items.length) throw new Error(ITERATOR_END);
      return items[i++];
    },
    getContinuationToken: () => String(i),
  };
  return expose(ctx.calls, service, impl, { default: 'drive' });
}

abstract class EntryImpl {
  constructor(
    protected readonly _ctx: EmuContext,
    readonly _id: string,
  ) {}
  /** The entry, if the effective user may still see it (sharing can change while the script holds the object). */
  protected _e(): DriveEntry {
    const e = this._ctx.files.get(this._id);
    if (!e || !this._ctx.access.can(e, this._ctx.users.effective, 'viewer')) throw new Error(NOT_FOUND);
    return e;
  }
  /** The entry, if the effective user may change it. */
  protected _edit(): DriveEntry {
    const e = this._e();
    if (!this._ctx.access.can(e, this._ctx.users.effective, 'editor')) throw new Error(ACCESS_DENIED);
    return e;
  }
  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._e().name;
  }
  setName(name: string): this {
    this._edit().name = String(name);
    this._ctx.files.touch(this._id);
    return this;
  }
  getDescription(): string | null {
    return (this._e() as DriveEntry & { description?: string }).description ?? null;
  }
  setDescription(text: string): this {
    (this._edit() as DriveEntry & { description?: string }).description = String(text);
    return this;
  }
  getDateCreated(): Date {
    return this._ctx.newDate(this._e().created);
  }
  getLastUpdated(): Date {
    return this._ctx.newDate(this._e().updated);
  }
  getOwner(): unknown {
    const email = this._e().owner;
    return expose(
      this._ctx.calls,
      'User',
      { getEmail: () => email, getName: () => email.split('@')[0] },
      { default: 'local' },
    );
  }
  getParents(): unknown {
    return iterator(
      this._ctx,
      'FolderIterator',
      this._e().parents.map((p) => wrapFolder(this._ctx, p)),
    );
  }
  isTrashed(): boolean {
    return this._e().trashed;
  }
  setTrashed(trashed: boolean): this {
    // Only the owner may trash a file of My Drive; an editor is refused (wording as for other refused changes).
    const e = this._e(); // a file that is gone throws
    if (!this._ctx.access.can(e, this._ctx.users.effective, 'owner')) throw new Error(ACCESS_DENIED);
    this._ctx.files.setTrashed(this._id, Boolean(trashed));
    this._ctx.files.touch(this._id);
    return this;
  }
  moveTo(folder: unknown): this {
    const target = (folder as { _id?: string })._id;
    if (!target || !this._ctx.files.get(target)) throw new Error('Exception: Invalid argument: destination');
    this._edit().parents = [target];
    return this;
  }
  setSharing(access: string, permission: string): this {
    const a = String(access);
    const p = String(permission);
    if (!(a in Access) || !(p in Permission)) throw new Error('Exception: Invalid argument: sharing');
    this._edit().sharing = { access: a, permission: p };
    return this;
  }
  getSharingAccess(): string {
    return this._e().sharing.access;
  }
  getSharingPermission(): string {
    return this._e().sharing.permission;
  }
  private _add(list: 'editors' | 'viewers' | 'commenters', who: unknown): void {
    const email = typeof who === 'string' ? who : String((who as { getEmail?: () => string }).getEmail?.() ?? who);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`Exception: Invalid email: ${email}`);
    const e = this._edit();
    const people = (e[list] ??= []);
    if (!people.includes(email)) people.push(email);
  }
  addEditor(who: unknown): this {
    this._add('editors', who);
    return this;
  }
  addEditors(emails: string[]): this {
    for (const x of emails) this._add('editors', x);
    return this;
  }
  addViewer(who: unknown): this {
    this._add('viewers', who);
    return this;
  }
  addViewers(emails: string[]): this {
    for (const x of emails) this._add('viewers', x);
    return this;
  }
  removeEditor(who: unknown): this {
    const email = typeof who === 'string' ? who : String((who as { getEmail?: () => string }).getEmail?.());
    const e = this._edit();
    e.editors = e.editors.filter((x) => x !== email);
    return this;
  }
  removeViewer(who: unknown): this {
    const email = typeof who === 'string' ? who : String((who as { getEmail?: () => string }).getEmail?.());
    const e = this._edit();
    e.viewers = e.viewers.filter((x) => x !== email);
    e.commenters = (e.commenters ?? []).filter((x) => x !== email);
    return this;
  }
  addCommenter(who: unknown): this {
    this._add('commenters', who);
    return this;
  }
  addCommenters(emails: string[]): this {
    for (const x of emails) this._add('commenters', x);
    return this;
  }
  removeCommenter(who: unknown): this {
    return this.removeViewer(who);
  }
  getEditors(): unknown[] {
    return this._e().editors.map((email) =>
      expose(this._ctx.calls, 'User', { getEmail: () => email }, { default: 'local' }),
    );
  }
  /** Viewers and commenters (the reference: "the list of viewers and commenters"). */
  getViewers(): unknown[] {
    const e = this._e();
    return [...e.viewers, ...(e.commenters ?? [])].map((email) =>
      expose(this._ctx.calls, 'User', { getEmail: () => email }, { default: 'local' }),
    );
  }
}

class FileImpl extends EntryImpl {
  getMimeType(): string {
    return this._e().mimeType;
  }
  getUrl(): string {
    const e = this._e();
    if (e.mimeType === MIME.document) return `https://docs.google.com/document/d/${e.id}/edit?usp=drivesdk`;
    if (e.mimeType === MIME.spreadsheet) return `https://docs.google.com/spreadsheets/d/${e.id}/edit?usp=drivesdk`;
    if (e.mimeType === MIME.form) return `https://docs.google.com/forms/d/${e.id}/edit?usp=drivesdk`;
    return `https://drive.google.com/file/d/${e.id}/view?usp=drivesdk`;
  }
  getDownloadUrl(): string {
    return `https://drive.google.com/uc?id=${this._id}&export=download`;
  }
  getSize(): number {
    const p = this._e().payload;
    return isStoredBytes(p) ? p.bytes.length : 0;
  }
  /** A Google Doc's blob is its PDF export; other Google types are not emulated. */
  getBlob(): GoogleAppsScript.Base.Blob {
    const e = this._e();
    if (isStoredBytes(e.payload)) return makeBlob(this._ctx, e.payload.bytes, e.mimeType, e.name);
    if (e.payload instanceof DocModel) return makeBlob(this._ctx, e.payload._pdf(e.name), MIME.pdf, `${e.name}.pdf`);
    throw new Error(`not emulated: File.getBlob for ${e.mimeType}`);
  }
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    const e = this._e();
    if (e.payload instanceof DocModel) {
      if (contentType !== MIME.pdf)
        throw new Error(`Exception: Converting from ${e.mimeType} to ${contentType} is not supported.`);
      return makeBlob(this._ctx, e.payload._pdf(e.name), MIME.pdf, `${e.name}.pdf`);
    }
    if (isStoredBytes(e.payload))
      return new BlobImpl(this._ctx, e.payload.bytes, e.mimeType, e.name).getAs(contentType);
    throw new Error(`not emulated: File.getAs for ${e.mimeType}`);
  }
  /** Copies the file as a new file (new id); a Google Doc's content is copied as a new Document. */
  makeCopy(nameOrFolder?: unknown, folder?: unknown): GoogleAppsScript.Drive.File {
    const e = this._e();
    const name = typeof nameOrFolder === 'string' ? nameOrFolder : `Copy of ${e.name}`;
    const dest = (typeof nameOrFolder === 'string' ? folder : nameOrFolder) as { _id?: string } | undefined;
    const destEntry = dest?._id ? this._ctx.files.get(dest._id) : undefined;
    if (destEntry && !this._ctx.access.can(destEntry, this._ctx.users.effective, 'editor'))
      throw new Error(ACCESS_DENIED);
    let payload: unknown;
    if (e.payload instanceof DocModel) payload = e.payload._clone();
    else if (isStoredBytes(e.payload)) payload = { bytes: new Uint8Array(e.payload.bytes) };
    else if (e.payload && typeof (e.payload as { _clone?: unknown })._clone === 'function')
      payload = (e.payload as { _clone: () => unknown })._clone();
    else throw new Error(`not emulated: File.makeCopy for ${e.mimeType}`);
    const id = this._ctx.files.newId(e.mimeType === MIME.document ? 'doc' : 'file');
    this._ctx.files.add({ id, name, mimeType: e.mimeType, payload, parents: dest?._id ? [dest._id] : [...e.parents] });
    return wrapFile(this._ctx, id);
  }
}

class FolderImpl extends EntryImpl {
  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this._id}`;
  }
  private _children(): DriveEntry[] {
    this._e();
    const me = this._ctx.users.effective;
    return this._ctx.files
      .all()
      .filter((e) => e.parents.includes(this._id) && !e.trashed && this._ctx.access.can(e, me, 'viewer'));
  }
  getFiles(): unknown {
    return iterator(
      this._ctx,
      'FileIterator',
      this._children()
        .filter((e) => e.mimeType !== MIME.folder)
        .map((e) => wrapFile(this._ctx, e.id)),
    );
  }
  getFilesByName(name: string): unknown {
    return iterator(
      this._ctx,
      'FileIterator',
      this._children()
        .filter((e) => e.mimeType !== MIME.folder && e.name === name)
        .map((e) => wrapFile(this._ctx, e.id)),
    );
  }
  getFilesByType(mime: string): unknown {
    return iterator(
      this._ctx,
      'FileIterator',
      this._children()
        .filter((e) => e.mimeType === mime)
        .map((e) => wrapFile(this._ctx, e.id)),
    );
  }
  getFolders(): unknown {
    return iterator(
      this._ctx,
      'FolderIterator',
      this._children()
        .filter((e) => e.mimeType === MIME.folder)
        .map((e) => wrapFolder(this._ctx, e.id)),
    );
  }
  getFoldersByName(name: string): unknown {
    return iterator(
      this._ctx,
      'FolderIterator',
      this._children()
        .filter((e) => e.mimeType === MIME.folder && e.name === name)
        .map((e) => wrapFolder(this._ctx, e.id)),
    );
  }
  createFolder(name: string): GoogleAppsScript.Drive.Folder {
    this._edit();
    return createFolderIn(this._ctx, this._id, name);
  }
  createFile(a: unknown, content?: string, mimeType?: string): GoogleAppsScript.Drive.File {
    this._edit();
    return createFileIn(this._ctx, this._id, a, content, mimeType);
  }
  addFile(file: unknown): this {
    this._edit();
    const e = this._ctx.files.get(String((file as { _id?: string })._id));
    if (e && !e.parents.includes(this._id)) e.parents.push(this._id);
    return this;
  }
  removeFile(file: unknown): this {
    this._edit();
    const e = this._ctx.files.get(String((file as { _id?: string })._id));
    if (e) e.parents = e.parents.filter((p) => p !== this._id);
    return this;
  }
  addFolder(folder: unknown): this {
    return this.addFile(folder);
  }
}

const FILE_KINDS = { makeCopy: 'drive.copy', getAs: 'pdf', getBlob: 'pdf', getId: 'local', default: 'drive' } as const;

export function wrapFile(ctx: EmuContext, id: string): GoogleAppsScript.Drive.File {
  const e = ctx.files.get(id);
  // Blob files' getBlob is a plain download, not a PDF conversion.
  const kinds = e && isStoredBytes(e.payload) ? { ...FILE_KINDS, getBlob: 'drive' as const } : FILE_KINDS;
  return expose(ctx.calls, 'File', new FileImpl(ctx, id), kinds) as unknown as GoogleAppsScript.Drive.File;
}

export function wrapFolder(ctx: EmuContext, id: string): GoogleAppsScript.Drive.Folder {
  return expose(ctx.calls, 'Folder', new FolderImpl(ctx, id), {
    getId: 'local',
    default: 'drive',
  }) as unknown as GoogleAppsScript.Drive.Folder;
}

function createFolderIn(ctx: EmuContext, parent: string, name: string): GoogleAppsScript.Drive.Folder {
  if (typeof name !== 'string' || name === '') throw new Error('Exception: Invalid argument: name');
  const id = ctx.files.newId('folder');
  ctx.files.add({ id, name, mimeType: MIME.folder, payload: null, parents: [parent] });
  return wrapFolder(ctx, id);
}

function createFileIn(
  ctx: EmuContext,
  parent: string,
  a: unknown,
  content?: string,
  mimeType?: string,
): GoogleAppsScript.Drive.File {
  let name: string;
  let bytes: Uint8Array;
  let mime: string;
  if (typeof a === 'string') {
    name = a;
    bytes = new Uint8Array(Buffer.from(content ?? '', 'utf8'));
    mime = mimeType ?? MimeType.PLAIN_TEXT;
  } else {
    const d = blobData(a);
    name = d.name ?? 'Untitled';
    bytes = new Uint8Array(d.bytes);
    mime = d.contentType ?? 'application/octet-stream';
  }
  if (mime.startsWith('application/vnd.google-apps.')) throw new Error(`Exception: Invalid argument: file.contentType`); // Google types cannot be created from bytes here
  const id = ctx.files.newId('file');
  ctx.files.add({ id, name, mimeType: mime, payload: { bytes } satisfies StoredBytes, parents: [parent] });
  return wrapFile(ctx, id);
}

export class DriveControl {
  constructor(private readonly ctx: EmuContext) {}

  /** Every Drive entry (all kinds, trashed ones too). */
  files(): {
    id: string;
    name: string;
    mimeType: string;
    parents: string[];
    trashed: boolean;
    sharing: { access: string; permission: string };
    editors: string[];
    viewers: string[];
  }[] {
    return this.ctx.files.all().map((e) => ({
      id: e.id,
      name: e.name,
      mimeType: e.mimeType,
      parents: [...e.parents],
      trashed: e.trashed,
      sharing: { ...e.sharing },
      editors: [...e.editors],
      viewers: [...e.viewers],
    }));
  }

  /**
   * Files (not folders, not trashed) `email` may open with at least `role`, as Drive sharing decides in an enforced
   * world (every file in the default world): the list a leak scan opens one by one.
   */
  accessibleTo(email: string, role: Role = 'viewer'): { id: string; name: string; mimeType: string; role: Role }[] {
    return this.ctx.files
      .all()
      .filter(
        (e) => e.id !== ROOT_ID && e.mimeType !== MIME.folder && !e.trashed && this.ctx.access.can(e, email, role),
      )
      .map((e) => ({ id: e.id, name: e.name, mimeType: e.mimeType, role: this.ctx.access.roleOf(e, email) as Role }));
  }

  /** Bytes of a stored (non-Google) file. */
  bytes(id: string): Uint8Array {
    const p = this.ctx.files.get(id)?.payload;
    if (!isStoredBytes(p)) throw new Error(`DriveControl: ${id} is not a stored file`);
    return p.bytes;
  }
}

export function createDriveApp(ctx: EmuContext): {
  global: GoogleAppsScript.Drive.DriveApp;
  control: DriveControl;
  extraGlobals: { MimeType: typeof MimeType };
} {
  ensureRoot(ctx);
  const control = new DriveControl(ctx);
  // A file the effective user may not open looks, to the script, like no file at all.
  const live = (e: DriveEntry | undefined): DriveEntry => {
    if (!e || !ctx.access.can(e, ctx.users.effective, 'viewer')) throw new Error(NOT_FOUND);
    return e;
  };
  const all = (): DriveEntry[] =>
    ctx.files.all().filter((e) => !e.trashed && e.id !== ROOT_ID && ctx.access.can(e, ctx.users.effective, 'viewer'));
  const impl = {
    Access,
    Permission,
    getRootFolder: () => wrapFolder(ctx, ROOT_ID),
    getFileById(id: string): GoogleAppsScript.Drive.File {
      const e = live(ctx.files.get(String(id)));
      if (e.mimeType === MIME.folder) throw new Error(NOT_FOUND);
      return wrapFile(ctx, e.id);
    },
    getFolderById(id: string): GoogleAppsScript.Drive.Folder {
      const e = live(ctx.files.get(String(id)));
      if (e.mimeType !== MIME.folder) throw new Error(NOT_FOUND);
      return wrapFolder(ctx, e.id);
    },
    getFiles: () =>
      iterator(
        ctx,
        'FileIterator',
        all()
          .filter((e) => e.mimeType !== MIME.folder)
          .map((e) => wrapFile(ctx, e.id)),
      ),
    getFilesByName: (name: string) =>
      iterator(
        ctx,
        'FileIterator',
        all()
          .filter((e) => e.mimeType !== MIME.folder && e.name === name)
          .map((e) => wrapFile(ctx, e.id)),
      ),
    getFilesByType: (mime: string) =>
      iterator(
        ctx,
        'FileIterator',
        all()
          .filter((e) => e.mimeType === mime)
          .map((e) => wrapFile(ctx, e.id)),
      ),
    getFolders: () =>
      iterator(
        ctx,
        'FolderIterator',
        all()
          .filter((e) => e.mimeType === MIME.folder)
          .map((e) => wrapFolder(ctx, e.id)),
      ),
    getFoldersByName: (name: string) =>
      iterator(
        ctx,
        'FolderIterator',
        all()
          .filter((e) => e.mimeType === MIME.folder && e.name === name)
          .map((e) => wrapFolder(ctx, e.id)),
      ),
    createFolder: (name: string) => createFolderIn(ctx, ROOT_ID, name),
    createFile: (a: unknown, content?: string, mimeType?: string) => createFileIn(ctx, ROOT_ID, a, content, mimeType),
  };
  const global = expose(ctx.calls, 'DriveApp', impl, { default: 'drive' });
  return { global: global as unknown as GoogleAppsScript.Drive.DriveApp, control, extraGlobals: { MimeType } };
}
