// Canned replies in Chromium: Tindak Lanjut and Surat Jawaban list the "Templat Jawaban" titles; "Pakai" puts the text
// filled for the complaint into the form, to edit and save.
import { describe, expect, it } from 'vitest';
import { PEOPLE } from '../bundle/office';
import { LETTER, letterAt, registerRow } from '../bundle/workflowOffice';
import { seriousViolations } from './axe';
import { sidebarOffice } from './sidebarOffice';

const sidebars = sidebarOffice();
const open = (fn: string, as: string) => sidebars.open(fn, as);

describe('Templat Jawaban in the sidebars (Chromium)', () => {
  it('Tindak Lanjut: the unit picks a template; the note is filled for the complaint and saved as edited', async () => {
    const reg = letterAt(sidebars.office, 'Ditindaklanjuti');
    const page = await open('showTindakLanjutSidebar', PEOPLE.koperasi);
    await page.selectOption('#picker', reg);
    await expect.poll(() => page.textContent('dd[data-field="regNumber"]')).toBe(reg);
    expect(await page.isVisible('#tplRow')).toBe(true);
    expect(await page.$$eval('#tplPick option', (os) => os.map((o) => o.textContent))).toEqual([
      '— pilih templat —',
      'Sudah ditindaklanjuti',
      'Mohon kelengkapan data',
    ]);
    await page.selectOption('#tplPick', 'Sudah ditindaklanjuti');
    await page.click('#tplUse');
    await expect.poll(() => page.inputValue('#followUpNote')).toContain(`pengaduan ${LETTER.name} nomor ${reg}`);
    expect(await page.inputValue('#followUpNote')).toContain('Bidang Koperasi telah memeriksa');
    expect(await page.textContent('#tplNotice')).toContain('Templat "Sudah ditindaklanjuti" dimasukkan');
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('#followUpNote', `${await page.inputValue('#followUpNote')} Kunjungan lapangan Rabu.`);
    await page.click('#submit-followUp');
    await expect
      .poll(() => String(registerRow(sidebars.office, reg)['Catatan Tindak Lanjut']))
      .toContain('Kunjungan lapangan Rabu.');
    expect(String(registerRow(sidebars.office, reg)['Catatan Tindak Lanjut'])).toContain(`nomor ${reg}`);
    await page.close();
  });

  it('Surat Jawaban: the unit fills the answer of the draft from a template', async () => {
    const reg = letterAt(sidebars.office, 'Didisposisikan');
    const page = await open('showLetterSidebar', PEOPLE.koperasi);
    await page.selectOption('#pick', reg);
    await expect.poll(() => page.textContent('#cReg')).toBe(reg);
    expect(await page.isVisible('#tplRowS')).toBe(true);
    await page.selectOption('#tplPickS', 'Mohon kelengkapan data');
    await page.click('#tplUseS');
    await expect.poll(() => page.inputValue('#answer')).toContain(`pengaduan nomor ${reg}`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
    // Someone for whom drafting is not a step (the Kepala Dinas) is offered no templates.
    const head = await open('showLetterSidebar', PEOPLE.kadis);
    expect(await head.isHidden('#tplRowS')).toBe(true);
    await head.close();
  });
});
