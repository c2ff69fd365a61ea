// The one Blob implementation shared by Utilities, Docs, Drive and Mail (bytes + content type + name).
import type { EmuContext } from './core/context';
import { expose } from './core/expose';
import { renderPdf } from './pdf';

/** Java bytes as Apps Script returns them: signed, −128..127. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

/** Accepts a string (UTF-8), a byte array (signed or not) or a Uint8Array. */
export function toBytes(data: unknown, charset = 'UTF-8'): Uint8Array {
  if (data instanceof Uint8Array) return new Uint8Array(data);
  if (typeof data === 'string') {
    return new Uint8Array(Buffer.from(data, /^(US-ASCII|ISO-8859-1)$/i.test(charset) ? 'latin1' : 'utf8'));
  }
  if (Array.isArray(data)) return Uint8Array.from(data.map((n) => Number(n) & 0xff));
  throw new Error(`Exception: The parameters (${typeName(data)}) don't match the method signature.`);
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'number[]';
  return typeof v === 'object' ? 'Object' : typeof v === 'string' ? 'String' : typeof v;
}

/** Replaces the file extension of a blob name after a conversion ("a.txt" → "a.pdf"), as Apps Script does. */
export function renamedFor(name: string | null, contentType: string): string | null {
  if (name === null) return null;
  const ext = contentType === 'application/pdf' ? 'pdf' : (contentType.split('/')[1] ?? 'bin');
  return `${name.replace(/\.[A-Za-z0-9]{1,5}$/, '')}.${ext}`;
}

/** Apps Script's Blob limit: 50 MB (52,428,800 bytes), as reported for UrlFetchApp → DriveApp.createFile. */
export const MAX_BLOB_BYTES = 50 * 1024 * 1024;
/** Wording unverified (case `blob.size-limit` observes only that it throws). */
export const BLOB_TOO_LARGE = 'Exception: Blob size exceeds the maximum allowed size of 50 MB.';

function sized(bytes: Uint8Array): Uint8Array {
  if (bytes.length > MAX_BLOB_BYTES) throw new Error(BLOB_TOO_LARGE);
  return bytes;
}

export class BlobImpl {
  public _bytes: Uint8Array;
  constructor(
    readonly _ctx: EmuContext,
    bytes: Uint8Array,
    public _type: string | null,
    public _name: string | null,
  ) {
    this._bytes = sized(bytes);
  }

  getBytes(): number[] {
    return toSignedBytes(this._bytes);
  }
  setBytes(data: unknown): this {
    this._bytes = sized(toBytes(data));
    return this;
  }
  getDataAsString(charset?: string): string {
    return Buffer.from(this._bytes).toString(charset && /^(US-ASCII|ISO-8859-1)$/i.test(charset) ? 'latin1' : 'utf8');
  }
  setDataFromString(text: string, charset?: string): this {
    this._bytes = sized(toBytes(text, charset));
    return this;
  }
  getContentType(): string | null {
    return this._type;
  }
  setContentType(type: string): this {
    this._type = type;
    return this;
  }
  getName(): string | null {
    return this._name;
  }
  setName(name: string): this {
    this._name = name;
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.copyBlob();
  }
  copyBlob(): GoogleAppsScript.Base.Blob {
    return makeBlob(this._ctx, this._bytes, this._type, this._name);
  }
  /** Only conversions to PDF are emulated: from PDF (a copy), plain text, and HTML (tags stripped). */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    const from = this._type ?? 'application/octet-stream';
    if (contentType !== 'application/pdf') {
      if (contentType === from) return this.copyBlob();
      throw new Error(`Exception: Converting from ${from} to ${contentType} is not supported.`);
    }
    if (from === 'application/pdf') return this.copyBlob();
    if (from.startsWith('text/plain') || from.startsWith('text/html')) {
      let text = this.getDataAsString();
      if (from.startsWith('text/html')) text = htmlToText(text);
      const bytes = renderPdf({
        title: this._name ?? '',
        header: [],
        footer: [],
        body: text.split('\n').map((t) => ({ kind: 'paragraph', text: t })),
      });
      return makeBlob(this._ctx, bytes, 'application/pdf', renamedFor(this._name, 'application/pdf'));
    }
    throw new Error(`Exception: Converting from ${from} to ${contentType} is not supported.`);
  }
}

/** A crude HTML → text pass, enough for a PDF made from an HTML template to contain its words. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|table)>/gi, '\n')
    .replace(/<\/t[dh]>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function makeBlob(
  ctx: EmuContext,
  data: unknown,
  contentType: string | null = null,
  name: string | null = null,
): GoogleAppsScript.Base.Blob {
  const impl = new BlobImpl(ctx, toBytes(data), contentType, name);
  return expose(ctx.calls, 'Blob', impl, { getAs: 'pdf', default: 'local' }) as unknown as GoogleAppsScript.Base.Blob;
}

export interface BlobData {
  name: string | null;
  contentType: string | null;
  bytes: Uint8Array;
}

/** Reads a Blob or BlobSource (File, Document…) the bundle passed us, without counting harness reads. */
export function blobData(source: unknown): BlobData {
  const raw = source as { _bytes?: unknown; _type?: string | null; _name?: string | null; getBlob?: () => unknown };
  if (raw && raw._bytes instanceof Uint8Array)
    return { name: raw._name ?? null, contentType: raw._type ?? null, bytes: raw._bytes };
  if (raw && typeof raw.getBlob === 'function') return blobData(raw.getBlob());
  throw new Error('Exception: Invalid argument: attachments');
}
