// FormApp: forms, items with validation, responses, and the public submission path that fires
// form-bound and spreadsheet-bound onFormSubmit triggers and fills the destination sheet.
import { MIME, type EmuContext } from './core/context';
import { expose } from './core/expose';
import { re2ToRegExp } from './docs';
import { NOT_FOUND } from './drive';

/** FormApp.openById of a form the effective user may not open (message as reported in public threads). */
export const NO_FORM_ACCESS =
  'Exception: No item with the given ID could be found, or you do not have permission to access it.';
import { AuthMode, type ScriptControl } from './script';

/** Who fires a form's triggers: the triggers of every project of the world (see world.ts). */
export type TriggerDispatch = Pick<ScriptControl, 'fireFormSubmit' | 'fireEvent'>;
import { formatJavaDate } from './utilities';

export const ItemType = Object.fromEntries(
  [
    'CHECKBOX',
    'CHECKBOX_GRID',
    'DATE',
    'DATETIME',
    'DURATION',
    'GRID',
    'IMAGE',
    'LIST',
    'MULTIPLE_CHOICE',
    'PAGE_BREAK',
    'PARAGRAPH_TEXT',
    'SCALE',
    'SECTION_HEADER',
    'TEXT',
    'TIME',
    'VIDEO',
    'FILE_UPLOAD',
  ].map((k) => [k, k]),
) as Record<string, string>;
export const DestinationType = { SPREADSHEET: 'SPREADSHEET' } as const;

type Kind = 'TEXT' | 'PARAGRAPH_TEXT' | 'MULTIPLE_CHOICE' | 'CHECKBOX' | 'LIST' | 'SECTION_HEADER' | 'DATE';
type Answer = string | string[];

interface Rule {
  kind:
    | 'matches'
    | 'notMatches'
    | 'contains'
    | 'notContains'
    | 'lenLE'
    | 'lenGE'
    | 'number'
    | 'wholeNumber'
    | 'numberBetween'
    | 'numberGE'
    | 'numberLE'
    | 'email'
    | 'url';
  pattern?: string;
  n?: number;
  m?: number;
}

interface Validation {
  rule: Rule | null;
  helpText: string;
}

interface ItemModel {
  id: number;
  kind: Kind;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  other: boolean;
  validation: Validation | null;
}

interface ResponseModel {
  id: string;
  timestamp: number;
  email: string;
  answers: Map<number, Answer>;
}

export class FormModel {
  title: string;
  description = '';
  confirmation = '';
  closedMessage = '';
  collectEmail = false;
  allowEdits = false;
  limitOne = false;
  requireLogin = false;
  accepting = true;
  /** Forms created from the publish-state cutoff start unpublished (see FORMS_UNPUBLISHED_FROM). */
  published = true;
  items: ItemModel[] = [];
  responses: ResponseModel[] = [];
  destination: { type: string; id: string; sheetName: string } | null = null;
  constructor(
    readonly id: string,
    title: string,
  ) {
    this.title = title;
  }
}

/**
 * Forms changes guide: "forms created by the API after June 30, 2026 will be created in an unpublished state. You
 * must publish the forms before they can accept responses." Assumed to cover FormApp.create. We start the rule at
 * the first instant of 30 June (UTC), a day stricter than the guide's wording.
 */
export const FORMS_UNPUBLISHED_FROM = Date.UTC(2026, 5, 30);

/** A public submission the Google Form UI would refuse (required item missing, validation failed…). */
export class FormSubmissionRefused extends Error {
  constructor(readonly problems: { title: string; reason: string }[]) {
    super(`Form submission refused: ${problems.map((p) => `${p.title}: ${p.reason}`).join('; ')}`);
  }
}

// Which methods each item class has in Apps Script; anything else is "not emulated" (a TypeError in Apps Script).
const BASE = ['getId', 'getIndex', 'getTitle', 'setTitle', 'getHelpText', 'setHelpText', 'getType', 'duplicate'];
const REQUIRED = ['isRequired', 'setRequired'];
const CHOICES = ['setChoiceValues', 'setChoices', 'getChoices', 'createChoice'];
const VIEWS: Record<string, string[]> = {
  Item: [
    ...BASE,
    'asTextItem',
    'asParagraphTextItem',
    'asMultipleChoiceItem',
    'asCheckboxItem',
    'asListItem',
    'asSectionHeaderItem',
    'asDateItem',
  ],
  TextItem: [...BASE, ...REQUIRED, 'setValidation', 'clearValidation', 'createResponse'],
  ParagraphTextItem: [...BASE, ...REQUIRED, 'setValidation', 'clearValidation', 'createResponse'],
  MultipleChoiceItem: [...BASE, ...REQUIRED, ...CHOICES, 'showOtherOption', 'hasOtherOption', 'createResponse'],
  CheckboxItem: [...BASE, ...REQUIRED, ...CHOICES, 'showOtherOption', 'hasOtherOption', 'createResponse'],
  ListItem: [...BASE, ...REQUIRED, ...CHOICES, 'createResponse'],
  SectionHeaderItem: BASE,
  DateItem: [...BASE, ...REQUIRED, 'setIncludesYear', 'includesYear'],
};
const VIEW_OF_KIND: Record<Kind, string> = {
  TEXT: 'TextItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  CHECKBOX: 'CheckboxItem',
  LIST: 'ListItem',
  SECTION_HEADER: 'SectionHeaderItem',
  DATE: 'DateItem',
};

