// Cases for the other services the add-on relies on: Utilities.formatDate, LockService, MailApp quota, HtmlService, Forms.
import { isDate, thrownBy } from '../observe';
import type { DiagnosticCase, Json, Scratch } from '../types';

const REF = 'https://developers.google.com/apps-script/reference';
const FORMAT_DATE_DOC = `${REF}/utilities/utilities#formatDate(Date,String,String)`;
const LOCK_DOC = `${REF}/lock/lock`;
const TEMPLATES_DOC = 'https://developers.google.com/apps-script/guides/html/templates#printing_scriptlets';

// 2026-11-30 16:05:09 UTC = 2026-12-01 00:05:09 WITA: the day differs between UTC and WITA.
const LATE_EVENING_UTC = Date.UTC(2026, 10, 30, 16, 5, 9);

function formatDate(s: Scratch, zone: string, pattern: string): Json {
  return s.services.Utilities.formatDate(new Date(LATE_EVENING_UTC), zone, pattern);
}

const UTILITIES: DiagnosticCase[] = [
  {
    id: 'utilities.formatDate.wita',
    title: 'formatDate in Asia/Makassar moves past midnight (UTC+8, no daylight saving)',
    source: FORMAT_DATE_DOC,
    expected: '2026-12-01 00:05:09',
    run: (s) => formatDate(s, 'Asia/Makassar', 'yyyy-MM-dd HH:mm:ss'),
  },
  {
    id: 'utilities.formatDate.names',
    title: 'Day and month names are English (Java SimpleDateFormat, Locale.US)',
    source: 'unverified: the locale of Utilities.formatDate names',
    expected: 'Tuesday, 1 December 2026',
    run: (s) => formatDate(s, 'Asia/Makassar', 'EEEE, d MMMM yyyy'),
  },
  {
    id: 'utilities.formatDate.zone-letters',
    title: 'Zone letters Z, XXX and z in Asia/Makassar',
    source: 'unverified: Java prints WITA as the short name of Asia/Makassar',
    expected: '+0800|+08:00|WITA',
    run: (s) => formatDate(s, 'Asia/Makassar', 'Z|XXX|z'),
  },
  {
    id: 'utilities.formatDate.quoted-literal',
    title: "Quoted literal text ('pukul') passes through",
    source: FORMAT_DATE_DOC,
    expected: '01/12/2026 pukul 00.05',
    run: (s) => formatDate(s, 'Asia/Makassar', "dd/MM/yyyy 'pukul' HH.mm"),
  },
  {
    id: 'utilities.formatDate.week-year',
    title: "'YYYY' is the week year: on Monday 28 December 2026 it already reads 2027 (a classic date bug)",
    source: 'unverified: Java SimpleDateFormat, Locale.US weeks (Sunday first, week 1 holds 1 January)',
    expected: '2026|2027|1',
    run: (s) =>
      s.services.Utilities.formatDate(new Date(Date.UTC(2026, 11, 28, 2, 0, 0)), 'Asia/Makassar', 'yyyy|YYYY|w'),
  },
  {
    id: 'utilities.formatDate.unknown-zone',
    title: 'An unknown time zone falls back to GMT instead of throwing',
    source: 'unverified: Java TimeZone.getTimeZone falls back to GMT',
    expected: '2026-11-30 16:05:09',
    run: (s) => formatDate(s, 'Asia/Nowhere', 'yyyy-MM-dd HH:mm:ss'),
  },
];

