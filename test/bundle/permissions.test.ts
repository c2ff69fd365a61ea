// Every server function consults the permission table (src/domain/permissions.ts): each entry point of src/main.ts
// is called through the built bundle by a member whose role the table does NOT permit, and must answer with the
// refusal derived from the table; nothing is written. An entry point added to main.ts without a case here fails.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTION_SIDEBARS, ACTION_SIDEBAR_NAMES, rolesText } from '../../src/app/workflowSidebars';
import {
  LETTER_STEPS,
  WHATSAPP_PERMISSIONS,
  lettersRefusal,
  permits,
  permitsAny,
  refusalFor,
  rolesFor,
  rolesForAny,
  type Permission,
} from '../../src/domain/permissions';
import { ROLES, type Role } from '../../src/domain/roles';
import { TEXT } from '../../src/messages/ui';
import { WF, WORKFLOW_TITLES } from '../../src/messages/workflow';
import { WORKFLOW_MENU_FUNCTIONS } from '../../src/ui/menu';
import { openOffice, PEOPLE, type Office } from './office';

const PERSON: Record<Role, string> = {
  CS: PEOPLE.cs,
  SEKRETARIS: PEOPLE.sekretaris,
  KETUA: PEOPLE.ketua,
  KEPALA_DINAS: PEOPLE.kadis,
  ANGGOTA: PEOPLE.koperasi,
  ADMIN: PEOPLE.admin,
};

/** The first role (in the roles' list) the table does not permit any of `ps`; null when every role may. */
function outsider(ps: readonly Permission[]): Role | null {
  return ROLES.find((r) => !permitsAny(r, ps)) ?? null;
}

interface Case {
  /** The entry point's name in src/main.ts. */
  fn: string;
  args: unknown[];
  /** The table's entries the server function's guard reads. */
  permissions: readonly Permission[];
  /** What a refused caller of `role` is told, derived from the table (role null: someone not in the team). */
  refusal: (role: Role | null) => string;
  /** Menu actions answer with an alert; google.script.run functions return { ok: false, message }. */
  via: 'alert' | 'result';
}

const one = (p: Permission, fn: string, via: Case['via'], args: unknown[] = []): Case => ({
  fn,
  args,
  permissions: [p],
  refusal: (role) => (role === null ? TEXT.unknownUser : refusalFor(p, role)),
  via,
});

const sidebarCases: Case[] = ACTION_SIDEBAR_NAMES.flatMap((name) => {
  const spec = ACTION_SIDEBARS[name];
  const refusal = (role: Role | null) =>
    role === null ? TEXT.unknownUser : WF.notAllowedSidebar(spec.title, rolesText(spec.roles));
  const base = { permissions: spec.actions, refusal };
  return [
    { ...base, fn: WORKFLOW_MENU_FUNCTIONS[name], args: [], via: 'alert' as const },
    { ...base, fn: 'openWorkflowComplaint', args: [name, 'PGD-2026-0001'], via: 'result' as const },
    { ...base, fn: 'openSelectedComplaint', args: [name], via: 'result' as const },
    {
      ...base,
      fn: 'runWorkflowAction',
      args: [{ sidebar: name, regNumber: 'PGD-2026-0001', version: 1, action: spec.actions[0], input: {} }],
      via: 'result' as const,
    },
  ];
});

const view = (p: Permission, title: string) => (role: Role | null) =>
  role === null ? TEXT.unknownUser : WF.notAllowedSidebar(title, rolesText(rolesFor(p)));
const letters = (role: Role | null) => (role === null ? TEXT.unknownUser : lettersRefusal());
const whatsApp = WHATSAPP_PERMISSIONS;

