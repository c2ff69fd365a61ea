// `npm run clasp:setup`: writes the checkout's clasp project files (git-ignored) from their examples — .clasp.json
// for the core (build/, without its subfolders), .clasp.shell.json with --shell for the team spreadsheet's shell
// (build/shell/). Without --script-id it adopts the file `clasp create` wrote, setting what clasp left out.
// `--check` (run by `npm run deploy`) only says whether both files are usable.
import { writeFileSync } from 'node:fs';
import { parseFlags, printUsage, runCommand, UsageError } from './cli';
import {
  checkProjects,
  exampleOf,
  noShellLine,
  PROJECTS,
  projectPath,
  projectProblem,
  readProject,
  ROOT,
  scriptIdFrom,
  type ClaspProject,
} from './claspFiles';

const USAGE = `usage: npm run clasp:setup -- [--shell] [--script-id ID] [--replace] [--dir DIR]
       npm run clasp:setup -- --shell --empty [--dir DIR]
       npm run clasp:setup -- --check [--dir DIR]
  --script-id ID  the script id (Apps Script editor → Project Settings → Script ID), or the editor's URL;
                  without it, the file clasp create wrote is adopted (its script, the settings below)
  --shell         the team spreadsheet's shell: .clasp.shell.json, pushing build/shell/
                  (default: the core, .clasp.json, pushing build/ without its subfolders)
  --empty         write an empty .clasp.shell.json for: npx clasp -P .clasp.shell.json create ...
  --replace       overwrite a file that points at another script
  --dir DIR       the folder holding the project files (default the repository root)
  --check         only check both files (the core's must exist; npm run deploy runs this)
  --help          this text`;

function main(): number {
  const flags = parseFlags(process.argv.slice(2), {
    'script-id': { type: 'string' },
    shell: { type: 'boolean' },
    empty: { type: 'boolean' },
    replace: { type: 'boolean' },
    check: { type: 'boolean' },
    dir: { type: 'string', default: ROOT },
  });
  if (flags.help) return printUsage(USAGE);
  if (flags.check) {
    const { core, shell } = checkProjects(flags.dir);
    console.log(`${core}: ready (the core, build/ without subfolders).`);
    console.log(shell ? `${shell}: ready (the shell, build/shell/).` : noShellLine(flags.dir));
    return 0;
  }
  const kind = flags.shell ? 'shell' : 'core';
  const spec = PROJECTS[kind];
  const file = projectPath(flags.dir, kind);
  const current = readProject(file);
  if (flags.empty) {
    if (kind !== 'shell') throw new UsageError('--empty goes with --shell (clasp create writes .clasp.json itself)');
    if (current?.scriptId !== undefined) {
      throw new UsageError(`${file} already points at script ${current.scriptId}; delete it to create another shell`);
    }
    writeFileSync(file, '{}\n');
    console.log(
      `Wrote ${file} (empty). Next: npx clasp -P ${spec.file} create --type sheets --title "Dumas Tabanan" --rootDir ${spec.rootDir}, then npm run clasp:setup -- --shell`,
    );
    return 0;
  }
  const raw = flags['script-id'];
  let scriptId: string | null;
  if (raw === undefined) {
    if (current?.scriptId === undefined) {
      throw new UsageError(`--script-id is required (${file} names no script yet)`);
    }
    scriptId = scriptIdFrom(current.scriptId);
    if (!scriptId) throw new UsageError(`${file} names no real script id ("${current.scriptId}"); pass --script-id`);
  } else {
    scriptId = scriptIdFrom(raw);
    if (!scriptId) throw new UsageError(`"${raw}" is not an Apps Script script id`);
  }
  const same = current?.scriptId === scriptId;
  if (current?.scriptId !== undefined && !same && !flags.replace) {
    throw new UsageError(`${file} already points at script ${current.scriptId}; pass --replace to change it`);
  }
  // The same script keeps what clasp wrote (extensions, parentId); another one starts from the example.
  const example = exampleOf(kind);
  const next: ClaspProject = {
    ...(same ? current : {}),
    scriptId,
    rootDir: example.rootDir,
    skipSubdirectories: example.skipSubdirectories,
  };
  if (
    current !== null &&
    same &&
    projectProblem(kind, file, current) === null &&
    JSON.stringify(next) === JSON.stringify(current)
  ) {
    console.log(`${file} already points at script ${scriptId}, pushing ${spec.rootDir}/.`);
    return 0;
  }
  writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
  const what = kind === 'core' ? 'pushing build/ without its subfolders' : 'pushing build/shell/';
  console.log(`Wrote ${file}: ${spec.label}, script ${scriptId}, ${what}. Next: npm run deploy`);
  return 0;
}

await runCommand('clasp:setup', USAGE, main);
