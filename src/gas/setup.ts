// "Siapkan / Perbaiki Sistem": creates or repairs every sheet, the public form, the letters folder and the
// triggers. Idempotent: a second run finds everything in place and changes nothing.
import { HOLIDAY_HEADERS, HOLIDAY_KIND_CHOICES, holidayRow } from '../app/holidayTable';
import { SETTING_DEFINITIONS, settingCell, type Settings } from '../app/settings';
import { DEFAULT_UNITS, TEAM_HEADERS, UNIT_HEADERS, parseTeam, parseUnits, type TeamMember } from '../app/team';
import { parseCategories } from '../domain/category';
import { DEFAULT_HOLIDAYS } from '../domain/calendar';
import {
  CHANNELS,
  CLOSED_STATUSES,
  DELIVERY_METHODS,
  PRIORITIES,
  PRIVACY_LEVELS,
  STATUSES,
  type ComplaintField,
} from '../domain/complaint';
import { ROLE_LABELS, ROLES } from '../domain/roles';
import { validateEmail } from '../domain/validation';
import { AUDIT_HEADERS } from './auditSheet';
import { EDIT_HANDLER, ensureEditWatch } from './editWatch';
import { RATING_HEADERS } from './ratingsSheet';
import { LETTER_REGISTER_HEADERS } from '../messages/letters';
import { DEFAULT_REPLY_TEMPLATES, REPLY_TEMPLATE_HEADERS } from '../messages/replyTemplates';
import { CATEGORY_FORM_WORDS, CATEGORY_HEADERS, CATEGORY_TEXT, DEFAULT_CATEGORIES } from '../messages/categories';
import { ensureRatingSecret } from './signer';
import { ATTACH_SETUP } from '../messages/attachments';
import {
  createIntakeForm,
  ensureFormOpen,
  openForm,
  refreshFormLayout,
  syncCategoryQuestion,
} from './intakeFormBuilder';
import { ensureLetterTemplate } from './letterDocs';
import { REGISTER_HEADERS, indexOfKey } from './registerColumns';
import { columnName, readRegisterLayout, type RegisterLayout } from './registerLayout';
import { ensureRegisterColumns } from './registerSetup';
import { RegisterReader } from './registerReads';
import { unshare } from './sharing';
import { RegisterView, VIEW_HEADERS, VIEW_WIDTH, viewColumnOf } from './registerView';
import { SHEET_NAMES, VAULT_ID_KEY, Workbook, readSplitIds, type SheetKey } from './workbook';
import {
  FIRST_ADMIN_TITLE,
  LETTERS_FOLDER_TITLE,
  PROTECTION_NOTE,
  SETUP_CHANGES,
  VALIDATION_HELP,
  VAULT_TITLE,
} from '../messages/setup';
import { NO, SETTINGS_HEADERS, YES } from '../messages/sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const HANDLERS = {
  formSubmit: 'onFormSubmitted',
  daily: 'runDaily',
  edit: EDIT_HANDLER,
  setup: 'setupInBackground',
} as const;
const SETUP_REQUESTED_BY_KEY = 'DUMAS_SETUP_REQUESTED_BY';

/** Setup asked through the shell: one one-off trigger a second from now (a second request while one waits adds none). */
export function scheduleBackgroundSetup(requester: string): void {
  PropertiesService.getScriptProperties().setProperty(SETUP_REQUESTED_BY_KEY, requester);
  if (ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === HANDLERS.setup)) return;
  ScriptApp.newTrigger(HANDLERS.setup).timeBased().after(1000).create();
}

/** In the one-off trigger: who asked, and the trigger removed (a fired one-off trigger stays listed until deleted). */
export function takeBackgroundSetup(): string {
  const props = PropertiesService.getScriptProperties();
  const requester = props.getProperty(SETUP_REQUESTED_BY_KEY) ?? '';
  props.deleteProperty(SETUP_REQUESTED_BY_KEY);
  for (const t of ScriptApp.getProjectTriggers())
    if (t.getHandlerFunction() === HANDLERS.setup) ScriptApp.deleteTrigger(t);
  return requester;
}
export const LETTERS_FOLDER_NAME = LETTERS_FOLDER_TITLE;
const TRIGGER_OWNER_KEY = 'DUMAS_TRIGGER_OWNER';
const DAILY_HOUR_KEY = 'DUMAS_DAILY_HOUR';

