// DocumentApp: an in-memory document tree (body, header, footer; paragraphs, list items, tables) with
// Apps Script's replaceText semantics and real PDF export.
import { makeBlob } from './blob';
import { MIME, type EmuContext } from './core/context';
import { expose } from './core/expose';
import { renderPdf, type PdfAlign, type PdfBlock, type PdfParagraph } from './pdf';
import { dayKey } from './tz';
import { jsString } from './core/text';

export const ParagraphHeading = {
  NORMAL: 'NORMAL',
  HEADING1: 'HEADING1',
  HEADING2: 'HEADING2',
  HEADING3: 'HEADING3',
  HEADING4: 'HEADING4',
  HEADING5: 'HEADING5',
  HEADING6: 'HEADING6',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
} as const;
export const HorizontalAlignment = { LEFT: 'LEFT', CENTER: 'CENTER', RIGHT: 'RIGHT', JUSTIFY: 'JUSTIFY' } as const;
export const Attribute = Object.fromEntries(
  [
    'BACKGROUND_COLOR',
    'BOLD',
    'BORDER_COLOR',
    'BORDER_WIDTH',
    'CODE',
    'FONT_FAMILY',
    'FONT_SIZE',
    'FOREGROUND_COLOR',
    'HEADING',
    'HEIGHT',
    'HORIZONTAL_ALIGNMENT',
    'INDENT_END',
    'INDENT_FIRST_LINE',
    'INDENT_START',
    'ITALIC',
    'GLYPH_TYPE',
    'LEFT_TO_RIGHT',
    'LINE_SPACING',
    'LINK_URL',
    'LIST_ID',
    'MARGIN_BOTTOM',
    'MARGIN_LEFT',
    'MARGIN_RIGHT',
    'MARGIN_TOP',
    'NESTING_LEVEL',
    'MINIMUM_HEIGHT',
    'PADDING_BOTTOM',
    'PADDING_LEFT',
    'PADDING_RIGHT',
    'PADDING_TOP',
    'PAGE_HEIGHT',
    'PAGE_WIDTH',
    'SPACING_AFTER',
    'SPACING_BEFORE',
    'STRIKETHROUGH',
    'UNDERLINE',
    'VERTICAL_ALIGNMENT',
    'WIDTH',
  ].map((k) => [k, k]),
) as Record<string, string>;
export const ElementType = Object.fromEntries(
  [
    'BODY_SECTION',
    'FOOTER_SECTION',
    'HEADER_SECTION',
    'HORIZONTAL_RULE',
    'LIST_ITEM',
    'PAGE_BREAK',
    'PARAGRAPH',
    'TABLE',
    'TABLE_CELL',
    'TABLE_ROW',
    'TEXT',
    'UNSUPPORTED',
  ].map((k) => [k, k]),
) as Record<string, string>;
export const GlyphType = {
  BULLET: 'BULLET',
  HOLLOW_BULLET: 'HOLLOW_BULLET',
  SQUARE_BULLET: 'SQUARE_BULLET',
  NUMBER: 'NUMBER',
  LATIN_UPPER: 'LATIN_UPPER',
  LATIN_LOWER: 'LATIN_LOWER',
  ROMAN_UPPER: 'ROMAN_UPPER',
  ROMAN_LOWER: 'ROMAN_LOWER',
} as const;

export const DOC_CLOSED = 'Exception: Document is closed, its contents cannot be updated.';
export const LAST_PARAGRAPH = "Exception: Can't remove the last paragraph in a document section.";
export const DOCS_CREATE_QUOTA = 'Exception: Service invoked too many times for one day: docs create.';

// ---------------------------------------------------------------- model

/** An inline image: its bytes (PNG) and its size in points. */
export interface ImageNode {
  image: number[];
  contentType: string;
  width: number;
  height: number;
}
export interface ParaNode {
  kind: 'paragraph' | 'listItem';
  text: string;
  attrs: Record<string, unknown>;
  /** Inline horizontal rules, page breaks and images; Docs keeps them inside a paragraph. */
  inline: ('rule' | 'pagebreak' | ImageNode)[];
}
export interface TableNode {
  kind: 'table';
  rows: CellNode[][];
  /** BORDER_WIDTH, BORDER_COLOR; COLUMN_WIDTHS (points by column index, from setColumnWidth). */
  attrs: Record<string, unknown>;
}
export interface CellNode {
  kind: 'cell';
  children: ParaNode[];
  /** PADDING_TOP/RIGHT/BOTTOM/LEFT in points (Docs' default is 5). */
  attrs?: Record<string, unknown>;
}
export type BlockNode = ParaNode | TableNode;
export interface SectionNode {
  kind: 'body' | 'header' | 'footer';
  children: BlockNode[];
}

export function newPara(text = '', kind: ParaNode['kind'] = 'paragraph'): ParaNode {
  return { kind, text, attrs: {}, inline: [] };
}

function newCell(text: string): CellNode {
  return { kind: 'cell', children: [newPara(text)] };
}

/** The document behind a Drive entry (its `payload`). */
export class DocModel {
  body: SectionNode = { kind: 'body', children: [newPara()] }; // a new document holds one empty paragraph
  header: SectionNode | null = null;
  footer: SectionNode | null = null;

  _clone(): DocModel {
    const copy = new DocModel();
    const c = structuredClone({ body: this.body, header: this.header, footer: this.footer });
    copy.body = c.body;
    copy.header = c.header;
    copy.footer = c.footer;
    return copy;
  }

  _text(): { header: string; body: string; footer: string } {
    return {
      header: this.header ? sectionText(this.header) : '',
      body: sectionText(this.body),
      footer: this.footer ? sectionText(this.footer) : '',
    };
  }

