// The scenario file format (docs/scenarios.md): a start time, the team, and timed events; checked with messages
// that name the event and field at fault, all before anything runs.
import { readFileSync } from 'node:fs';
import { jsonProblem } from './jsonError';

export type ScenarioEvent =
  | { at: string; type: 'form'; answers: Record<string, string | string[]>; note?: string }
  | { at: string; type: 'form-missed'; answers: Record<string, string | string[]>; note?: string }
  | { at: string; type: 'call'; as: string; fn: string; args?: unknown[]; expect?: 'ok' | 'refused'; note?: string }
  | { at: string; type: 'setting'; key: string; value: string; note?: string }
  | { at: string; type: 'run'; handler: string; note?: string };

export interface Scenario {
  name: string;
  start: string;
  end: string;
  admin: string;
  team: string[][];
  events: ScenarioEvent[];
}

export class ScenarioError extends Error {}

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?([+-]\d{2}:\d{2}|Z)$/;

function isTime(v: unknown): v is string {
  return typeof v === 'string' && TIME.test(v) && !Number.isNaN(new Date(v).getTime());
}

function fail(where: string, what: string): never {
  throw new ScenarioError(`${where}: ${what}`);
}

function checkAnswers(where: string, answers: unknown): void {
  if (!answers || typeof answers !== 'object' || Array.isArray(answers))
    fail(where, '"answers" must be an object of question title → answer');
  for (const [title, v] of Object.entries(answers as Record<string, unknown>)) {
    const ok = typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
    if (!ok) fail(`${where}, answers["${title}"]`, 'must be text or a list of texts');
  }
}

/** What the run can resolve: the bundle's entry points (for `fn` and `handler`) and the `Pengaturan` keys. */
export interface KnownNames {
  functions: ReadonlySet<string>;
  settingKeys: ReadonlySet<string>;
}

/** Edit distance, to suggest the name a typo meant. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

function suggest(name: string, known: ReadonlySet<string>): string {
  const lower = name.toLowerCase();
  const close = [...known].filter((k) => distance(k.toLowerCase(), lower) <= 2);
  return close.length > 0 ? ` (did you mean ${close.slice(0, 3).join(', ')}?)` : '';
}

/** Validates untrusted JSON into a Scenario; events must be in time order and within start…end. */
export function parseScenario(json: unknown, file = 'scenario', known?: KnownNames): Scenario {
  if (!json || typeof json !== 'object') fail(file, 'the file must hold one JSON object');
  const s = json as Record<string, unknown>;
  if (typeof s.name !== 'string' || s.name === '') fail(`${file}, field "name"`, 'must be a non-empty text');
  for (const key of ['start', 'end'] as const) {
    if (!isTime(s[key])) fail(`${file}, field "${key}"`, 'must be a time like 2026-11-30T08:00:00+08:00');
  }
  if (typeof s.admin !== 'string' || !s.admin.includes('@')) fail(`${file}, field "admin"`, 'must be an email');
  if (
    !Array.isArray(s.team) ||
    s.team.some((r) => !Array.isArray(r) || r.length < 3 || r.some((c) => typeof c !== 'string'))
  ) {
    fail(
      `${file}, field "team"`,
      'must be a list of rows [email, name, role, unit, NIP, rank, title, active] of texts',
    );
  }
  if (!Array.isArray(s.events)) fail(`${file}, field "events"`, 'must be a list');
  let previous = new Date(s.start as string).getTime();
  const end = new Date(s.end as string).getTime();
  (s.events as unknown[]).forEach((raw, i) => {
    const where = `${file}, event #${i + 1}`;
    if (!raw || typeof raw !== 'object') fail(where, 'must be an object');
    const e = raw as Record<string, unknown>;
    if (!isTime(e.at)) fail(`${where}, field "at"`, 'must be a time like 2026-11-30T09:15:00+08:00');
    const at = new Date(e.at).getTime();
    if (at < previous)
      fail(`${where}, field "at"`, 'events must be in time order (this one is earlier than the one before)');
    if (at > end) fail(`${where}, field "at"`, 'is after the scenario\'s "end"');
    previous = at;
    switch (e.type) {
      case 'form':
      case 'form-missed':
        checkAnswers(where, e.answers);
        break;
      case 'call':
        if (typeof e.as !== 'string' || !e.as.includes('@'))
          fail(`${where}, field "as"`, 'must be the email of the person acting');
        if (typeof e.fn !== 'string' || !/^[A-Za-z_]\w*$/.test(e.fn))
          fail(`${where}, field "fn"`, 'must be the name of a server function');
        if (known && !known.functions.has(e.fn))
          fail(`${where}, field "fn"`, `unknown server function "${e.fn}"${suggest(e.fn, known.functions)}`);
        if (e.args !== undefined && !Array.isArray(e.args)) fail(`${where}, field "args"`, 'must be a list');
        if (e.expect !== undefined && e.expect !== 'ok' && e.expect !== 'refused')
          fail(`${where}, field "expect"`, 'must be "ok" or "refused"');
        break;
      case 'setting':
        if (typeof e.key !== 'string' || typeof e.value !== 'string') fail(where, '"key" and "value" must be texts');
        if (known && !known.settingKeys.has(e.key))
          fail(`${where}, field "key"`, `unknown setting "${e.key}"${suggest(e.key, known.settingKeys)}`);
        break;
      case 'run':
        if (typeof e.handler !== 'string') fail(`${where}, field "handler"`, 'must be the name of a trigger handler');
        if (known && !known.functions.has(e.handler))
          fail(`${where}, field "handler"`, `unknown function "${e.handler}"${suggest(e.handler, known.functions)}`);
        break;
      default:
        fail(
          `${where}, field "type"`,
          `unknown type ${JSON.stringify(e.type)} (form, form-missed, call, setting, run)`,
        );
    }
  });
  return s as unknown as Scenario;
}

/**
 * Reads and checks a scenario file: an unreadable file, bad JSON (file:line:column) and unknown names all become a
 * ScenarioError before the simulation starts.
 */
export function loadScenario(file: string, path: string, known?: KnownNames): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : `cannot be read (${code ?? String(error)})`;
    throw new ScenarioError(`${file}: ${why}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte-order mark some editors write
  const problem = jsonProblem(text);
  if (problem) throw new ScenarioError(`${file}:${problem.line}:${problem.column}: bad JSON: ${problem.reason}`);
  return parseScenario(JSON.parse(text) as unknown, file, known);
}
