// The two clasp project files of a checkout, and what makes each one safe to push. The core's file (.clasp.json)
// pushes build/ but none of its subfolders: clasp descends into subfolders unless `skipSubdirectories` is true, and
// build/shell/ holds a second Code.js whose functions would shadow the core's. The shell's file
// (.clasp.shell.json, pushed with `clasp -P .clasp.shell.json push`) pushes build/shell/; clasp resolves its
// rootDir against the folder holding the project file, not the working directory.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './cli';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export type ProjectKind = 'core' | 'shell';

export interface ProjectSpec {
  /** The project file, in the checkout's root (git-ignored). */
  file: string;
  /** Its committed example. */
  example: string;
  rootDir: string;
  /** What README calls it. */
  label: string;
  /** The clasp:setup flags that write it. */
  setup: string;
}

export const PROJECTS: Readonly<Record<ProjectKind, ProjectSpec>> = {
  core: {
    file: '.clasp.json',
    example: '.clasp.example.json',
    rootDir: 'build',
    label: 'the core',
    setup: 'npm run clasp:setup -- --script-id ID',
  },
  shell: {
    file: '.clasp.shell.json',
    example: '.clasp.shell.example.json',
    rootDir: 'build/shell',
    label: "the team spreadsheet's shell",
    setup: 'npm run clasp:setup -- --shell --script-id ID',
  },
};

/** A project file as clasp reads it (clasp create also writes extensions, push order, parentId...). */
export interface ClaspProject {
  scriptId?: string;
  rootDir?: string;
  skipSubdirectories?: boolean;
  [key: string]: unknown;
}

/** Script ids are long base64url strings; the editor's URL (…/projects/ID/edit or …/d/ID/edit) holds one. */
export function scriptIdFrom(input: string): string | null {
  const fromUrl = /\/(?:projects|d)\/([A-Za-z0-9_-]+)/.exec(input);
  const id = fromUrl ? fromUrl[1] : input.trim();
  return /^[A-Za-z0-9_-]{25,}$/.test(id) ? id : null;
}

export function projectPath(dir: string, kind: ProjectKind): string {
  return join(dir, PROJECTS[kind].file);
}

export function exampleOf(kind: ProjectKind): ClaspProject {
  return JSON.parse(readFileSync(join(ROOT, PROJECTS[kind].example), 'utf8')) as ClaspProject;
}

/** The file's settings, null when there is none; a broken file is the user's to delete. */
export function readProject(file: string): ClaspProject | null {
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    parsed = null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`${file} is not a JSON object; delete it and run npm run clasp:setup`);
  }
  return parsed as ClaspProject;
}

/** clasp writes rootDir with the platform's separator (path.relative). */
function sameDir(a: unknown, b: string): boolean {
  return typeof a === 'string' && a.replace(/\\/g, '/').replace(/\/+$/, '') === b;
}

/** Why `file` cannot be pushed as `kind`, or null when it can. */
export function projectProblem(kind: ProjectKind, file: string, project: ClaspProject): string | null {
  const spec = PROJECTS[kind];
  const id = project.scriptId ?? '';
  if (id === exampleOf(kind).scriptId || !scriptIdFrom(id)) {
    return `${file} names no real script id ("${id}"); run ${spec.setup}`;
  }
  if (!sameDir(project.rootDir, spec.rootDir)) {
    return `${file} must say "rootDir": "${spec.rootDir}" (clasp pushes ${spec.rootDir}/); run ${spec.setup}`;
  }
  if (kind === 'core' && project.skipSubdirectories !== true) {
    return `${file} must say "skipSubdirectories": true, or clasp also pushes build/shell/ into the core; run npm run clasp:setup`;
  }
  return null;
}

export interface Checked {
  core: string;
  /** null: the checkout names no shell (deploy then pushes the core only). */
  shell: string | null;
}

/** Both files of a checkout: the core's must be there and right, the shell's right if there. */
export function checkProjects(dir: string): Checked {
  const core = projectPath(dir, 'core');
  const coreProject = readProject(core);
  if (!coreProject) throw new UsageError(`no ${core}: run ${PROJECTS.core.setup} first (README, Build and deploy)`);
  const coreProblem = projectProblem('core', core, coreProject);
  if (coreProblem) throw new UsageError(coreProblem);
  const shell = projectPath(dir, 'shell');
  const shellProject = readProject(shell);
  if (!shellProject) return { core, shell: null };
  const shellProblem = projectProblem('shell', shell, shellProject);
  if (shellProblem) throw new UsageError(shellProblem);
  return { core, shell };
}

/** What `--check` and `npm run deploy` say when the checkout names no shell. */
export function noShellLine(dir: string): string {
  return `No ${projectPath(dir, 'shell')}: only the core is pushed. For the team's spreadsheet: ${PROJECTS.shell.setup} (README, Build and deploy).`;
}
