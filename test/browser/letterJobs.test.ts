// The "Surat Jawaban" sidebar in Chromium on the agency's deployment (the shell and the core): a draft answers at
// once ("sedang dibuat"), the page asks for the step to run and shows the outcome; a step that fails when it runs is
// said, and said again when the complaint is opened later.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Office } from '../bundle/office';
import { PEOPLE } from '../bundle/office';
import { letterAt, registerRow, versionOf } from '../bundle/workflowOffice';
import { startPreview, type Preview } from '../preview/server';
import { asOffice } from '../split/asOffice';
import { openSplitOffice, type SplitOffice } from '../split/world';
import { LETTER_UI } from '../../src/messages/letters';
import { launchChromium } from './chromium';

let browser: Browser;
let preview: Preview;
let split: SplitOffice;

/**
 * The preview server on the split deployment: a sidebar's calls go through the shell one by one, nothing run after
 * them (the queued work's trigger does not fire: only the page makes the step run), and sidebars are the shell's.
 */
function throughShell(s: SplitOffice): Office {
  const office = asOffice(s);
  const emu = new Proxy(office.emu, {
    get: (target, prop, receiver) =>
      prop === 'ui' ? s.shell.services.ui.control : (Reflect.get(target, prop, receiver) as unknown),
  });
  return { ...office, emu, as: (email, fn, ...args) => s.call(email, fn, ...args) };
}

beforeAll(async () => {
  split = openSplitOffice();
  preview = await startPreview(throughShell(split));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

async function open(as: string, reg: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 300, height: 700 } });
  const response = await page.goto(`${preview.url}/sidebar/showLetterSidebar?as=${encodeURIComponent(as)}`);
  expect(response?.status()).toBe(200);
  await page.selectOption('#pick', reg);
  await expect.poll(() => page.textContent('#cReg')).toBe(reg);
  return page;
}

describe('a letter step queued through the shell, in the sidebar', () => {
  it('the draft answers at once, then the page shows the Doc made for it', async () => {
    const reg = letterAt(split, 'Ditindaklanjuti');
    const page = await open(PEOPLE.koperasi, reg);
    await page.fill('#answer', 'Pendampingan dijadwalkan Kamis, 3 Desember 2026.');
    await page.click('#f-draft button');
    await expect.poll(() => page.textContent('#notice'), { timeout: 20_000 }).toContain(LETTER_UI.drafted(reg));
    expect(registerRow(split, reg)['Status']).toBe('Konsep Jawaban');
    // The page now offers the next step for the new status.
    await expect.poll(() => page.isVisible('#f-submit')).toBe(true);
    await page.close();
  });

  it('a step that fails when it runs is said on the page, and again when the complaint is opened', async () => {
    const reg = letterAt(split, 'Ditindaklanjuti');
    const page = await open(PEOPLE.koperasi, reg);
    // Someone acts on the complaint after this page loaded but before the step runs: the queued step is refused.
    const queued = split.call<{ ok: boolean; pending?: boolean }>(PEOPLE.koperasi, 'runLetterAction', {
      action: 'draft',
      regNumber: reg,
      version: versionOf(split, reg),
      answer: 'Jawaban pertama.',
    });
    expect(queued.pending).toBe(true);
    split.call(PEOPLE.koperasi, 'runWorkflowAction', {
      sidebar: 'tindakLanjut',
      regNumber: reg,
      version: versionOf(split, reg),
      action: 'followUp',
      input: { note: 'Ditelepon lagi.' },
    });
    const failed = split.call<{ ok: boolean; message: string }>(PEOPLE.koperasi, 'runLetterWork', reg);
    expect(failed.ok).toBe(false);
    await page.close();
    const again = await open(PEOPLE.koperasi, reg);
    await expect.poll(() => again.textContent('#notice')).toContain(LETTER_UI.jobFailed(reg, failed.message));
    await again.close();
  });
});
