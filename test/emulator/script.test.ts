// Tests for the emulated ScriptApp: trigger builders, the 20-trigger limit, and time-driven firing.
import { describe, expect, it } from 'vitest';
import { EmuContext } from './core/context';
import { createScriptApp, TOO_MANY_TRIGGERS } from './script';

function setup(now = '2026-01-05T09:00:00+08:00') {
  const ctx = new EmuContext({ now });
  const { global: ScriptApp, control } = createScriptApp(ctx);
  const runs: { handler: string; event: Record<string, unknown>; at: number }[] = [];
  control.setInvoker((handler, event) => {
    runs.push({ handler, event, at: ctx.clock.now() });
  });
  return { ctx, ScriptApp, control, runs };
}

describe('ScriptApp triggers', () => {
  it('creates a daily trigger and describes it', () => {
    const { ScriptApp, ctx } = setup();
    const t = ScriptApp.newTrigger('harian').timeBased().atHour(7).everyDays(1).create();
    expect(t.getHandlerFunction()).toBe('harian');
    expect(t.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(t.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(t.getUniqueId()).toMatch(/^\d+$/);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
    expect(ctx.calls.counts()['ClockTriggerBuilder.create']).toBe(1);
  });

  it("refuses the 21st trigger with Apps Script's message", () => {
    const { ScriptApp } = setup();
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('f20').timeBased().everyHours(1).create()).toThrow(TOO_MANY_TRIGGERS);
  });

  it('deletes triggers and other users do not see mine', () => {
    const { ScriptApp, ctx } = setup();
    const t = ScriptApp.newTrigger('a').timeBased().everyMinutes(5).create();
    ScriptApp.newTrigger('b').timeBased().everyMinutes(5).create();
    ScriptApp.deleteTrigger(t);
    expect(ScriptApp.getProjectTriggers().map((x) => x.getHandlerFunction())).toEqual(['b']);
    ctx.users.effective = 'someone@else.example';
    expect(ScriptApp.getProjectTriggers()).toHaveLength(0);
  });

  it('validates builder arguments', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.newTrigger('x').timeBased().everyMinutes(7)).toThrow(/everyMinutes/);
    expect(() => ScriptApp.newTrigger('x').timeBased().atHour(24)).toThrow(/hour/);
    expect(() => ScriptApp.newTrigger('x').timeBased().atHour(7).create()).toThrow(/schedule/);
  });

  it('fires a daily trigger within ±15 minutes of nearMinute at hour H WITA each day, with a UTC event object', () => {
    const { ScriptApp, control, runs } = setup();
    ScriptApp.newTrigger('harian').timeBased().atHour(7).nearMinute(30).everyDays(1).create();
    const n = control.fireDue('2026-01-08T00:00:00+08:00');
    expect(n).toBe(2); // 6 Jan and 7 Jan around 07:30 WITA (5 Jan was before creation)
    const wita = runs.map((r) => new Date(new Date(r.at).getTime() + 8 * 3600000));
    expect(wita.map((d) => d.getUTCDate())).toEqual([6, 7]);
    for (const d of wita) {
      const minutes = d.getUTCHours() * 60 + d.getUTCMinutes();
      expect(minutes).toBeGreaterThanOrEqual(7 * 60 + 15);
      expect(minutes).toBeLessThanOrEqual(7 * 60 + 45);
    }
    const e = runs[0].event;
    const at = new Date(runs[0].at);
    expect(e).toMatchObject({
      authMode: 'FULL',
      hour: at.getUTCHours(),
      minute: at.getUTCMinutes(),
      'day-of-month': 5,
      month: 1,
      year: 2026,
      timezone: 'UTC',
      'day-of-week': 1,
      second: 0,
    });
    expect(typeof e.triggerUid).toBe('string');
    expect(e['week-of-year']).toBe(2);
    // Nothing more fires before 07:15 the next day; by 07:45 the next slot has fired.
    expect(control.fireDue('2026-01-08T07:14:00+08:00')).toBe(0);
    expect(control.fireDue('2026-01-08T07:45:00+08:00')).toBe(1);
  });

  it('fires atHour at a seeded minute of the hour (Google picks the minute), reproducible per seed', () => {
    const minutesFor = (seed: string): number[] => {
      const { ScriptApp, control, runs } = setup();
      control.minuteSeed = seed;
      ScriptApp.newTrigger('harian').timeBased().atHour(7).everyDays(1).create();
      control.fireDue('2026-01-20T00:00:00+08:00');
      for (const r of runs) expect((new Date(r.at).getUTCHours() + 8) % 24).toBe(7);
      return runs.map((r) => new Date(r.at).getUTCMinutes());
    };
    const a = minutesFor('dumas');
    expect(a).toHaveLength(14);
    expect(minutesFor('dumas')).toEqual(a);
    expect(minutesFor('lain')).not.toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(5); // not always the same minute, and not always :00
  });

  it('honours inTimezone and everyDays(n)', () => {
    const { ScriptApp, control, runs } = setup();
    ScriptApp.newTrigger('x').timeBased().atHour(6).everyDays(2).inTimezone('Asia/Jakarta').create();
    control.fireDue('2026-01-10T00:00:00+07:00');
    // 06:xx WIB on 6 and 8 Jan
    expect(runs.map((r) => new Date(r.at).toISOString().slice(0, 14))).toEqual(['2026-01-05T23:', '2026-01-07T23:']);
  });

  it('fires weekly, hourly and one-time triggers in time order and advances the clock', () => {
    const { ScriptApp, control, runs, ctx } = setup();
    ScriptApp.newTrigger('mingguan').timeBased().onWeekDay(ScriptApp.WeekDay.FRIDAY).atHour(8).create();
    ScriptApp.newTrigger('sekali')
      .timeBased()
      .after(90 * 60000)
      .create();
    ScriptApp.newTrigger('tiapJam').timeBased().everyHours(12).create();
    control.fireDue('2026-01-09T12:00:00+08:00');
    // every 12 h from Mon 09:00 WITA: 8 firings up to Fri 09:00; Friday 08:00 comes just before the last one
    expect(runs.map((r) => r.handler)).toEqual(['sekali', ...Array<string>(7).fill('tiapJam'), 'mingguan', 'tiapJam']);
    expect(ctx.clock.now()).toBe(new Date('2026-01-09T12:00:00+08:00').getTime());
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).not.toContain('sekali');
  });

  it('records a failing handler and keeps firing the others', () => {
    const { ScriptApp, control, ctx } = setup();
    const ran: string[] = [];
    control.setInvoker((handler) => {
      ran.push(handler);
      if (handler === 'rusak') throw new Error('TypeError: x is undefined');
    });
    ScriptApp.newTrigger('rusak').timeBased().everyHours(1).create();
    ScriptApp.newTrigger('baik').timeBased().everyHours(1).create();
    control.fireDue(ctx.clock.now() + 3600000);
    expect(ran).toEqual(['rusak', 'baik']);
    expect(control.failures).toEqual([
      expect.objectContaining({ handler: 'rusak', error: 'TypeError: x is undefined' }),
    ]);
  });

  it('builds form and spreadsheet triggers and fires events on them', () => {
    const { ScriptApp, control, runs } = setup();
    const t1 = ScriptApp.newTrigger('onSubmitForm').forForm('form_1').onFormSubmit().create();
    const t2 = ScriptApp.newTrigger('onEditSheet')
      .forSpreadsheet({ getId: () => 'ss_1' } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet)
      .onEdit()
      .create();
    expect([t1.getTriggerSource(), t1.getTriggerSourceId(), t1.getEventType()]).toEqual([
      'FORMS',
      'form_1',
      'ON_FORM_SUBMIT',
    ]);
    expect([t2.getTriggerSource(), t2.getTriggerSourceId(), t2.getEventType()]).toEqual([
      'SPREADSHEETS',
      'ss_1',
      'ON_EDIT',
    ]);
    expect(control.fireFormSubmit('form_1', (uid) => ({ triggerUid: uid }))).toBe(1);
    expect(control.fireEvent('SPREADSHEETS', 'ss_1', 'ON_FORM_SUBMIT', () => ({}))).toBe(0);
    expect(runs).toEqual([
      expect.objectContaining({ handler: 'onSubmitForm', event: { triggerUid: t1.getUniqueId() } }),
    ]);
  });

  it('records requireScopes and refuses what is not emulated', () => {
    const { ScriptApp, control } = setup();
    ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, ['https://www.googleapis.com/auth/forms']);
    expect(control.requiredScopes).toEqual([{ authMode: 'FULL', scopes: ['https://www.googleapis.com/auth/forms'] }]);
    expect(ScriptApp.getOAuthToken()).toMatch(/^ya29\./);
    expect(() => (ScriptApp as unknown as { getService(): unknown }).getService()).toThrow(
      'not emulated: ScriptApp.getService',
    );
    expect(ScriptApp.getScriptId()).toBeTruthy();
  });
});
