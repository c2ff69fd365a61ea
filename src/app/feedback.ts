// Satisfaction feedback: the signed rating link, the invitation sent when a complaint closes, and storing a rating
// (a "not resolved" answer becomes a request the Ketua Tim decides on: flagged, audited and emailed, never auto-reopened).
import type { Complaint } from '../domain/complaint';
import { formatDateTime } from '../domain/format';
import { COMMENT_MAX_LENGTH, isValidScore, type Rating } from '../domain/rating';
import { validateEmail } from '../domain/validation';
import { findPersonalData, maskPersonalData } from '../domain/personalData';
import { forEmail } from '../domain/privacy';
import { PUBLIC, PUBLIC_FLAGS, RATING_AUDIT, ratingInvitationEmail } from '../messages/public';
import { REOPEN_TEXT } from '../messages/workflow';
import type { AuditEntry, AuditPort, LockPort, Notice, NotifierPort, OutgoingMail, RegisterPort } from '../ports';
import type { WorkflowListener } from './events';
import type { Settings } from './settings';
import type { FeedbackState } from './status';
import { normalizeRegNumber, sameSecret } from './status';

/** HMAC-SHA256 with the script's secret, base64url without padding. */
export interface Signer {
  sign(message: string): string;
}

export interface RatingsPort {
  /** Every rating (one read). */
  all(): Rating[];
  /** Appends one rating, text kept as typed (one write). */
  append(rating: Rating): void;
}

export const PUBLIC_ACTOR = RATING_AUDIT.actor;
export const RATING_PAGE = 'nilai';

/**
 * What the link signs: the number and which closing it rates (reopenCount). A reopened and closed-again
 * complaint gets a new link; the old one stops working. Nothing personal is signed or put in the URL.
 */
export function ratingMessage(c: Pick<Complaint, 'regNumber' | 'reopenCount'>): string {
  return `dumas-nilai|v1|${c.regNumber}|${c.reopenCount}`;
}

export function ratingToken(c: Complaint, signer: Signer): string {
  return signer.sign(ratingMessage(c));
}

export function verifyRatingToken(c: Complaint, token: unknown, signer: Signer): boolean {
  return typeof token === 'string' && token.length <= 100 && sameSecret(ratingToken(c, signer), token);
}

/** The web app URL with the rating page's parameters; null without a deployed status page. */
export function ratingLink(c: Complaint, statusPageUrl: string, signer: Signer): string | null {
  const base = statusPageUrl.trim();
  if (!/^https:\/\/\S+$/.test(base)) return null;
  const sep = base.includes('?') ? '&' : '?';
  return `${base}${sep}halaman=${RATING_PAGE}&no=${encodeURIComponent(c.regNumber)}&t=${encodeURIComponent(ratingToken(c, signer))}`;
}

/** Only settled complaints (Selesai, not forwarded elsewhere) with a usable email and a deployed page are invited. */
export function ratingNotice(c: Complaint, settings: Settings, signer: Signer): Notice | null {
  if (c.status !== 'Selesai' || c.closedAt === null) return null;
  if (c.email === '' || !validateEmail(c.email).ok) return null;
  const link = ratingLink(c, settings.statusPageUrl, signer);
  if (!link) return null;
  const mine = forEmail(c, { kind: 'complainant' });
  return {
    kind: 'ratingInvite',
    view: {
      name: mine.name,
      regNumber: mine.regNumber,
      closed: formatDateTime(c.closedAt),
      link,
      agencyName: settings.agencyName,
    },
  };
}

/** The invitation as the mail channel sends it (the complainant's address, the agency's reply-to). */
export function ratingInvitation(c: Complaint, settings: Settings, signer: Signer): OutgoingMail | null {
  const notice = ratingNotice(c, settings, signer);
  if (notice?.kind !== 'ratingInvite') return null;
  return { to: c.email, ...ratingInvitationEmail(notice.view), replyTo: settings.agencyEmail };
}

export interface InvitationDeps {
  settings: Settings;
  notifier: NotifierPort;
  signer: Signer;
}

/** Invites the complainant to rate the answer. True when sent (no-op without an email or a status page). */
export function sendRatingInvitation(deps: InvitationDeps, c: Complaint): boolean {
  const notice = ratingNotice(c, deps.settings, deps.signer);
  return notice ? deps.notifier.tell({ kind: 'complainant', complaint: c }, notice).failure === null : false;
}

/** The "closed" listener the wiring subscribes once: every closing of any path invites (as the rules above allow). */
export function inviteToRate(deps: () => InvitationDeps): WorkflowListener {
  return (event) => (sendRatingInvitation(deps(), event.complaint) ? REOPEN_TEXT.ratingInvited : '');
}

/** The rating of this closing of the complaint, if any. */
export function ratingOf(ratings: readonly Rating[], c: Complaint): Rating | undefined {
  return ratings.find((r) => r.regNumber === c.regNumber && r.round === c.reopenCount);
}

export function feedbackState(ratings: readonly Rating[], c: Complaint): FeedbackState {
  const r = ratingOf(ratings, c);
  return !r ? 'none' : r.resolved ? 'rated' : 'reopenRequested';
}