  _pdf(title: string): Uint8Array {
    return renderPdf({
      title,
      header: toPdfBlocks(this.header),
      body: toPdfBlocks(this.body),
      footer: toPdfBlocks(this.footer),
    });
  }
}

function paraText(p: ParaNode): string {
  return p.text;
}
function tableText(t: TableNode): string {
  // unverified: Apps Script's getText of a table; rows by newline, cells by tab.
  return t.rows.map((r) => r.map((c) => c.children.map(paraText).join('\n')).join('\t')).join('\n');
}
function blockText(b: BlockNode): string {
  return b.kind === 'table' ? tableText(b) : paraText(b);
}
function sectionText(s: { children: BlockNode[] }): string {
  return s.children.map(blockText).join('\n');
}

const HEADING_SIZE: Record<string, number> = {
  TITLE: 22,
  SUBTITLE: 14,
  HEADING1: 18,
  HEADING2: 15,
  HEADING3: 13,
  HEADING4: 12,
  HEADING5: 11,
  HEADING6: 11,
};

/** Docs' default space above and below each named style (points), e.g. Heading 2: 18 before, 6 after. */
const HEADING_SPACING: Record<string, [number, number]> = {
  TITLE: [0, 3],
  SUBTITLE: [0, 16],
  HEADING1: [20, 6],
  HEADING2: [18, 6],
  HEADING3: [16, 4],
  HEADING4: [14, 4],
  HEADING5: [12, 4],
  HEADING6: [12, 4],
};

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function isImage(x: ParaNode['inline'][number]): x is ImageNode {
  return typeof x === 'object';
}

/** A paragraph as the renderer draws it: its text, font, alignment, indents, spacing and inline images. */
function pdfParagraph(b: ParaNode, prefix: string): PdfParagraph {
  const heading = jsString(b.attrs.HEADING ?? 'NORMAL');
  const spacing = HEADING_SPACING[heading];
  return {
    kind: 'paragraph',
    text: prefix + b.text,
    size: num(b.attrs.FONT_SIZE) ?? HEADING_SIZE[heading],
    bold: b.attrs.BOLD === true || (heading !== 'NORMAL' && heading !== 'SUBTITLE'),
    align: b.attrs.HORIZONTAL_ALIGNMENT as PdfAlign | undefined,
    indentStart: num(b.attrs.INDENT_START),
    indentEnd: num(b.attrs.INDENT_END),
    indentFirstLine: num(b.attrs.INDENT_FIRST_LINE),
    spaceBefore: num(b.attrs.SPACING_BEFORE) ?? spacing?.[0],
    spaceAfter: num(b.attrs.SPACING_AFTER) ?? spacing?.[1],
    lineSpacing: num(b.attrs.LINE_SPACING),
    images: b.inline
      .filter(isImage)
      .map((i) => ({ bytes: Uint8Array.from(i.image), width: i.width, height: i.height })),
  };
}

function toPdfBlocks(s: SectionNode | null): PdfBlock[] {
  if (!s) return [];
  const out: PdfBlock[] = [];
  for (const b of s.children) {
    if (b.kind === 'table') {
      const widths = (b.attrs.COLUMN_WIDTHS as (number | null)[] | undefined) ?? [];
      out.push({
        kind: 'table',
        widths,
        borderWidth: num(b.attrs.BORDER_WIDTH),
        rows: b.rows.map((r) =>
          r.map((c) => ({
            blocks: c.children.map((p) => pdfParagraph(p, '')),
            padding: {
              top: num(c.attrs?.PADDING_TOP),
              right: num(c.attrs?.PADDING_RIGHT),
              bottom: num(c.attrs?.PADDING_BOTTOM),
              left: num(c.attrs?.PADDING_LEFT),
            },
          })),
        ),
      });
      continue;
    }
    const prefix = b.kind === 'listItem' ? (b.attrs.GLYPH_TYPE === 'NUMBER' ? `${listNumber(s, b)}. ` : '- ') : '';
    const hasImage = b.inline.some(isImage);
    if (b.text !== '' || b.inline.length === 0 || hasImage) out.push(pdfParagraph(b, prefix));
    for (const x of b.inline) if (!isImage(x)) out.push({ kind: x === 'rule' ? 'rule' : 'pagebreak' });
  }
  return out;
}

function listNumber(s: SectionNode, item: ParaNode): number {
  let n = 0;
  for (const b of s.children) {
    if (b.kind !== 'listItem') n = 0;
    else n += 1;
    if (b === item) return n;
  }
  return n;
}

// ---------------------------------------------------------------- regex semantics

/**
 * Converts an Apps Script (RE2) pattern string to a JS RegExp. RE2 has no lookaround or
 * backreferences: those are refused like Apps Script refuses them.
 */
