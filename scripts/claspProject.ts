// `npm run clasp:setup -- --script-id ID`: writes .clasp.json (git-ignored) from .clasp.example.json, so clasp pushes
// build/ to the agency's own script. `--check` (run by `npm run deploy`) only says whether .clasp.json is usable.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFlags, printUsage, runCommand, UsageError } from './cli';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = `${ROOT}.clasp.example.json`;
const USAGE = `usage: npm run clasp:setup -- --script-id ID [--replace] [--to FILE]
       npm run clasp:setup -- --check [--to FILE]
  --script-id ID  the script id (Apps Script editor → Project Settings → Script ID), or the editor's URL
  --replace       overwrite a .clasp.json that points at another script
  --to FILE       the file to write (default .clasp.json at the repository root)
  --check         only check that the file exists and names a script (npm run deploy runs this)
  --help          this text`;

interface ClaspProject {
  scriptId: string;
  rootDir: string;
}

/** Script ids are long base64url strings; the editor's URL (…/projects/ID/edit or …/d/ID/edit) holds one. */
export function scriptIdFrom(input: string): string | null {
  const fromUrl = /\/(?:projects|d)\/([A-Za-z0-9_-]+)/.exec(input);
  const id = fromUrl ? fromUrl[1] : input.trim();
  return /^[A-Za-z0-9_-]{25,}$/.test(id) ? id : null;
}

function read(file: string): ClaspProject | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ClaspProject;
  } catch {
    throw new UsageError(`${file} is not valid JSON; delete it and run npm run clasp:setup -- --script-id ID`);
  }
}

function main(): number {
  const flags = parseFlags(process.argv.slice(2), {
    'script-id': { type: 'string' },
    replace: { type: 'boolean' },
    check: { type: 'boolean' },
    to: { type: 'string', default: `${ROOT}.clasp.json` },
  });
  if (flags.help) return printUsage(USAGE);
  const current = read(flags.to);
  if (flags.check) {
    if (!current)
      throw new UsageError(`no ${flags.to}: run npm run clasp:setup -- --script-id ID first (README, Deploy)`);
    const placeholder = (JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ClaspProject).scriptId;
    if (current.scriptId === placeholder || !scriptIdFrom(current.scriptId ?? '')) {
      throw new UsageError(`${flags.to} names no real script id ("${current.scriptId}"); run npm run clasp:setup`);
    }
    if (current.rootDir !== 'build')
      throw new UsageError(`${flags.to} must say "rootDir": "build" (clasp pushes build/)`);
    return 0;
  }
  const raw = flags['script-id'];
  if (raw === undefined) throw new UsageError('--script-id is required');
  const scriptId = scriptIdFrom(raw);
  if (!scriptId) throw new UsageError(`"${raw}" is not an Apps Script script id`);
  if (current && current.scriptId === scriptId) {
    console.log(`${flags.to} already points at script ${scriptId}.`);
    return 0;
  }
  if (current && !flags.replace) {
    throw new UsageError(`${flags.to} already points at script ${current.scriptId}; pass --replace to change it`);
  }
  const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ClaspProject;
  writeFileSync(flags.to, `${JSON.stringify({ ...example, scriptId }, null, 2)}\n`);
  console.log(`Wrote ${flags.to}: script ${scriptId}, pushing build/. Next: npm run deploy`);
  return 0;
}

await runCommand('clasp:setup', USAGE, main);