export interface SetupReport {
  changes: string[];
  formUrl: string;
}

interface SheetSpec {
  key: SheetKey;
  headers: readonly string[];
  /** 1-based columns kept as plain text (identity data, numbers with leading zeros, NIP). */
  textColumns: number[];
  widths?: number[];
}

const SPECS: SheetSpec[] = [
  // Found by header, wherever staff moved its columns: registerSetup.ts repairs it.
  { key: 'register', headers: REGISTER_HEADERS, textColumns: [] },
  {
    key: 'team',
    headers: TEAM_HEADERS,
    textColumns: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    widths: [220, 180, 130, 200, 170, 140, 200, 60, 140],
  },
  { key: 'units', headers: UNIT_HEADERS, textColumns: [1, 2, 3], widths: [80, 300, 220] },
  { key: 'holidays', headers: HOLIDAY_HEADERS, textColumns: [2, 3, 4], widths: [110, 300, 170, 420] },
  { key: 'settings', headers: SETTINGS_HEADERS, textColumns: [1, 2, 3], widths: [260, 320, 480] },
  {
    key: 'audit',
    headers: AUDIT_HEADERS,
    textColumns: [2, 3, 4, 5, 6, 7, 8],
    widths: [140, 200, 110, 160, 140, 300, 300, 240],
  },
  { key: 'ratings', headers: RATING_HEADERS, textColumns: [2, 3, 6, 7], widths: [140, 140, 220, 90, 90, 120, 420] },
  {
    key: 'letters',
    headers: LETTER_REGISTER_HEADERS,
    textColumns: [1, 2, 3, 4, 5, 6, 7, 8, 9, 11],
    widths: [220, 100, 140, 110, 200, 260, 180, 110, 460, 130, 90],
  },
  { key: 'replyTemplates', headers: REPLY_TEMPLATE_HEADERS, textColumns: [1, 2, 3], widths: [220, 560, 60] },
  { key: 'categories', headers: CATEGORY_HEADERS, textColumns: [1, 2, 3, 4], widths: [180, 360, 260, 60] },
];

/** Whether the person running setup may write `sheet` (Sheets refuses a protected sheet to anyone not its editor). */
/** The first and last year of the holiday table setup seeds. */
function holidayYears(): [number, number] {
  const years = DEFAULT_HOLIDAYS.map((h) => Number(h.date.slice(0, 4)));
  return [Math.min(...years), Math.max(...years)];
}

function editable(sheet: Sheet): boolean {
  return sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).every((p) => p.isWarningOnly() || p.canEdit());
}

function notEditorNote(name: string): string {
  return SETUP_CHANGES.protectedNotChecked(name);
}

/**
 * A spreadsheet holds 10,000,000 cells counting every sheet's whole grid, used or not: a new sheet's 26 columns would
 * count for the audit log's 8. Empty columns right of the table are deleted (never a column holding something).
 */
function trimColumns(sheet: Sheet, width: number, name: string, changes: string[]): void {
  const max = sheet.getMaxColumns();
  if (max <= width) return;
  const keep = Math.max(width, sheet.getLastColumn());
  if (keep >= max) return;
  sheet.deleteColumns(keep + 1, max - keep);
  changes.push(SETUP_CHANGES.columnsTrimmed(name, max, keep));
}

function sameRow(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => String(v) === String(b[i]));
}

