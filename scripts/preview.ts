// `npm run preview`: the sidebars in your browser, served from the emulator with a set-up office and team.
// PORT chooses the port (default 5173; 0 = any free one). It stops with Ctrl+C, when npm is stopped, and when its
// parent process goes away, so no server is left behind.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFlags, printUsage, runCommand, UsageError } from './cli';
import { openOffice, PEOPLE } from '../test/bundle/office';
import { DEFAULT_BUILD_DIR } from '../test/emulator/loader';
import { startPreview, type Preview } from '../test/preview/server';

const DEFAULT_PORT = 5173;
const USAGE = `usage: [PORT=${DEFAULT_PORT}] npm run preview
  PORT    the port to listen on at 127.0.0.1 (default ${DEFAULT_PORT}; 0 takes any free port)
  --help  this text
Stop it with Ctrl+C.`;

function portFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new UsageError(`PORT=${raw} is not a port number (0–65535)`);
  return port;
}

/**
 * Node reads process.ppid once at start, so the parent is probed: signal 0 tells whether the pid exists, and on Linux
 * /proc tells a dead parent not yet reaped (a zombie, state Z) from a live one.
 */
function parentAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): the signal probe is all there is
  }
}

/** Closes the server and exits when told to stop or when the parent (npm) is gone, even if it died by SIGKILL. */
function stopWithParent(preview: Preview): void {
  const parent = process.ppid;
  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Dumas preview stopped (${why}).`);
    // Open keep-alive connections must not hold the process: exit once closed, or after a second at most.
    setTimeout(() => process.exit(0), 1000).unref();
    void preview.close().then(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
  setInterval(() => {
    if (!parentAlive(parent)) stop('its parent process ended');
  }, 500).unref();
}

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2), {});
  if (flags.help) return printUsage(USAGE);
  const port = portFromEnv(process.env.PORT);
  if (!existsSync(join(DEFAULT_BUILD_DIR, 'Code.js'))) {
    throw new UsageError('no build/Code.js yet: run npm run build (npm run preview does it first)');
  }
  let preview: Preview;
  try {
    preview = await startPreview(openOffice(), port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new UsageError(
        `port ${port} is already in use (another preview?); stop that one or choose another: PORT=${port + 1} npm run preview`,
      );
    }
    if (code === 'EACCES') throw new UsageError(`port ${port} may not be opened by this user; choose one above 1023`);
    throw error;
  }
  const taken = new URL(preview.url).port;
  console.log(
    `Dumas preview on port ${taken}${port === 0 ? ' (PORT=0: a free port)' : ''}, process ${process.pid}: ${preview.url}`,
  );
  console.log(`  Catat Pengaduan as CS: ${preview.url}/sidebar/showRecordSidebar?as=${encodeURIComponent(PEOPLE.cs)}`);
  console.log(`  Public status page:    ${preview.url}/app`);
  console.log('Press Ctrl+C to stop.');
  stopWithParent(preview);
  return 0;
}

await runCommand('preview', USAGE, main);
