// Headless Chromium driven by playwright-core. The binary comes from the npm package @sparticuz/chromium
// (it ships Chromium inside the package, so `npm ci` is all a machine needs); CHROMIUM_PATH overrides it.
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

/** `lang`: the browser's own language (date fields follow it, not the page), e.g. 'id' for the guide's screenshots. */
export async function launchChromium(lang?: string): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? (await sparticuz.executablePath());
  return chromium.launch({
    executablePath,
    headless: true,
    // Chromium on Linux takes its UI language (date fields' format) from the environment.
    ...(lang ? { env: { ...process.env, LANGUAGE: lang, LANG: `${lang}_ID.UTF-8` } } : {}),
    // Our own flags, not the package's (those are tuned for one-page serverless runs: --single-process).
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(lang ? [`--lang=${lang}`] : []),
    ],
  });
}