export function re2ToRegExp(pattern: string): RegExp {
  let src = String(pattern);
  let flags = 'g';
  const inline = /^\(\?([imsU]+)\)/.exec(src);
  if (inline) {
    if (inline[1].includes('i')) flags += 'i';
    if (inline[1].includes('s')) flags += 's';
    if (inline[1].includes('m')) flags += 'm';
    src = src.slice(inline[0].length);
  }
  src = src.replace(/\(\?P</g, '(?<');
  if (/\(\?<?[=!]/.test(src) || /\\[1-9]/.test(src))
    throw new Error(`Exception: Invalid regular expression pattern ${pattern}`); // unverified wording
  try {
    return new RegExp(src, flags);
  } catch {
    throw new Error(`Exception: Invalid regular expression pattern ${pattern}`);
  }
}

/**
 * Expands a replacement as java.util.regex.Matcher does (assumed for Apps Script, unverified):
 * `$n` / `${name}` insert groups, `\x` is a literal x, a bad reference throws.
 */
export function expandReplacement(replacement: string, match: RegExpExecArray): string {
  let out = '';
  const groups = match.length - 1;
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c === '\\') {
      i += 1;
      if (i >= replacement.length) throw new Error('Exception: character to be escaped is missing');
      out += replacement[i];
    } else if (c === '$') {
      i += 1;
      if (i >= replacement.length) throw new Error('Exception: Illegal group reference: group index is missing');
      if (replacement[i] === '{') {
        const end = replacement.indexOf('}', i);
        const name = end < 0 ? '' : replacement.slice(i + 1, end);
        if (!name || !match.groups || !(name in match.groups))
          throw new Error(`Exception: No group with name {${name}}`);
        out += match.groups[name] ?? '';
        i = end;
        continue;
      }
      if (!/[0-9]/.test(replacement[i])) throw new Error('Exception: Illegal group reference');
      let ref = Number(replacement[i]);
      if (ref > groups) throw new Error(`Exception: No group ${ref}`);
      // Java takes more digits while they still name an existing group.
      while (
        i + 1 < replacement.length &&
        /[0-9]/.test(replacement[i + 1]) &&
        ref * 10 + Number(replacement[i + 1]) <= groups
      ) {
        ref = ref * 10 + Number(replacement[i + 1]);
        i += 1;
      }
      out += match[ref] ?? '';
    } else out += c;
  }
  return out;
}

/** Replaces every match in one text block (matches never span blocks). */
export function replaceInText(text: string, pattern: string, replacement: string): string {
  const re = re2ToRegExp(pattern);
  let out = '';
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out += text.slice(last, m.index) + expandReplacement(String(replacement), m);
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex += 1;
  }
  return out + text.slice(last);
}

/** Every text block under a node, in document order. */
/** Every text block under a container with the container it sits in (a table's blocks sit in cells). */
function textEntries(node: Parent | TableNode): TextEntry[] {
  if (node.kind === 'table') return node.rows.flatMap((r) => r.flatMap((c) => textEntries(c)));
  return node.children.flatMap((c: BlockNode): TextEntry[] =>
    c.kind === 'table' ? textEntries(c) : [{ block: c, parent: node }],
  );
}

interface TextEntry {
  block: ParaNode;
  parent: Parent;
}

function textBlocks(node: SectionNode | CellNode | BlockNode): ParaNode[] {
  if (node.kind === 'table') return node.rows.flatMap((r) => r.flatMap((c) => c.children));
  if ('children' in node) return node.children.flatMap((c: BlockNode) => textBlocks(c));
  return [node];
}

// ---------------------------------------------------------------- wrappers

interface Handle {
  ctx: EmuContext;
  closed: boolean;
}

const CONTROLS = new WeakMap<EmuContext, DocsControl>();

/** Every element of a closed Document throws, as after saveAndClose() in Apps Script. */
function wrap<T extends object>(h: Handle, service: string, impl: T): T {
  const guarded = new Proxy(impl, {
    get(obj, prop, receiver) {
      const v: unknown = Reflect.get(obj, prop, receiver);
      if (typeof prop === 'string' && !prop.startsWith('_') && typeof v === 'function') {
        return function (this: unknown, ...args: unknown[]) {
          if (h.closed) throw new Error(DOC_CLOSED);
          CONTROLS.get(h.ctx)?._maybeFail(`${service}.${prop}`);
          return (v as (...a: unknown[]) => unknown).apply(this, args);
        };
      }
      return v;
    },
  });
  return expose(h.ctx.calls, service, guarded, { default: 'docs' });
}

type Parent = { children: BlockNode[] } & { kind: SectionNode['kind'] | 'cell' };

function wrapBlock(h: Handle, node: BlockNode, parent: Parent): unknown {
  if (node.kind === 'table') return wrap(h, 'Table', new TableImpl(h, node, parent));
  if (node.kind === 'listItem') return wrap(h, 'ListItem', new ListItemImpl(h, node, parent));
  return wrap(h, 'Paragraph', new ParagraphImpl(h, node, parent));
}

class RangeElementImpl {
  constructor(
    private readonly _el: unknown,
    private readonly _start: number,
    private readonly _end: number,
    readonly _block: ParaNode,
  ) {}
  getElement(): unknown {
    return this._el;
  }
  getStartOffset(): number {
    return this._start;
  }
  getEndOffsetInclusive(): number {
    return this._end;
  }
  isPartial(): boolean {
    return true;
  }
}

function findIn(h: Handle, entries: TextEntry[], pattern: string, from?: unknown): unknown {
  const blocks = entries.map((e) => e.block);
  const re = re2ToRegExp(pattern);
  const prev = from as { _block?: ParaNode; getEndOffsetInclusive?: () => number } | undefined;
  let startBlock = 0;
  let startOffset = 0;
  if (prev && prev._block) {
    startBlock = blocks.indexOf(prev._block);
    startOffset = (prev.getEndOffsetInclusive?.() ?? -1) + 1;
    if (startBlock < 0) return null;
  }
  for (let b = startBlock; b < blocks.length; b++) {
    re.lastIndex = b === startBlock ? startOffset : 0;
    const m = re.exec(blocks[b].text);
    if (m && m[0].length > 0) {
      const text = wrap(h, 'Text', new TextImpl(h, blocks[b], entries[b].parent));
      return expose(
        h.ctx.calls,
        'RangeElement',
        new RangeElementImpl(text, m.index, m.index + m[0].length - 1, blocks[b]),
        { default: 'local' },
      );
    }
  }
  return null;
}

