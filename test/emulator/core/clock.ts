// The simulated clock: the bundle reads time only through it (its `Date` is SimDate).
export class SimClock {
  private ms: number;

  constructor(start: Date | string | number = '2026-01-05T09:00:00+08:00') {
    this.ms = new Date(start).getTime();
    if (Number.isNaN(this.ms)) throw new Error(`SimClock: invalid start ${String(start)}`);
  }

  now(): number {
    return this.ms;
  }

  set(when: Date | string | number): void {
    const ms = new Date(when).getTime();
    if (Number.isNaN(ms)) throw new Error(`SimClock: invalid time ${String(when)}`);
    this.ms = ms;
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error('SimClock: time does not go backwards');
    this.ms += ms;
  }
}

/**
 * A `Date` for the bundle's context whose "now" is the simulated clock. It subclasses the
 * host Date, so the emulator's dates and the bundle's are the same class: `instanceof Date`
 * holds on both sides of the vm boundary.
 */
export type SimDateConstructor = DateConstructor & { readonly clock: SimClock };

export function makeSimDate(clock: SimClock): SimDateConstructor {
  class SimDate extends Date {
    static readonly clock = clock;
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.now());
      else super(...(args as [number]));
    }
    static override now(): number {
      return clock.now();
    }
  }
  // Calling Date() without `new` returns a string of "now", as in any JS engine.
  const callable = new Proxy(SimDate, {
    apply: () => new SimDate().toString(),
  });
  return callable as unknown as SimDateConstructor;
}
