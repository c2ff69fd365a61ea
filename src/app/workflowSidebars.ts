// The workflow sidebars as data: which page, which actions of the SOP each one offers, and who may open it.
import type { Role } from '../domain/roles';
import { ROLE_LABELS, sameUnit, type Actor } from '../domain/roles';
import { rolesFor, rolesForAny, scopeOf } from '../domain/permissions';
import type { ActionName } from '../domain/workflow';
import { WORKFLOW_TITLES } from '../messages/workflow';
import type { Complaint } from '../domain/complaint';
import { MSG } from '../messages/domain';

export type ActionSidebar =
  'agenda' | 'disposisi' | 'tindakLanjut' | 'perpanjangan' | 'alihkan' | 'bukaKembali' | 'lepasDataPribadi' | 'lapor';
export type ViewSidebar = 'pemantauan' | 'riwayat';

export interface SidebarSpec {
  /** The HTML file in src/ui/pages (without .html). */
  page: string;
  title: string;
  actions: readonly ActionName[];
  /** The actions that put a complaint in the page's picker (default: all of them); helpers open from the number. */
  listed?: readonly ActionName[];
  /** Who may open it: everyone who may take at least one of its actions (derived from the permission table). */
  roles: readonly Role[];
}

function spec(page: string, title: string, actions: ActionName[], listed?: ActionName[]): SidebarSpec {
  return { page, title, actions, roles: rolesForAny(actions), ...(listed ? { listed } : {}) };
}

/** The SOP's workflow steps; the reply letter (sign, deliver…) belongs to its own sidebar. */
export const ACTION_SIDEBARS: Record<ActionSidebar, SidebarSpec> = {
  // At agenda the Sekretaris also sees possible duplicates and links them, and sets or corrects the category.
  agenda: spec(
    'Agenda',
    WORKFLOW_TITLES.agenda,
    ['agenda', 'forwardToHead', 'markDuplicate', 'linkRelated', 'setCategory'],
    ['agenda', 'forwardToHead'],
  ),
  disposisi: spec('Disposisi', WORKFLOW_TITLES.disposisi, ['dispose']),
  // The reply is drafted in one place only, the Surat Jawaban sidebar (which writes the letter document).
  tindakLanjut: spec('TindakLanjut', WORKFLOW_TITLES.tindakLanjut, ['followUp', 'requestInfo', 'closeWithAnswer']),
  perpanjangan: spec('Perpanjangan', WORKFLOW_TITLES.perpanjangan, ['extend']),
  alihkan: spec('Alihkan', WORKFLOW_TITLES.alihkan, ['forward']),
  bukaKembali: spec('BukaKembali', WORKFLOW_TITLES.bukaKembali, ['reopen']),
  lepasDataPribadi: spec('LepasDataPribadi', WORKFLOW_TITLES.lepasDataPribadi, ['releasePersonalData']),
  // SP4N-LAPOR!: the text to post back, and the posting recorded.
  lapor: spec('Lapor', WORKFLOW_TITLES.lapor, ['postToLapor']),
};

export const ACTION_SIDEBAR_NAMES = Object.keys(ACTION_SIDEBARS) as ActionSidebar[];

/** Monitoring is the Ketua Tim's and the Kepala Dinas's job (SOP step 5): the permission table says so. */
export const MONITOR_ROLES: readonly Role[] = rolesFor('monitoring');
/** Who may read a complaint's history (masked as the screen is), and how far: the table's "history" entry. */
export const HISTORY_ROLES: readonly Role[] = rolesFor('history');

export function isActionSidebar(value: unknown): value is ActionSidebar {
  return typeof value === 'string' && (ACTION_SIDEBAR_NAMES as string[]).includes(value);
}

export function rolesText(roles: readonly Role[]): string {
  return roles.map((r) => ROLE_LABELS[r]).join(', ');
}

/** A role the table lets read only its unit's complaints (a unit member) reads only those; the others agency-wide. */
export function readRefusal(actor: Actor, c: Complaint): string | null {
  if (scopeOf('history', actor.role) !== 'unit') return null;
  if (!actor.unit) return MSG.unitMissingActor;
  if (c.unit === '') return MSG.unitMissingComplaint;
  return sameUnit(actor.unit, c.unit) ? null : MSG.unitMismatch(c.unit);
}
