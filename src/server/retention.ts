// Data retention: the administrator's dry run and purge (menu), and purgeDue for the daily run.
import {
  describePurge,
  parseLetterRetention,
  previewPurge,
  purgePersonalData,
  type PurgeDeps,
  type PurgeOutcome,
} from '../app/retention';
import { DuePurgeStore, RegisterPurgeSheet } from '../gas/purgeSheet';
import { AuditLogScrub, DriveLetterFiles, FormResponses, ScriptPropertiesPurgeJournal } from '../gas/purgeLeftovers';
import { RatingsSheet } from '../gas/ratingsSheet';
import { AttachmentPurge, DriveAttachmentFiles, ScriptPropertiesAttachmentIndex } from '../gas/attachments';
import { dayKeyOf } from '../domain/time';
import type { StoredComplaint } from '../ports';
import type { TeamMember } from '../app/team';
import { RETENTION } from '../messages/public';
import { alert, may, run, screen, type Services } from './wiring';

function purgeDeps(ctx: Services, read?: readonly StoredComplaint[]): PurgeDeps {
  const settings = ctx.settings();
  const sheet = ctx.workbook.sheet('register');
  return {
    now: ctx.now,
    retentionYears: settings.retentionYears,
    store: read
      ? new DuePurgeStore(sheet, ctx.reader(), read, dayKeyOf(ctx.now), settings.retentionYears, ctx.view())
      : new RegisterPurgeSheet(sheet, ctx.registerLayout, ctx.view()),
    audit: ctx.audit(),
    lock: ctx.lock(),
    forms: settings.formId ? new FormResponses(settings.formId) : null,
    ratings: ctx.workbook.has('ratings') ? new RatingsSheet(ctx.workbook.sheet('ratings')) : null,
    letters: parseLetterRetention(settings.lettersAfterRetention),
    journal: new ScriptPropertiesPurgeJournal(),
    letterFiles: new DriveLetterFiles(settings.lettersFolderId),
    auditScrub: new AuditLogScrub(ctx.workbook.sheet('audit')),
    attachments: new AttachmentPurge(new ScriptPropertiesAttachmentIndex(), new DriveAttachmentFiles('')),
  };
}

/** The leftovers' lines of a purge's result (form answers, letter files, what is still pending). */
export function purgeSummary(outcome: PurgeOutcome): string[] {
  return [
    outcome.formResponsesDeleted > 0 ? RETENTION.formResponses(outcome.formResponsesDeleted) : '',
    outcome.letterFilesTrashed > 0 ? RETENTION.lettersDone(outcome.letterFilesTrashed) : '',
    outcome.attachmentsTrashed > 0 ? RETENTION.attachmentsDone(outcome.attachmentsTrashed) : '',
    outcome.pending > 0 ? RETENTION.pendingLeft(outcome.pending) : '',
  ].filter((s) => s !== '');
}

/**
 * For the daily run (wired by its owner): purges what is due, as the system. `read` is the run's own read of the
 * register (status and closing of every row), so only the rows due are read again, under the lock.
 */
export function purgeDue(ctx: Services, read: readonly StoredComplaint[]): PurgeOutcome {
  return purgePersonalData(purgeDeps(ctx, read), RETENTION.actor, '');
}

/** Menu (Administrator): what a purge would empty now; nothing is written. */
export function previewPurgeFromMenu(): void {
  run(
    may('retentionPreview'),
    (ctx) => {
      screen().alert(describePurge(previewPurge(purgeDeps(ctx))), RETENTION.menuPreview);
    },
    alert,
  );
}

/** Menu (Administrator): the dry run's list, a confirmation, then the purge. */
export function purgeFromMenu(): void {
  run(may('purge'), confirmAndPurge, alert);
}

function confirmAndPurge(ctx: Services, admin: TeamMember): void {
  const ui = screen();
  const deps = purgeDeps(ctx);
  const plan = previewPurge(deps);
  if (!plan.enabled || (plan.items.length === 0 && plan.pending === 0)) {
    ui.alert(describePurge(plan), RETENTION.menuPurge);
    return;
  }
  if (plan.items.length === 0) {
    // Only leftovers of complaints already purged (a form answer, letter files): nothing new to confirm.
    const outcome = purgePersonalData(deps, admin.email, admin.role);
    ui.alert([describePurge(plan), ...purgeSummary(outcome)].join('\n'));
    return;
  }
  if (
    !ui.confirm(RETENTION.menuPurge, `${RETENTION.confirm(plan.items.length, plan.years)}\n\n${describePurge(plan)}`)
  ) {
    ui.alert(RETENTION.cancelled);
    return;
  }
  const outcome = purgePersonalData(deps, admin.email, admin.role);
  ui.alert([RETENTION.done(outcome.plan.items.length), ...purgeSummary(outcome)].join('\n'));
}
