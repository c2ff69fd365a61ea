// An SP4N-LAPOR! report as its sidebar shows it: the tracking ID and its link, the forwarding day, the text to paste
// into LAPOR!'s follow-up once the unit has answered, and whether (who, when) it was posted back.
import type { Complaint } from '../domain/complaint';
import { formatDateTime, formatDay } from '../domain/format';
import { LAPOR_REPORT_URL, laporPostBackText } from '../domain/lapor';
import { canSeeContent } from '../domain/privacy';
import type { Actor } from '../domain/roles';
import { allowedActions, type ActionContext } from '../domain/workflow';
import type { Settings } from './settings';
import { publicAgencyName } from './status';

export interface LaporView {
  laporId: string;
  /** LAPOR!'s own page of the report (LAPOR!'s documented link form). */
  laporUrl: string;
  forwardedOn: string;
  /** The text to paste into LAPOR! ('' until the unit has answered, or for a reader who may not read the content). */
  postBackText: string;
  posted: { by: string; at: string } | null;
  /** The reader may record the posting now (CS or Sekretaris, answer drafted, not yet recorded). */
  canRecord: boolean;
}

export function laporView(
  c: Complaint,
  viewer: Actor,
  settings: Settings,
  ctx: ActionContext,
  nameOf: (email: string) => string = (e) => e,
): LaporView | null {
  if (c.channel !== 'SP4N-LAPOR!' || c.laporId === '') return null;
  const readable = canSeeContent(viewer, c) && c.answer.trim() !== '';
  return {
    laporId: c.laporId,
    laporUrl: `${LAPOR_REPORT_URL}${c.laporId}`,
    forwardedOn: c.laporForwardedOn === '' ? '' : formatDay(c.laporForwardedOn),
    postBackText: readable ? laporPostBackText(c, publicAgencyName(settings)) : '',
    posted: c.laporPostedAt ? { by: nameOf(c.laporPostedBy), at: formatDateTime(c.laporPostedAt) } : null,
    canRecord: allowedActions(c, viewer, ctx).includes('postToLapor'),
  };
}