class TextImpl {
  constructor(
    private readonly _h: Handle,
    readonly _node: ParaNode,
    private readonly _parent: Parent | null = null,
  ) {}
  getType(): string {
    return 'TEXT';
  }
  /** The paragraph (or list item) holding this text. */
  getParent(): unknown {
    if (!this._parent) return null; // unverified: only texts reached with a known container are modelled
    return wrapBlock(this._h, this._node, this._parent);
  }
  asText(): this {
    return this;
  }
  editAsText(): this {
    return this;
  }
  getText(): string {
    return this._node.text;
  }
  setText(text: string): this {
    this._node.text = String(text);
    return this;
  }
  appendText(text: string): this {
    this._node.text += String(text);
    return this;
  }
  insertText(offset: number, text: string): this {
    if (offset < 0 || offset > this._node.text.length)
      throw new Error(
        `Exception: Index (${offset}) must be less than or equal to the content length (${this._node.text.length}).`,
      );
    this._node.text = this._node.text.slice(0, offset) + String(text) + this._node.text.slice(offset);
    return this;
  }
  deleteText(start: number, endInclusive: number): this {
    this._node.text = this._node.text.slice(0, start) + this._node.text.slice(endInclusive + 1);
    return this;
  }
  replaceText(pattern: string, replacement: string): this {
    this._node.text = replaceInText(this._node.text, pattern, replacement);
    return this;
  }
  findText(pattern: string, from?: unknown): unknown {
    return findIn(this._h, this._parent ? [{ block: this._node, parent: this._parent }] : [], pattern, from);
  }
  private _fmt(key: string, args: unknown[]): this {
    // Only whole-element formatting reaches the PDF; ranged formatting is accepted and ignored.
    if (args.length === 1) this._node.attrs[key] = args[0];
    return this;
  }
  setBold(...args: unknown[]): this {
    return this._fmt('BOLD', args);
  }
  setItalic(...args: unknown[]): this {
    return this._fmt('ITALIC', args);
  }
  setUnderline(...args: unknown[]): this {
    return this._fmt('UNDERLINE', args);
  }
  setFontSize(...args: unknown[]): this {
    return this._fmt('FONT_SIZE', args);
  }
  setFontFamily(...args: unknown[]): this {
    return this._fmt('FONT_FAMILY', args);
  }
  setForegroundColor(...args: unknown[]): this {
    return this._fmt('FOREGROUND_COLOR', args);
  }
  setLinkUrl(...args: unknown[]): this {
    return this._fmt('LINK_URL', args);
  }
  setAttributes(...args: unknown[]): this {
    const attrs = args[args.length - 1] as Record<string, unknown>;
    if (args.length === 1) Object.assign(this._node.attrs, attrs);
    return this;
  }
  isBold(): boolean | null {
    return this._node.attrs.BOLD === true;
  }
}

class ParagraphImpl {
  constructor(
    protected readonly _h: Handle,
    readonly _node: ParaNode,
    protected readonly _parent: Parent,
  ) {}
  getType(): string {
    return 'PARAGRAPH';
  }
  getText(): string {
    return this._node.text;
  }
  setText(text: string): this {
    this._node.text = String(text);
    this._node.inline = [];
    return this;
  }
  appendText(text: string): unknown {
    this._node.text += String(text);
    return wrap(this._h, 'Text', new TextImpl(this._h, this._node, this._parent));
  }
  editAsText(): unknown {
    return wrap(this._h, 'Text', new TextImpl(this._h, this._node, this._parent));
  }
  asText(): unknown {
    return this.editAsText();
  }
  asParagraph(): this {
    return this;
  }
  getNumChildren(): number {
    return (this._node.text ? 1 : 0) + this._node.inline.length;
  }
  getChild(i: number): unknown {
    if (i === 0 && this._node.text) return this.editAsText();
    throw new Error(
      `Exception: Child index (${i}) must be less than the number of child elements (${this.getNumChildren()}).`,
    );
  }
  setHeading(heading: string): this {
    this._node.attrs.HEADING = String(heading);
    return this;
  }
  getHeading(): string {
    return jsString(this._node.attrs.HEADING ?? 'NORMAL');
  }
  setAlignment(align: string): this {
    this._node.attrs.HORIZONTAL_ALIGNMENT = String(align);
    return this;
  }
  getAlignment(): string {
    return jsString(this._node.attrs.HORIZONTAL_ALIGNMENT ?? 'LEFT');
  }
  setAttributes(attrs: Record<string, unknown>): this {
    Object.assign(this._node.attrs, attrs);
    return this;
  }
  getAttributes(): Record<string, unknown> {
    return { ...this._node.attrs };
  }
  setSpacingAfter(n: number): this {
    this._node.attrs.SPACING_AFTER = n;
    return this;
  }
  setSpacingBefore(n: number): this {
    this._node.attrs.SPACING_BEFORE = n;
    return this;
  }
  setLineSpacing(n: number): this {
    this._node.attrs.LINE_SPACING = n;
    return this;
  }
  setIndentStart(n: number): this {
    this._node.attrs.INDENT_START = n;
    return this;
  }
  setIndentFirstLine(n: number): this {
    this._node.attrs.INDENT_FIRST_LINE = n;
    return this;
  }
  setLinkUrl(url: string): this {
    this._node.attrs.LINK_URL = url;
    return this;
  }
  replaceText(pattern: string, replacement: string): unknown {
    this._node.text = replaceInText(this._node.text, pattern, replacement);
    return this.editAsText();
  }
  findText(pattern: string, from?: unknown): unknown {
    return findIn(this._h, [{ block: this._node, parent: this._parent }], pattern, from);
  }
  appendInlineImage(blob: unknown): unknown {
    const image = imageNode(blob);
    this._node.inline.push(image);
    return wrap(this._h, 'InlineImage', new InlineImageImpl(image));
  }
  appendHorizontalRule(): unknown {
    this._node.inline.push('rule');
    return wrap(this._h, 'HorizontalRule', { getType: () => 'HORIZONTAL_RULE' });
  }
  appendPageBreak(): unknown {
    this._node.inline.push('pagebreak');
    return wrap(this._h, 'PageBreak', { getType: () => 'PAGE_BREAK' });
  }
  removeFromParent(): null {
    removeBlock(this._parent, this._node);
    return null;
  }
  getParent(): unknown {
    return null; // not emulated beyond identity: returning a section wrapper would need the Document
  }
  isAtDocumentEnd(): boolean {
    return this._parent.children[this._parent.children.length - 1] === this._node;
  }
  copy(): unknown {
    return wrapBlock(this._h, structuredClone(this._node), { kind: 'body', children: [] });
  }
}

