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
    this._description = description;
    return this;
  }
  isWarningOnly(): boolean {
    return this._warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this._warningOnly = warningOnly;
    return this;
  }
  getEditors(): User[] {
    return [...this._editors].map((e) => makeUser(this._calls, e));
  }
  addEditor(user: unknown): this {
    this._editors.add(emailOf(user));
    return this;
  }
  addEditors(users: unknown[]): this {
    for (const u of users) this._editors.add(emailOf(u));
    return this;
  }
  removeEditor(user: unknown): this {
    return this.removeEditors([user]);
  }
  removeEditors(users: unknown[]): this {
    const owner = this._host._owner();
    for (const u of users) {
      const email = emailOf(u);
      if (email !== owner) this._editors.delete(email); // Sheets silently keeps the owner
    }
    return this;
  }
  canEdit(): boolean {
    return this._warningOnly || this._editors.has(this._host._effectiveUser());
  }
  canDomainEdit(): boolean {
    return this._domainEdit;
  }
  setDomainEdit(editable: boolean): this {
    this._domainEdit = editable;
    return this;
  }
  setUnprotectedRanges(ranges: RangeLike[]): this {
    this._unprotected = [...ranges];
    return this;
  }
  getUnprotectedRanges(): RangeLike[] {
    return [...this._unprotected];
  }
  remove(): void {
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
