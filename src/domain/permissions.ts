// Who may do what, and on which complaints: the one table the menus (ui/menu.ts), the sidebars
// (app/workflowSidebars.ts), the workflow's checks (domain/workflow.ts) and every server guard (server/wiring.ts)
// read. A role absent from an entry may not do it; 'unit' means only on complaints of the member's own unit.
import { ACTION_LABELS, MSG } from '../messages/domain';
import { PERMISSION_LABELS, PERMISSION_REFUSALS, notAllowed, rolesInWords } from '../messages/permissions';
import { ROLE_LABELS, type Role } from './roles';
import type { WhatsAppKind } from './whatsapp';

export type Scope = 'agency' | 'unit';
type Grants = Partial<Record<Role, Scope>>;

const A: Scope = 'agency';
const U: Scope = 'unit';

/** The workflow's actions (the transitions of domain/workflow.ts): who takes each step of the SOP. */
const WORKFLOW = {
  agenda: { SEKRETARIS: A },
  forwardToHead: { SEKRETARIS: A, KETUA: A },
  dispose: { KEPALA_DINAS: A },
  connectToUnit: { CS: A },
  answerOnSpot: { CS: A, ANGGOTA: U },
  closeWithAnswer: { ANGGOTA: U, KETUA: A },
  followUp: { ANGGOTA: U, KETUA: A },
  requestInfo: { ANGGOTA: U },
  draftReply: { ANGGOTA: U },
  submitForSignature: { ANGGOTA: U, KETUA: A, SEKRETARIS: A },
  returnToUnit: { KEPALA_DINAS: A },
  sign: { KEPALA_DINAS: A },
  deliver: { SEKRETARIS: A, CS: A, KETUA: A, ANGGOTA: U },
  extend: { KETUA: A, KEPALA_DINAS: A },
  forward: { KETUA: A },
  reopen: { KETUA: A },
  releasePersonalData: { KETUA: A },
  // SP4N-LAPOR!: the liaison admins (who record the reports) record the answer posted back.
  postToLapor: { CS: A, SEKRETARIS: A },
  // At agenda: a duplicate closed by reference, related complaints linked, the category set or corrected.
  markDuplicate: { SEKRETARIS: A, KETUA: A },
  linkRelated: { SEKRETARIS: A, KETUA: A },
  setCategory: { SEKRETARIS: A, KETUA: A },
} as const satisfies Record<keyof typeof ACTION_LABELS, Grants>;

/**
 * "Kirim via WhatsApp": those who take the step a message announces, and the complaints team (who may resend it
 * from Riwayat). The receipt (it carries the access code) only CS and the Sekretaris, who record complaints.
 */
const WHATSAPP = {
  'whatsapp.receipt': { CS: A, SEKRETARIS: A },
  'whatsapp.infoRequest': { ANGGOTA: U, CS: A, SEKRETARIS: A, KETUA: A },
  'whatsapp.letterSent': { CS: A, SEKRETARIS: A, KETUA: A, ANGGOTA: U },
  'whatsapp.ratingInvite': { CS: A, SEKRETARIS: A, KETUA: A, ANGGOTA: U },
  'whatsapp.reopened': { KETUA: A, CS: A, SEKRETARIS: A },
  'whatsapp.extended': { KETUA: A, KEPALA_DINAS: A, CS: A, SEKRETARIS: A },
  'whatsapp.forwarded': { KETUA: A, CS: A, SEKRETARIS: A },
  'whatsapp.awaitingDisposition': { SEKRETARIS: A, KETUA: A },
  'whatsapp.disposition': { KEPALA_DINAS: A, SEKRETARIS: A, KETUA: A },
  'whatsapp.reopenedForUnit': { KETUA: A, SEKRETARIS: A },
} as const satisfies Record<`whatsapp.${WhatsAppKind}`, Grants>;

