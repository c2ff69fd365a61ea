// The public web app (doGet, deployed "execute as me, anyone"): the status page and the rating page, and the two
// functions those pages call through google.script.run. Nobody here is signed in: no team role is ever granted.
import { readSplitIds } from '../gas/workbook';
import { feedbackState, ratingPageState, submitRating, type RatingPayload, type RatingResult } from '../app/feedback';
import { escapeHtml, jsonForScript } from '../lib/html';
import { diagnosticsPage } from '../diagnostics/webAppPage';
import { DEFAULT_SETTINGS, type Settings } from '../app/settings';
import { lookupStatus, lostReceiptContact, publicAgencyName, type LookupResult } from '../app/status';
import { ACCESS_CODE_LENGTH, formatNumber } from '../domain/numbering';
import { witaParts } from '../domain/time';
import { RatingsSheet } from '../gas/ratingsSheet';
import { CacheThrottle, VERIFICATION_PREFIX } from '../gas/throttle';
import { LetterRegisterSheet } from '../gas/letterRegister';
import { verifyLetter, type VerifyResult } from '../app/verification';
import { VERIFY } from '../messages/verification';
import { PUBLIC, PUBLIC_HELP, STATS } from '../messages/public';
import { parseYear, statisticsPage } from '../app/publicStats';
import { ScriptStatsCache } from '../gas/statsCache';
import { LockBusyError } from '../ports';
import { ANYONE, messageOf, run, scriptSigner, type Services } from './wiring';
import {
  ATTACH_PAGE,
  FILE_ROUTE,
  ticketValid,
  uploadAttachment,
  uploadPageState,
  type UploadPayload,
  type UploadResult,
} from '../app/attachments';
import { DriveAttachmentFiles, ScriptPropertiesAttachmentIndex } from '../gas/attachments';
import { ATTACH } from '../messages/attachments';
import { MAX_FILES_PER_COMPLAINT } from '../domain/attachments';

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type TextOutput = GoogleAppsScript.Content.TextOutput;

function ratings(ctx: Services): RatingsSheet | null {
  return ctx.workbook.has('ratings') ? new RatingsSheet(ctx.workbook.sheet('ratings')) : null;
}