function ensureSheet(wb: Workbook, spec: SheetSpec, changes: string[]): Sheet {
  const name = SHEET_NAMES[spec.key];
  let sheet: Sheet;
  if (wb.has(spec.key)) sheet = wb.sheet(spec.key);
  else {
    sheet = wb.insert(spec.key);
    changes.push(SETUP_CHANGES.sheetCreated(name));
  }
  if (!editable(sheet)) {
    changes.push(notEditorNote(name));
    return sheet;
  }
  if (spec.key === 'register') {
    trimColumns(sheet, ensureRegisterColumns(sheet, changes).lastColumn, name, changes);
    if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
    return sheet;
  }
  const width = spec.headers.length;
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  trimColumns(sheet, width, name, changes);
  const header = sheet.getRange(1, 1, 1, width);
  if (!sameRow(header.getValues()[0], spec.headers)) {
    header
      .setNumberFormat('@')
      .setValues([[...spec.headers]])
      .setFontWeight('bold')
      .setBackground('#e8f0fe');
    changes.push(SETUP_CHANGES.headersWritten(name));
  }
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  const rows = sheet.getMaxRows() - 1;
  for (const column of spec.textColumns) sheet.getRange(2, column, rows, 1).setNumberFormat('@');
  spec.widths?.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  return sheet;
}

function listRule(values: readonly string[], help: string): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireValueInList([...values], true)
    .setAllowInvalid(false)
    .setHelpText(help)
    .build();
}

function applyValidation(wb: Workbook, layout: RegisterLayout): void {
  if (!wb.split) validateRegister(wb, layout);
  const team = wb.sheet('team');
  team.getRange(2, 3, team.getMaxRows() - 1, 1).setDataValidation(
    listRule(
      ROLES.map((r) => ROLE_LABELS[r]),
      VALIDATION_HELP.role,
    ),
  );
  team.getRange(2, 8, team.getMaxRows() - 1, 1).setDataValidation(listRule([YES, NO], VALIDATION_HELP.active));
  const holidays = wb.sheet('holidays');
  holidays
    .getRange(2, 3, holidays.getMaxRows() - 1, 1)
    .setDataValidation(listRule(HOLIDAY_KIND_CHOICES, VALIDATION_HELP.holidayKind));
  holidays.getRange(2, 1, holidays.getMaxRows() - 1, 1).setNumberFormat('dd/mm/yyyy');
}

/**
 * Drop-downs for the columns staff type in (a bound project). The split deployment's register is written by the core
 * only, and a rule may not name a range of another spreadsheet (the units live in the office).
 */
function validateRegister(wb: Workbook, layout: RegisterLayout): void {
  const register = wb.sheet('register');
  const rows = register.getMaxRows() - 1;
  const column = (field: ComplaintField) => register.getRange(2, layout.column(indexOfKey(field)), rows, 1);
  column('channel').setDataValidation(listRule(CHANNELS, VALIDATION_HELP.channel));
  column('privacy').setDataValidation(listRule(PRIVACY_LEVELS, VALIDATION_HELP.privacy));
  column('status').setDataValidation(listRule(STATUSES, VALIDATION_HELP.status));
  column('priority').setDataValidation(listRule(PRIORITIES, VALIDATION_HELP.priority));
  column('deliveryMethod').setDataValidation(listRule(DELIVERY_METHODS, VALIDATION_HELP.deliveryMethod));
  const units = wb.sheet('units');
  column('unit').setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireValueInRange(units.getRange(2, 2, units.getMaxRows() - 1, 1), true)
      .setAllowInvalid(false)
      .setHelpText(VALIDATION_HELP.unit)
      .build(),
  );
}

/**
 * Overdue rows red, rows due today or on the next working day yellow; closed rows are never coloured. The next
 * working day skips weekends and every date in "Hari Libur"; a conditional-format formula may reach another sheet
 * only through INDIRECT (Google's help, "Use conditional formatting rules in Google Sheets").
 */
export const HOLIDAY_DATES_REF = `INDIRECT("'${SHEET_NAMES.holidays}'!A2:A")`;

