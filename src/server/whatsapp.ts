// Server side of "Kirim via WhatsApp": the offers a sidebar shows, and the officer's confirmation that one was sent.
import { readRefusal } from '../app/workflowSidebars';
import { WHATSAPP_ROLES, recordWhatsAppSent, whatsAppOffers, type WaOffer, type WhatsAppDeps } from '../app/whatsapp';
import type { TeamMember } from '../app/team';
import type { Complaint } from '../domain/complaint';
import { isWhatsAppKind, type WhatsAppKind } from '../domain/whatsapp';
import { HmacSigner } from '../gas/signer';
import { WA_UI } from '../messages/whatsapp';
import { GasContext, Refusal, messageOf, requireMember } from './session';

export function whatsAppDeps(ctx: GasContext): WhatsAppDeps {
  return { settings: ctx.settings(), team: ctx.team(), registerUrl: ctx.workbook.url(), signer: new HmacSigner() };
}

/** The offers for `member` (none for a complaint they may not read); never throws: a sidebar's save has happened. */
export function offersFor(
  ctx: GasContext,
  member: TeamMember,
  c: Complaint,
  kinds: readonly WhatsAppKind[],
  question = '',
): WaOffer[] {
  if (kinds.length === 0 || readRefusal(member, c) !== null) return [];
  try {
    return whatsAppOffers(whatsAppDeps(ctx), member, c, kinds, question);
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

/** "Sudah terkirim": the audit row, for a message the caller could be offered now (role, unit, privacy checked). */
export function confirmWhatsAppSent(payload: WhatsAppSentPayload): WhatsAppSentResult {
  try {
    const ctx = new GasContext();
    const member = requireMember(ctx);
    const p = payload ?? {};
    const kind = p.kind;
    if (!isWhatsAppKind(kind)) throw new Refusal(WA_UI.unknownKind);
    // Refused before any read of the register, like the other sidebar actions.
    if (!WHATSAPP_ROLES[kind].includes(member.role)) throw new Refusal(WA_UI.notAllowed);
    const regNumber = String(p.regNumber ?? '')
      .trim()
      .toUpperCase();
    const visible = ctx.register().find(regNumber);
    if (visible) {
      const refusal = readRefusal(member, visible.complaint);
      if (refusal) throw new Refusal(refusal);
    }
    const outcome = recordWhatsAppSent(
      { ...whatsAppDeps(ctx), now: ctx.now, register: ctx.register(), audit: ctx.audit(), lock: ctx.lock() },
      member,
      { regNumber, kind, recipient: typeof p.recipient === 'string' ? p.recipient : '' },
    );
    return outcome;
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}
