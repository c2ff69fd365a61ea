// ContentService: the text a web app's doGet/doPost returns (JSON, CSV, plain text...), served by Google through a
// redirect to script.googleusercontent.com (see urlfetch.ts).
import type { EmuContext } from './core/context';
import { expose } from './core/expose';

export const ContentMimeType = {
  ATOM: 'ATOM',
  CSV: 'CSV',
  ICAL: 'ICAL',
  JAVASCRIPT: 'JAVASCRIPT',
  JSON: 'JSON',
  RSS: 'RSS',
  TEXT: 'TEXT',
  VCARD: 'VCARD',
  XML: 'XML',
} as const;

/** The Content-Type Google serves each ContentService mime type with. */
export const CONTENT_TYPE: Record<string, string> = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'text/xml',
};

export class TextOutput {
  private mime: string = ContentMimeType.TEXT;
  private fileName: string | null = null;
  constructor(private content: string) {}
  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this.content += String(addedContent);
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
  getMimeType(): string {
    return this.mime;
  }
  setMimeType(mimeType: string): this {
    const m = String(mimeType);
    if (!(m in ContentMimeType)) throw new Error(`Exception: Invalid argument: mimeType`);
    this.mime = m;
    return this;
  }
  downloadAsFile(filename: string): this {
    this.fileName = String(filename);
    return this;
  }
  getFileName(): string | null {
    return this.fileName;
  }
  /** What Google serves for it: body and Content-Type. */
  _served(): { body: string; contentType: string } {
    return { body: this.content, contentType: `${CONTENT_TYPE[this.mime]}; charset=utf-8` };
  }
}

export function createContentService(ctx: EmuContext): { global: GoogleAppsScript.Content.ContentService } {
  const impl = {
    MimeType: ContentMimeType,
    createTextOutput: (content?: string) =>
      expose(ctx.calls, 'TextOutput', new TextOutput(content === undefined ? '' : String(content)), {
        default: 'local',
      }),
  };
  return {
    global: expose(ctx.calls, 'ContentService', impl, {
      default: 'local',
    }) as unknown as GoogleAppsScript.Content.ContentService,
  };
}