/** On the sheet staff look at: the register (a bound project) or the office's register view (split deployment). */
function applyConditionalFormats(wb: Workbook, layout: RegisterLayout): void {
  const register = wb.split ? wb.sheet('registerView') : wb.sheet('register');
  const columnOfField = (field: ComplaintField) => (wb.split ? viewColumnOf(field) : layout.column(indexOfKey(field)));
  const letter = (field: ComplaintField) => columnName(columnOfField(field));
  const deadline = `$${letter('deadline')}2`;
  const status = `$${letter('status')}2`;
  const open = [...CLOSED_STATUSES.map((s) => `${status}<>"${s}"`), `${deadline}<>""`].join(',');
  const width = wb.split ? VIEW_WIDTH : layout.lastColumn;
  const range = register.getRange(2, 1, register.getMaxRows() - 1, width);
  const overdue = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(`=AND(${open},${deadline}<TODAY())`)
    .setBackground('#f4c7c3')
    .setRanges([range])
    .build();
  const dueSoon = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(`=AND(${open},${deadline}>=TODAY(),${deadline}<=WORKDAY(TODAY(),1,${HOLIDAY_DATES_REF}))`)
    .setBackground('#fce8b2')
    .setRanges([range])
    .build();
  register.setConditionalFormatRules([overdue, dueSoon]);
}

/**
 * Settings, Tim, Unit, Hari Libur: the Administrators only (Templat Jawaban: also the Ketua Tim). Audit log and
 * Register Surat: the administrator and the active team, because every sidebar action appends to them as the person
 * acting (Apps Script runs it as them; a protection they are not an editor of would refuse the write). Nobody outside the team can edit any of them.
 * Re-running setup adds team members added since.
 */
function protectAdminSheets(
  wb: Workbook,
  teamEmails: readonly string[],
  adminEmails: readonly string[],
  changes: string[],
  ketuaEmails: readonly string[] = [],
): void {
  const me = Session.getEffectiveUser();
  // Every active Administrator runs setup, which rewrites "Pengaturan": each must be an editor of it.
  // Tim, Unit and Hari Libur decide who holds which role and when a deadline falls: a member who could edit
  // them could make themselves Kepala Dinas or move their own deadlines. The Administrators keep them.
  // Canned replies are the Ketua Tim's to maintain (and the Administrators', who run setup).
  // Split deployment: the core writes the audit log and Register Surat as its owner, in a vault shared with no one.
  const appenders = wb.split ? [] : teamEmails;
  const editorsOf: Record<
    'audit' | 'settings' | 'letters' | 'team' | 'units' | 'holidays' | 'replyTemplates' | 'categories',
    readonly string[]
  > = {
    audit: appenders,
    settings: adminEmails,
    letters: appenders,
    team: adminEmails,
    units: adminEmails,
    holidays: adminEmails,
    replyTemplates: [...ketuaEmails, ...adminEmails],
    // Categories too: the Ketua Tim keeps the list and the unit each suggests.
    categories: [...ketuaEmails, ...adminEmails],
  };
  for (const key of [
    'audit',
    'settings',
    'letters',
    'team',
    'units',
    'holidays',
    'replyTemplates',
    'categories',
  ] as const) {
    const sheet = wb.sheet(key);
    if (!editable(sheet)) continue; // ensureSheet has said so
    const existing = sheet
      .getProtections(SpreadsheetApp.ProtectionType.SHEET)
      .find((p) => p.getDescription() === PROTECTION_NOTE);
    const protection = existing ?? sheet.protect().setDescription(PROTECTION_NOTE);
    if (!existing) {
      protection.addEditor(me);
      const others = protection.getEditors().filter((u) => u.getEmail() !== me.getEmail());
      if (others.length > 0) protection.removeEditors(others);
      if (protection.canDomainEdit()) protection.setDomainEdit(false);
      changes.push(SETUP_CHANGES.sheetProtected(SHEET_NAMES[key]));
    }
    const current = new Set(protection.getEditors().map((u) => u.getEmail().toLowerCase()));
    const missing = editorsOf[key].filter((email) => !current.has(email));
    if (missing.length > 0) {
      protection.addEditors([...missing]);
      changes.push(SETUP_CHANGES.appendersAdded(missing.length, SHEET_NAMES[key]));
    }
  }
}

