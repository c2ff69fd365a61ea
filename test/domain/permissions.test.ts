// The permission table (src/domain/permissions.ts) is the one place that says who may do what: the workflow's
// transitions, the sidebars and the menu of every role are derived from it, and agree with it here.
import { describe, expect, it } from 'vitest';
import { ACTION_SIDEBARS, ACTION_SIDEBAR_NAMES, HISTORY_ROLES, MONITOR_ROLES } from '../../src/app/workflowSidebars';
import {
  LETTER_ROLES,
  LETTER_STEPS,
  PERMISSIONS,
  PERMISSION_NAMES,
  permitsAny,
  refusalFor,
  rolesFor,
  scopeOf,
  type Permission,
} from '../../src/domain/permissions';
import { ROLES } from '../../src/domain/roles';
import { ACTION_NAMES, TRANSITIONS } from '../../src/domain/workflow';
import { rolesInWords } from '../../src/messages/permissions';
import { MSG } from '../../src/messages/domain';
import { menuFor, WORKFLOW_MENU_FUNCTIONS } from '../../src/ui/menu';

/** What each menu item opens, and the table's entries its server function's guard reads (test/bundle/permissions). */
const MENU_GUARDS: Record<string, readonly Permission[] | 'always'> = {
  setupSystem: ['setup'],
  showRecordSidebar: ['record'],
  reconcileForms: ['reconcile'],
  ...Object.fromEntries(ACTION_SIDEBAR_NAMES.map((n) => [WORKFLOW_MENU_FUNCTIONS[n], ACTION_SIDEBARS[n].actions])),
  showPemantauanSidebar: ['monitoring'],
  showRiwayatSidebar: ['history'],
  showLetterSidebar: LETTER_STEPS,
  buildReport: ['report'],
  previewPurge: ['retentionPreview'],
  purgePersonalData: ['purge'],
  runDiagnostics: ['diagnostics'],
  showAbout: 'always',
};

describe('the permission table', () => {
  it('names only known roles, and a unit scope only for the role that has a unit', () => {
    for (const p of PERMISSION_NAMES) {
      for (const role of rolesFor(p)) expect(ROLES).toContain(role);
      for (const role of ROLES) if (scopeOf(p, role) === 'unit') expect(role).toBe('ANGGOTA');
    }
  });

  it('has an entry for every workflow action, and the Administrator takes none (separation of duties)', () => {
    for (const a of ACTION_NAMES) {
      expect(PERMISSIONS).toHaveProperty(a);
      expect(rolesFor(a)).not.toContain('ADMIN');
      expect(refusalFor(a, 'ADMIN')).toBe(MSG.adminNoWorkflow);
    }
  });

  it('is where the transitions get their roles', () => {
    for (const t of TRANSITIONS) expect(t.roles).toEqual(rolesFor(t.action));
  });

  it('is where the sidebars get their roles (each one: whoever may take one of its actions)', () => {
    for (const name of ACTION_SIDEBAR_NAMES) {
      const spec = ACTION_SIDEBARS[name];
      for (const role of ROLES) expect(spec.roles.includes(role)).toBe(permitsAny(role, spec.actions));
    }
    expect(MONITOR_ROLES).toEqual(rolesFor('monitoring'));
    expect(HISTORY_ROLES).toEqual(rolesFor('history'));
    expect(new Set(LETTER_ROLES)).toEqual(new Set(ROLES.filter((r) => permitsAny(r, LETTER_STEPS))));
  });

  it('words its refusals with the roles it permits', () => {
    expect(rolesInWords(['A'])).toBe('A');
    expect(rolesInWords(['A', 'B'])).toBe('A atau B');
    expect(rolesInWords(['A', 'B', 'C'])).toBe('A, B, atau C');
    expect(refusalFor('report', 'CS')).toBe(
      'Laporan hanya dapat dibuat oleh Ketua Tim, Kepala Dinas, atau Administrator.',
    );
    expect(refusalFor('reconcile', 'KEPALA_DINAS')).toContain(
      'Hanya Petugas CS, Sekretaris Tim, Ketua Tim, atau Administrator',
    );
  });
});

describe('the menu of each role is the table', () => {
  for (const role of ROLES) {
    it(`${role}: shows exactly the items the table lets it use`, () => {
      const shown = menuFor(role, true).flatMap((e) => (e === 'separator' ? [] : [e.functionName]));
      for (const fn of shown) expect(MENU_GUARDS, `${fn} has no guard listed`).toHaveProperty(fn);
      for (const [fn, when] of Object.entries(MENU_GUARDS)) {
        const allowed = when === 'always' || permitsAny(role, when);
        expect(shown.includes(fn), `${role} ${fn}`).toBe(allowed);
      }
    });
  }

  it('never starts or ends with a separator, nor shows two in a row', () => {
    for (const role of ROLES) {
      const m = menuFor(role, true);
      expect(m[0]).not.toBe('separator');
      expect(m.at(-1)).not.toBe('separator');
      m.forEach((e, i) => expect(e === 'separator' && m[i + 1] === 'separator').toBe(false));
    }
  });
});
