// The team's notice of online submissions, at most once an hour: a submission costs about 1 s per message, so the
// receipt goes at once and the team hears of the first submission of each hour (the register, Agenda and Pemantauan
// list every one). Two submissions racing in the same instant may both send: a repeated notice, never a lost one.
import type { TeamNoticeGatePort } from '../ports';

export const TEAM_NOTICE_KEY = 'dumas.teamNotice.sentAt';
export const TEAM_NOTICE_INTERVAL_MS = 60 * 60 * 1000;

export class HourlyTeamNotice implements TeamNoticeGatePort {
  due(now: Date): boolean {
    let last: number;
    try {
      last = Number(PropertiesService.getScriptProperties().getProperty(TEAM_NOTICE_KEY));
    } catch {
      return true; // cannot tell: better a second notice than none
    }
    // Absent, unreadable or in the future (a clock set back): send.
    return !(last > 0 && last <= now.getTime() && now.getTime() - last < TEAM_NOTICE_INTERVAL_MS);
  }

  sent(now: Date): void {
    try {
      PropertiesService.getScriptProperties().setProperty(TEAM_NOTICE_KEY, String(now.getTime()));
    } catch {
      // not recorded: the next submission sends another notice
    }
  }
}
