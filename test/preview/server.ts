// The preview server: serves the bundle's sidebars to a real browser, with a google.script.run bridge that
// calls the same entry points in the emulator, as the signed-in user the page was opened for.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Office } from '../bundle/office';
import { acrossScriptRun } from '../bundle/wire';

export interface Preview {
  url: string;
  office: Office;
  close(): Promise<void>;
}

/**
 * The client half of google.script.run: withSuccessHandler / withFailureHandler / withUserObject chains and any
 * server function name, posting to /run. Like Apps Script, arguments and results cross as JSON, and Dates arrive as null.
 */
function bridgeScript(user: string): string {
  return `<script>
(function () {
  var USER = ${JSON.stringify(user)};
  function runner(success, failure, userObject) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, failure, userObject); };
        if (name === 'withFailureHandler') return function (f) { return runner(success, f, userObject); };
        if (name === 'withUserObject') return function (o) { return runner(success, failure, o); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/run/' + encodeURIComponent(name), { method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ as: USER, args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (answer) {
              if (answer.ok) { if (success) success(answer.value, userObject); }
              else if (failure) failure(new Error(answer.error), userObject);
            });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null, undefined), host: { close: function () { window.__closed = true; } } } };
})();
</script>`;
}

/** Who the web app's visitors are in the emulator: nobody from the team. */
export const PUBLIC_VISITOR = 'pengunjung@publik.example';

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function handle(office: Office, req: IncomingMessage, res: ServerResponse, body: string): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const page = /^\/sidebar\/([A-Za-z0-9_]+)$/.exec(url.pathname);
  if (req.method === 'GET' && page) {
    const user = url.searchParams.get('as') ?? '';
    const before = office.emu.ui.sidebars.length;
    office.as(user, page[1]);
    const shown = office.emu.ui.sidebars[office.emu.ui.sidebars.length - 1];
    if (office.emu.ui.sidebars.length === before || !shown) {
      const alert = office.emu.ui.alerts[office.emu.ui.alerts.length - 1];
      send(res, 403, 'text/plain', alert ? alert.message : 'Tidak ada sidebar.');
      return;
    }
    const html = shown.html.replace(
      /<head>/i,
      `<head>${bridgeScript(user)}<title>${shown.title.replace(/[<>&]/g, '')}</title>`,
    );
    send(res, 200, 'text/html', html);
    return;
  }
  if (req.method === 'GET' && url.pathname === '/app') {
    // The web app (doGet): deployed "execute as me, anyone", so whoever visits is not a team member.
    const parameter = Object.fromEntries(url.searchParams.entries());
    const parameters: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams.entries()) (parameters[k] ??= []).push(v);
    const event = {
      parameter,
      parameters,
      queryString: url.search.replace(/^\?/, ''),
      pathInfo: '',
      contextPath: '',
      contentLength: -1,
    };
    const out = office.web<{ getContent(): string; getTitle(): string }>('doGet', event);
    const title = out.getTitle().replace(/[<>&]/g, '');
    const html = out.getContent().replace(/<head>/i, `<head>${bridgeScript(PUBLIC_VISITOR)}<title>${title}</title>`);
    send(res, 200, 'text/html', html);
    return;
  }
  const run = /^\/run\/([A-Za-z0-9_]+)$/.exec(url.pathname);
  if (req.method === 'POST' && run) {
    try {
      const { as, args } = JSON.parse(body) as { as: string; args: unknown[] };
      const list = Array.isArray(args) ? args : [];
      // The public pages call the web app, which runs as its owner; sidebars run as the person at the keyboard.
      const value = as === PUBLIC_VISITOR ? office.web(run[1], ...list) : office.as(as, run[1], ...list);
      send(res, 200, 'application/json', JSON.stringify({ ok: true, value: acrossScriptRun(value) ?? null }));
    } catch (error) {
      send(
        res,
        200,
        'application/json',
        JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    }
    return;
  }
  if (req.method === 'GET' && url.pathname === '/') {
    send(
      res,
      200,
      'text/html',
      '<h1>Dumas preview</h1><p>Open /sidebar/&lt;entryPoint&gt;?as=&lt;email&gt; or the web app at /app?…</p>',
    );
    return;
  }
  send(res, 404, 'text/plain', 'not found');
}

export async function startPreview(office: Office, port = 0): Promise<Preview> {
  const server: Server = createServer((req, res) => {
    readBody(req)
      .then((body) => handle(office, req, res, body))
      .catch((error: unknown) => send(res, 500, 'text/plain', String(error)));
  });
  // A busy port rejects (EADDRINUSE) instead of crashing the process from an unhandled 'error' event.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    office,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
