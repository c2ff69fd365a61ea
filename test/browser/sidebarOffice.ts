// One office in the preview server and one Chromium for a test file: `open` shows a sidebar as a person, at Google
// Sheets' sidebar width.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openOffice, type Office } from '../bundle/office';
import { startPreview, type Preview } from '../preview/server';
import { launchChromium } from './chromium';

export interface SidebarOffice {
  /** The office, once the file's beforeAll has run. */
  readonly office: Office;
  open(fn: string, as: string): Promise<Page>;
}

export function sidebarOffice(): SidebarOffice {
  let browser: Browser | undefined;
  let preview: Preview | undefined;
  let office: Office | undefined;
  beforeAll(async () => {
    office = openOffice();
    preview = await startPreview(office);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });
  return {
    get office(): Office {
      if (!office) throw new Error('the office opens in beforeAll');
      return office;
    },
    async open(fn, as) {
      if (!browser || !preview) throw new Error('Chromium starts in beforeAll');
      const page = await browser.newPage({ viewport: { width: 300, height: 600 } });
      await page.goto(`${preview.url}/sidebar/${fn}?as=${encodeURIComponent(as)}`);
      return page;
    },
  };
}
