// `npm run deploy`: checks both clasp project files, builds once, pushes the core (build/ without its subfolders),
// then the team spreadsheet's shell (build/shell/) when the checkout names one. `--force` because without it clasp
// asks before overwriting the remote manifest, and when not run from a terminal skips the push ("Skipping push.").
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseFlags, printUsage, runCommand } from './cli';
import { checkProjects, noShellLine, ROOT } from './claspFiles';

const USAGE = `usage: npm run deploy [-- --dir DIR]
  --dir DIR  the folder holding .clasp.json and .clasp.shell.json (default the repository root)
  --help     this text`;

// The installed clasp; DUMAS_CLASP names another executable (the tests give a recorder, never the network).
const CLASP = process.env.DUMAS_CLASP ?? join(ROOT, 'node_modules/.bin/clasp');

function step(command: string, args: string[], cwd: string): number {
  const ran = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (ran.error) throw ran.error;
  return ran.status ?? 1;
}

function main(): number {
  const flags = parseFlags(process.argv.slice(2), { dir: { type: 'string', default: ROOT } });
  if (flags.help) return printUsage(USAGE);
  const { core, shell } = checkProjects(flags.dir);
  const built = step(process.execPath, [join(ROOT, 'scripts/build.mjs')], ROOT);
  if (built !== 0) return built;
  console.log('Pushing the core (build/)…');
  const pushedCore = step(CLASP, ['-P', core, 'push', '--force'], flags.dir);
  if (pushedCore !== 0) return pushedCore;
  if (!shell) {
    console.log(noShellLine(flags.dir));
    return 0;
  }
  console.log("Pushing the team spreadsheet's shell (build/shell/)…");
  return step(CLASP, ['-P', shell, 'push', '--force'], flags.dir);
}

await runCommand('deploy', USAGE, main);
