// Logger and console for the bundle: every line is recorded with its level for tests to read.
import { format } from 'node:util';
import type { EmuContext } from './core/context';
import { expose } from './core/expose';

export type LogLevel = 'logger' | 'log' | 'info' | 'warn' | 'error' | 'debug';

export interface LogLine {
  level: LogLevel;
  message: string;
  at: string;
}

function render(args: unknown[]): string {
  // Objects print as JSON, as the Apps Script execution log shows them.
  const shown = args.map((a) => (a !== null && typeof a === 'object' && !(a instanceof Error) ? JSON.stringify(a) : a));
  return format(...shown);
}

export function createLogger(ctx: EmuContext): {
  global: { Logger: GoogleAppsScript.Base.Logger; console: Console };
  control: { lines: LogLine[]; clear(): void };
} {
  const lines: LogLine[] = [];
  let loggerBuffer: string[] = [];
  const record = (level: LogLevel, message: string): void => {
    lines.push({ level, message, at: new Date(ctx.clock.now()).toISOString() });
  };
  const loggerImpl = {
    log(data: unknown, ...values: unknown[]) {
      const message = render([data, ...values]);
      loggerBuffer.push(message);
      record('logger', message);
      return loggerImpl;
    },
    getLog(): string {
      return loggerBuffer.join('\n');
    },
    clear(): void {
      loggerBuffer = [];
    },
  };
  const consoleImpl = {
    log: (...a: unknown[]) => record('log', render(a)),
    info: (...a: unknown[]) => record('info', render(a)),
    warn: (...a: unknown[]) => record('warn', render(a)),
    error: (...a: unknown[]) => record('error', render(a)),
    debug: (...a: unknown[]) => record('debug', render(a)),
  };
  const Logger = expose(ctx.calls, 'Logger', loggerImpl, { default: 'local' });
  const console = expose(ctx.calls, 'console', consoleImpl, { default: 'local' }) as unknown as Console;
  return { global: { Logger, console }, control: { lines, clear: () => (lines.length = 0) } };
}
