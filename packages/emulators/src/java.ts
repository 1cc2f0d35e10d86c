import { spawn } from 'node:child_process';
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
  const output = await new Promise<string>((resolve, reject) => {
    // Its own process group, like the DynamoDB Local JVM: a Ctrl-C while the emulators start
    // (which the application drains on) must not kill the check and read as "no Java".
    const child = spawn(javaBinary, ['-version'], { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, detached: true });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const fail = (error: Error) => {
      const code = (error as NodeJS.ErrnoException).code;
      const detail = code === 'ENOENT' ? 'it was not found on PATH' : `\`${javaBinary} -version\` failed`;
      reject(new JavaNotFoundError(javaBinary, detail, { cause: error }));
    };
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(text);
      else if (code !== null || signal !== null) fail(new Error(`exited with ${signal ?? `code ${code}`}: ${text.trim().slice(0, 200)}`));
    });
  });
  const version = parseJavaVersion(output);
  if (!version) {
    throw new JavaNotFoundError(javaBinary, `its version could not be read from: ${output.trim().slice(0, 200)}`);
  }
  if (version.major < MINIMUM_JAVA_VERSION) {
    throw new JavaNotFoundError(javaBinary, `it is Java ${version.major} (${version.description})`);
  }
  return version;
}
