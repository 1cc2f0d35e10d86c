import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { delimiter, dirname, extname, join, sep } from 'node:path';
import { JavaNotFoundError } from './errors';

/** Oldest Java major version DynamoDB Local 2.3+ runs on. */
export const MINIMUM_JAVA_VERSION = 17;

/** What `java -version` reported. */
export interface JavaVersion {
  /** Major version, e.g. 17 (Java 8 reports `1.8`, which becomes 8). */
  major: number;
  /** The first line of `java -version`. */
  description: string;
}

/**
 * Parses the output of `java -version` (written to stderr), e.g.
 * `openjdk version "17.0.15" 2025-04-15` or `java version "1.8.0_392"`.
 *
 * @example
 * ```ts
 * parseJavaVersion('openjdk version "21.0.2" 2024-01-16'); // { major: 21, ... }
 * ```
 */
export function parseJavaVersion(output: string): JavaVersion | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  const major = first === 1 && match[2] !== undefined ? Number(match[2]) : first;
  const description = output.split(/\r?\n/).find((line) => line.includes('version')) ?? output;
  return { major, description: description.trim() };
}

/**
 * Runs `<javaBinary> -version` and resolves its version when it is 17 or newer.
 * Throws {@link JavaNotFoundError} when the binary is missing, fails, or is too old.
 *
 * @example
 * ```ts
 * const { major } = await checkJava(); // throws JavaNotFoundError without Java 17+
 * ```
 */
export async function checkJava(javaBinary = 'java'): Promise<JavaVersion> {
  const run = await runJavaTool(javaBinary, ['-version'], 15_000).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code === 'ENOENT' ? 'it was not found on PATH' : `\`${javaBinary} -version\` failed`;
    throw new JavaNotFoundError(javaBinary, detail, { cause: error });
  });
  if (run.code !== 0) {
    // Say how it failed: "no Java" is the wrong advice when a Java is there but could not start.
    const how = `exited with ${run.signal ?? `code ${run.code}`}${run.output.trim() === '' ? '' : `: ${run.output.trim().slice(0, 200)}`}`;
    throw new JavaNotFoundError(javaBinary, `\`${javaBinary} -version\` failed (${how})`, { cause: new Error(how) });
  }
  const version = parseJavaVersion(run.output);
  if (!version) {
    throw new JavaNotFoundError(javaBinary, `its version could not be read from: ${run.output.trim().slice(0, 200)}`);
  }
  if (version.major < MINIMUM_JAVA_VERSION) {
    throw new JavaNotFoundError(javaBinary, `it is Java ${version.major} (${version.description})`);
  }
  return version;
}

/**
 * Whether `<javaBinary>` has the JDK's compiler module (`jdk.compiler` in `java --list-modules`),
 * which running a Java source file (`java File.java`) needs: a JDK has it, a JRE does not.
 *
 * @example
 * ```ts
 * if (!(await hasJavaCompilerModule('java'))) console.log('a JRE: it cannot run a .java file');
 * ```
 */
export async function hasJavaCompilerModule(javaBinary = 'java'): Promise<boolean> {
  try {
    const run = await runJavaTool(javaBinary, ['--list-modules'], 15_000);
    return run.code === 0 && /^jdk\.compiler@/m.test(run.output);
  } catch {
    return false;
  }
}

/**
 * Finds the Java compiler that belongs to `javaBinary`: `javac` next to it once symbolic links
 * are resolved (`/usr/bin/java` is a link into the JDK's `bin`), else `javac` on PATH; `undefined`
 * when there is none (a JRE).
 *
 * @example
 * ```ts
 * const javac = await findJavac('java'); // e.g. '/usr/lib/jvm/java-17-openjdk-amd64/bin/javac'
 * ```
 */
export async function findJavac(javaBinary = 'java'): Promise<string | undefined> {
  const javaPath = javaBinary.includes(sep) ? javaBinary : await onPath(javaBinary);
  if (javaPath !== undefined) {
    const beside = join(dirname(await realpath(javaPath).catch(() => javaPath)), `javac${extname(javaPath)}`);
    if (await isExecutable(beside)) return beside;
  }
  return onPath(process.platform === 'win32' ? 'javac.exe' : 'javac');
}

/** What a Java tool printed (stdout and stderr together) and how it ended. */
export interface JavaToolRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/**
 * Runs a JDK tool (`java`, `javac`) and collects its output; rejects only when it cannot be
 * spawned. It runs in its own process group, like the DynamoDB Local JVM: a Ctrl-C while the
 * emulators start (which the application drains on) must not kill it and read as "no Java".
 *
 * @example
 * ```ts
 * const { code, output } = await runJavaTool('java', ['-version']);
 * ```
 */
export function runJavaTool(binary: string, args: readonly string[], timeoutMs = 60_000): Promise<JavaToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, detached: true });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== null || signal !== null) resolve({ code, signal, output });
    });
  });
}

async function onPath(name: string): Promise<string | undefined> {
  for (const folder of (process.env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(folder, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
