// The helpers in Chromium: Catat Pengaduan records an SP4N-LAPOR! report (its fields appear with the channel) and
// lists the possible duplicate under the receipt; Agenda shows "Mungkin sama" and closes the duplicate from its
// button; Disposisi preselects the unit the category suggests; Jawaban SP4N-LAPOR! shows the text to post back and
// records the posting. axe-core finds no serious violation on any of them.
import { describe, expect, it } from 'vitest';
import { PEOPLE } from '../bundle/office';
import { LETTER, act, recordLetter, registerRow, versionOf } from '../bundle/workflowOffice';
import { seriousViolations } from './axe';
import { sidebarOffice } from './sidebarOffice';

const sidebars = sidebarOffice();
const open = (fn: string, as: string) => sidebars.open(fn, as);

describe('SP4N-LAPOR!, categories and duplicates in the sidebars (Chromium)', () => {
  it('Catat Pengaduan: the LAPOR! fields come with the channel; the receipt lists a possible duplicate', async () => {
    const first = recordLetter(sidebars.office);
    const page = await open('showRecordSidebar', PEOPLE.cs);
    expect(await page.isHidden('#laporBox')).toBe(true);
    await page.selectOption('#channel', 'SP4N-LAPOR!');
    expect(await page.isVisible('#laporBox')).toBe(true);
    expect(await page.isVisible('#categoryBox')).toBe(true);
    await page.fill('#laporId', '#10293847');
    await page.fill('#laporForwardedOn', '2026-11-27');
    await page.fill('#name', LETTER.name);
    await page.fill('#nik', LETTER.nik);
    await page.fill('#phone', LETTER.phone);
    await page.fill('#subject', LETTER.subject);
    await page.selectOption('#category', 'Koperasi');
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('#save');
    await expect.poll(() => page.isVisible('#receipt')).toBe(true);
    const reg = (await page.textContent('#rNumber')) ?? '';
    expect(registerRow(sidebars.office, reg)['Tracking ID LAPOR!']).toBe('10293847');
    await expect.poll(() => page.textContent('#rDups')).toContain(first);
    expect(await page.textContent('#rDups')).toContain('NIK sama');
    await page.close();
  });

  it('Agenda: "Mungkin sama" fills the duplicate form; saving closes it by reference', async () => {
    const main = recordLetter(sidebars.office, {
      nik: '5102015501900002',
      phone: '081211112222',
      subject: 'Dana bergulir belum cair',
    });
    const dup = recordLetter(sidebars.office, {
      nik: '5102015501900002',
      phone: '081211112222',
      subject: 'Dana bergulir kami belum cair',
    });
    const page = await open('showAgendaSidebar', PEOPLE.sekretaris);
    await page.selectOption('#picker', dup);
    await expect.poll(() => page.textContent('dd[data-field="regNumber"]')).toBe(dup);
    await expect.poll(() => page.isVisible(`#dupBox li[data-reg="${main}"]`)).toBe(true);
    expect(await page.isVisible('#form-setCategory')).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.click(`#dupBox li[data-reg="${main}"] button[data-link="markDuplicate"]`);
    expect(await page.inputValue('#duplicateOf')).toBe(main);
    await page.click('#submit-markDuplicate');
    await expect.poll(() => registerRow(sidebars.office, dup)['Status']).toBe('Selesai');
    expect(registerRow(sidebars.office, dup)['Duplikat Dari']).toBe(main);
    await page.close();
  });

  it('Disposisi preselects the unit of the category; Jawaban SP4N-LAPOR! posts the answer back', async () => {
    const reg = sidebars.office.as<{ ok: boolean; regNumber: string }>(PEOPLE.cs, 'recordComplaint', {
      ...LETTER,
      channel: 'SP4N-LAPOR!',
      letterPresent: false,
      laporId: '10293999',
      laporForwardedOn: '2026-11-30',
      category: 'UMKM',
    }).regNumber;
    expect(
      act(sidebars.office, PEOPLE.sekretaris, 'agenda', reg, 'agenda', {
        agendaNumber: 'SM-2026-0901',
        agendaDate: '2026-11-30',
      }).ok,
    ).toBe(true);
    expect(act(sidebars.office, PEOPLE.sekretaris, 'agenda', reg, 'forwardToHead', {}).ok).toBe(true);
    const head = await open('showDisposisiSidebar', PEOPLE.kadis);
    await head.selectOption('#picker', reg);
    await expect.poll(() => head.inputValue('#unit')).toBe('Bidang Usaha Kecil dan Menengah');
    expect(await head.textContent('#suggestedHint')).toContain('Disarankan menurut kategori UMKM');
    await head.fill('#instruction', 'Tindak lanjuti laporan LAPOR!.');
    await head.click('#submit-dispose');
    await expect.poll(() => registerRow(sidebars.office, reg)['Status']).toBe('Didisposisikan');
    await head.close();
    const draft = sidebars.office.as<{ ok: boolean; message: string }>(PEOPLE.ukm, 'runLetterAction', {
      regNumber: reg,
      version: versionOf(sidebars.office, reg),
      action: 'draft',
      answer: 'Pelatihan dijadwalkan ulang 10 Desember 2026.',
    });
    expect(draft.ok, draft.message).toBe(true);
    const page = await open('showLaporSidebar', PEOPLE.cs);
    await page.selectOption('#picker', reg);
    await expect.poll(() => page.inputValue('#laporText')).toContain('Pelatihan dijadwalkan ulang 10 Desember 2026.');
    expect(await page.getAttribute('#laporLink', 'href')).toBe('https://www.lapor.go.id/pengaduan/10293999');
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('#submit-postToLapor');
    await expect.poll(() => registerRow(sidebars.office, reg)['Status']).toBe('Selesai');
    await expect.poll(() => page.textContent('#laporPostedInfo')).toContain('Sudah disampaikan ke LAPOR!');
    await page.close();
  });
});
