// The team's notice of online submissions, at most once an hour: a submission costs about 1 s per message, so the
// receipt goes at once and the team hears of the first submission of each hour (the register, Agenda and Pemantauan
// list every one). Two submissions racing in the same instant may both send: a repeated notice, never a lost one.
import type { TeamNoticeGatePort } from '../ports';

export const TEAM_NOTICE_KEY = 'dumas.teamNotice.sentAt';
export const TEAM_NOTICE_INTERVAL_MS = 60 * 60 * 1000;

export class HourlyTeamNotice implements TeamNoticeGatePort {
  due(now: Date): boolean {
    const last = Number(PropertiesService.getScriptProperties().getProperty(TEAM_NOTICE_KEY));
    // Absent, unreadable or in the future (a clock set back): send.
    return !(last > 0 && last <= now.getTime() && now.getTime() - last < TEAM_NOTICE_INTERVAL_MS);
  }

  sent(now: Date): void {
    PropertiesService.getScriptProperties().setProperty(TEAM_NOTICE_KEY, String(now.getTime()));
  }
}
