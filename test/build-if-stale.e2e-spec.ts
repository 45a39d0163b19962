import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * scripts/build.js decides whether `npm start`, `npm run cli` and `npx fundledger` compile first.
 * It must never run stale code (an edit not built is a figure computed by yesterday's rules) and
 * should not spend seconds compiling what is already built.
 */
const REPOSITORY = resolve(__dirname, '..');

interface BuildScript {
  buildInputs(): string[];
  staleReason(): string | undefined;
}

describe('the build inputs', () => {
  it('are the TypeScript files tsconfig.build.json compiles, and the JSON and settings beside them', () => {
    const config = ts.getParsedCommandLineOfConfigFile(join(REPOSITORY, 'tsconfig.build.json'), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    });
    const compiled = (config?.fileNames ?? []).map((file) => relative(REPOSITORY, file)).sort();
    // Plain CommonJS, required: it runs before anything is compiled, so it has no types of its own.
    const inputs = (require('../scripts/build') as BuildScript).buildInputs();

    expect(compiled.length).toBeGreaterThan(100);
    expect(inputs.filter((path) => path.endsWith('.ts'))).toEqual(compiled);
    expect(inputs).toEqual(expect.arrayContaining(['package.json', 'tsconfig.build.json', 'libs/reporting/src/three-sixty-giving/schema/360-giving-schema.json']));
  });
});

/**
 * A project of three entry points laid out as this one is, built by a copy of scripts/build.js with
 * this checkout's compiler.
 */
describe('building only when stale', () => {
  let project: string;

  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), text);
  };
  /** Moves a file's modification time into the past, as if it had been edited before the last build. */
  const age = (path: string): void => {
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(project, path), past, past);
  };
  const buildIfStale = () => {
    const run = spawnSync(process.execPath, ['scripts/build.js', '--if-stale'], { cwd: project, encoding: 'utf8' });
    return { code: run.status, said: `${run.stdout}${run.stderr}` };
  };
  const built = (path: string) => join(project, 'dist', path);
  const runBuilt = (path: string) => spawnSync(process.execPath, [built(path)], { encoding: 'utf8' }).stdout;

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'fundledger-build-'));
    mkdirSync(join(project, 'scripts'));
    copyFileSync(join(REPOSITORY, 'scripts', 'build.js'), join(project, 'scripts', 'build.js'));
    symlinkSync(join(REPOSITORY, 'node_modules'), join(project, 'node_modules'), 'dir');
    write('package.json', '{ "name": "build-probe", "private": true }\n');
    write(
      'tsconfig.build.json',
      JSON.stringify({
        compilerOptions: { module: 'commonjs', target: 'ES2022', strict: true, rootDir: './', outDir: './dist', incremental: true, tsBuildInfoFile: './dist/.tsbuildinfo', types: [] },
        include: ['apps/**/*.ts', 'libs/**/*.ts', 'bench/**/*.ts'],
        exclude: ['node_modules', 'dist', '**/*.spec.ts'],
      }),
    );
    write('libs/rule/src/rule.ts', "export const rule = 'first rule';\n");
    write('libs/rule/src/rule.spec.ts', 'export {};\n');
    write('apps/api/src/main.ts', "import { rule } from '../../../libs/rule/src/rule';\nconsole.log(rule);\n");
    write('apps/cli/src/main.ts', "import { rule } from '../../../libs/rule/src/rule';\nconsole.log(rule);\n");
    write('bench/run.ts', 'export {};\n');
  });

  afterAll(() => rmSync(project, { recursive: true, force: true }));

  /** The probe's own copy of the script, asked in this process: no compiler runs for a fresh answer. */
  const staleReason = (): string | undefined =>
    (require(join(project, 'scripts', 'build.js')) as BuildScript).staleReason();

  it('builds a checkout that has never been built', () => {
    expect(buildIfStale()).toEqual({ code: 0, said: 'fundledger: building dist/ (dist/ has not been built)\n' });
    expect(runBuilt('apps/cli/src/main.js')).toBe('first rule\n');
  });

  it('finds nothing to build when no input changed since', () => {
    expect(staleReason()).toBeUndefined();
    expect(buildIfStale()).toEqual({ code: 0, said: '' });
  });

  it('finds nothing to build after an edit the build does not read (a spec)', () => {
    write('libs/rule/src/rule.spec.ts', 'export const edited = true;\n');

    expect(staleReason()).toBeUndefined();
  });

  it('finds a source edited since the last build', () => {
    write('libs/rule/src/rule.ts', "export const rule = 'second rule';\n");

    expect(staleReason()).toBe('libs/rule/src/rule.ts changed');
  });

  it('finds a source added, even one dated before the last build', () => {
    write('libs/rule/src/extra.ts', 'export const extra = 1;\n');
    age('libs/rule/src/extra.ts');
    age('libs/rule/src/rule.ts');

    expect(staleReason()).toBe('a source file was added or removed');
  });

  it('finds an output deleted since the last build', () => {
    rmSync(built('apps/cli/src/main.js'));

    expect(staleReason()).toBe('dist/apps/cli/src/main.js is missing');
  });

  it('then builds all of it: the edit, the added file and the deleted output the compiler’s own record calls emitted', () => {
    expect(buildIfStale()).toEqual({ code: 0, said: 'fundledger: building dist/ (dist/apps/cli/src/main.js is missing)\n' });
    expect(runBuilt('apps/cli/src/main.js')).toBe('second rule\n');
    expect(existsSync(built('libs/rule/src/extra.js'))).toBe(true);
    expect(staleReason()).toBeUndefined();
  });

  it('fails on a compile error and leaves no stamp, so the next run builds again rather than trusting the output', () => {
    write('libs/rule/src/rule.ts', 'export const rule: number = "not a number";\n');

    const failed = buildIfStale();
    expect(failed.code).toBe(1);
    expect(failed.said).toContain("Type 'string' is not assignable to type 'number'");
    expect(staleReason()).toBe('dist/ has no stamp of a completed build');
  });
});