/** The pixel size of a PNG (IHDR), which Docs takes as the image's size in points when it is inserted. */
function pngSize(bytes: number[]): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47];
  if (bytes.length < 24 || !sig.every((b, i) => (bytes[i] & 0xff) === b)) return null;
  const u32 = (o: number) =>
    ((bytes[o] & 0xff) << 24) | ((bytes[o + 1] & 0xff) << 16) | ((bytes[o + 2] & 0xff) << 8) | (bytes[o + 3] & 0xff);
  return { width: u32(16), height: u32(20) };
}

function imageNode(blob: unknown): ImageNode {
  const b = blob as { getBytes?: () => number[]; getContentType?: () => string | null } | null;
  if (!b || typeof b.getBytes !== 'function') throw new Error('Exception: Invalid argument: image'); // unverified wording
  const bytes = b.getBytes();
  const size = pngSize(bytes);
  // Docs also takes JPEG and GIF; the emulator's PDF renderer draws PNG only, so anything else is refused here.
  if (!size) throw new Error('Exception: Invalid image data.'); // unverified wording
  return { image: bytes.map((x) => x & 0xff), contentType: 'image/png', width: size.width, height: size.height };
}

class InlineImageImpl {
  constructor(readonly _node: ImageNode) {}
  getType(): string {
    return 'INLINE_IMAGE';
  }
  getWidth(): number {
    return this._node.width;
  }
  getHeight(): number {
    return this._node.height;
  }
  setWidth(w: number): this {
    this._node.width = Number(w);
    return this;
  }
  setHeight(h: number): this {
    this._node.height = Number(h);
    return this;
  }
}

class ListItemImpl extends ParagraphImpl {
  override getType(): string {
    return 'LIST_ITEM';
  }
  setGlyphType(glyph: string): this {
    this._node.attrs.GLYPH_TYPE = String(glyph);
    return this;
  }
  getGlyphType(): string {
    return jsString(this._node.attrs.GLYPH_TYPE ?? 'BULLET');
  }
  setNestingLevel(n: number): this {
    this._node.attrs.NESTING_LEVEL = n;
    return this;
  }
  getNestingLevel(): number {
    return Number(this._node.attrs.NESTING_LEVEL ?? 0);
  }
}

function removeBlock(parent: Parent, node: BlockNode): void {
  const i = parent.children.indexOf(node);
  if (i < 0) return;
  const paragraphs = parent.children.filter((c) => c.kind !== 'table');
  if (parent.kind !== 'cell' && node.kind !== 'table' && paragraphs.length === 1) throw new Error(LAST_PARAGRAPH);
  parent.children.splice(i, 1);
}

