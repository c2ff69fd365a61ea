// Session: who runs the script, its time zone and locale.
import { createHash } from 'node:crypto';
import type { EmuContext } from './core/context';
import { expose } from './core/expose';

export class SessionControl {
  /** What getActiveUser().getEmail() reports; null = the real active user. */
  visibleActive: string | null = null;
  locale = 'id';

  constructor(private readonly ctx: EmuContext) {}

  /** The script now runs as `email` (active and effective user). */
  setUser(email: string): void {
    this.ctx.users.active = email;
    this.ctx.users.effective = email;
    this.visibleActive = null;
  }
  /** Consumer accounts often get '' from getActiveUser().getEmail() when the user is not the owner. */
  setActiveUserEmail(email: string): void {
    this.visibleActive = email;
  }
  setLocale(locale: string): void {
    this.locale = locale;
  }
}

function user(ctx: EmuContext, email: () => string): GoogleAppsScript.Base.User {
  const impl = { getEmail: email, getUserLoginId: email, toString: email };
  return expose(ctx.calls, 'User', impl, { default: 'local' });
}

export function createSession(ctx: EmuContext): { global: GoogleAppsScript.Base.Session; control: SessionControl } {
  const control = new SessionControl(ctx);
  const impl = {
    getActiveUser: () => user(ctx, () => control.visibleActive ?? ctx.users.active),
    getEffectiveUser: () => user(ctx, () => ctx.users.effective),
    getScriptTimeZone: () => ctx.timeZone,
    getActiveUserLocale: () => control.locale,
    // Stable per user and script, opaque, and never the e-mail itself.
    getTemporaryActiveUserKey: () =>
      createHash('sha256').update(`dumas:${ctx.users.active}`).digest('base64').slice(0, 43),
  };
  return {
    global: expose(ctx.calls, 'Session', impl, { default: 'local' }) as unknown as GoogleAppsScript.Base.Session,
    control,
  };
}