function seedIfEmpty(
  sheet: Sheet,
  rows: unknown[][],
  formats: string[] | null,
  label: string,
  changes: string[],
): void {
  if (sheet.getLastRow() > 1 || rows.length === 0) return;
  const range = sheet.getRange(2, 1, rows.length, rows[0].length);
  if (formats) range.setNumberFormats(rows.map(() => formats));
  range.setValues(rows);
  changes.push(label);
}

/** Adds missing setting rows and writes `updates`; keeps every value staff already set. One read, at most one write. */
function writeSettings(sheet: Sheet, updates: Partial<Settings>, changes: string[]): Settings {
  const last = sheet.getLastRow();
  const current = last > 1 ? sheet.getRange(2, 1, last - 1, 3).getValues() : [];
  const byKey = new Map(current.map((row, i) => [String(row[0]), i]));
  const rows = current.map((r: unknown[]) => [...r]);
  let changed = false;
  for (const d of SETTING_DEFINITIONS) {
    const update = updates[d.field];
    const index = byKey.get(d.key);
    if (index === undefined) {
      rows.push([d.key, settingCell(update ?? d.defaultValue), d.help]);
      changed = true;
    } else if (update !== undefined && String(rows[index][1]) !== String(settingCell(update))) {
      rows[index][1] = settingCell(update);
      changed = true;
    }
  }
  if (changed && editable(sheet)) {
    sheet.getRange(2, 1, rows.length, 3).setNumberFormat('@').setValues(rows);
    changes.push(SETUP_CHANGES.settingsCompleted);
  }
  const settings: Record<string, unknown> = {};
  for (const d of SETTING_DEFINITIONS) {
    const row = rows.find((r) => r[0] === d.key);
    settings[d.field] = row ? row[1] : d.defaultValue;
  }
  return settings as unknown as Settings;
}

/**
 * Sidebar calls run as the person acting, so drafting (template copy), signing (the Doc, the PDF) and the monthly recap
 * open the letters folder as that team member: it must be shared with the active team (its files inherit the sharing).
 * An address Drive refuses is reported, never allowed to stop the rest of the setup.
 */
function shareLettersFolder(folderId: string, teamEmails: readonly string[], changes: string[]): void {
  const folder = DriveApp.getFolderById(folderId);
  const have = new Set(folder.getEditors().map((u) => u.getEmail().toLowerCase()));
  have.add(Session.getEffectiveUser().getEmail().toLowerCase()); // the owner
  const missing = teamEmails.filter((email) => !have.has(email) && validateEmail(email).ok);
  if (missing.length === 0) return;
  try {
    folder.addEditors([...missing]);
    changes.push(SETUP_CHANGES.folderShared(missing.length));
  } catch {
    // One address Drive refuses fails the whole batch: share one by one (a team is a handful of people).
    const refused: string[] = [];
    for (const email of missing) {
      try {
        folder.addEditor(email);
      } catch {
        refused.push(email);
      }
    }
    const shared = missing.length - refused.length;
    if (shared > 0) changes.push(SETUP_CHANGES.folderShared(shared));
    if (refused.length > 0) changes.push(SETUP_CHANGES.folderNotShared(refused));
  }
}

function ensureFolder(folderId: string, changes: string[]): string {
  if (folderId) {
    try {
      return DriveApp.getFolderById(folderId).getId();
    } catch {
      // gone: make a new one below
    }
  }
  const folder = DriveApp.createFolder(LETTERS_FOLDER_NAME);
  changes.push(SETUP_CHANGES.folderCreated);
  return folder.getId();
}

/**
 * The complainants' attachments: a folder of the account running setup (the Administrator, who deploys the web app
 * that writes to it), shared with no one. A folder of the setting this account cannot open is reported, never
 * replaced: its files would be orphaned. Any sharing found on it is removed.
 */
function ensureAttachmentsFolder(folderId: string, changes: string[]): string {
  if (folderId) {
    let folder: GoogleAppsScript.Drive.Folder;
    try {
      folder = DriveApp.getFolderById(folderId);
    } catch {
      changes.push(ATTACH_SETUP.folderUnreachable);
      return folderId;
    }
    unshareFile(folder, ATTACH_SETUP.folderUnshared, changes);
    return folderId;
  }
  const folder = DriveApp.createFolder(ATTACH_SETUP.folderName);
  changes.push(ATTACH_SETUP.folderCreated);
  return folder.getId();
}

