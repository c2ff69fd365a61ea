// onOpen is a simple trigger: Google hides the signed-in email there from consumer accounts and other domains.
// Staff must still reach their role's menu (through one click that runs with their authorization).
import { describe, expect, it } from 'vitest';
import { MENU, TEXT } from '../../src/messages/ui';
import { openOffice, PEOPLE, type Office } from './office';

function captions(office: Office): string[] {
  return (office.emu.ui.menu('Dumas')?.items ?? []).map((i) => ('caption' in i ? i.caption : '—'));
}

/** The alerts shown from now on (setup's own alerts came before). */
function alertsFrom(office: Office): () => string[] {
  const start = office.emu.ui.alerts.length;
  return () => office.emu.ui.alerts.slice(start).map((a) => a.message);
}

describe('the Dumas menu when onOpen cannot see the email', () => {
  it('offers "Tampilkan Menu Saya", and that click builds the role menu', () => {
    const office = openOffice();
    office.emu.setUser(PEOPLE.koperasi);
    office.emu.session.setActiveUserEmail(''); // simple trigger, consumer account: no email
    office.emu.open();
    expect(captions(office)).toEqual([MENU.loadMine, MENU.about]);

    const alerts = alertsFrom(office);
    office.as(PEOPLE.koperasi, 'showMyMenu'); // the click runs with the person's own authorization: email visible
    const menu = office.emu.ui.menu('Dumas')?.items ?? [];
    expect(menu.some((i) => 'functionName' in i && i.functionName === 'showTindakLanjutSidebar')).toBe(true);
    expect(captions(office)).not.toContain(MENU.loadMine);
    expect(alerts()).toEqual([]);
  });

  it('still says "not registered" to an email Google shows but the Tim sheet lacks', () => {
    const office = openOffice();
    office.emu.setUser(PEOPLE.stranger);
    office.emu.open();
    expect(captions(office)).toEqual([MENU.unknownUser]);
    const alerts = alertsFrom(office);
    office.as(PEOPLE.stranger, 'showMyMenu');
    expect(alerts()).toEqual([TEXT.unknownUser]);
  });

  it('explains what to do when even the click gets no email', () => {
    const office = openOffice();
    office.emu.setUser(PEOPLE.cs);
    office.emu.session.setActiveUserEmail('');
    const alerts = alertsFrom(office);
    office.bundle.call('showMyMenu');
    expect(alerts()).toEqual([TEXT.emailHidden]);
  });
});