const CASES: Case[] = [
  one('setup', 'setupSystem', 'alert'),
  one('reconcile', 'reconcileForms', 'alert'),
  one('record', 'showRecordSidebar', 'alert'),
  one('record', 'recordComplaint', 'result', [{ channel: 'Surat', name: 'X', subject: 'Y', description: 'Z' }]),
  one('receipt', 'printReceipt', 'result', ['PGD-2026-0001']),
  one('duplicates', 'listDuplicates', 'result', ['PGD-2026-0001']),
  ...sidebarCases,
  {
    fn: 'showRiwayatSidebar',
    args: [],
    permissions: ['history'],
    refusal: view('history', WORKFLOW_TITLES.riwayat),
    via: 'alert',
  },
  {
    fn: 'showPemantauanSidebar',
    args: [],
    permissions: ['monitoring'],
    refusal: view('monitoring', WORKFLOW_TITLES.pemantauan),
    via: 'alert',
  },
  {
    fn: 'monitoringList',
    args: [{}],
    permissions: ['monitoring'],
    refusal: view('monitoring', WORKFLOW_TITLES.pemantauan),
    via: 'result',
  },
  {
    fn: 'selectRegisterRow',
    args: ['PGD-2026-0001'],
    permissions: ['history'],
    refusal: view('history', WORKFLOW_TITLES.riwayat),
    via: 'result',
  },
  {
    fn: 'confirmWhatsAppSent',
    args: [{ regNumber: 'PGD-2026-0001', kind: 'receipt', recipient: '' }],
    permissions: whatsApp,
    refusal: (role) => (role === null ? TEXT.unknownUser : refusalFor(whatsApp[0], role, rolesForAny(whatsApp))),
    via: 'result',
  },
  one('replyTemplates', 'fillReplyTemplate', 'result', ['PGD-2026-0001', 'Templat']),
  { fn: 'showLetterSidebar', args: [], permissions: LETTER_STEPS, refusal: letters, via: 'alert' },
  { fn: 'openLetterComplaint', args: ['PGD-2026-0001'], permissions: LETTER_STEPS, refusal: letters, via: 'result' },
  { fn: 'runLetterWork', args: ['PGD-2026-0001'], permissions: LETTER_STEPS, refusal: letters, via: 'result' },
  {
    fn: 'runLetterAction',
    args: [{ regNumber: 'PGD-2026-0001', version: 1, action: 'draft', answer: 'x' }],
    permissions: LETTER_STEPS,
    refusal: letters,
    via: 'result',
  },
  one('report', 'buildReport', 'alert'),
  one('attachments', 'openAttachment', 'result', ['PGD-2026-0001', 1]),
  one('retentionPreview', 'previewPurge', 'alert'),
  one('purge', 'purgePersonalData', 'alert'),
  one('diagnostics', 'runDiagnostics', 'alert'),
];

/**
 * Entry points that grant no team role, and why: the menu itself (built from the same table, test/domain), the
 * installed triggers (which check their trigger id instead), the public web app, and a page fragment.
 */
const NO_ROLE: Record<string, string> = {
  onOpen: 'builds the menu from the table',
  showMyMenu: 'builds the menu from the table',
  showAbout: 'says who is signed in',
  include: 'a shared HTML fragment of the pages',
  onFormSubmitted: 'installed trigger (checks its trigger id)',
  runDaily: 'installed trigger (checks its trigger id)',
  setupInBackground: 'installed one-off trigger (checks its trigger id): setup asked through the shell',
  runQueuedWork:
    'one-off trigger of queued work: runs only steps already checked and queued (as the member who asked, their rights checked again) and sends queued mail',
  onRegisterEdited: 'installed trigger: records who edited',
  doGet: 'public web app',
  doPost: "the shell's calls: each one is an entry point with its own case here, run as the token's person",
  checkStatus: 'public web app (number + access code)',
  verifyLetter: 'public web app (a letter code)',
  submitRating: 'public web app (a signed link)',
  uploadAttachment: 'public web app (a signed link on the receipt)',
};

const ENTRY_POINTS = [...readFileSync('src/main.ts', 'utf8').matchAll(/^export function (\w+)/gm)].map((m) => m[1]);

describe('every entry point consults the permission table', () => {
  let office: Office;
  beforeAll(() => {
    office = openOffice();
  });

  it('has a case (or a stated reason for granting no role) for every entry point of main.ts', () => {
    const covered = new Set([...CASES.map((c) => c.fn), ...Object.keys(NO_ROLE)]);
    expect(ENTRY_POINTS.length).toBeGreaterThan(30);
    expect(ENTRY_POINTS.filter((fn) => !covered.has(fn))).toEqual([]);
    expect([...covered].filter((fn) => !ENTRY_POINTS.includes(fn))).toEqual([]);
  });

  for (const c of CASES) {
    const role = outsider(c.permissions);
    const label = `${c.fn}(${c.args.map((a) => (typeof a === 'string' ? a : '{…}')).join(', ')})`;
    it(`${label} refuses ${role ?? 'someone not in the team'} as the table says`, () => {
      if (role !== null) expect(c.permissions.some((p) => permits(role, p))).toBe(false);
      const email = role === null ? PEOPLE.stranger : PERSON[role];
      const before = office.sheetValues('Register').length;
      const alerts = office.emu.ui.alerts.length;
      const result = office.as<{ ok: boolean; message: string } | undefined>(email, c.fn, ...c.args);
      const expected = c.refusal(role);
      expect(expected.length).toBeGreaterThan(10);
      if (c.via === 'alert') {
        expect(office.emu.ui.alerts.length).toBe(alerts + 1);
        expect(office.emu.ui.alerts.at(-1)?.message).toBe(expected);
      } else {
        expect(result?.ok).toBe(false);
        expect(result?.message).toBe(expected);
      }
      expect(office.sheetValues('Register').length).toBe(before);
    });
  }

  it('a permitted role passes the same guard (the refusal is not everyone’s answer)', () => {
    const result = office.as<{ ok: boolean; message: string }>(PEOPLE.ketua, 'monitoringList', {});
    expect(result.ok).toBe(true);
    office.as(PEOPLE.ketua, 'buildReport');
    expect(office.emu.ui.alerts.at(-1)?.message).not.toBe(refusalFor('report', 'KETUA'));
  });
});
