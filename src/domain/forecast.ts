// The forecast by step: from the audit log, how many working days each step of the letter path typically takes per
// unit; for each open complaint, the steps left against the working days left; and the step where most are stuck.
import { ACTION_LABELS } from '../messages/domain';
import type { WorkingCalendar } from './calendar';
import { isClosed, type Complaint } from './complaint';
import { median } from './report';
import { sameUnit } from './roles';
import { compareDayKeys, dayKeyOf, type DayKey } from './time';

/** The letter path's steps, in order; each is what a complaint waits on in its status. */
export const STEPS = ['agenda', 'disposition', 'followUp', 'draft', 'signature', 'delivery'] as const;
export type Step = (typeof STEPS)[number];

/** Below this many observations for a unit, the agency-wide figure of the step is used. */
export const MIN_OBSERVATIONS = 3;

/** One audit row as the forecast needs it. */
export interface StepEvent {
  at: Date;
  action: string;
  regNumber: string;
}

export interface Observation {
  step: Step;
  unit: string;
  days: number;
}

/** The step each audit action ends ('Dicatat' ends nothing and starts the agenda). */
const TRANSITIONS: Record<string, { ends: Step | null; starts: Step | null }> = {
  [ACTION_LABELS.agenda]: { ends: 'agenda', starts: 'disposition' },
  [ACTION_LABELS.dispose]: { ends: 'disposition', starts: 'followUp' },
  [ACTION_LABELS.draftReply]: { ends: 'followUp', starts: 'draft' },
  [ACTION_LABELS.submitForSignature]: { ends: 'draft', starts: 'signature' },
  [ACTION_LABELS.sign]: { ends: 'signature', starts: 'delivery' },
  [ACTION_LABELS.deliver]: { ends: 'delivery', starts: null },
  [ACTION_LABELS.returnToUnit]: { ends: null, starts: 'followUp' },
  [ACTION_LABELS.reopen]: { ends: null, starts: 'followUp' },
};

/** What a complaint in this status waits on (letter path only; a walk-in has no such steps). */
export function waitingStep(c: Complaint): Step | null {
  if (c.channel === 'Tatap Muka' || isClosed(c.status)) return null;
  switch (c.status) {
    case 'Diterima':
      return 'agenda';
    case 'Diagendakan':
    case 'Menunggu Disposisi':
      return 'disposition';
    case 'Didisposisikan':
    case 'Ditindaklanjuti':
      return 'followUp';
    case 'Konsep Jawaban':
      return 'draft';
    case 'Menunggu Tanda Tangan':
      return c.signedBy === '' ? 'signature' : 'delivery';
    default:
      return null;
  }
}

interface Walk {
  observations: Observation[];
  /** When the step the complaint is now in began, by registration number. */
  currentStart: Map<string, Date>;
  /** The step the log says the complaint is in now (null once delivered). */
  currentStep: Map<string, Step | null>;
}

/**
 * Replays each complaint's audit rows: a step begins with the action that ends the one before and lasts, in working
 * days, until the action that ends it (same day = 0). Draft edits, notes and extensions end nothing.
 */
export function walkEvents(events: readonly StepEvent[], complaints: readonly Complaint[], cal: WorkingCalendar): Walk {
  const unitOf = new Map(complaints.map((c) => [c.regNumber, c.unit]));
  const received = new Map(complaints.map((c) => [c.regNumber, c.receivedAt]));
  const byNumber = new Map<string, StepEvent[]>();
  for (const e of events) {
    if (e.regNumber === '' || !received.has(e.regNumber)) continue;
    const list = byNumber.get(e.regNumber) ?? [];
    list.push(e);
    byNumber.set(e.regNumber, list);
  }
  const observations: Observation[] = [];
  const currentStart = new Map<string, Date>();
  const currentStep = new Map<string, Step | null>();
  for (const [reg, list] of byNumber) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime());
    let step: Step | null = 'agenda';
    // The agenda waits from the receipt; a row read without its receipt time starts at its first log row.
    const receipt = received.get(reg);
    let start: Date = receipt && !Number.isNaN(receipt.getTime()) && receipt.getTime() > 0 ? receipt : list[0].at;
    for (const e of list) {
      const t = TRANSITIONS[e.action];
      if (!t) continue;
      if (t.ends !== null && t.ends !== step) continue; // e.g. a second draft while already drafting
      if (t.ends !== null && step !== null) {
        observations.push({
          step,
          unit: unitOf.get(reg) ?? '',
          days: cal.workingDaysBetween(dayKeyOf(start), dayKeyOf(e.at)),
        });
      }
      step = t.starts;
      start = e.at;
    }
    currentStart.set(reg, start);
    currentStep.set(reg, step);
  }
  return { observations, currentStart, currentStep };
}

