// Server side of "Kirim via WhatsApp": the offers a sidebar shows, and the officer's confirmation that one was sent.
import { readRefusal } from '../app/workflowSidebars';
import { recordWhatsAppSent, whatsAppOffers, type WaOffer } from '../app/whatsapp';
import type { TeamMember } from '../app/team';
import type { Complaint } from '../domain/complaint';
import { isWhatsAppKind, type WhatsAppKind } from '../domain/whatsapp';
import { WHATSAPP_PERMISSIONS, permits, refusalFor, whatsAppPermission } from '../domain/permissions';
import { WA_UI } from '../messages/whatsapp';
import { Refusal, guard, messageOf, run, type Services } from './wiring';

/** The offers for `member` (none for a complaint they may not read); never throws: a sidebar's save has happened. */
export function offersFor(
  ctx: Services,
  member: TeamMember,
  c: Complaint,
  kinds: readonly WhatsAppKind[],
  question = '',
): WaOffer[] {
  if (kinds.length === 0 || readRefusal(member, c) !== null) return [];
  try {
    return whatsAppOffers(ctx.whatsAppDeps(), member, c, kinds, question);
  } catch (error) {
    messageOf(error); // logged (redacted); the sidebar simply shows no WhatsApp button
    return [];
  }
}

export interface WhatsAppSentPayload {
  regNumber?: string;
  kind?: string;
  recipient?: string;
}

export type WhatsAppSentResult = { ok: boolean; message: string };

/** Anyone the table lets send at least one kind of message; each kind is checked again once it is known. */
const SENDERS = guard(WHATSAPP_PERMISSIONS);

/** "Sudah terkirim": the audit row, for a message the caller could be offered now (role, unit, privacy checked). */
export function confirmWhatsAppSent(payload: WhatsAppSentPayload): WhatsAppSentResult {
  return run(
    SENDERS,
    (ctx, member) => confirmSent(ctx, member, payload ?? {}),
    (message) => ({
      ok: false,
      message,
    }),
  );
}

function confirmSent(ctx: Services, member: TeamMember, p: WhatsAppSentPayload): WhatsAppSentResult {
  const kind = p.kind;
  if (!isWhatsAppKind(kind)) throw new Refusal(WA_UI.unknownKind);
  // Refused before any read of the register, like the other sidebar actions.
  const permission = whatsAppPermission(kind);
  if (!permits(member.role, permission)) throw new Refusal(refusalFor(permission, member.role));
  const regNumber = String(p.regNumber ?? '')
    .trim()
    .toUpperCase();
  const visible = ctx.register().find(regNumber);
  if (visible) {
    const refusal = readRefusal(member, visible.complaint);
    if (refusal) throw new Refusal(refusal);
  }
  return recordWhatsAppSent(
    { ...ctx.whatsAppDeps(), now: ctx.now, register: ctx.register(), audit: ctx.audit(), lock: ctx.lock() },
    member,
    { regNumber, kind, recipient: typeof p.recipient === 'string' ? p.recipient : '' },
  );
}