function choiceObject(ctx: EmuContext, value: string): unknown {
  return expose(
    ctx.calls,
    'Choice',
    { getValue: () => value, _value: value, isCorrectAnswer: () => false },
    { default: 'local' },
  );
}

class ItemImpl {
  constructor(
    private readonly _ctx: EmuContext,
    private readonly _form: FormModel,
    readonly _m: ItemModel,
  ) {}
  getId(): number {
    return this._m.id;
  }
  getIndex(): number {
    return this._form.items.indexOf(this._m);
  }
  getTitle(): string {
    return this._m.title;
  }
  setTitle(t: string): this {
    this._m.title = String(t);
    return this;
  }
  getHelpText(): string {
    return this._m.helpText;
  }
  setHelpText(t: string): this {
    this._m.helpText = String(t);
    return this;
  }
  getType(): string {
    return this._m.kind;
  }
  isRequired(): boolean {
    return this._m.required;
  }
  setRequired(r: boolean): this {
    this._m.required = Boolean(r);
    return this;
  }
  setChoiceValues(values: string[]): this {
    if (!Array.isArray(values) || values.length === 0) throw new Error('Exception: Invalid argument: values');
    this._m.choices = values.map(String);
    return this;
  }
  setChoices(choices: unknown[]): this {
    this._m.choices = choices.map((c) => String((c as { _value?: string })._value ?? c));
    return this;
  }
  getChoices(): unknown[] {
    return this._m.choices.map((v) => choiceObject(this._ctx, v));
  }
  createChoice(value: string): unknown {
    return choiceObject(this._ctx, String(value));
  }
  showOtherOption(enabled: boolean): this {
    this._m.other = Boolean(enabled);
    return this;
  }
  hasOtherOption(): boolean {
    return this._m.other;
  }
  setIncludesYear(): this {
    return this;
  }
  includesYear(): boolean {
    return true;
  }
  setValidation(v: unknown): this {
    const val = (v as { _validation?: Validation })._validation;
    if (!val) throw new Error('Exception: Invalid argument: validation');
    this._m.validation = val;
    return this;
  }
  clearValidation(): this {
    this._m.validation = null;
    return this;
  }
  /** An answer to this item for Form.createResponse() (a response made by a script, not by the public). */
  createResponse(value: unknown): unknown {
    const answer: Answer =
      this._m.kind === 'CHECKBOX' ? (Array.isArray(value) ? value.map(String) : [String(value)]) : String(value);
    const choices = Array.isArray(answer) ? answer : [answer];
    if (
      ['MULTIPLE_CHOICE', 'LIST', 'CHECKBOX'].includes(this._m.kind) &&
      !this._m.other &&
      choices.some((c) => !this._m.choices.includes(c))
    ) {
      throw new Error('Exception: Invalid response submitted to item.'); // unverified wording
    }
    return itemResponseObject(this._ctx, this._form, this._m, answer);
  }
  duplicate(): unknown {
    const copy: ItemModel = { ...structuredClone(this._m), id: nextItemId(this._form) };
    this._form.items.splice(this.getIndex() + 1, 0, copy);
    return itemView(this._ctx, this._form, copy, VIEW_OF_KIND[copy.kind]);
  }
  private _as(kind: Kind): unknown {
    if (this._m.kind !== kind) throw new Error(`Exception: Item ${this._m.id} is not of type ${kind}.`); // unverified wording
    return itemView(this._ctx, this._form, this._m, VIEW_OF_KIND[kind]);
  }
  asTextItem(): unknown {
    return this._as('TEXT');
  }
  asParagraphTextItem(): unknown {
    return this._as('PARAGRAPH_TEXT');
  }
  asMultipleChoiceItem(): unknown {
    return this._as('MULTIPLE_CHOICE');
  }
  asCheckboxItem(): unknown {
    return this._as('CHECKBOX');
  }
  asListItem(): unknown {
    return this._as('LIST');
  }
  asSectionHeaderItem(): unknown {
    return this._as('SECTION_HEADER');
  }
  asDateItem(): unknown {
    return this._as('DATE');
  }
}

