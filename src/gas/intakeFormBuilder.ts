// Creates (or reopens) the public Google Form with the questions of app/intakeForm.ts, and reads its responses.
import {
  CONSENT_CHOICE,
  FORM_HELP,
  FORM_ITEMS,
  PRIVACY_CHOICES,
  confirmationMessage,
  formDescription,
  formTitle,
  type FormAnswers,
} from '../app/intakeForm';
import type { Settings } from '../app/settings';
import type { Category } from '../domain/category';
import { LIMITS } from '../domain/validation';
import { CATEGORY_TEXT } from '../messages/categories';
import { FORM_HEALTH } from '../messages/formHealth';

type Form = GoogleAppsScript.Forms.Form;

export function openForm(formId: string): Form | null {
  if (!formId) return null;
  try {
    return FormApp.openById(formId);
  } catch {
    return null; // deleted or no longer shared: setup makes a new one
  }
}

function textItem(form: Form, title: string, help: string, required: boolean, maxLength: number): void {
  const validation = FormApp.createTextValidation()
    .requireTextLengthLessThanOrEqualTo(maxLength)
    .setHelpText(FORM_HELP.maxLength(maxLength))
    .build();
  form.addTextItem().setTitle(title).setHelpText(help).setRequired(required).setValidation(validation);
}

/**
 * The optional category question, a list of the Kategori sheet's names right after "Perihal": added when the sheet
 * has categories, its choices replaced when they changed, removed when the sheet has none. Returns what it did.
 */
export function syncCategoryQuestion(
  form: Form,
  categories: readonly Category[],
): 'added' | 'updated' | 'removed' | 'unchanged' {
  const names = categories.map((c) => c.name);
  const item = form.getItems().find((i) => i.getTitle() === FORM_ITEMS.category) ?? null;
  if (names.length === 0) {
    if (!item) return 'unchanged';
    form.deleteItem(item);
    return 'removed';
  }
  if (item) {
    const list = item.asListItem();
    const current = list.getChoices().map((c) => c.getValue());
    if (current.length === names.length && current.every((v, i) => v === names[i])) return 'unchanged';
    list.setChoiceValues(names);
    return 'updated';
  }
  const added = form.addListItem();
  added.setTitle(FORM_ITEMS.category).setHelpText(CATEGORY_TEXT.formHelp).setChoiceValues(names).setRequired(false);
  const subject = form.getItems().findIndex((i) => i.getTitle() === FORM_ITEMS.subject);
  if (subject >= 0) form.moveItem(added.getIndex(), subject + 1);
  return 'added';
}

export function createIntakeForm(settings: Settings): Form {
  const form = FormApp.create(formTitle(settings));
  form
    .setDescription(formDescription(settings))
    .setConfirmationMessage(confirmationMessage())
    .setCollectEmail(false)
    .setAllowResponseEdits(false)
    .setLimitOneResponsePerUser(false);
  textItem(form, FORM_ITEMS.name, FORM_HELP.name, true, LIMITS.name);
  textItem(form, FORM_ITEMS.nik, FORM_HELP.nik, true, 40);
  form
    .addParagraphTextItem()
    .setTitle(FORM_ITEMS.address)
    .setHelpText(FORM_HELP.address)
    .setRequired(false)
    .setValidation(FormApp.createParagraphTextValidation().requireTextLengthLessThanOrEqualTo(LIMITS.address).build());
  textItem(form, FORM_ITEMS.phone, FORM_HELP.phone, true, 30);
  form
    .addTextItem()
    .setTitle(FORM_ITEMS.email)
    .setHelpText(FORM_HELP.email)
    .setRequired(false)
    .setValidation(FormApp.createTextValidation().requireTextIsEmail().setHelpText(FORM_HELP.emailInvalid).build());
  textItem(form, FORM_ITEMS.subject, FORM_HELP.subject, true, LIMITS.subject);
  form
    .addParagraphTextItem()
    .setTitle(FORM_ITEMS.description)
    .setHelpText(FORM_HELP.description)
    .setRequired(true)
    .setValidation(
      FormApp.createParagraphTextValidation().requireTextLengthLessThanOrEqualTo(LIMITS.description).build(),
    );
  const privacy = form.addMultipleChoiceItem();
  privacy
    .setTitle(FORM_ITEMS.privacy)
    .setHelpText(FORM_HELP.privacy)
    .setChoiceValues([...PRIVACY_CHOICES])
    .setRequired(true);
  const consent = form.addCheckboxItem();
  consent
    .setTitle(FORM_ITEMS.consent)
    .setHelpText(FORM_HELP.consent(settings))
    .setChoiceValues([CONSENT_CHOICE])
    .setRequired(true);
  return form;
}

/**
 * Forms created after 30 June 2026 start unpublished and accept nothing until published (Forms API changes guide),
 * and a Workspace domain may restrict new forms to its own accounts: the public form must be published, accepting,
 * and open to anyone. Returns setup's report lines; the last says so plainly when Google still refuses.
 */
/** A legacy form (made before publishing existed) has no publish state; Google may refuse to report it. */
function isPublished(form: Form): boolean {
  try {
    return form.isPublished();
  } catch {
    return true; // legacy: isAcceptingResponses alone tells
  }
}

