// HtmlService: HTML outputs and templates with Apps Script scriptlets (<? ?>, <?= ?>, <?!= ?>).
// A template compiles to a function that runs inside the bundle's vm context (the loader sets the
// evaluator), so scriptlets see the bundle's global functions, e.g. an include(name) helper.
// Everything here happens inside the script runtime: every call is 'local'.
import vm from 'node:vm';
import type { EmuContext } from './core/context';
import { expose } from './core/expose';
import { jsString } from './core/text';

export const XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const);
export const SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const);

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/** A value printed inside <script>: a JS literal that cannot close the script element. */
function jsLiteral(value: unknown): string {
  const json = JSON.stringify(value) ?? 'undefined';
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export class HtmlOutput {
  _html = '';
  _title = '';
  _width: number | null = null;
  _height: number | null = null;
  _xFrameOptionsMode = 'DEFAULT';
  _sandboxMode = 'IFRAME';
  _metaTags: { name: string; content: string }[] = [];
  _faviconUrl: string | null = null;

  constructor(private readonly _service: HtmlServiceImpl) {}

  getContent(): string {
    return this._html;
  }
  setContent(html: string): this {
    this._html = String(html);
    return this;
  }
  append(html: string): this {
    this._html += String(html);
    return this;
  }
  appendUntrusted(text: string): this {
    this._html += escapeHtml(String(text));
    return this;
  }
  clear(): this {
    this._html = '';
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(title: string): this {
    this._title = String(title);
    return this;
  }
  getWidth(): number | null {
    return this._width;
  }
  setWidth(width: number): this {
    this._width = width;
    return this;
  }
  getHeight(): number | null {
    return this._height;
  }
  setHeight(height: number): this {
    this._height = height;
    return this;
  }
  setXFrameOptionsMode(mode: string): this {
    this._xFrameOptionsMode = String(mode);
    return this;
  }
  setSandboxMode(mode: string): this {
    this._sandboxMode = String(mode);
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this._metaTags.push({ name, content });
    return this;
  }
  getMetaTags(): { getName(): string; getContent(): string }[] {
    return this._metaTags.map((m) => ({ getName: () => m.name, getContent: () => m.content }));
  }
  setFaviconUrl(url: string): this {
    this._faviconUrl = url;
    return this;
  }
  getFaviconUrl(): string | null {
    return this._faviconUrl;
  }
  asTemplate(): HtmlTemplate {
    return this._service._template(this._html);
  }
}

/** The buffer a compiled template writes into; `output` inside scriptlets is this object. */
class TemplateSink {
  html = '';
  _t(text: string): void {
    this.html += text;
  }
  _e(value: unknown, inScript: boolean): void {
    if (inScript) this.html += jsLiteral(value);
    else if (value !== null && value !== undefined) this.html += escapeHtml(jsString(value));
  }
  _r(value: unknown): void {
    if (value !== null && value !== undefined) this.html += jsString(value);
  }
  append(html: unknown): this {
    this.html += String(html);
    return this;
  }
  appendUntrusted(text: unknown): this {
    this.html += escapeHtml(String(text));
    return this;
  }
  getContent(): string {
    return this.html;
  }
  clear(): this {
    this.html = '';
    return this;
  }
}

/** Compiles a template to the source of `function (__vars, __out)`, to run in the bundle's context. */
export function compileTemplate(source: string): string {
  const parts: string[] = [];
  let inScript = false;
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  const text = (chunk: string): void => {
    if (chunk === '') return;
    parts.push(`__out._t(${JSON.stringify(chunk)});`);
    // Contextual escaping: track whether we are between <script> and </script>.
    const opens = [...chunk.matchAll(/<script\b/gi)].map((x) => x.index ?? 0);
    const closes = [...chunk.matchAll(/<\/script\s*>/gi)].map((x) => x.index ?? 0);
    const lastOpen = opens.length ? Math.max(...opens) : -1;
    const lastClose = closes.length ? Math.max(...closes) : -1;
    if (lastOpen > lastClose) inScript = true;
    else if (lastClose > lastOpen) inScript = false;
  };
  while ((m = re.exec(source))) {
    text(source.slice(last, m.index));
    last = re.lastIndex;
    const code = m[2];
    const expr = code.trim().replace(/;+\s*$/, ''); // Apps Script accepts <?!= include('x'); ?>
    if (m[1] === '=') parts.push(`__out._e((${expr}), ${inScript});`);
    else if (m[1] === '!=') parts.push(`__out._r((${expr}));`);
    else parts.push(`${code}\n`);
  }
  text(source.slice(last));
  return `(function (__vars, __out) { var output = __out; with (__vars) {\n${parts.join('\n')}\n} })`;
}

export class HtmlTemplate {
  constructor(
    private readonly _service: HtmlServiceImpl,
    readonly _source: string,
  ) {}

  evaluate(): HtmlOutput {
    const vars: Record<string, unknown> = Object.create(null) as Record<string, unknown>; // no inherited names in scope
    for (const key of Object.keys(this))
      if (!key.startsWith('_')) vars[key] = (this as unknown as Record<string, unknown>)[key];
    const fn = this._service._evaluate(compileTemplate(this._source)) as (vars: object, out: TemplateSink) => void;
    const sink = new TemplateSink();
    fn(vars, sink);
    return this._service._output(sink.html);
  }
  getCode(): string {
    return compileTemplate(this._source);
  }
  getCodeWithComments(): string {
    return compileTemplate(this._source);
  }
  getRawContent(): string {
    return this._source;
  }
}

export interface HtmlServiceControl {
  /** Runs code in the bundle's context (set by the loader); by default a private empty context. */
  setEvaluator(evaluate: ((code: string) => unknown) | null): void;
}

class HtmlServiceImpl {
  XFrameOptionsMode = XFrameOptionsMode;
  SandboxMode = SandboxMode;
  _evaluator: ((code: string) => unknown) | null = null;
  private _ownContext: vm.Context | null = null;

  constructor(
    private readonly _ctx: EmuContext,
    private readonly _readFile: (name: string) => string,
  ) {}

  _evaluate(code: string): unknown {
    if (this._evaluator) return this._evaluator(code);
    this._ownContext ??= vm.createContext({});
    return vm.runInContext(code, this._ownContext, { filename: 'template.html' });
  }
  _output(html: string): HtmlOutput {
    const out = new HtmlOutput(this);
    out._html = html;
    return expose(this._ctx.calls, 'HtmlOutput', out);
  }
  _template(source: string): HtmlTemplate {
    return expose(this._ctx.calls, 'HtmlTemplate', new HtmlTemplate(this, source));
  }
  _file(name: string): string {
    const candidates = name.endsWith('.html') ? [name] : [`${name}.html`, name];
    for (const c of candidates) {
      try {
        return this._readFile(c);
      } catch {
        // try the next spelling
      }
    }
    throw new Error(`Exception: No HTML file named ${name} was found.`);
  }

  createHtmlOutput(html?: unknown): HtmlOutput {
    if (html === undefined) return this._output('');
    const blob = html as { getDataAsString?: () => string };
    return this._output(typeof blob?.getDataAsString === 'function' ? blob.getDataAsString() : jsString(html));
  }
  createHtmlOutputFromFile(name: string): HtmlOutput {
    return this._output(this._file(name));
  }
  createTemplate(html: unknown): HtmlTemplate {
    const blob = html as { getDataAsString?: () => string };
    return this._template(typeof blob?.getDataAsString === 'function' ? blob.getDataAsString() : String(html));
  }
  createTemplateFromFile(name: string): HtmlTemplate {
    return this._template(this._file(name));
  }
}

export type HtmlServiceGlobal = HtmlServiceImpl;

export function createHtmlService(
  ctx: EmuContext,
  readFile: (name: string) => string,
): { global: HtmlServiceGlobal; control: HtmlServiceControl } {
  const impl = new HtmlServiceImpl(ctx, readFile);
  const global = expose(ctx.calls, 'HtmlService', impl);
  const control: HtmlServiceControl = {
    setEvaluator: (evaluate) => void (impl._evaluator = evaluate),
  };
  return { global, control };
}