const LOCKS: DiagnosticCase[] = [
  {
    id: 'lock.tryLock.free',
    title: 'tryLock on a free script lock returns true; hasLock follows releaseLock',
    source: `${LOCK_DOC}#tryLock(Integer)`,
    expected: { returned: true, hasLock: true, afterRelease: false },
    run: (s) => {
      const lock = s.services.LockService.getScriptLock();
      const returned = lock.tryLock(1000);
      const hasLock = lock.hasLock();
      lock.releaseLock();
      return { returned, hasLock, afterRelease: lock.hasLock() };
    },
  },
  {
    id: 'lock.waitLock.free',
    title: 'waitLock on a free script lock returns nothing and holds the lock',
    source: `${LOCK_DOC}#waitLock(Integer)`,
    expected: { returned: 'undefined', hasLock: true },
    run: (s) => {
      const lock = s.services.LockService.getScriptLock();
      const returned: unknown = lock.waitLock(1000);
      const hasLock = lock.hasLock();
      lock.releaseLock();
      return { returned: typeof returned, hasLock };
    },
  },
  {
    id: 'lock.two-objects-one-execution',
    title: 'Two getScriptLock() objects of one execution are one lock: neither steals it, either releases it',
    source: 'unverified: two Lock objects of one execution share the lock',
    expected: { first: true, second: true, bothHold: [true, true], afterSecondRelease: [false, false] },
    run: (s) => {
      const first = s.services.LockService.getScriptLock();
      const second = s.services.LockService.getScriptLock();
      const a = first.tryLock(1000);
      const b = second.tryLock(1000);
      const bothHold = [first.hasLock(), second.hasLock()];
      second.releaseLock();
      const afterSecondRelease = [first.hasLock(), second.hasLock()];
      first.releaseLock();
      return { first: a, second: b, bothHold, afterSecondRelease };
    },
  },
  {
    id: 'lock.busy',
    title: 'While another execution holds the lock: tryLock returns false, waitLock throws',
    source: `${LOCK_DOC}#waitLock(Integer) (message: unverified)`,
    needs: 'concurrent-execution',
    expected: {
      tryLock: false,
      waitLock: { error: 'Exception: Lock timeout: another process was holding the lock for too long.' },
    },
    run: (s) => {
      const lock = s.services.LockService.getScriptLock();
      return { tryLock: lock.tryLock(100), waitLock: thrownBy(() => lock.waitLock(100)) };
    },
  },
];

const MAIL: DiagnosticCase[] = [
  {
    id: 'mail.quota-type',
    title: 'getRemainingDailyQuota returns a whole number (no mail is sent)',
    source: `${REF}/mail/mail-app#getRemainingDailyQuota()`,
    expected: { type: 'number', integer: true, nonNegative: true },
    run: (s) => {
      const quota: unknown = s.services.MailApp.getRemainingDailyQuota();
      return {
        type: typeof quota,
        integer: Number.isInteger(quota),
        nonNegative: typeof quota === 'number' && quota >= 0,
      };
    },
  },
];

const HOSTILE = `<b>"Ayu" & 'Made'</b>`;

function evaluate(s: Scratch, source: string): Json {
  const template = s.services.HtmlService.createTemplate(source);
  (template as unknown as Record<string, unknown>).v = HOSTILE;
  return template.evaluate().getContent();
}

const HTML: DiagnosticCase[] = [
  {
    id: 'html.print-escapes',
    title: '<?= ?> escapes & < > " \' in HTML text',
    source: `${TEMPLATES_DOC} (entity choice: unverified)`,
    expected: '<p>&lt;b&gt;&quot;Ayu&quot; &amp; &#39;Made&#39;&lt;/b&gt;</p>',
    run: (s) => evaluate(s, '<p><?= v ?></p>'),
  },
  {
    id: 'html.print-in-script',
    title: '<?= ?> inside <script> prints a JavaScript literal that cannot close the element',
    source: `${TEMPLATES_DOC} (exact output: unverified)`,
    expected: '<script>var v = "\\u003cb\\u003e\\"Ayu\\" \\u0026 \'Made\'\\u003c/b\\u003e";</script>',
    run: (s) => evaluate(s, '<script>var v = <?= v ?>;</script>'),
  },
  {
    id: 'html.force-print-raw',
    title: '<?!= ?> prints without escaping',
    source: TEMPLATES_DOC,
    expected: `<p>${HOSTILE}</p>`,
    run: (s) => evaluate(s, '<p><?!= v ?></p>'),
  },
];

