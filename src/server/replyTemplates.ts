// Server side of canned replies: the titles a sidebar offers, and one template filled for one complaint.
import { readRefusal } from '../app/workflowSidebars';
import type { TeamMember } from '../app/team';
import { canSeeContent } from '../domain/privacy';
import { permits } from '../domain/permissions';
import { fillReply, parseReplyTemplates, replyValues, type ReplyTemplate } from '../domain/replyTemplate';
import { REPLY_TEMPLATE_HEADERS, REPLY_TEMPLATE_UI } from '../messages/replyTemplates';
import { WF } from '../messages/workflow';
import { Refusal, may, run, type Services } from './wiring';
import { findTyped } from './workflow';

/** The active templates (one read); none in a workbook set up before the sheet existed. */
export function replyTemplates(ctx: Services): ReplyTemplate[] {
  if (!ctx.workbook.has('replyTemplates')) return [];
  return parseReplyTemplates(ctx.workbook.rows('replyTemplates', REPLY_TEMPLATE_HEADERS.length));
}

/** For a sidebar's boot: the titles, only for someone who may use them. */
export function templateTitles(ctx: Services, member: TeamMember): string[] {
  return permits(member.role, 'replyTemplates') ? replyTemplates(ctx).map((t) => t.title) : [];
}

export type FillTemplateResult =
  { ok: true; text: string; message: string; warnings: string[] } | { ok: false; message: string };

/** "Pakai templat": the template's text with this complaint's values, for the person to check and edit before saving. */
export function fillReplyTemplate(regNumber: string, title: string): FillTemplateResult {
  return run(
    may('replyTemplates'),
    (ctx, member) => fill(ctx, member, regNumber, title),
    (message) => ({
      ok: false,
      message,
    }),
  );
}

function fill(ctx: Services, member: TeamMember, regNumber: string, title: string): FillTemplateResult {
  const key = String(regNumber ?? '').trim();
  const stored = key === '' ? null : findTyped(ctx, key);
  if (!stored) throw new Refusal(WF.notFound(key));
  const c = stored.complaint;
  const refusal = readRefusal(member, c);
  if (refusal) throw new Refusal(refusal);
  if (!canSeeContent(member, c)) throw new Refusal(REPLY_TEMPLATE_UI.contentHidden);
  const wanted = String(title ?? '').trim();
  const template = replyTemplates(ctx).find((t) => t.title === wanted);
  if (!template) throw new Refusal(REPLY_TEMPLATE_UI.notFound(wanted));
  const filled = fillReply(template.text, replyValues(c, ctx.settings()));
  return {
    ok: true,
    text: filled.text,
    message: REPLY_TEMPLATE_UI.filled(template.title),
    warnings: filled.unknown.length > 0 ? [REPLY_TEMPLATE_UI.unknownPlaceholders(filled.unknown)] : [],
  };
}