/** Requests to reopen still waiting for the Ketua Tim: "not resolved" ratings of complaints still Selesai in that round. */
export function openReopenRequests(ratings: readonly Rating[], complaints: readonly Complaint[]): Rating[] {
  return ratings.filter((r) => {
    if (r.resolved) return false;
    const c = complaints.find((x) => x.regNumber === r.regNumber);
    return c !== undefined && c.status === 'Selesai' && c.reopenCount === r.round;
  });
}

// ------------------------------------------------------------------ the rating page

export interface FeedbackDeps {
  now: Date;
  settings: Settings;
  register: RegisterPort;
  ratings: RatingsPort;
  audit: AuditPort;
  notifier: NotifierPort;
  lock: LockPort;
  signer: Signer;
  registerUrl: string;
}

export type RatingPageState = { state: 'open'; regNumber: string } | { state: 'done' | 'invalid'; message: string };

/** What the rating page opens with: a form only for a valid link of a settled complaint not yet rated. */
export function ratingPageState(
  deps: Pick<FeedbackDeps, 'register' | 'ratings' | 'signer'>,
  rawNumber: unknown,
  token: unknown,
): RatingPageState {
  const stored = validLink(deps, normalizeRegNumber(rawNumber), token);
  if (!stored) return { state: 'invalid', message: PUBLIC.linkInvalid };
  if (ratingOf(deps.ratings.all(), stored.complaint)) return { state: 'done', message: PUBLIC.alreadyRated };
  return { state: 'open', regNumber: stored.complaint.regNumber };
}

/** What the page sends; everything arrives as untrusted JSON. */
export interface RatingPayload {
  regNumber?: unknown;
  token?: unknown;
  score?: unknown;
  resolved?: unknown;
  comment?: unknown;
}

export type RatingResult =
  { ok: true; message: string } | { ok: false; message: string; errors: Record<string, string> };

/** The complaint a rating link names, when the link is genuine and the complaint is settled. */
function validLink(
  deps: Pick<FeedbackDeps, 'register' | 'signer'>,
  regNumber: string | null,
  token: unknown,
): { complaint: Complaint } | null {
  const stored = regNumber ? deps.register.find(regNumber) : null;
  if (!stored || stored.complaint.status !== 'Selesai' || !verifyRatingToken(stored.complaint, token, deps.signer)) {
    return null;
  }
  return stored;
}

export function submitRating(deps: FeedbackDeps, payload: RatingPayload): RatingResult {
  const score = typeof payload.score === 'string' ? Number(payload.score) : payload.score;
  const comment = typeof payload.comment === 'string' ? payload.comment : '';
  const errors: Record<string, string> = {};
  if (!isValidScore(score)) errors.score = PUBLIC.scoreRequired;
  if (typeof payload.resolved !== 'boolean') errors.resolved = PUBLIC.resolvedRequired;
  if (comment.length > COMMENT_MAX_LENGTH) errors.comment = PUBLIC.commentTooLong(COMMENT_MAX_LENGTH);
  if (Object.keys(errors).length > 0) return { ok: false, message: Object.values(errors).join(' '), errors };
  const resolved = payload.resolved === true;
  const regNumber = normalizeRegNumber(payload.regNumber);
  // The link is checked before the lock and again under it: an anonymous caller with a forged token must
  // never hold the lock that staff actions and form submissions need.
  if (!validLink(deps, regNumber, payload.token)) return { ok: false, message: PUBLIC.linkInvalid, errors: {} };
  const outcome = deps.lock.withLock((): RatingResult | { ok: true; rating: Rating; complaint: Complaint } => {
    const stored = validLink(deps, regNumber, payload.token);
    if (!stored) return { ok: false, message: PUBLIC.linkInvalid, errors: {} };
    const c = stored.complaint;
    if (ratingOf(deps.ratings.all(), c)) return { ok: false, message: PUBLIC.alreadyRated, errors: {} };
    const rating: Rating = {
      at: deps.now,
      regNumber: c.regNumber,
      unit: c.unit,
      round: c.reopenCount,
      score: score as number,
      resolved,
      comment,
    };
    deps.ratings.append(rating);
    const entry: AuditEntry = {
      at: deps.now,
      actor: PUBLIC_ACTOR,
      role: '',
      action: resolved ? RATING_AUDIT.rated : RATING_AUDIT.reopenRequested,
      regNumber: c.regNumber,
      before: '',
      after: JSON.stringify({ nilai: rating.score, terselesaikan: resolved, putaran: rating.round }),
      note: [
        resolved ? '' : RATING_AUDIT.reopenNote,
        findPersonalData(comment).length > 0 ? PUBLIC_FLAGS.commentPersonalData : '',
      ]
        .filter((n) => n !== '')
        .join(' '),
    };
    deps.audit.append([entry]);
    return { ok: true, rating, complaint: c };
  });
  if (!outcome.ok) return outcome;
  if (!('rating' in outcome)) return outcome;
  if (outcome.rating.resolved) return { ok: true, message: PUBLIC.thanks };
  deps.notifier.tell(
    { kind: 'leader', roles: ['KETUA'] },
    {
      kind: 'reopenRequest',
      view: {
        regNumber: outcome.complaint.regNumber,
        unit: outcome.complaint.unit,
        score: outcome.rating.score,
        comment: maskPersonalData(outcome.rating.comment, 'nikOnly'),
        registerUrl: deps.registerUrl,
      },
    },
  );
  return { ok: true, message: PUBLIC.thanksReopen };
}