/** The small sheets every call reads to the bottom of their grid (Workbook.rows). */
const CONFIG_SHEETS = ['settings', 'team', 'units', 'holidays', 'replyTemplates', 'categories'] as const;
/** Blank rows kept under a config sheet's data: room to type, and few cells for every call to read. */
export const CONFIG_SPARE_ROWS = 50;

/**
 * A new sheet has 1,000 rows, and every call reads the config sheets to the bottom of their grids (0.03 ms a cell,
 * ~0.4 s a call for the four of them): setup keeps 50 blank rows under the data. Staff add rows at the bottom when
 * they need more; the next setup trims again. Last, so the validation applied above already covers the rows kept.
 */
function trimGrid(sheet: Sheet, changes: string[]): void {
  const keep = Math.max(sheet.getLastRow(), 1) + CONFIG_SPARE_ROWS;
  const max = sheet.getMaxRows();
  if (max <= keep) return;
  sheet.deleteRows(keep + 1, max - keep);
  changes.push(SETUP_CHANGES.rowsTrimmed(sheet.getName(), max, keep));
}

/** Exactly one trigger per handler: an existing correct one is kept, duplicates and stale ones removed. */
function ensureTriggers(formId: string, dailyHour: number, changes: string[]): void {
  const triggers = ScriptApp.getProjectTriggers();
  const keep = (handler: string, matches: (t: GoogleAppsScript.Script.Trigger) => boolean): boolean => {
    const mine = triggers.filter((t) => t.getHandlerFunction() === handler);
    const good = mine.find(matches);
    for (const t of mine) if (t !== good) ScriptApp.deleteTrigger(t);
    return good !== undefined;
  };
  if (!keep(HANDLERS.formSubmit, (t) => t.getTriggerSourceId() === formId)) {
    ScriptApp.newTrigger(HANDLERS.formSubmit).forForm(formId).onFormSubmit().create();
    changes.push(SETUP_CHANGES.formTrigger);
  }
  // A Trigger does not tell its hour, so the hour it was installed for is remembered: a changed setting moves it.
  const props = PropertiesService.getScriptProperties();
  const installedHour = props.getProperty(DAILY_HOUR_KEY);
  const sameHour = installedHour === null || Number(installedHour) === dailyHour;
  if (!keep(HANDLERS.daily, (t) => sameHour && t.getEventType() === ScriptApp.EventType.CLOCK)) {
    ScriptApp.newTrigger(HANDLERS.daily)
      .timeBased()
      .atHour(dailyHour)
      .everyDays(1)
      .inTimezone('Asia/Makassar')
      .create();
    changes.push(SETUP_CHANGES.dailyTrigger(dailyHour));
  }
  if (installedHour !== String(dailyHour)) props.setProperty(DAILY_HOUR_KEY, String(dailyHour));
}

/**
 * Apps Script shows each user only the triggers they created, so a second administrator running setup would
 * install a second daily run (double digests) and a second edit watch. The account that installed them is
 * remembered; another administrator's setup leaves triggers alone unless that account is no longer an active
 * Administrator in "Tim" (then it takes over; the old account's triggers must be removed in its editor).
 */
function mayManageTriggers(team: readonly TeamMember[], me: string, changes: string[]): boolean {
  const props = PropertiesService.getScriptProperties();
  const owner = (props.getProperty(TRIGGER_OWNER_KEY) ?? '').toLowerCase();
  const ownerActive = team.some((m) => m.active && m.role === 'ADMIN' && m.email === owner);
  if (owner && owner !== me && ownerActive) {
    changes.push(SETUP_CHANGES.triggersOwnedBy(owner));
    return false;
  }
  if (owner !== me) props.setProperty(TRIGGER_OWNER_KEY, me);
  return true;
}

/** The register view: the register's columns without identity, in canonical order (registerView.ts). */
const VIEW_SPEC: SheetSpec = { key: 'registerView', headers: VIEW_HEADERS, textColumns: [] };

