import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Writes a shell script that stands in for `java`: `-version` prints `versionLine` to stderr,
 * anything else runs `body`. Returns its path and a cleanup function.
 */
export async function fakeJava(versionLine: string, body: string): Promise<{ path: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'emulators-fake-java-'));
  const path = join(dir, 'java');
  await writeFile(
    path,
    `#!/bin/sh\nif [ "$1" = "-version" ]; then echo '${versionLine}' >&2; exit 0; fi\n${body}\n`,
  );
  await chmod(path, 0o755);
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}