export function ensureFormOpen(form: Form): string[] {
  const changes: string[] = [];
  if (!isPublished(form)) {
    form.setPublished(true);
    changes.push(FORM_HEALTH.published);
  }
  if (!form.isAcceptingResponses()) {
    form.setAcceptingResponses(true);
    changes.push(FORM_HEALTH.reopened);
  }
  if (form.requiresLogin()) {
    form.setRequireLogin(false);
    changes.push(FORM_HEALTH.loginDropped);
  }
  if (!isPublished(form) || !form.isAcceptingResponses()) changes.push(FORM_HEALTH.stillClosed(form.getEditUrl()));
  return changes;
}

/** Why the public form cannot take complaints now, or null when it can (the daily run's check; it also keeps the
 * cached question layout current). */
export function formClosedReason(formId: string): string | null {
  const form = openForm(formId);
  if (!form) return FORM_HEALTH.missing;
  try {
    refreshFormLayout(form);
  } catch (error) {
    // The layout is a saving only (a stale or missing one is read by titles): never a reason to skip the check.
    console.error(`Dumas: question layout not checked: ${error instanceof Error ? error.message : String(error)}`);
  }
  return isPublished(form) && form.isAcceptingResponses() && !form.requiresLogin() ? null : FORM_HEALTH.closedNow;
}

export interface FormSubmission {
  id: string;
  timestamp: Date;
  answers: FormAnswers;
}

/**
 * The form's question titles by position, kept in Script Properties. Apps Script names an answer's question only
 * through an Item call (80 ms each, nine a submission), and an item's id costs the same call as its title, so the
 * cache is by position: one `getItems` call gives the current items in form order and each one's answer is read
 * locally (`getResponseForItem`). It is written by setup and checked by the daily run against the titles (so a
 * question moved by hand in the Forms editor is caught within a day, at once by setup); a submission whose form
 * has a different number of questions, or an answer of the wrong shape for its cached question, is read by titles.
 */
export const FORM_LAYOUT_KEY = 'dumas.formLayout';

interface FormLayout {
  formId: string;
  titles: string[];
}

function storedLayout(formId: string): FormLayout | null {
  try {
    const v = JSON.parse(PropertiesService.getScriptProperties().getProperty(FORM_LAYOUT_KEY) ?? 'null') as unknown;
    if (!v || typeof v !== 'object') return null;
    const { formId: id, titles } = v as Partial<FormLayout>;
    if (id !== formId || !Array.isArray(titles) || !titles.every((t) => typeof t === 'string')) return null;
    return { formId: id, titles };
  } catch {
    return null; // hand-edited or unreadable: read by titles
  }
}

function storeLayout(formId: string, titles: string[]): void {
  PropertiesService.getScriptProperties().setProperty(FORM_LAYOUT_KEY, JSON.stringify({ formId, titles }));
}

/** The form's titles in order (one Item call each): setup's and the daily run's refresh of the cached layout. */
export function refreshFormLayout(form: Form): boolean {
  const titles = form.getItems().map((item) => item.getTitle());
  const before = storedLayout(form.getId());
  if (before && before.titles.join('\n') === titles.join('\n')) return false;
  storeLayout(form.getId(), titles);
  return true;
}

/** An ItemResponse's answer: text, or a list of choices (Forms gives nothing else for these question kinds). */
const answerOf = (value: string | string[] | string[][] | null): string | string[] =>
  Array.isArray(value) ? value.map(String) : (value ?? '');

/** An answer that cannot belong to its cached question (a checkbox answer is a list, a choice one of its choices). */
function fitsQuestion(title: string, answer: string | string[]): boolean {
  if (title === FORM_ITEMS.consent) return Array.isArray(answer) && answer.includes(CONSENT_CHOICE);
  if (Array.isArray(answer)) return false;
  if (title === FORM_ITEMS.privacy) return (PRIVACY_CHOICES as readonly string[]).includes(answer);
  return true;
}

function byLayout(response: GoogleAppsScript.Forms.FormResponse, form: Form, layout: FormLayout): FormAnswers | null {
  const items = form.getItems();
  if (items.length !== layout.titles.length) return null;
  const answers: FormAnswers = {};
  for (let i = 0; i < items.length; i++) {
    const given = response.getResponseForItem(items[i]);
    if (!given) continue;
    const answer = answerOf(given.getResponse());
    if (!fitsQuestion(layout.titles[i], answer)) return null;
    answers[layout.titles[i]] = answer;
  }
  return answers;
}

/** A response's answers by question title: by the cached layout when the form matches it, else one Item call each. */
export function readResponse(response: GoogleAppsScript.Forms.FormResponse, form?: Form | null): FormSubmission {
  const layout = form ? storedLayout(form.getId()) : null;
  let answers = form && layout ? byLayout(response, form, layout) : null;
  if (!answers) {
    answers = {};
    for (const item of response.getItemResponses()) answers[item.getItem().getTitle()] = answerOf(item.getResponse());
  }
  return { id: response.getId(), timestamp: new Date(response.getTimestamp().getTime()), answers };
}
