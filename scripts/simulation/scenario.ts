// The scenario file format (docs/scenarios.md): a start time, the team, and timed events; checked with messages
// that name the event and field at fault.

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

/** Validates untrusted JSON into a Scenario; events must be in time order and within start…end. */
export function parseScenario(json: unknown, file = 'scenario'): Scenario {
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
        if (e.args !== undefined && !Array.isArray(e.args)) fail(`${where}, field "args"`, 'must be a list');
        if (e.expect !== undefined && e.expect !== 'ok' && e.expect !== 'refused')
          fail(`${where}, field "expect"`, 'must be "ok" or "refused"');
        break;
      case 'setting':
        if (typeof e.key !== 'string' || typeof e.value !== 'string') fail(where, '"key" and "value" must be texts');
        break;
      case 'run':
        if (typeof e.handler !== 'string') fail(`${where}, field "handler"`, 'must be the name of a trigger handler');
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
