// Debian's headless Chromium driven by playwright-core (no browser download: /usr/bin/chromium is apt-installed).
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Saves a screenshot for the staff guide (docs/img/NAME.png) when run with SCREENSHOTS=1
 * (`SCREENSHOTS=1 npx vitest run test/browser`); an ordinary test run writes nothing.
 */
export async function snapForGuide(page: import('playwright-core').Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  await page.setViewportSize({ width: 320, height: 900 });
  await page.screenshot({ path: `docs/img/${name}.png`, fullPage: true });
}