/** The settings, or the defaults when the sheet cannot be read: a public page always renders. */
function settingsOf(ctx: Services): Settings {
  try {
    return ctx.settings();
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** The agency with its regency, for every public page's header. */
function agencyName(ctx: Services): string {
  return publicAgencyName(settingsOf(ctx));
}

/** What both public pages show around the form: the agency with its regency, and the help texts. */
function pageBoot(ctx: Services): Record<string, string> {
  const s = settingsOf(ctx);
  return {
    agency: agencyName(ctx),
    contact: lostReceiptContact(s),
    codeHelp: PUBLIC_HELP.codeShape(ACCESS_CODE_LENGTH, 'K7M3QX'),
    numberHelp: PUBLIC_HELP.numberShape(formatNumber(s.regPattern, { year: witaParts(ctx.now).year, seq: 1 })),
  };
}

function render(
  file: 'Status' | 'Rating' | 'Verifikasi' | 'Statistik' | 'Lampiran',
  title: string,
  boot: Record<string, unknown>,
): HtmlOutput {
  const template = HtmlService.createTemplateFromFile(file);
  template.boot = jsonForScript(boot);
  return template.evaluate().setTitle(title).addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

/** A page a member of the public can read when the register cannot be reached from the web app. */
function unavailablePage(): HtmlOutput {
  console.error('Dumas web app: SpreadsheetApp.getActiveSpreadsheet() is null here; the status page cannot work.');
  return HtmlService.createHtmlOutput(
    `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="font-family:Arial,sans-serif;margin:24px">` +
      `<h1>${escapeHtml(PUBLIC.statusTitle)}</h1><p>${escapeHtml(PUBLIC.webAppUnavailable)}</p></body></html>`,
  )
    .setTitle(PUBLIC.statusTitle)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

/**
 * The router: `?halaman=nilai&no=…&t=…` is the rating page, `?halaman=verifikasi&kode=…` the letter verification
 * page (the link and QR printed on every letter); anything else is the status page.
 */
export function handleGet(event: GoogleAppsScript.Events.DoGet | undefined): HtmlOutput | TextOutput {
  const p = event?.parameter ?? {};
  if (p.halaman === 'diagnostik') return diagnosticsPage(p);
  // Server to server, from a member's execution: needs no spreadsheet (the index and the secret are the script's).
  if (p.halaman === FILE_ROUTE) return fileRoute(p);
  // The getActive… methods are documented for menus, sidebars and triggers; a web app may get null (see README).
  // The split deployment's core is standalone: it opens its vault and office by id (workbook.ts).
  if (SpreadsheetApp.getActiveSpreadsheet() === null && readSplitIds() === null) return unavailablePage();
  return run(ANYONE, (ctx) => route(ctx, p));
}

function route(ctx: Services, p: Record<string, string>): HtmlOutput {
  // Before the other pages' boot: a cached visit reads no sheet at all.
  if (p.halaman === 'statistik') return statisticsRoute(ctx, p.tahun);
  const common = pageBoot(ctx);
  if (p.halaman === 'nilai') {
    let state;
    try {
      const store = ratings(ctx);
      state = store
        ? ratingPageState({ register: ctx.register(), ratings: store, signer: ctx.signer() }, p.no, p.t)
        : { state: 'invalid' as const, message: PUBLIC.unavailable };
    } catch (error) {
      console.error(error);
      state = { state: 'invalid' as const, message: PUBLIC.unavailable };
    }
    return render('Rating', PUBLIC.ratingTitle, {
      ...common,
      token: state.state === 'open' ? String(p.t) : '',
      ...state,
    });
  }
  if (p.halaman === ATTACH_PAGE) return attachRoute(ctx, p);
  if (p.halaman === 'verifikasi') {
    // Only the agency: the status page's help (an example registration number) does not belong on this page.
    return render('Verifikasi', VERIFY.title, {
      agency: common.agency,
      code: typeof p.kode === 'string' ? p.kode.slice(0, 20) : '',
    });
  }
  const base = settingsOf(ctx).statusPageUrl.trim();
  return render('Status', PUBLIC.statusTitle, {
    ...common,
    statsUrl: `${base}${base.includes('?') ? '&' : '?'}halaman=statistik`,
    regNumber: typeof p.no === 'string' ? p.no.slice(0, 40) : '',
  });
}

/** The public statistics (`?halaman=statistik&tahun=YYYY`): the day's cached figures, or computed once and cached. */
function statisticsRoute(ctx: Services, rawYear: unknown): HtmlOutput {
  const thisYear = witaParts(ctx.now).year;
  try {
    const { view } = statisticsPage(ctx.now, parseYear(rawYear, thisYear), new ScriptStatsCache(), {
      agency: () => agencyName(ctx),
      baseUrl: () => settingsOf(ctx).statusPageUrl.trim(),
      complaints: () =>
        ctx
          .register()
          .loadAll()
          .map((s) => s.complaint),
      ratings: () => ratings(ctx)?.all() ?? [],
      calendar: () => ctx.calendar(),
      units: () => ctx.unitNames(),
    });
    return render('Statistik', STATS.title, { ...view });
  } catch (error) {
    console.error(error);
    return render('Statistik', STATS.title, { agency: '', unavailable: PUBLIC.unavailable });
  }
}

/** google.script.run from the verification page: a code → the sent letter's public facts, or one neutral answer. */
export function checkLetter(code: unknown): VerifyResult {
  return run(
    ANYONE,
    (ctx) => {
      if (!ctx.workbook.has('letters')) return { ok: false, message: VERIFY.unavailable };
      const letters = new LetterRegisterSheet(ctx.workbook.sheet('letters'));
      return verifyLetter(
        { findByCode: (c) => letters.findByCode(c), throttle: new CacheThrottle(ctx.now, VERIFICATION_PREFIX) },
        code,
        { notFound: VERIFY.notFound, throttled: VERIFY.throttled },
      );
    },
    () => ({ ok: false, message: VERIFY.unavailable }), // logged by the boundary; the public sees one sentence
  );
}

/** google.script.run from the status page. */
export function checkStatus(regNumber: unknown, code: unknown): LookupResult {
  return run(
    ANYONE,
    (ctx) => lookUp(ctx, regNumber, code),
    () => ({ ok: false, message: PUBLIC.unavailable }),
  );
}

function lookUp(ctx: Services, regNumber: unknown, code: unknown): LookupResult {
  const store = ratings(ctx);
  return lookupStatus(
    {
      now: ctx.now,
      calendar: () => ctx.calendar(),
      find: (n) => ctx.register().find(n)?.complaint ?? null,
      feedbackOf: (c) => (store && c.status === 'Selesai' ? feedbackState(store.all(), c) : 'none'),
      throttle: new CacheThrottle(ctx.now),
    },
    regNumber,
    code,
    { notFound: PUBLIC.notFound, throttled: PUBLIC.throttled },
  );
}

/** google.script.run from the rating page. */
export function sendRating(payload: RatingPayload): RatingResult {
  return run(
    ANYONE,
    (ctx) => rate(ctx, payload),
    (_message, error) => ({
      ok: false,
      message: error instanceof LockBusyError ? PUBLIC.busy : PUBLIC.failed,
      errors: {},
    }),
  );
}

function rate(ctx: Services, payload: RatingPayload): RatingResult {
  const store = ratings(ctx);
  if (!store) return { ok: false, message: PUBLIC.unavailable, errors: {} };
  return submitRating(
    {
      now: ctx.now,
      settings: ctx.settings(),
      register: ctx.register(),
      ratings: store,
      audit: ctx.audit(),
      notifier: ctx.notifier(),
      lock: ctx.lock(),
      signer: ctx.signer(),
      registerUrl: ctx.workbook.url(),
    },
    payload ?? {},
  );
}

// ------------------------------------------------------------------ attachments by signed link

/** `?halaman=lampiran&no=…&t=…`: the upload page, or the one sentence why the link does not work. */
function attachRoute(ctx: Services, p: Record<string, string>): HtmlOutput {
  let state;
  try {
    state = uploadPageState(
      {
        now: ctx.now,
        settings: ctx.settings(),
        find: (n) => ctx.register().find(n)?.complaint ?? null,
        signer: ctx.signer(),
        index: new ScriptPropertiesAttachmentIndex(),
      },
      p.no,
      p.t,
    );
  } catch (error) {
    console.error(error);
    state = { state: 'refused' as const, agency: agencyName(ctx), message: ATTACH.unavailable };
  }
  return render('Lampiran', ATTACH.title, { ...state });
}

/** google.script.run from the upload page: one file (base64) for a signed link. */
export function addAttachment(payload: UploadPayload): UploadResult {
  return run(
    ANYONE,
    (ctx) =>
      uploadAttachment(
        {
          now: ctx.now,
          settings: ctx.settings(),
          find: (n) => ctx.register().find(n)?.complaint ?? null,
          signer: ctx.signer(),
          index: new ScriptPropertiesAttachmentIndex(),
          files: new DriveAttachmentFiles(ctx.settings().attachmentsFolderId),
          lock: ctx.lock(),
          audit: ctx.audit(),
          decodeBase64: (text) => Utilities.base64Decode(text),
        },
        payload ?? {},
      ),
    (_message, error) => ({
      ok: false,
      message: error instanceof LockBusyError ? ATTACH.busy : ATTACH.failed,
      count: 0,
      max: MAX_FILES_PER_COMPLAINT,
    }),
  );
}

/**
 * `?halaman=berkas&no=…&n=…&s=…&t=…`: one file's bytes for a member's execution that signed the ticket after its
 * permission check (server/attachments.ts). Anything else gets `{"ok":false}` and no hint why.
 */
function fileRoute(p: Record<string, string>): TextOutput {
  const answer = (body: Record<string, unknown>) =>
    ContentService.createTextOutput(JSON.stringify(body)).setMimeType(ContentService.MimeType.JSON);
  try {
    const reg = String(p.no ?? '');
    const seq = Number(p.n);
    if (!ticketValid(scriptSigner(), new Date(), reg, seq, Number(p.s), p.t)) return answer({ ok: false });
    const file = new ScriptPropertiesAttachmentIndex().list(reg).find((f) => f.seq === seq);
    if (!file) return answer({ ok: false });
    return answer({ ok: true, base64: new DriveAttachmentFiles('').base64(file.fileId) });
  } catch (error) {
    messageOf(error); // logged without personal data
    return answer({ ok: false });
  }
}
