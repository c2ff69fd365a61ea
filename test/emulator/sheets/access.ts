// Sheets' refusals for a user who may not open, or may only view, a spreadsheet (core/access.ts decides who may).

/** openById/openByUrl of a spreadsheet the effective user may not open (message as reported in public threads). */
export const NO_SPREADSHEET_ACCESS = 'Exception: You do not have permission to access the requested document.';
/** A write by a user who may only view or comment (unverified wording; the refusal itself is certain). */
export const NO_SPREADSHEET_EDIT = NO_SPREADSHEET_ACCESS;