/** The shape of a FormResponse, described by calling its methods (never by listing properties). */
function describeResponse(response: GoogleAppsScript.Forms.FormResponse): Json {
  const items = response.getItemResponses();
  return {
    id: typeof response.getId(),
    timestamp: isDate(response.getTimestamp()) ? 'Date' : typeof response.getTimestamp(),
    respondentEmail: response.getRespondentEmail(),
    items: items.map((i) => ({
      title: i.getItem().getTitle(),
      type: String(i.getItem().getType()),
      response: String(i.getResponse()),
    })),
  };
}

const FORMS: DiagnosticCase[] = [
  {
    id: 'forms.response-shape',
    title: 'A FormResponse (made with createResponse().submit() on a scratch form): id, timestamp, items',
    source: `${REF}/forms/form-response`,
    expected: {
      response: {
        id: 'string',
        timestamp: 'Date',
        respondentEmail: '',
        items: [{ title: 'Nama', type: 'TEXT', response: 'Ni Made Ayu' }],
      },
      stored: 1,
    },
    run: (s) => {
      const form = s.newForm('Dumas — diagnostik formulir');
      const name = form.addTextItem().setTitle('Nama');
      form.addParagraphTextItem().setTitle('Uraian');
      const submitted = form.createResponse().withItemResponse(name.createResponse('Ni Made Ayu')).submit();
      return { response: describeResponse(submitted), stored: form.getResponses().length };
    },
  },
  {
    id: 'forms.submit-event-shape',
    title: 'The event of a form-bound onFormSubmit trigger: authMode, response, source, triggerUid',
    source: 'https://developers.google.com/apps-script/guides/triggers/events#form-submit',
    needs: 'form-submit-event',
    expected: {
      keys: ['authMode', 'response', 'source', 'triggerUid'],
      authMode: 'FULL',
      triggerUid: 'string',
      response: {
        id: 'string',
        timestamp: 'Date',
        respondentEmail: '',
        items: [{ title: 'Nama', type: 'TEXT', response: 'Ni Made Ayu' }],
      },
      sourceIsTheForm: true,
    },
    run: (s) => {
      const event = s.provided as GoogleAppsScript.Events.FormsOnFormSubmit;
      return {
        keys: Object.keys(event).sort(),
        authMode: String(event.authMode),
        triggerUid: typeof event.triggerUid,
        response: describeResponse(event.response),
        sourceIsTheForm:
          event.source.getItems().length === 1 && event.source.getTitle() === 'Dumas — diagnostik formulir',
      };
    },
  },
];

/** How many of an iterator's files have `id` (other files of the same name may exist in the user's Drive). */
function countId(files: GoogleAppsScript.Drive.FileIterator, id: string): number {
  let n = 0;
  while (files.hasNext()) if (files.next().getId() === id) n += 1;
  return n;
}

const DRIVE: DiagnosticCase[] = [
  {
    id: 'drive.search-excludes-trashed',
    title: 'getFilesByName (folder and whole Drive) stops returning a file once it is trashed',
    source: 'https://github.com/brucemcpherson/gas-fakes/issues/44 (report of live Apps Script)',
    expected: { before: { folder: 1, drive: 1 }, after: { folder: 0, drive: 0 } },
    run: (s) => {
      const name = 'Dumas — diagnostik berkas';
      const file = s.newTextFile(name, 'sementara');
      const folder = file.getParents().next();
      const count = () => ({
        folder: countId(folder.getFilesByName(name), file.getId()),
        drive: countId(s.services.DriveApp.getFilesByName(name), file.getId()),
      });
      const before = count();
      file.setTrashed(true);
      return { before, after: count() };
    },
  },
];

export const SERVICE_CASES: readonly DiagnosticCase[] = [...UTILITIES, ...LOCKS, ...MAIL, ...HTML, ...FORMS, ...DRIVE];