/** Body, header, footer and table cells share the container API. */
class ContainerImpl {
  constructor(
    protected readonly _h: Handle,
    readonly _node: Parent,
    private readonly _type: string,
  ) {}
  getType(): string {
    return this._type;
  }
  getText(): string {
    return sectionText(this._node);
  }
  setText(text: string): this {
    // unverified: the whole text lands in one paragraph (a '\n' stays inside it).
    this._node.children = [newPara(String(text))];
    return this;
  }
  clear(): this {
    this._node.children = [newPara()];
    return this;
  }
  getNumChildren(): number {
    return this._node.children.length;
  }
  getChild(i: number): unknown {
    const node = this._node.children[i];
    if (!node)
      throw new Error(
        `Exception: Child index (${i}) must be less than the number of child elements (${this._node.children.length}).`,
      );
    return wrapBlock(this._h, node, this._node);
  }
  getChildIndex(el: unknown): number {
    const node = (el as { _node?: BlockNode })._node;
    const i = node ? this._node.children.indexOf(node) : -1;
    if (i < 0) throw new Error('Exception: Element does not contain the specified child element.');
    return i;
  }
  removeChild(el: unknown): this {
    const node = (el as { _node?: BlockNode })._node;
    if (node) removeBlock(this._node, node);
    return this;
  }
  getParagraphs(): unknown[] {
    const out: unknown[] = [];
    for (const b of this._node.children) {
      if (b.kind === 'table')
        for (const row of b.rows)
          for (const cell of row) for (const p of cell.children) out.push(wrapBlock(this._h, p, cell));
      else out.push(wrapBlock(this._h, b, this._node));
    }
    return out;
  }
  getTables(): unknown[] {
    return this._node.children.filter((b) => b.kind === 'table').map((b) => wrapBlock(this._h, b, this._node));
  }
  getListItems(): unknown[] {
    return this._node.children.filter((b) => b.kind === 'listItem').map((b) => wrapBlock(this._h, b, this._node));
  }
  private _insert(index: number, node: BlockNode): unknown {
    if (index < 0 || index > this._node.children.length)
      throw new Error(
        `Exception: Child index (${index}) must be less than or equal to the number of child elements (${this._node.children.length}).`,
      );
    this._node.children.splice(index, 0, node);
    return wrapBlock(this._h, node, this._node);
  }
  private _toPara(x: unknown, kind: ParaNode['kind']): ParaNode {
    const given = (x as { _node?: ParaNode } | null)?._node;
    return given && typeof given === 'object' && 'text' in given
      ? { ...structuredClone(given), kind }
      : newPara(jsString(x), kind);
  }
  appendParagraph(x: unknown): unknown {
    return this._insert(this._node.children.length, this._toPara(x, 'paragraph'));
  }
  insertParagraph(index: number, x: unknown): unknown {
    return this._insert(index, this._toPara(x, 'paragraph'));
  }
  appendListItem(x: unknown): unknown {
    return this._insert(this._node.children.length, this._toPara(x, 'listItem'));
  }
  insertListItem(index: number, x: unknown): unknown {
    return this._insert(index, this._toPara(x, 'listItem'));
  }
  private _table(cells?: unknown): TableNode {
    const given = (cells as { _node?: BlockNode } | null)?._node;
    if (given && given.kind === 'table') return structuredClone(given);
    const rows = Array.isArray(cells) ? (cells as unknown[][]).map((r) => r.map((c) => newCell(String(c)))) : [];
    const width = rows.length ? rows[0].length : 0;
    if (rows.some((r) => r.length !== width))
      throw new Error('Exception: All rows in a table must have the same number of cells.'); // unverified wording
    return { kind: 'table', rows, attrs: {} };
  }
  appendTable(cells?: unknown): unknown {
    const t = this._insert(this._node.children.length, this._table(cells));
    // Docs keeps a paragraph after a table that ends a section (unverified for headers/footers).
    if (this._node.kind !== 'cell') this._node.children.push(newPara());
    return t;
  }
  insertTable(index: number, cells?: unknown): unknown {
    return this._insert(index, this._table(cells));
  }
  appendHorizontalRule(): unknown {
    const p = newPara();
    p.inline.push('rule');
    this._node.children.push(p);
    return wrap(this._h, 'HorizontalRule', { getType: () => 'HORIZONTAL_RULE' });
  }
  appendPageBreak(): unknown {
    if (this._node.kind !== 'body') throw new Error('Exception: Page breaks can only be added to the body.'); // unverified wording
    const p = newPara();
    p.inline.push('pagebreak');
    this._node.children.push(p);
    return wrap(this._h, 'PageBreak', { getType: () => 'PAGE_BREAK' });
  }
  editAsText(): unknown {
    // A Text spanning the section: only replaceText/getText are meaningful here.
    return wrap(this._h, 'Text', new SectionTextImpl(this._h, this._node));
  }
  replaceText(pattern: string, replacement: string): this {
    for (const p of textBlocks(this._node as SectionNode)) p.text = replaceInText(p.text, pattern, replacement);
    return this;
  }
  findText(pattern: string, from?: unknown): unknown {
    return findIn(this._h, textEntries(this._node), pattern, from);
  }
  setAttributes(attrs: Record<string, unknown>): this {
    for (const p of textBlocks(this._node as SectionNode)) Object.assign(p.attrs, attrs);
    return this;
  }
  private _cellAttr(key: string, value: number): this {
    const cell = this._node as unknown as CellNode;
    if (cell.kind !== 'cell') throw new TypeError(`${key} is a TableCell method`);
    cell.attrs = { ...cell.attrs, [key]: Number(value) };
    return this;
  }
  setPaddingTop(n: number): this {
    return this._cellAttr('PADDING_TOP', n);
  }
  setPaddingBottom(n: number): this {
    return this._cellAttr('PADDING_BOTTOM', n);
  }
  setPaddingLeft(n: number): this {
    return this._cellAttr('PADDING_LEFT', n);
  }
  setPaddingRight(n: number): this {
    return this._cellAttr('PADDING_RIGHT', n);
  }
  // Page setup is accepted and ignored (the PDF uses A4 and 1-inch margins).
  setMarginTop(): this {
    return this;
  }
  setMarginBottom(): this {
    return this;
  }
  setMarginLeft(): this {
    return this;
  }
  setMarginRight(): this {
    return this;
  }
  setPageWidth(): this {
    return this;
  }
  setPageHeight(): this {
    return this;
  }
}

class SectionTextImpl {
  constructor(
    private readonly _h: Handle,
    private readonly _node: Parent,
  ) {}
  getText(): string {
    return sectionText(this._node);
  }
  replaceText(pattern: string, replacement: string): this {
    for (const p of textBlocks(this._node as SectionNode)) p.text = replaceInText(p.text, pattern, replacement);
    return this;
  }
  findText(pattern: string, from?: unknown): unknown {
    return findIn(this._h, textEntries(this._node), pattern, from);
  }
}