/** Read top to bottom: the SOP's steps, then the reply letter, watching, and running the system. */
export const PERMISSIONS = {
  // 1. Penerimaan: letters and walk-ins (online complaints come only from the form), their printed receipt.
  record: { CS: A, SEKRETARIS: A },
  receipt: { CS: A, SEKRETARIS: A },
  reconcile: { CS: A, SEKRETARIS: A, KETUA: A, ADMIN: A },
  /** Possible duplicates: the complaints team, who may see any complainant's identity ("NIK sama" tells it). */
  duplicates: { CS: A, SEKRETARIS: A, KETUA: A },
  // 2-3. The workflow. ADMIN appears nowhere here: it runs the system, not complaints (separation of duties).
  ...WORKFLOW,
  // 4. The reply letter beyond its workflow steps: the signed scan, the berita acara of a walk-in's answer.
  uploadScan: { KEPALA_DINAS: A, SEKRETARIS: A, CS: A, KETUA: A },
  beritaAcara: { CS: A, SEKRETARIS: A, KETUA: A, ANGGOTA: U },
  /** Canned replies: those who write follow-up notes, info requests, answers and the letter's draft. */
  replyTemplates: { ANGGOTA: U, KETUA: A },
  ...WHATSAPP,
  // 5. Watching: monitoring (SOP step 5), a complaint's history (every registered person), the report.
  monitoring: { KETUA: A, KEPALA_DINAS: A },
  history: { CS: A, SEKRETARIS: A, KETUA: A, KEPALA_DINAS: A, ANGGOTA: U, ADMIN: A },
  /** The complainant's attachments: read with the complaint (rules.md §3 also applies: rahasia content). */
  attachments: { CS: A, SEKRETARIS: A, KETUA: A, KEPALA_DINAS: A, ANGGOTA: U },
  report: { KETUA: A, KEPALA_DINAS: A, ADMIN: A },
  // The system: setup (anyone before the first setup, see server/wiring.ts), retention, diagnostics.
  setup: { ADMIN: A },
  retentionPreview: { ADMIN: A },
  purge: { ADMIN: A },
  diagnostics: { ADMIN: A },
} as const satisfies Record<string, Grants>;

export type Permission = keyof typeof PERMISSIONS;
export type WorkflowPermission = keyof typeof WORKFLOW;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];
/** Every "Kirim via WhatsApp" entry: whoever holds one may confirm a message sent (each kind checked again). */
export const WHATSAPP_PERMISSIONS = Object.keys(WHATSAPP) as Permission[];

/** Every step of the reply letter's life: who opens the "Surat Jawaban" sidebar. */
export const LETTER_STEPS: readonly Permission[] = [
  'draftReply',
  'submitForSignature',
  'returnToUnit',
  'sign',
  'deliver',
  'uploadScan',
  'beritaAcara',
];

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PERMISSIONS, value);
}

function grants(p: Permission): Grants {
  return PERMISSIONS[p];
}

/** How far `role` may do `p`: null when it may not at all. */
export function scopeOf(p: Permission, role: Role): Scope | null {
  return grants(p)[role] ?? null;
}

export function permits(role: Role, p: Permission): boolean {
  return scopeOf(p, role) !== null;
}

export function permitsAny(role: Role, ps: readonly Permission[]): boolean {
  return ps.some((p) => permits(role, p));
}

/** The roles that may do `p`, in the table's order (the order refusals name them). */
export function rolesFor(p: Permission): Role[] {
  return Object.keys(grants(p)) as Role[];
}

/** The roles that may do at least one of `ps`, in the order the table first names them. */
export function rolesForAny(ps: readonly Permission[]): Role[] {
  return [...new Set(ps.flatMap(rolesFor))];
}

export function whatsAppPermission(kind: WhatsAppKind): Permission {
  return `whatsapp.${kind}`;
}

function label(p: Permission): string {
  if (p in ACTION_LABELS) return ACTION_LABELS[p as keyof typeof ACTION_LABELS];
  if (p.startsWith('whatsapp.')) return PERMISSION_LABELS.whatsapp;
  return PERMISSION_LABELS[p as keyof typeof PERMISSION_LABELS];
}

export function rolesText(roles: readonly Role[]): string {
  return rolesInWords(roles.map((r) => ROLE_LABELS[r]));
}

/**
 * What a person whose role may not do `p` is told: the roles the table permits (`roles`, for a guard that admits
 * any of several entries), in words. An Administrator asking for a workflow step hears why (separation of duties).
 */
export function refusalFor(p: Permission, role: Role | null, roles: readonly Role[] = rolesFor(p)): string {
  if (role === 'ADMIN' && p in WORKFLOW) return MSG.adminNoWorkflow;
  const words = rolesText(roles);
  return p in PERMISSION_REFUSALS
    ? PERMISSION_REFUSALS[p as keyof typeof PERMISSION_REFUSALS](words)
    : notAllowed(label(p), words);
}

/** Who opens the "Surat Jawaban" sidebar, and what anyone else is told. */
export const LETTER_ROLES: readonly Role[] = rolesForAny(LETTER_STEPS);
export function lettersRefusal(): string {
  return PERMISSION_REFUSALS.letters(rolesText(LETTER_ROLES));
}