/**
 * The vault (split deployment): created when the core has none yet (owned by the account running setup, the core's
 * owner) and its id kept in Script Properties. A vault that cannot be opened is never replaced: a passing Sheets
 * failure must not switch the core to an empty register; setup fails instead, and the Administrator looks. Its
 * sharing is emptied on every run: nobody but the owner.
 */
function ensureVault(vaultId: string, changes: string[]): string {
  let id = vaultId;
  if (id === '') {
    id = SpreadsheetApp.create(VAULT_TITLE).getId();
    PropertiesService.getScriptProperties().setProperty(VAULT_ID_KEY, id);
    changes.push(SETUP_CHANGES.vaultCreated);
  }
  unshareFile(DriveApp.getFileById(id), SETUP_CHANGES.vaultUnshared, changes);
  return id;
}

/** The split deployment's private files: sharing emptied, and said when there was some. */
function unshareFile(
  file: GoogleAppsScript.Drive.File | GoogleAppsScript.Drive.Folder,
  said: (n: number) => string,
  changes: string[],
): void {
  const removed = unshare(file);
  if (removed > 0) changes.push(said(removed));
}

/**
 * The view is hard-protected for the core's owner alone: a member can sort and filter it with a filter view (which
 * changes no cell) but not write it. Other Administrators are not editors either: the core writes it.
 */
