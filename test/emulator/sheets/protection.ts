// Protected sheets and ranges: who may edit, as Sheets records it (the owner can never be removed).
import type { CallLog } from '../core/calls';
import { expose } from '../core/expose';
import type { RangeLike } from './rules';

export interface User {
  getEmail(): string;
  getUsername(): string;
}

export function makeUser(calls: CallLog, email: string): User {
  return expose(calls, 'User', {
    getEmail: () => email,
    getUsername: () => email.split('@')[0],
    toString: () => email,
  });
}

function emailOf(u: unknown): string {
  if (typeof u === 'string') return u;
  const user = u as { getEmail?: () => string };
  if (typeof user?.getEmail === 'function') return user.getEmail();
  throw new Error('Exception: Invalid argument: user');
}

/**
 * What Sheets answers a script that writes to a protected range or sheet while running as a user who is not one of
 * its editors (warning-only protections do not refuse).
 */
export const PROTECTED_EDIT =
  'Exception: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** Every RangeLike handed to a protection is a Range of the emulator: its rectangle. */
interface GridRect {
  _row: number;
  _col: number;
  _numRows: number;
  _numCols: number;
}

export interface ProtectionOwner {
  _owner(): string;
  _editorsOfFile(): string[];
  _effectiveUser(): string;
  _removeProtection(p: Protection): void;
}

export class Protection {
  _description = '';
  _warningOnly = false;
  _editors: Set<string>;
  _domainEdit = false;
  _removed = false;
  _unprotected: RangeLike[] = [];

  constructor(
    private readonly _calls: CallLog,
    readonly _type: 'SHEET' | 'RANGE',
    private readonly _host: ProtectionOwner,
    readonly _range: RangeLike,
    readonly _sheetName: string,
  ) {
    // Until the script changes them, a protection's editors mirror the file's editors.
    this._editors = new Set([_host._owner(), ..._host._editorsOfFile(), _host._effectiveUser()]);
  }

  getProtectionType(): string {
    return this._type;
  }
  getRange(): RangeLike {
    return this._range;
  }
  getDescription(): string {
    return this._description;
  }
  setDescription(description: string): this {
    this._guard();
    this._description = description;
    return this;
  }
  isWarningOnly(): boolean {
    return this._warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this._guard();
    this._warningOnly = warningOnly;
    return this;
  }
  getEditors(): User[] {
    return [...this._editors].map((e) => makeUser(this._calls, e));
  }
  addEditor(user: unknown): this {
    this._guard();
    this._editors.add(emailOf(user));
    return this;
  }
  addEditors(users: unknown[]): this {
    this._guard();
    for (const u of users) this._editors.add(emailOf(u));
    return this;
  }
  removeEditor(user: unknown): this {
    return this.removeEditors([user]);
  }
  removeEditors(users: unknown[]): this {
    this._guard();
    const owner = this._host._owner();
    for (const u of users) {
      const email = emailOf(u);
      if (email !== owner) this._editors.delete(email); // Sheets silently keeps the owner
    }
    return this;
  }
  canEdit(): boolean {
    return this._warningOnly || this._isEditor(this._host._effectiveUser());
  }
  _isEditor(email: string): boolean {
    const lower = email.toLowerCase();
    return [...this._editors].some((e) => e.toLowerCase() === lower);
  }
  /** Refuses a write by the effective user unless they may edit (warning-only protections never refuse). */
  _guard(): void {
    if (this._removed || this._warningOnly) return;
    if (!this._isEditor(this._host._effectiveUser())) throw new Error(PROTECTED_EDIT);
  }
  /** True when the protection covers the cell (a sheet protection minus its unprotected ranges). */
  _covers(row: number, col: number): boolean {
    const inside = (x: RangeLike) => {
      const r = x as unknown as GridRect;
      return row >= r._row && row < r._row + r._numRows && col >= r._col && col < r._col + r._numCols;
    };
    if (this._type === 'SHEET') return !this._unprotected.some(inside);
    return inside(this._range);
  }
  canDomainEdit(): boolean {
    return this._domainEdit;
  }
  setDomainEdit(editable: boolean): this {
    this._guard();
    this._domainEdit = editable;
    return this;
  }
  setUnprotectedRanges(ranges: RangeLike[]): this {
    this._guard();
    this._unprotected = [...ranges];
    return this;
  }
  getUnprotectedRanges(): RangeLike[] {
    return [...this._unprotected];
  }
  remove(): void {
    this._guard();
    this._removed = true;
    this._host._removeProtection(this);
  }
  /** Plain description for assertions. */
  _describe(): {
    type: string;
    sheet: string;
    range: string;
    description: string;
    warningOnly: boolean;
    editors: string[];
    unprotected: string[];
  } {
    return {
      type: this._type,
      sheet: this._sheetName,
      range: this._range._a1(),
      description: this._description,
      warningOnly: this._warningOnly,
      editors: [...this._editors].sort(),
      unprotected: this._unprotected.map((r) => r._a1()),
    };
  }
}
