import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Writes a shell script that stands in for `java`: `-version` prints `versionLine` to stderr,
 * anything else runs `body` (in which `$HERE` is the script's folder). Returns its path, its
 * folder and a cleanup function.
 */
export async function fakeJava(versionLine: string, body: string): Promise<{ path: string; folder: string; remove(): Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'emulators-fake-java-'));
  const path = join(folder, 'java');
  await writeFile(
    path,
    `#!/bin/sh\nHERE="$(dirname "$0")"\nif [ "$1" = "-version" ]; then echo '${versionLine}' >&2; exit 0; fi\n${body}\n`,
  );
  await chmod(path, 0o755);
  return { path, folder, remove: () => rm(folder, { recursive: true, force: true }) };
}

/**
 * A Java 17 runtime without a JDK (as `openjdk-17-jre-headless` is): `--list-modules` has no
 * `jdk.compiler`, and no `javac` is beside it. Anything else runs `run` (default: the real `java`
 * on PATH with the same arguments, so DynamoDB Local really starts).
 */
export function fakeJre(run = 'exec java "$@"'): ReturnType<typeof fakeJava> {
  return fakeJava(
    'openjdk version "17.0.15" 2025-04-15',
    `if [ "$1" = "--list-modules" ]; then echo java.base@17.0.15; echo java.sql@17.0.15; exit 0; fi\n${run}`,
  );
}
