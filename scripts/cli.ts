// What every command-line script shares: strict flag parsing and one rule for user mistakes — one clear line,
// the usage, exit code 2, never a stack trace. A stack trace is kept for what is not the user's fault (a bug).

/** A mistake of the person running the command: printed as one line plus usage, exit 2. */
export class UsageError extends Error {}

export type FlagSpec = Record<string, { type: 'string' | 'boolean'; default?: string }>;

export type Flags<S extends FlagSpec> = {
  [K in keyof S]: S[K]['type'] extends 'boolean'
    ? boolean
    : S[K]['default'] extends string
      ? string
      : string | undefined;
};

/**
 * `--name value`, `--name=value` and boolean `--name`; anything else (an unknown flag, a missing value, a stray
 * word) is a UsageError naming it. `--help` is always known.
 */
export function parseFlags<S extends FlagSpec>(argv: readonly string[], spec: S): Flags<S> & { help: boolean } {
  const out: Record<string, string | boolean | undefined> = { help: false };
  for (const [name, s] of Object.entries(spec)) out[name] = s.type === 'boolean' ? false : s.default;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      out.help = true;
      continue;
    }
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new UsageError(`unexpected argument "${arg}" (flags start with --)`);
    const [, name, inline] = match;
    const s = Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined;
    if (!s) throw new UsageError(`unknown flag --${name}`);
    if (s.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      out[name] = true;
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value`);
    }
    if (inline === undefined) i += 1;
    out[name] = value;
  }
  return out as Flags<S> & { help: boolean };
}

/**
 * Runs a command's body: `--help` prints the usage (exit 0); a UsageError prints `name: message` and the usage on
 * stderr (exit 2); anything else is a bug and keeps its stack (exit 1).
 */
export async function runCommand(name: string, usage: string, body: () => number | Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${name}: ${error.message}\n\n${usage.trimEnd()}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}

/** `--help`: the usage on stdout, exit 0. */
export function printUsage(usage: string): number {
  process.stdout.write(`${usage.trimEnd()}\n`);
  return 0;
}