function protectView(view: Sheet, changes: string[]): void {
  const me = Session.getEffectiveUser();
  const existing = view
    .getProtections(SpreadsheetApp.ProtectionType.SHEET)
    .find((p) => p.getDescription() === PROTECTION_NOTE);
  const protection = existing ?? view.protect().setDescription(PROTECTION_NOTE);
  if (!existing) changes.push(SETUP_CHANGES.viewProtected);
  protection.addEditor(me);
  const others = protection.getEditors().filter((u) => u.getEmail().toLowerCase() !== me.getEmail().toLowerCase());
  if (others.length > 0) protection.removeEditors(others);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

/**
 * A new view, or one whose length differs from the register's, is re-projected whole; otherwise only the rows whose
 * view write failed (the repair journal) are.
 */
function refreshView(view: Sheet, register: Sheet, layout: RegisterLayout, isNew: boolean, changes: string[]): void {
  const reader = new RegisterReader(register, () => layout);
  const projected = new RegisterView(view);
  if (isNew || view.getLastRow() !== Math.max(1, reader.lastRow())) {
    const n = projected.rebuild(register, reader);
    if (n > 0) changes.push(SETUP_CHANGES.viewRebuilt(n));
    return;
  }
  const n = projected.repair(reader);
  if (n > 0) changes.push(SETUP_CHANGES.viewRepaired(n));
}

export function runSetup(adminEmail: string): SetupReport {
  const changes: string[] = [];
  const active = SpreadsheetApp.getActiveSpreadsheet();
  const ids = active ? null : readSplitIds();
  if (ids) ids.vault = ensureVault(ids.vault, changes);
  const wb = active ? new Workbook(active) : new Workbook(undefined, ids);
  // Date cells and the audit log's times show office time (WITA) whatever the owner's account zone.
  for (const spreadsheet of wb.split ? [wb.spreadsheetOf('vault'), wb.spreadsheetOf('office')] : [active]) {
    if (!spreadsheet || spreadsheet.getSpreadsheetTimeZone() === 'Asia/Makassar') continue;
    spreadsheet.setSpreadsheetTimeZone('Asia/Makassar');
    changes.push(SETUP_CHANGES.timeZone);
  }
  const specs = wb.split ? [...SPECS, VIEW_SPEC] : SPECS;
  const viewIsNew = wb.split && !wb.has('registerView');
  const sheets = Object.fromEntries(specs.map((spec) => [spec.key, ensureSheet(wb, spec, changes)])) as Record<
    string,
    Sheet
  >;
  seedIfEmpty(
    sheets.team,
    [[adminEmail, '', ROLE_LABELS.ADMIN, '', '', '', FIRST_ADMIN_TITLE, YES]],
    null,
    SETUP_CHANGES.adminSeeded,
    changes,
  );
  seedIfEmpty(
    sheets.units,
    DEFAULT_UNITS.map((u) => [u.code, u.name, u.email]),
    null,
    SETUP_CHANGES.unitsSeeded,
    changes,
  );
  seedIfEmpty(
    sheets.replyTemplates,
    DEFAULT_REPLY_TEMPLATES.map((t) => [...t]),
    ['@', '@', '@'],
    SETUP_CHANGES.repliesSeeded,
    changes,
  );
  seedIfEmpty(
    sheets.categories,
    DEFAULT_CATEGORIES.map((c) => [...c]),
    ['@', '@', '@', '@'],
    CATEGORY_TEXT.seeded,
    changes,
  );
  seedIfEmpty(
    sheets.holidays,
    DEFAULT_HOLIDAYS.map(holidayRow),
    ['dd/mm/yyyy', '@', '@', '@'],
    SETUP_CHANGES.holidaysSeeded(...holidayYears()),
    changes,
  );
  const layout = readRegisterLayout(sheets.register);
  applyValidation(wb, layout);
  applyConditionalFormats(wb, layout);
  let settings = writeSettings(sheets.settings, {}, changes);
  let form = openForm(settings.formId);
  if (!form) {
    form = createIntakeForm(settings);
    changes.push(SETUP_CHANGES.formCreated);
  }
  changes.push(...ensureFormOpen(form));
  // The form's optional category question follows the Kategori sheet each time setup runs.
  const { categories } = parseCategories(
    wb.rows('categories', CATEGORY_HEADERS.length),
    parseUnits(wb.rows('units', UNIT_HEADERS.length)).map((u) => u.name),
  );
  const synced = syncCategoryQuestion(form, categories);
  if (synced !== 'unchanged') changes.push(CATEGORY_TEXT.formSynced(CATEGORY_FORM_WORDS[synced]));
  refreshFormLayout(form); // submissions read answers by this layout (intakeFormBuilder.ts)
  const folderId = ensureFolder(settings.lettersFolderId, changes);
  const templateDocId = ensureLetterTemplate(settings.templateDocId, folderId, changes);
  const attachmentsFolderId = ensureAttachmentsFolder(settings.attachmentsFolderId, changes);
  settings = writeSettings(
    sheets.settings,
    {
      formId: form.getId(),
      formUrl: form.getPublishedUrl(),
      lettersFolderId: folderId,
      templateDocId,
      attachmentsFolderId,
    },
    changes,
  );
  const members = parseTeam(wb.rows('team', TEAM_HEADERS.length));
  const manageTriggers = mayManageTriggers(members, Session.getEffectiveUser().getEmail().toLowerCase(), changes);
  if (manageTriggers) ensureTriggers(form.getId(), Number(settings.dailyHour) || 7, changes);
  const team = members.filter((m) => m.active).map((m) => m.email);
  const admins = members.filter((m) => m.active && m.role === 'ADMIN').map((m) => m.email);
  const ketua = members.filter((m) => m.active && m.role === 'KETUA').map((m) => m.email);
  protectAdminSheets(wb, team, admins, changes, ketua);
  if (wb.split) {
    // The core makes, signs and trashes every letter file as its owner: the folder is shared with no one.
    unshareFile(DriveApp.getFolderById(folderId), SETUP_CHANGES.folderUnshared, changes);
    protectView(sheets.registerView, changes);
    refreshView(sheets.registerView, sheets.register, layout, viewIsNew, changes);
  } else {
    shareLettersFolder(folderId, team, changes);
    // A bound register is edited by hand too, so direct edits are watched (nobody but the core edits the vault's).
    if (manageTriggers) ensureEditWatch(wb, layout, changes);
  }
  for (const key of CONFIG_SHEETS) trimGrid(sheets[key], changes);
  if (ensureRatingSecret()) changes.push(SETUP_CHANGES.ratingSecret);
  return { changes, formUrl: form.getPublishedUrl() };
}
