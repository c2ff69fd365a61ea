// The Google adapters of one execution, read from the workbook lazily: each table costs one read, and only when used.
// Only the wiring module (server/wiring.ts) makes one; it adds the use cases' dependencies, guards and error messages.
import { DEFAULT_CALENDAR_SETTINGS, WorkingCalendar } from '../domain/calendar';
import { parseHolidays } from '../app/holidayTable';
import { parseSettings, type Settings } from '../app/settings';
import { findMember, parseTeam, parseUnits, TEAM_HEADERS, UNIT_HEADERS, type TeamMember, type Unit } from '../app/team';
import { Notifier } from '../app/notifier';
import { AuditSheet } from './auditSheet';
import { ScriptLock } from './lock';
import { GasMailer } from './mailer';
import { MailChannel } from './mailChannel';
import { OutboxMailer } from './outbox';
import { RegisterReader } from './registerReads';
import { IndexedRegisterSheet } from './monitoringIndex';
import { readRegisterLayout } from './registerLayout';
import { RegisterView } from './registerView';
import { Workbook } from './workbook';
import { AuditUnwritableError, type MailPort } from '../ports';
import { TEXT } from '../messages/ui';

/** A value made on first use, then kept for the execution. */
export function memo<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

export class GasContext {
  readonly workbook: Workbook;
  readonly now: Date;

  /**
   * `queueMail`: a person waits on this execution through the shell (the core answering a web-app call), so its mail
   * goes to the outbox (gas/outbox.ts) and a one-off trigger sends it a second later.
   */
  constructor(
    workbook = new Workbook(),
    protected readonly queueMail = false,
  ) {
    this.workbook = workbook;
    this.now = new Date();
  }

  readonly settings = memo((): Settings => parseSettings(this.workbook.rows('settings', 2)));
  readonly team = memo((): TeamMember[] => parseTeam(this.workbook.rows('team', TEAM_HEADERS.length)));
  readonly units = memo((): Unit[] => parseUnits(this.workbook.rows('units', UNIT_HEADERS.length)));
  readonly calendar = memo((): WorkingCalendar => {
    const s = this.settings();
    return new WorkingCalendar(parseHolidays(this.workbook.rows('holidays', 4)), {
      ...DEFAULT_CALENDAR_SETTINGS,
      officeStart: s.officeStart,
      officeEnd: s.officeEnd,
      enabledKinds: {
        nasional: s.holidaysNational,
        cuti_bersama: s.holidaysCutiBersama,
        hari_suci_bali: s.holidaysBali,
      },
    });
  });
  /** Where each Dumas column sits in the register: one read of its header row per execution, when first needed. */
  readonly registerLayout = memo(() => readRegisterLayout(this.workbook.sheet('register')));
  /** Marks the rows of open complaints it writes, for Pemantauan's index (monitoringIndex.ts). */
  readonly register = memo(
    () =>
      new IndexedRegisterSheet(
        this.workbook.sheet('register'),
        this.registerLayout,
        () => this.settings().regPattern,
        this.view(),
      ),
  );
  /** The office's register view, written with every register row (split deployment only; else null). */
  readonly view = memo(() =>
    this.workbook.split && this.workbook.has('registerView')
      ? new RegisterView(this.workbook.sheet('registerView'))
      : null,
  );
  /** Partial reads of the register for read-only views (watch, monitoring, report). */
  readonly reader = memo(() => new RegisterReader(this.workbook.sheet('register'), this.registerLayout));
  readonly audit = memo(() => new AuditSheet(this.workbook.sheet('audit')));
  readonly mailer = memo((): MailPort => {
    const direct = new GasMailer(`Dumas ${this.settings().agencyName}`);
    return this.queueMail ? new OutboxMailer(direct, () => this.now.getTime()) : direct;
  });
  /** Every notice goes through here: the channels, one line each (README, *Notifications*: adding one). */
  readonly notifier = memo(() => {
    // Read when an audience needs them: a notice to the leader never reads the "Unit" sheet.
    const { team, units } = this;
    const directory = {
      get team() {
        return team();
      },
      get units() {
        return units();
      },
    };
    return new Notifier(directory, [new MailChannel(this.mailer(), this.settings().agencyEmail)]);
  });
  /**
   * Every register change happens under this lock and appends its audit row there, as the person acting: so the
   * lock first makes sure that person may write the protected audit log, and refuses before anything is written.
   */
  readonly lock = memo(() => new ScriptLock(() => this.auditWritable()));
  private readonly auditWritable = memo((): true => {
    // Split deployment: the vault is the core's owner's, shared with no one, and the core runs as that owner: its
    // audit sheet has no protection to be missing from (two calls saved on every action).
    if (this.workbook.split) return true;
    if (!this.audit().canAppend()) throw new AuditUnwritableError(TEXT.auditNotEditor(this.userEmail()));
    return true;
  });

  /** The signed-in user (lower case), or '' when Google does not reveal it (consumer accounts across domains). */
  userEmail(): string {
    return Session.getActiveUser().getEmail().trim().toLowerCase();
  }

  /** The signed-in user as a team member, or undefined for someone not in the "Tim" sheet. */
  actor(): TeamMember | undefined {
    return findMember(this.team(), this.userEmail());
  }
}