class TableImpl {
  constructor(
    private readonly _h: Handle,
    readonly _node: TableNode,
    private readonly _parent: Parent,
  ) {}
  getType(): string {
    return 'TABLE';
  }
  asTable(): this {
    return this;
  }
  /** A detached deep copy (for appendTable/insertTable elsewhere). */
  copy(): unknown {
    return wrapBlock(this._h, structuredClone(this._node), { kind: 'body', children: [] });
  }
  getNumRows(): number {
    return this._node.rows.length;
  }
  getNumChildren(): number {
    return this._node.rows.length;
  }
  getRow(i: number): unknown {
    const row = this._node.rows[i];
    if (!row)
      throw new Error(
        `Exception: Child index (${i}) must be less than the number of child elements (${this._node.rows.length}).`,
      );
    return wrap(this._h, 'TableRow', new TableRowImpl(this._h, row));
  }
  getCell(r: number, c: number): unknown {
    const cell = this._node.rows[r]?.[c];
    if (!cell) throw new Error(`Exception: Child index (${c}) must be less than the number of child elements.`);
    return wrap(this._h, 'TableCell', new ContainerImpl(this._h, cell, 'TABLE_CELL'));
  }
  appendTableRow(): unknown {
    const row: CellNode[] = [];
    this._node.rows.push(row);
    return wrap(this._h, 'TableRow', new TableRowImpl(this._h, row));
  }
  removeRow(i: number): null {
    this._node.rows.splice(i, 1);
    return null;
  }
  getText(): string {
    return tableText(this._node);
  }
  replaceText(pattern: string, replacement: string): this {
    for (const p of textBlocks(this._node)) p.text = replaceInText(p.text, pattern, replacement);
    return this;
  }
  findText(pattern: string, from?: unknown): unknown {
    return findIn(this._h, textEntries(this._node), pattern, from);
  }
  setBorderWidth(n: number): this {
    this._node.attrs.BORDER_WIDTH = n;
    return this;
  }
  setBorderColor(c: string): this {
    this._node.attrs.BORDER_COLOR = c;
    return this;
  }
  setColumnWidth(columnIndex: number, width: number): this {
    const widths = ((this._node.attrs.COLUMN_WIDTHS as (number | null)[] | undefined) ?? []).slice();
    while (widths.length < columnIndex) widths.push(null);
    widths[columnIndex] = Number(width);
    this._node.attrs.COLUMN_WIDTHS = widths;
    return this;
  }
  getColumnWidth(columnIndex: number): number | null {
    return ((this._node.attrs.COLUMN_WIDTHS as (number | null)[] | undefined) ?? [])[columnIndex] ?? null;
  }
  setAttributes(attrs: Record<string, unknown>): this {
    Object.assign(this._node.attrs, attrs);
    return this;
  }
  removeFromParent(): null {
    removeBlock(this._parent, this._node);
    return null;
  }
}

class TableRowImpl {
  constructor(
    private readonly _h: Handle,
    private readonly _row: CellNode[],
  ) {}
  getType(): string {
    return 'TABLE_ROW';
  }
  getNumCells(): number {
    return this._row.length;
  }
  getCell(i: number): unknown {
    const cell = this._row[i];
    if (!cell)
      throw new Error(
        `Exception: Child index (${i}) must be less than the number of child elements (${this._row.length}).`,
      );
    return wrap(this._h, 'TableCell', new ContainerImpl(this._h, cell, 'TABLE_CELL'));
  }
  appendTableCell(text?: string): unknown {
    const cell = newCell(text === undefined ? '' : String(text));
    this._row.push(cell);
    return wrap(this._h, 'TableCell', new ContainerImpl(this._h, cell, 'TABLE_CELL'));
  }
  getText(): string {
    return this._row.map((c) => c.children.map(paraText).join('\n')).join('\t');
  }
  replaceText(pattern: string, replacement: string): this {
    for (const c of this._row) for (const p of c.children) p.text = replaceInText(p.text, pattern, replacement);
    return this;
  }
}

class DocumentImpl {
  private readonly _handle: Handle;
  constructor(
    private readonly _ctx: EmuContext,
    readonly _id: string,
    readonly _model: DocModel,
  ) {
    this._handle = { ctx: _ctx, closed: false };
  }
  private _live(): void {
    if (this._handle.closed) throw new Error(DOC_CLOSED);
  }
  private _entry() {
    const e = this._ctx.files.get(this._id);
    if (!e)
      throw new Error(
        `Exception: Document ${this._id} is missing (perhaps it was deleted, or you don't have read access?)`,
      );
    return e;
  }
  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._entry().name;
  }
  setName(name: string): this {
    this._entry().name = String(name);
    this._ctx.files.touch(this._id);
    return this;
  }
  getUrl(): string {
    return `https://docs.google.com/document/d/${this._id}/edit`;
  }
  getBody(): unknown {
    this._live();
    return wrap(this._handle, 'Body', new ContainerImpl(this._handle, this._model.body, 'BODY_SECTION'));
  }
  getHeader(): unknown {
    this._live();
    return this._model.header
      ? wrap(this._handle, 'HeaderSection', new ContainerImpl(this._handle, this._model.header, 'HEADER_SECTION'))
      : null;
  }
  addHeader(): unknown {
    this._live();
    if (this._model.header) throw new Error('Exception: Document tab already contains a header.'); // unverified wording
    this._model.header = { kind: 'header', children: [newPara()] };
    return this.getHeader();
  }
  getFooter(): unknown {
    this._live();
    return this._model.footer
      ? wrap(this._handle, 'FooterSection', new ContainerImpl(this._handle, this._model.footer, 'FOOTER_SECTION'))
      : null;
  }
  addFooter(): unknown {
    this._live();
    if (this._model.footer) throw new Error('Exception: Document tab already contains a footer.'); // unverified wording
    this._model.footer = { kind: 'footer', children: [newPara()] };
    return this.getFooter();
  }
  saveAndClose(): void {
    this._ctx.files.touch(this._id);
    this._handle.closed = true;
  }
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    if (contentType !== 'application/pdf')
      throw new Error(
        `Exception: Converting from application/vnd.google-apps.document to ${contentType} is not supported.`,
      );
    return makeBlob(this._ctx, this._model._pdf(this.getName()), 'application/pdf', `${this.getName()}.pdf`);
  }
  /** A Google Doc's blob is its PDF export. */
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.getAs('application/pdf');
  }
  getEditors(): unknown[] {
    return this._entry().editors.map((e) => userObject(this._ctx, e));
  }
  addEditor(email: string): this {
    const e = this._entry();
    if (!e.editors.includes(email)) e.editors.push(email);
    return this;
  }
  addViewer(email: string): this {
    const e = this._entry();
    if (!e.viewers.includes(email)) e.viewers.push(email);
    return this;
  }
}

