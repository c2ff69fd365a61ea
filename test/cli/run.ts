// Runs a script of this repository the way npm does (node --import tsx, from the repository root) and collects
// what a person would see.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return spawned(process.execPath, ['--import', 'tsx', script, ...args], env);
}

/** `npm run NAME -- ARGS`, exactly as the README gives it (npm's own lines go to stdout). */
export function runNpm(name: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return spawned('npm', ['run', '--silent', name, '--', ...args], env);
}

function spawned(command: string, args: string[], env: Record<string, string>): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A user mistake: exit 2, one line naming it, then the usage, and never a stack frame. */
export function mistakeLine(ran: Ran): string {
  const lines = ran.stderr.trimEnd().split('\n');
  if (ran.code !== 2) throw new Error(`expected exit 2, got ${ran.code}: ${ran.stderr}${ran.stdout}`);
  if (/^\s+at .+/m.test(ran.stderr + ran.stdout)) throw new Error(`stack trace printed:\n${ran.stderr}`);
  if (lines[1] !== '' || !lines[2]?.startsWith('usage:')) throw new Error(`no usage after one line:\n${ran.stderr}`);
  return lines[0];
}
