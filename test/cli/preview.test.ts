// `npm run preview`: says which port it took, refuses a busy port or a bad PORT in one line (exit 2), and never
// outlives npm: stopping npm, even by SIGKILL, stops the server.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { mistakeLine, ROOT, runScript } from './run';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/** `npm run preview` as a person starts it; resolves once the server says where it listens. */
function npmPreview(
  onTestFinished: (fn: () => void) => void,
): Promise<{ npm: ChildProcess; url: string; port: number; server: number }> {
  const npm = spawn('npm', ['run', 'preview'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onTestFinished(() => {
    if (npm.exitCode === null && npm.signalCode === null && npm.pid) process.kill(npm.pid, 'SIGKILL');
  });
  return new Promise((resolve, reject) => {
    let out = '';
    npm.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Dumas preview on port (\d+) \(PORT=0: a free port\), process (\d+): (http:\S+)/.exec(out);
      if (m) resolve({ npm, port: Number(m[1]), server: Number(m[2]), url: m[3] });
    });
    npm.on('close', (code) => reject(new Error(`npm run preview ended (${code}) before listening:\n${out}`)));
  });
}

describe.concurrent('npm run preview', () => {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    it(`says which port it took and stops with npm (${signal})`, async ({ onTestFinished }) => {
      const { npm, url, port, server } = await npmPreview(onTestFinished);
      onTestFinished(() => {
        if (alive(server)) process.kill(server, 'SIGKILL'); // only if the test failed: never leave it running
      });
      expect(port).toBeGreaterThan(0);
      expect(await answers(`${url}/`)).toBe(true);
      expect(await answers(`${url}/sidebar/showRecordSidebar?as=cs%40diskopumkm.tabanankab.go.id`)).toBe(true);
      process.kill(npm.pid as number, signal);
      expect(await until(() => !alive(server), 5000)).toBe(true);
      expect(await answers(`${url}/`)).toBe(false);
    }, 30_000);
  }

  it('refuses a busy port in one line with the usage, exit 2', async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as AddressInfo).port;
    try {
      const ran = await runScript('scripts/preview.ts', [], { PORT: String(port) });
      expect(mistakeLine(ran)).toBe(
        `preview: port ${port} is already in use (another preview?); stop that one or choose another: PORT=${port + 1} npm run preview`,
      );
    } finally {
      busy.close();
    }
  }, 20_000);

  it('refuses a PORT that is not a port, and an unknown flag', async () => {
    expect(mistakeLine(await runScript('scripts/preview.ts', [], { PORT: 'http' }))).toBe(
      'preview: PORT=http is not a port number (0–65535)',
    );
    expect(mistakeLine(await runScript('scripts/preview.ts', ['--port', '80']))).toBe('preview: unknown flag --port');
  }, 20_000);
});