function userObject(ctx: EmuContext, email: string): unknown {
  return expose(ctx.calls, 'User', { getEmail: () => email, getName: () => email.split('@')[0] }, { default: 'local' });
}

/** The Document object of an existing Drive entry (used by DocumentApp and by Drive's makeCopy). */
export function openDocument(ctx: EmuContext, id: string): GoogleAppsScript.Document.Document {
  const e = ctx.files.get(id);
  if (
    !e ||
    e.mimeType !== MIME.document ||
    !(e.payload instanceof DocModel) ||
    !ctx.access.can(e, ctx.users.effective, 'viewer')
  ) {
    throw new Error(`Exception: Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`);
  }
  const doc = expose(ctx.calls, 'Document', new DocumentImpl(ctx, id, e.payload), {
    getAs: 'pdf',
    getBlob: 'pdf',
    getId: 'local',
    getUrl: 'local',
    default: 'docs',
  }) as unknown as GoogleAppsScript.Document.Document;
  return ctx.access.can(e, ctx.users.effective, 'editor') ? doc : readOnly(doc);
}

/** A Docs change by a script running as someone who may only view or comment (unverified wording). */
export const DOC_EDIT_REFUSED = 'Exception: Action not allowed';
const CHANGES = /^(set|append|insert|replace|remove|clear|delete|merge|edit|add)/;

/** The document as a viewer's script holds it: every change refused, on the document and on every element reached from it. */
function readOnly<T extends object>(target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof prop !== 'string' || typeof value !== 'function') return value;
      if (CHANGES.test(prop))
        return () => {
          throw new Error(DOC_EDIT_REFUSED);
        };
      return (...args: unknown[]) => {
        const out: unknown = (value as (...a: unknown[]) => unknown).apply(obj, args);
        if (Array.isArray(out)) return out.map((x: unknown) => (x && typeof x === 'object' ? readOnly(x) : x));
        return out && typeof out === 'object' && prop !== 'getBlob' && prop !== 'getAs' ? readOnly(out) : out;
      };
    },
  });
}

export class DocsControl {
  createQuota = 250; // documents created a day, consumer account
  private created = new Map<string, number>();
  private failures: { method: string; after: number; message: string }[] = [];

  constructor(private readonly ctx: EmuContext) {
    CONTROLS.set(ctx, this);
  }

  /**
   * The next call of `method` (e.g. "Body.replaceText", "Document.getAs") after `after` successful ones throws
   * `message`, as Docs does when it is briefly unavailable ("Service Documents failed while accessing document…").
   */
  failNext(
    method: string,
    message = 'Exception: Service Documents failed while accessing document with id.',
    after = 0,
  ): void {
    this.failures.push({ method, after, message });
  }

  _maybeFail(method: string): void {
    const i = this.failures.findIndex((f) => f.method === method);
    if (i < 0) return;
    const f = this.failures[i];
    if (f.after > 0) {
      f.after -= 1;
      return;
    }
    this.failures.splice(i, 1);
    throw new Error(f.message);
  }

  /** Every Google Doc in the emulated Drive (trashed ones too), with its text. */
  documents(): {
    id: string;
    name: string;
    trashed: boolean;
    text: { header: string; body: string; footer: string };
  }[] {
    return this.ctx.files
      .all()
      .filter((e) => e.payload instanceof DocModel)
      .map((e) => ({ id: e.id, name: e.name, trashed: e.trashed, text: (e.payload as DocModel)._text() }));
  }

  /** Header, body and footer text of one document. */
  document(id: string): { header: string; body: string; footer: string } {
    const e = this.ctx.files.get(id);
    if (!e || !(e.payload instanceof DocModel)) throw new Error(`DocsControl: no document ${id}`);
    return e.payload._text();
  }

  /** The raw model, to inspect headings, attributes and tables. */
  model(id: string): DocModel {
    const e = this.ctx.files.get(id);
    if (!e || !(e.payload instanceof DocModel)) throw new Error(`DocsControl: no document ${id}`);
    return e.payload;
  }

  _countCreate(): void {
    const key = dayKey(this.ctx.clock.now(), this.ctx.timeZone);
    const n = (this.created.get(key) ?? 0) + 1;
    if (n > this.createQuota) throw new Error(DOCS_CREATE_QUOTA);
    this.created.set(key, n);
  }
}

export function createDocumentApp(ctx: EmuContext): {
  global: GoogleAppsScript.Document.DocumentApp;
  control: DocsControl;
} {
  const control = new DocsControl(ctx);
  const impl = {
    ParagraphHeading,
    HorizontalAlignment,
    Attribute,
    ElementType,
    GlyphType,
    create(name: string): GoogleAppsScript.Document.Document {
      if (typeof name !== 'string' || name === '') throw new Error('Exception: Invalid argument: name');
      control._countCreate();
      const id = ctx.files.newId('doc');
      ctx.files.add({ id, name, mimeType: MIME.document, payload: new DocModel() });
      return openDocument(ctx, id);
    },
    openById: (id: string) => openDocument(ctx, String(id)),
    openByUrl(url: string): GoogleAppsScript.Document.Document {
      const m = /\/d\/([^/?#]+)/.exec(String(url));
      if (!m) throw new Error('Exception: Invalid argument: url');
      return openDocument(ctx, m[1]);
    },
    getActiveDocument: () => null, // the script is bound to a spreadsheet
  };
  const global = expose(ctx.calls, 'DocumentApp', impl, { getActiveDocument: 'local', default: 'docs' });
  return { global: global as unknown as GoogleAppsScript.Document.DocumentApp, control };
}