/** Working days, or null when the step was never seen in the log (no history, no forecast). */
export type Typical = (step: Step, unit: string) => number | null;

/** The median working days of a step for a unit (3+ observations), else for the agency, else null. */
export function typicalDays(observations: readonly Observation[]): Typical {
  const agency = new Map<Step, number[]>();
  for (const o of observations) agency.set(o.step, [...(agency.get(o.step) ?? []), o.days]);
  return (step, unit) => {
    const own = unit === '' ? [] : observations.filter((o) => o.step === step && sameUnit(o.unit, unit));
    if (own.length >= MIN_OBSERVATIONS) return median(own.map((o) => o.days));
    return median(agency.get(step) ?? []);
  };
}

export interface StepForecast {
  complaint: Complaint;
  row: number;
  step: Step;
  /** Working days the complaint has been waiting on this step. */
  waited: number;
  /** Working days still needed: what is left of this step plus the typical days of every later step. */
  needed: number;
  /** Working days from today to the deadline. */
  left: number;
}

export interface Bottleneck {
  step: Step;
  /** Open complaints waiting on this step longer than `threshold`. */
  count: number;
  threshold: number;
}

export interface Forecast {
  /** Open, not yet overdue, and needing more working days than are left: most days short first. */
  late: StepForecast[];
  bottleneck: Bottleneck | null;
}

/**
 * The forecast for `today`. A complaint "akan terlambat" when the typical days of the steps it still has to go through
 * (the current one less the days already spent on it, never below 0) exceed the working days to its deadline.
 * The bottleneck is the step with the most open complaints waiting longer than the step typically takes (at least
 * 1 working day), when at least two complaints wait there.
 */
export function forecastByStep(
  stored: readonly { row: number; complaint: Complaint }[],
  events: readonly StepEvent[],
  today: DayKey,
  cal: WorkingCalendar,
): Forecast {
  const complaints = stored.map((s) => s.complaint);
  const walk = walkEvents(events, complaints, cal);
  const typical = typicalDays(walk.observations);
  // The bottleneck sentence names one figure per step: the agency's typical days (at least 1).
  const thresholdOf = (step: Step) => Math.max(1, Math.round(typical(step, '') ?? 0));
  const late: StepForecast[] = [];
  const stuck = new Map<Step, number>();
  for (const { row, complaint: c } of stored) {
    let step = waitingStep(c);
    // Signed or not: the daily run reads only some columns, the log knows whether the signature step has ended.
    const logged = walk.currentStep.get(c.regNumber);
    if (step === 'signature' && logged === 'delivery') step = 'delivery';
    if (step === null || c.deadline === '') continue;
    const start = walk.currentStart.get(c.regNumber) ?? c.receivedAt;
    const waited = Math.max(0, cal.workingDaysBetween(dayKeyOf(start), today));
    if (typical(step, '') !== null && waited > thresholdOf(step)) stuck.set(step, (stuck.get(step) ?? 0) + 1);
    if (compareDayKeys(c.deadline, today) < 0) continue; // already late: the digest lists it as such
    const days = STEPS.slice(STEPS.indexOf(step)).map((s) => typical(s, c.unit));
    if (days.some((d) => d === null)) continue; // a step never seen yet: nothing to forecast from
    const [current, ...later] = days as number[];
    const needed = Math.max(0, current - waited) + later.reduce((n, d) => n + d, 0);
    const left = cal.workingDaysBetween(today, c.deadline);
    if (needed > left) late.push({ complaint: c, row, step, waited, needed, left });
  }
  late.sort(
    (a, b) => b.needed - b.left - (a.needed - a.left) || (a.complaint.regNumber < b.complaint.regNumber ? -1 : 1),
  );
  let bottleneck: Bottleneck | null = null;
  for (const step of STEPS) {
    const count = stuck.get(step) ?? 0;
    if (count >= 2 && (bottleneck === null || count > bottleneck.count)) {
      bottleneck = { step, count, threshold: thresholdOf(step) };
    }
  }
  return { late, bottleneck };
}