/** The item as one Apps Script class sees it: only that class's methods exist. */
function itemView(ctx: EmuContext, form: FormModel, m: ItemModel, viewName: string): unknown {
  const impl = new ItemImpl(ctx, form, m);
  const view: Record<string, unknown> = { _m: m, _impl: impl };
  for (const name of VIEWS[viewName]) {
    const fn = (impl as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
    view[name] = (...args: unknown[]) => {
      const r = fn.apply(impl, args);
      return r === impl ? view : r;
    };
  }
  return expose(ctx.calls, viewName, view, { default: 'forms' });
}

function nextItemId(form: FormModel): number {
  // Real item ids are large integers; ours are unique per form and stable.
  return 100000000 + form.items.reduce((max, i) => Math.max(max, i.id - 100000000), 0) + 1;
}

// ---------------------------------------------------------------- validation

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMBER = /^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/;

function fullMatch(pattern: string, text: string): boolean {
  const re = re2ToRegExp(pattern);
  return new RegExp(`^(?:${re.source})$`, re.flags.replace('g', '')).test(text);
}
function partialMatch(pattern: string, text: string): boolean {
  const re = re2ToRegExp(pattern);
  return new RegExp(re.source, re.flags.replace('g', '')).test(text);
}

function ruleHolds(rule: Rule, text: string): boolean {
  const num = Number(text.replace(',', '.'));
  switch (rule.kind) {
    case 'matches':
      return fullMatch(rule.pattern ?? '', text);
    case 'notMatches':
      return !fullMatch(rule.pattern ?? '', text);
    case 'contains':
      return partialMatch(rule.pattern ?? '', text);
    case 'notContains':
      return !partialMatch(rule.pattern ?? '', text);
    case 'lenLE':
      return [...text].length <= (rule.n ?? 0);
    case 'lenGE':
      return [...text].length >= (rule.n ?? 0);
    case 'number':
      return NUMBER.test(text.trim());
    case 'wholeNumber':
      return /^[-+]?\d+$/.test(text.trim());
    case 'numberBetween':
      return NUMBER.test(text.trim()) && num >= (rule.n ?? -Infinity) && num <= (rule.m ?? Infinity);
    case 'numberGE':
      return NUMBER.test(text.trim()) && num >= (rule.n ?? 0);
    case 'numberLE':
      return NUMBER.test(text.trim()) && num <= (rule.n ?? 0);
    case 'email':
      return EMAIL.test(text.trim());
    case 'url':
      return /^https?:\/\/\S+\.\S+/.test(text.trim());
  }
}

class ValidationBuilder {
  private rule: Rule | null = null;
  private help = '';
  constructor(private readonly allowed: Rule['kind'][]) {}
  private set(rule: Rule): this {
    if (!this.allowed.includes(rule.kind)) throw new Error(`not emulated: validation ${rule.kind} on this builder`);
    if (rule.pattern !== undefined) re2ToRegExp(rule.pattern); // a bad pattern fails at build time
    this.rule = rule;
    return this;
  }
  requireTextMatchesPattern(p: string): this {
    return this.set({ kind: 'matches', pattern: String(p) });
  }
  requireTextDoesNotMatchPattern(p: string): this {
    return this.set({ kind: 'notMatches', pattern: String(p) });
  }
  requireTextContainsPattern(p: string): this {
    return this.set({ kind: 'contains', pattern: String(p) });
  }
  requireTextDoesNotContainPattern(p: string): this {
    return this.set({ kind: 'notContains', pattern: String(p) });
  }
  requireTextLengthLessThanOrEqualTo(n: number): this {
    return this.set({ kind: 'lenLE', n });
  }
  requireTextLengthGreaterThanOrEqualTo(n: number): this {
    return this.set({ kind: 'lenGE', n });
  }
  requireNumber(): this {
    return this.set({ kind: 'number' });
  }
  requireWholeNumber(): this {
    return this.set({ kind: 'wholeNumber' });
  }
  requireNumberBetween(a: number, b: number): this {
    return this.set({ kind: 'numberBetween', n: a, m: b });
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.set({ kind: 'numberGE', n });
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this.set({ kind: 'numberLE', n });
  }
  requireTextIsEmail(): this {
    return this.set({ kind: 'email' });
  }
  requireTextIsUrl(): this {
    return this.set({ kind: 'url' });
  }
  setHelpText(t: string): this {
    this.help = String(t);
    return this;
  }
  build(): unknown {
    return { _validation: { rule: this.rule, helpText: this.help } satisfies Validation };
  }
}

const TEXT_RULES: Rule['kind'][] = [
  'matches',
  'notMatches',
  'contains',
  'notContains',
  'lenLE',
  'lenGE',
  'number',
  'wholeNumber',
  'numberBetween',
  'numberGE',
  'numberLE',
  'email',
  'url',
];
const PARAGRAPH_RULES: Rule['kind'][] = ['matches', 'notMatches', 'contains', 'notContains', 'lenLE', 'lenGE'];

// ---------------------------------------------------------------- responses

function answerText(a: Answer | undefined): string {
  if (a === undefined) return '';
  return Array.isArray(a) ? a.join(', ') : a;
}

/** An ItemResponse; `_itemId` and `_answer` let FormResponse.withItemResponse read a script-made one. */
function itemResponseObject(ctx: EmuContext, form: FormModel, item: ItemModel, value: Answer): unknown {
  const impl = {
    _itemId: item.id,
    _answer: value,
    getItem: () => itemView(ctx, form, item, 'Item'),
    getResponse: () => (Array.isArray(value) ? [...value] : value),
    getScore: () => null,
  };
  return expose(ctx.calls, 'ItemResponse', impl, { default: 'local' });
}

function responseObject(ctx: EmuContext, form: FormModel, r: ResponseModel): GoogleAppsScript.Forms.FormResponse {
  const itemResponse = (item: ItemModel, value: Answer): unknown => itemResponseObject(ctx, form, item, value);
  const impl = {
    _id: r.id,
    getId: () => r.id,
    getTimestamp: () => ctx.newDate(r.timestamp),
    getRespondentEmail: () => r.email,
    getEditResponseUrl: () => `https://docs.google.com/forms/d/e/${form.id}/viewform?edit2=${encodeURIComponent(r.id)}`,
    // Unanswered optional questions have no ItemResponse, as in Apps Script.
    getItemResponses: () =>
      form.items.filter((i) => r.answers.has(i.id)).map((i) => itemResponse(i, r.answers.get(i.id) as Answer)),
    getResponseForItem: (item: unknown) => {
      const id = (item as { _m?: ItemModel })._m?.id ?? (item as { getId?: () => number }).getId?.();
      const m = form.items.find((i) => i.id === id);
      return m && r.answers.has(m.id) ? itemResponse(m, r.answers.get(m.id) as Answer) : null;
    },
  };
  return expose(ctx.calls, 'FormResponse', impl, {
    default: 'local',
  }) as unknown as GoogleAppsScript.Forms.FormResponse;
}

// ---------------------------------------------------------------- form object

class FormImpl {
  constructor(
    private readonly _ctx: EmuContext,
    readonly _model: FormModel,
    private readonly _control: FormsControl,
  ) {}
  private _add(kind: Kind): unknown {
    const m: ItemModel = {
      id: nextItemId(this._model),
      kind,
      title: '',
      helpText: '',
      required: false,
      choices: [],
      other: false,
      validation: null,
    };
    this._model.items.push(m);
    return itemView(this._ctx, this._model, m, VIEW_OF_KIND[kind]);
  }
  getId(): string {
    return this._model.id;
  }
  getTitle(): string {
    return this._model.title;
  }
  setTitle(t: string): this {
    this._model.title = String(t);
    return this;
  }
  getDescription(): string {
    return this._model.description;
  }
  setDescription(t: string): this {
    this._model.description = String(t);
    return this;
  }
  getConfirmationMessage(): string {
    return this._model.confirmation;
  }
  setConfirmationMessage(t: string): this {
    this._model.confirmation = String(t);
    return this;
  }
  getCustomClosedFormMessage(): string {
    return this._model.closedMessage;
  }
  setCustomClosedFormMessage(t: string): this {
    this._model.closedMessage = String(t);
    return this;
  }
  collectsEmail(): boolean {
    return this._model.collectEmail;
  }
  setCollectEmail(b: boolean): this {
    this._model.collectEmail = Boolean(b);
    return this;
  }
  canEditResponse(): boolean {
    return this._model.allowEdits;
  }
  setAllowResponseEdits(b: boolean): this {
    this._model.allowEdits = Boolean(b);
    return this;
  }
  hasLimitOneResponsePerUser(): boolean {
    return this._model.limitOne;
  }
  setLimitOneResponsePerUser(b: boolean): this {
    this._model.limitOne = Boolean(b);
    return this;
  }
  requiresLogin(): boolean {
    return this._model.requireLogin;
  }
  setRequireLogin(b: boolean): this {
    this._model.requireLogin = Boolean(b);
    return this;
  }
  // Forms API PublishState: "If is_published is set to false, [isAcceptingResponses] is forced to false."
  isAcceptingResponses(): boolean {
    return this._model.published && this._model.accepting;
  }
  setAcceptingResponses(b: boolean): this {
    this._model.accepting = Boolean(b);
    return this;
  }
  isPublished(): boolean {
    return this._model.published;
  }
  /** Publishing also enables accepting responses (Google's publishMyForm sample); unpublishing stops them. */
  setPublished(b: boolean): this {
    this._model.published = Boolean(b);
    this._model.accepting = Boolean(b);
    return this;
  }
  setShowLinkToRespondAgain(): this {
    return this;
  }
  setProgressBar(): this {
    return this;
  }
  setShuffleQuestions(): this {
    return this;
  }
  getPublishedUrl(): string {
    return `https://docs.google.com/forms/d/e/${this._model.id}/viewform`;
  }
  getEditUrl(): string {
    return `https://docs.google.com/forms/d/${this._model.id}/edit`;
  }
  shortenFormUrl(url: string): string {
    if (!String(url).startsWith('https://docs.google.com/forms/')) throw new Error('Exception: Invalid argument: url');
    return `https://forms.gle/${Buffer.from(this._model.id).toString('base64url').slice(-12)}`;
  }
  addTextItem(): unknown {
    return this._add('TEXT');
  }
  addParagraphTextItem(): unknown {
    return this._add('PARAGRAPH_TEXT');
  }
  addMultipleChoiceItem(): unknown {
    return this._add('MULTIPLE_CHOICE');
  }
  addCheckboxItem(): unknown {
    return this._add('CHECKBOX');
  }
  addListItem(): unknown {
    return this._add('LIST');
  }
  addSectionHeaderItem(): unknown {
    return this._add('SECTION_HEADER');
  }
  addDateItem(): unknown {
    return this._add('DATE');
  }
  getItems(type?: string): unknown[] {
    return this._model.items
      .filter((i) => type === undefined || i.kind === String(type))
      .map((i) => itemView(this._ctx, this._model, i, 'Item'));
  }
  getItemById(id: number): unknown {
    const m = this._model.items.find((i) => i.id === Number(id));
    return m ? itemView(this._ctx, this._model, m, 'Item') : null;
  }
  private _index(x: unknown): number {
    const i = typeof x === 'number' ? x : this._model.items.indexOf((x as { _m?: ItemModel })._m as ItemModel);
    if (!Number.isInteger(i) || i < 0 || i >= this._model.items.length)
      throw new Error(`Exception: Invalid argument: index (${String(i)})`);
    return i;
  }
  deleteItem(x: unknown): void {
    this._model.items.splice(this._index(x), 1);
  }
  moveItem(x: unknown, to: number): unknown {
    const from = this._index(x);
    if (to < 0 || to >= this._model.items.length) throw new Error(`Exception: Invalid argument: toIndex (${to})`);
    const [m] = this._model.items.splice(from, 1);
    this._model.items.splice(to, 0, m);
    return itemView(this._ctx, this._model, m, 'Item');
  }
  setDestination(type: string, id: string): this {
    if (String(type) !== 'SPREADSHEET') throw new Error('Exception: Invalid argument: type');
    this._control._linkDestination(this._model, String(id));
    return this;
  }
  getDestinationId(): string {
    if (!this._model.destination) throw new Error('Exception: The form currently has no response destination.'); // unverified wording
    return this._model.destination.id;
  }
  getDestinationType(): string {
    if (!this._model.destination) throw new Error('Exception: The form currently has no response destination.');
    return this._model.destination.type;
  }
  removeDestination(): this {
    this._model.destination = null;
    return this;
  }
  getResponses(since?: Date): GoogleAppsScript.Forms.FormResponse[] {
    const from = since === undefined ? -Infinity : new Date(since).getTime();
    return this._model.responses
      .filter((r) => r.timestamp >= from) // unverified: whether "after" includes the exact instant
      .sort((a, b) => a.timestamp - b.timestamp)
      .map((r) => responseObject(this._ctx, this._model, r));
  }
  getResponse(id: string): GoogleAppsScript.Forms.FormResponse {
    const r = this._model.responses.find((x) => x.id === id);
    if (!r) throw new Error(`Exception: No response with ID ${id} exists for this form.`); // unverified wording
    return responseObject(this._ctx, this._model, r);
  }
  /** A response built by the script (withItemResponse… then submit()); no trigger fires for it (unverified). */
  createResponse(): unknown {
    return this._control._scriptResponse(this._model);
  }
  deleteAllResponses(): this {
    this._model.responses = []; // the destination sheet keeps its rows, as in Forms
    return this;
  }
  deleteResponse(id: string): this {
    this._model.responses = this._model.responses.filter((r) => r.id !== id);
    return this;
  }
  addEditor(email: string): this {
    const e = this._ctx.files.get(this._model.id);
    if (e && !e.editors.includes(email)) e.editors.push(email);
    return this;
  }
}

export interface SubmitOptions {
  /** When the member of the public submits (the clock moves there); default: now. */
  at?: Date | string;
  /** The respondent's e-mail, for forms that collect it. */
  email?: string;
  /** The respondent is signed in to the form's Workspace domain (a form with setRequireLogin(true) needs it). */
  signedIn?: boolean;
}

/** Runs `fn` without recording its service calls: Google's own writes are not the add-on's cost. */
function uncounted<T>(ctx: EmuContext, fn: () => T): T {
  const records = ctx.calls.all() as unknown[]; // CallLog returns its own array; trimming it un-records the calls
  const before = records.length;
  try {
    return fn();
  } finally {
    records.splice(before);
  }
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export class FormsControl {
  activeFormId: string | null = null;
  /** A Workspace domain may default new forms to "restrict to users in the domain" (setRequireLogin(true)). */
  domainRequiresLogin = false;
  private seq = 0;

  constructor(
    private readonly ctx: EmuContext,
    private readonly script: TriggerDispatch,
  ) {}

  _form(id: string): FormModel {
    const e = this.ctx.files.get(id);
    if (!e || !(e.payload instanceof FormModel)) throw new Error(NOT_FOUND);
    return e.payload;
  }

  _wrap(model: FormModel): GoogleAppsScript.Forms.Form {
    return expose(this.ctx.calls, 'Form', new FormImpl(this.ctx, model, this), {
      getId: 'local',
      default: 'forms',
    }) as unknown as GoogleAppsScript.Forms.Form;
  }

  private _spreadsheet(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    const ss = this.ctx.files.get(id)?.payload as GoogleAppsScript.Spreadsheet.Spreadsheet | undefined;
    if (!ss) throw new Error(NOT_FOUND);
    return ss;
  }

  private _headerFor(model: FormModel): string[] {
    const titles = model.items.filter((i) => i.kind !== 'SECTION_HEADER').map((i) => i.title);
    return ['Timestamp', ...(model.collectEmail ? ['Email Address'] : []), ...titles];
  }

  /** setDestination: Forms adds a "Form Responses N" sheet with the header row (unverified: first position). */
  _linkDestination(model: FormModel, ssId: string): void {
    uncounted(this.ctx, () => {
      const ss = this._spreadsheet(ssId);
      const names = ss.getSheets().map((s) => s.getName());
      let n = 1;
      while (names.includes(`Form Responses ${n}`)) n += 1;
      const sheetName = `Form Responses ${n}`;
      const sheet = ss.insertSheet(sheetName, 0);
      const header = this._headerFor(model);
      sheet.getRange(1, 1, 1, header.length).setValues([header]);
      model.destination = { type: 'SPREADSHEET', id: ssId, sheetName };
    });
  }

  /** Appends the response to the destination sheet; returns the sheet-bound event's fields. */
  private _appendRow(
    model: FormModel,
    r: ResponseModel,
  ): {
    range: GoogleAppsScript.Spreadsheet.Range;
    values: string[];
    namedValues: Record<string, string[]>;
    source: GoogleAppsScript.Spreadsheet.Spreadsheet;
  } | null {
    const dest = model.destination;
    if (!dest) return null;
    return uncounted(this.ctx, () => {
      const ss = this._spreadsheet(dest.id);
      const sheet = ss.getSheetByName(dest.sheetName);
      if (!sheet) return null; // the responses sheet was deleted: Forms stops writing (unverified)
      const width = Math.max(1, sheet.getLastColumn());
      const header = sheet.getRange(1, 1, 1, width).getValues()[0].map(String);
      for (const title of this._headerFor(model)) {
        if (!header.includes(title)) {
          header.push(title); // a question added later gets a new column at the right
          sheet.getRange(1, header.length).setValue(title);
        }
      }
      const ts = formatJavaDate(r.timestamp, this.ctx.timeZone, 'M/d/yyyy H:mm:ss');
      const byTitle = new Map<string, string>();
      for (const i of model.items) byTitle.set(i.title, answerText(r.answers.get(i.id)));
      const values = header.map((h, k) =>
        k === 0 ? ts : h === 'Email Address' && model.collectEmail ? r.email : (byTitle.get(h) ?? ''),
      );
      const row = values.map((v, k) => (k === 0 ? this.ctx.newDate(r.timestamp) : v));
      sheet.appendRow(row);
      const range = sheet.getRange(sheet.getLastRow(), 1, 1, header.length);
      const namedValues: Record<string, string[]> = {};
      header.forEach((h, k) => (namedValues[h] = [values[k]]));
      return { range, values, namedValues, source: ss };
    });
  }

  private _validate(model: FormModel, answers: Record<string, Answer>, options: SubmitOptions): Map<number, Answer> {
    const problems: { title: string; reason: string }[] = [];
    const out = new Map<number, Answer>();
    const answerable = model.items.filter((i) => i.kind !== 'SECTION_HEADER');
    for (const title of Object.keys(answers)) {
      if (!answerable.some((i) => i.title === title))
        throw new Error(`FormsControl.submit: the form has no question titled "${title}"`);
    }
    if (!model.published) throw new FormSubmissionRefused([{ title: model.title, reason: 'form is not published' }]);
    if (!model.accepting)
      throw new FormSubmissionRefused([
        { title: model.title, reason: model.closedMessage || 'form is not accepting responses' },
      ]);
    if (model.requireLogin && !options.signedIn)
      throw new FormSubmissionRefused([{ title: model.title, reason: 'sign-in to the domain required' }]);
    if (model.collectEmail && !EMAIL.test(options.email ?? ''))
      problems.push({ title: 'Email', reason: 'a valid e-mail address is required' });
    if (model.limitOne && options.email && model.responses.some((r) => r.email === options.email))
      problems.push({ title: 'Email', reason: 'you have already responded' });
    for (const item of answerable) {
      const raw = answers[item.title];
      const value: Answer | undefined = Array.isArray(raw)
        ? raw.map(String).filter((s) => s !== '')
        : raw === undefined
          ? undefined
          : String(raw);
      const empty = value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');
      if (empty) {
        if (item.required) problems.push({ title: item.title, reason: 'required question' });
        continue;
      }
      const list = Array.isArray(value) ? value : [value];
      if (item.kind === 'CHECKBOX' && !Array.isArray(value)) {
        // A single string for a checkbox question is one ticked box.
      } else if (item.kind !== 'CHECKBOX' && Array.isArray(value)) {
        problems.push({ title: item.title, reason: 'only one answer allowed' });
        continue;
      }
      if (['MULTIPLE_CHOICE', 'CHECKBOX', 'LIST'].includes(item.kind)) {
        const bad = list.filter((v) => !item.choices.includes(v));
        if (bad.length > (item.other ? 1 : 0))
          problems.push({ title: item.title, reason: `not a choice: ${bad.join(', ')}` });
      }
      if (item.kind === 'DATE' && !/^\d{4}-\d{2}-\d{2}$/.test(list[0]))
        problems.push({ title: item.title, reason: 'date must be yyyy-MM-dd' });
      const rule = item.validation?.rule;
      if (rule && !list.every((v) => ruleHolds(rule, v)))
        problems.push({ title: item.title, reason: item.validation?.helpText || `validation failed (${rule.kind})` });
      out.set(item.id, item.kind === 'CHECKBOX' ? list : list[0]);
    }
    if (problems.length) throw new FormSubmissionRefused(problems);
    return out;
  }

  /** Records a response now, with a new id. */
  private _store(model: FormModel, answers: Map<number, Answer>, email: string): ResponseModel {
    this.seq += 1;
    const now = this.ctx.clock.now();
    const p = new Date(now);
    // Real response ids are long opaque strings; this one sorts by time and is unique.
    const id = `2_ABaO${p.getUTCFullYear()}${pad2(p.getUTCMonth() + 1)}${pad2(p.getUTCDate())}${String(this.seq).padStart(6, '0')}`;
    const r: ResponseModel = { id, timestamp: now, email, answers };
    model.responses.push(r);
    return r;
  }

  /** Form.createResponse(): collects ItemResponses, then submit() stores it (and fills the destination sheet). */
  _scriptResponse(model: FormModel): unknown {
    const answers = new Map<number, Answer>();
    let submitted = false;
    const builder = {
      withItemResponse: (response: unknown) => {
        const r = response as { _itemId?: number; _answer?: Answer };
        if (r._itemId === undefined || r._answer === undefined || !model.items.some((i) => i.id === r._itemId))
          throw new Error('Exception: Invalid argument: response');
        answers.set(r._itemId, r._answer);
        return builder;
      },
      getItemResponses: () =>
        model.items
          .filter((i) => answers.has(i.id))
          .map((i) => itemResponseObject(this.ctx, model, i, answers.get(i.id) as Answer)),
      submit: () => {
        if (submitted) throw new Error('Exception: This response has already been submitted.'); // unverified wording
        submitted = true;
        const r = this._store(model, new Map(answers), '');
        this._appendRow(model, r);
        return responseObject(this.ctx, model, r);
      },
    };
    return expose(this.ctx.calls, 'FormResponse', builder, { default: 'forms' });
  }

  private _submit(formId: string, answers: Record<string, Answer>, options: SubmitOptions, fire: boolean): string {
    const model = this._form(formId);
    if (options.at !== undefined) {
      const at = new Date(options.at).getTime();
      if (Number.isNaN(at) || at < this.ctx.clock.now())
        throw new Error('FormsControl.submit: `at` must be a valid time not before the simulated now');
      this.ctx.clock.set(at);
    }
    const parsed = this._validate(model, answers, options);
    const r = this._store(model, parsed, model.collectEmail ? (options.email ?? '') : '');
    const sheetEvent = this._appendRow(model, r);
    if (!fire) return r.id;
    this.script.fireFormSubmit(formId, (triggerUid) => ({
      authMode: AuthMode.FULL,
      response: responseObject(this.ctx, model, r),
      source: this._wrap(model),
      triggerUid,
    }));
    if (sheetEvent && model.destination) {
      this.script.fireEvent('SPREADSHEETS', model.destination.id, 'ON_FORM_SUBMIT', (triggerUid) => ({
        authMode: AuthMode.FULL,
        namedValues: structuredClone(sheetEvent.namedValues),
        range: sheetEvent.range,
        source: sheetEvent.source,
        triggerUid,
        values: [...sheetEvent.values],
      }));
    }
    return r.id;
  }

  /** A member of the public submits the form in a browser; validation as the Form UI does; triggers fire. */
  submit(formId: string, answersByTitle: Record<string, Answer>, options: SubmitOptions = {}): string {
    return this._submit(formId, answersByTitle, options, true);
  }

  /** Same, but no trigger runs (quota, disabled trigger…): the response exists only in the form and sheet. */
  submitWithoutTrigger(formId: string, answersByTitle: Record<string, Answer>, options: SubmitOptions = {}): string {
    return this._submit(formId, answersByTitle, options, false);
  }

  /** Stored responses of a form, for assertions. */
  responses(formId: string): { id: string; timestamp: string; email: string; answers: Record<string, Answer> }[] {
    const model = this._form(formId);
    return model.responses.map((r) => ({
      id: r.id,
      timestamp: new Date(r.timestamp).toISOString(),
      email: r.email,
      answers: Object.fromEntries(
        model.items.filter((i) => r.answers.has(i.id)).map((i) => [i.title, r.answers.get(i.id) as Answer]),
      ),
    }));
  }

  /** The form's model (items, settings), for assertions. */
  form(formId: string): FormModel {
    return this._form(formId);
  }
}

export function createFormApp(
  ctx: EmuContext,
  scriptControl: TriggerDispatch,
): { global: GoogleAppsScript.Forms.FormApp; control: FormsControl } {
  const control = new FormsControl(ctx, scriptControl);
  const impl = {
    ItemType,
    DestinationType,
    create(title: string): GoogleAppsScript.Forms.Form {
      const id = ctx.files.newId('form');
      const model = new FormModel(id, String(title));
      model.published = ctx.clock.now() < FORMS_UNPUBLISHED_FROM;
      model.requireLogin = control.domainRequiresLogin;
      ctx.files.add({ id, name: String(title), mimeType: MIME.form, payload: model });
      return control._wrap(control._form(id));
    },
    openById: (id: string) => {
      const e = ctx.files.get(String(id));
      if (e && !ctx.access.can(e, ctx.users.effective, 'viewer')) throw new Error(NO_FORM_ACCESS);
      return control._wrap(control._form(String(id)));
    },
    openByUrl(url: string): GoogleAppsScript.Forms.Form {
      const m = /\/forms\/d\/(?:e\/)?([^/?#]+)/.exec(String(url));
      if (!m) throw new Error('Exception: Invalid argument: url');
      return control._wrap(control._form(m[1]));
    },
    // A spreadsheet-bound script has no active form.
    getActiveForm: () => (control.activeFormId ? control._wrap(control._form(control.activeFormId)) : null),
    createTextValidation: () =>
      expose(ctx.calls, 'TextValidationBuilder', new ValidationBuilder(TEXT_RULES), { default: 'local' }),
    createParagraphTextValidation: () =>
      expose(ctx.calls, 'ParagraphTextValidationBuilder', new ValidationBuilder(PARAGRAPH_RULES), { default: 'local' }),
  };
  const global = expose(ctx.calls, 'FormApp', impl, {
    createTextValidation: 'local',
    createParagraphTextValidation: 'local',
    getActiveForm: 'local',
    default: 'forms',
  });
  return { global: global as unknown as GoogleAppsScript.Forms.FormApp, control };
}
