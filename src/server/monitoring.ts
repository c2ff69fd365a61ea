// Server side of "Pemantauan Penyelesaian" (Ketua Tim, Kepala Dinas): the live list, and jumping to a row.
import { jsonForScript } from '../lib/html';
import { HISTORY_ROLES, MONITOR_ROLES, readRefusal, sidebarRefusal } from '../app/workflowSidebars';
import { compareForMonitoring, listItem, type ListItem } from '../app/workflowView';
import { STATUSES } from '../domain/complaint';
import { formatDateTime } from '../domain/format';
import { selectRow } from '../gas/registerSelection';
import { WF, WORKFLOW_TITLES } from '../messages/workflow';
import { GasContext, Refusal, messageOf, requireMember } from './session';
import { viewContext } from './workflow';

export type MonitoringResult =
  | { ok: true; items: ListItem[]; generated: string; statuses: readonly string[]; units: string[] }
  | { ok: false; message: string };

function requireMonitor(ctx: GasContext) {
  const member = requireMember(ctx);
  const refusal = sidebarRefusal(member, WORKFLOW_TITLES.pemantauan, MONITOR_ROLES);
  if (refusal) throw new Refusal(refusal);
  return member;
}

/** Every complaint (open ones, or all), overdue first; one register read whatever happens next. */
export function monitoringList(options?: { includeClosed?: boolean }): MonitoringResult {
  try {
    const ctx = new GasContext();
    const member = requireMonitor(ctx);
    const vc = viewContext(ctx);
    const items = ctx
      .register()
      .loadAll()
      .filter((s) => options?.includeClosed === true || s.complaint.closedAt === null)
      .map((s) => listItem(s.complaint, s.row, member, vc))
      .sort(compareForMonitoring);
    return { ok: true, items, generated: formatDateTime(ctx.now), statuses: STATUSES, units: vc.units.slice() };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

export function showMonitoringSidebar(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const ctx = new GasContext();
    requireMonitor(ctx);
    const template = HtmlService.createTemplateFromFile('Pemantauan');
    template.boot = jsonForScript(monitoringList({ includeClosed: false }));
    ui.showSidebar(template.evaluate().setTitle(WORKFLOW_TITLES.pemantauan));
  } catch (error) {
    ui.alert(messageOf(error));
  }
}

/** Puts the cursor on a complaint's register row (any registered person; a unit member only on their unit's). */
export function selectRegisterRow(
  regNumber: string,
): { ok: true; row: number; message: string } | { ok: false; message: string } {
  try {
    const ctx = new GasContext();
    const member = requireMember(ctx);
    const refusal = sidebarRefusal(member, WORKFLOW_TITLES.riwayat, HISTORY_ROLES);
    if (refusal) throw new Refusal(refusal);
    const key = String(regNumber ?? '').trim();
    const stored = ctx.register().find(key);
    if (!stored) return { ok: false, message: WF.notFound(key) };
    const unit = readRefusal(member, stored.complaint);
    if (unit) return { ok: false, message: unit };
    selectRow(ctx.workbook.sheet('register'), stored.row);
    return { ok: true, row: stored.row, message: WF.selectedRow(stored.row) };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}
