// WhatsApp click-to-chat offers: which messages the person at the sidebar may send about a complaint now, and
// recording (under the lock, in the audit log) that they sent one. Dumas never sends anything itself: the officer's
// own WhatsApp does, so no API, no gateway and no new OAuth scope.
import type { Complaint } from '../domain/complaint';
import { canSeeIdentity } from '../domain/privacy';
import { sameUnit, type Actor } from '../domain/roles';
import { scopeOf, whatsAppPermission } from '../domain/permissions';
import {
  complainantText,
  isComplainantNotice,
  staffText,
  waLink,
  type StaffNotice,
  type WhatsAppKind,
} from '../domain/whatsapp';
import { WA_LABELS, WA_UI } from '../messages/whatsapp';
import type { AuditPort, LockPort, RegisterPort } from '../ports';
import { ratingLink, type Signer } from './feedback';
import { attachmentLine } from './attachments';
import type { Settings } from './settings';
import { publicAgencyName, statusPageLink } from './status';
import type { TeamMember } from './team';

export interface WaOffer {
  kind: WhatsAppKind;
  label: string;
  /** Who it goes to, as the sidebar shows it: "pengadu" or the member's name (never the number). */
  to: string;
  /** '' for the complainant, the member's email for a staff notice: what a confirmation names. */
  recipient: string;
  url: string;
  text: string;
}

export interface WhatsAppDeps {
  settings: Settings;
  team: readonly TeamMember[];
  registerUrl: string;
  signer: Signer;
  /** For the receipt's upload link (valid from the day received); without it the message has none. */
  now?: Date;
}

/** Who may send each message, and for which complaints: the permission table's "whatsapp.<kind>" entries. */
function allowed(viewer: Actor, kind: WhatsAppKind, c: Complaint): boolean {
  const scope = scopeOf(whatsAppPermission(kind), viewer.role);
  if (scope === null) return false;
  // A unit member speaks only for their own unit's complaints.
  return scope !== 'unit' || sameUnit(viewer.unit, c.unit);
}

function staffRecipients(deps: WhatsAppDeps, kind: StaffNotice, c: Complaint): TeamMember[] {
  return deps.team.filter(
    (m) =>
      m.active &&
      (m.phone ?? '') !== '' &&
      (kind === 'awaitingDisposition' ? m.role === 'KEPALA_DINAS' : m.role === 'ANGGOTA' && sameUnit(m.unit, c.unit)),
  );
}

/**
 * The messages `viewer` may send now about `c`, among `kinds`. A complainant's message needs a mobile number and a
 * viewer who may see the complainant's identity (docs/rules.md §3: anonim and rahasia only the complaints team).
 */
export function whatsAppOffers(
  deps: WhatsAppDeps,
  viewer: Actor,
  c: Complaint,
  kinds: readonly WhatsAppKind[],
  question = '',
): WaOffer[] {
  const offers: WaOffer[] = [];
  const s = deps.settings;
  for (const kind of kinds) {
    if (!allowed(viewer, kind, c)) continue;
    if (isComplainantNotice(kind)) {
      if (!canSeeIdentity(viewer, c)) continue;
      const text = complainantText(kind, c, {
        agency: publicAgencyName(s),
        statusUrl: statusPageLink(s.statusPageUrl, c.regNumber),
        contact: s.agencyPhone.trim(),
        ratingUrl: kind === 'ratingInvite' ? ratingLink(c, s.statusPageUrl, deps.signer) : null,
        attachLine: kind === 'receipt' && deps.now ? attachmentLine(c, s, deps.signer, deps.now) : '',
        question,
      });
      const url = text === null ? null : waLink(c.phoneCanonical, text);
      if (text !== null && url !== null)
        offers.push({ kind, label: WA_LABELS[kind], to: WA_UI.complainant, recipient: '', url, text });
      continue;
    }
    const text = staffText(kind, c, deps.registerUrl);
    if (text === null) continue;
    for (const m of staffRecipients(deps, kind, c)) {
      const url = waLink(m.phone ?? '', text);
      if (url !== null)
        offers.push({ kind, label: WA_LABELS[kind], to: m.name || m.email, recipient: m.email, url, text });
    }
  }
  return offers;
}

export interface SentRequest {
  regNumber: string;
  kind: WhatsAppKind;
  /** '' for the complainant, a member's email for a staff notice. */
  recipient: string;
}

export interface SentDeps extends WhatsAppDeps {
  now: Date;
  register: RegisterPort;
  audit: AuditPort;
  lock: LockPort;
}

export type SentOutcome = { ok: true; message: string } | { ok: false; message: string };

/**
 * The officer says the message went: one audit row, under the lock, only for a message this person could be offered
 * for the complaint as it is now. The row names the message and the recipient's role or name, never the number.
 */
export function recordWhatsAppSent(deps: SentDeps, actor: Actor, request: SentRequest): SentOutcome {
  return deps.lock.withLock((): SentOutcome => {
    const stored = deps.register.find(request.regNumber);
    if (!stored) return { ok: false, message: WA_UI.notOffered };
    const offer = whatsAppOffers(deps, actor, stored.complaint, [request.kind]).find(
      (o) => o.recipient === request.recipient.trim().toLowerCase(),
    );
    if (!offer) return { ok: false, message: WA_UI.notOffered };
    deps.audit.append([
      {
        at: deps.now,
        actor: actor.email,
        role: actor.role,
        action: WA_UI.auditAction,
        regNumber: stored.complaint.regNumber,
        before: '',
        after: '',
        note: WA_UI.auditNote(offer.label, offer.to),
      },
    ]);
    return { ok: true, message: WA_UI.recorded(offer.label, stored.complaint.regNumber) };
  });
}
