import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { BUNDLE_ENTRY_FILE, BUNDLE_EXCLUDED_FILES } from './declaration/bundle-directory.js';
import { resolveEnvironment } from './declaration/environment.js';
import type { FunctionDeclaration } from './declaration/types.js';
import { validateDeclaration } from './declaration/validate.js';
import { BundleNotFoundError } from './errors.js';
import type { PlatformImports } from './platform-imports.js';
import { resolveBundleDirectory } from './workspace-paths.js';

/** The Lambda runtime of every function (the newest Node.js the installed aws-cdk-lib knows). */
export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_24_X;

/** What every construct built from a declaration takes besides the declaration itself. */
export interface DeclaredFunctionOptions {
  /** The platform, imported in this stack (environment values and the log-group key). */
  readonly platform: PlatformImports;
  /**
   * The deployment package.
   * @default lambda.Code.fromAsset(<workspace root>/dist/apps/<declaration.name>), the output of `nx build`
   */
  readonly code?: lambda.Code;
  /**
   * How long the function's logs are kept.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * X-Ray tracing mode.
   * @default - Lambda's default (PassThrough), no X-Ray permissions added
   */
  readonly tracing?: lambda.Tracing;
}

/** {@link DeclaredFunctionOptions} plus the alarm actions of a construct that has alarms. */
export interface AlarmedFunctionOptions extends DeclaredFunctionOptions {
  /**
   * Actions run when any of the alarms fires or recovers (`[]`: none).
   * @default - notify the platform's alarm topic (`platform.alarmActions`)
   */
  readonly alarmActions?: readonly cloudwatch.IAlarmAction[];
}

/** Settings of a {@link DeclaredFunction}. */
export interface DeclaredFunctionProps extends DeclaredFunctionOptions {
  /** What the function is; validated before anything is built. Its trigger is not wired here. */
  readonly declaration: FunctionDeclaration;
}

/**
 * The part every function shares, built from its declaration: an execution role without managed
 * policies that can write only its own log group, a log group encrypted with the platform key
 * with bounded retention, and the function itself (Node.js on arm64, the declared handler,
 * memory, timeout, reserved concurrency and resolved environment, JSON logs,
 * `POWERTOOLS_SERVICE_NAME` set to the function's name). The trigger is wired by the construct
 * that uses it ({@link StreamConsumerFunction}, {@link EventRuleFunction}, {@link HttpFunction}).
 *
 * Give it the id `'Default'` inside a wrapping construct: CDK leaves `Default` out of logical
 * IDs, so the function, role and log group keep the IDs they would have as direct children.
 *
 * @example
 * ```ts
 * const declared = new DeclaredFunction(this, 'Default', { declaration, platform });
 * declared.fn.addEventSource(source);
 * ```
 */
export class DeclaredFunction extends Construct {
  public readonly fn: lambda.Function;
  /** The execution role; grant the handler's other permissions to `fn` (or this role). */
  public readonly role: iam.Role;
  public readonly logGroup: logs.LogGroup;

  public constructor(scope: Construct, id: string, props: DeclaredFunctionProps) {
    validateDeclaration(props.declaration);
    super(scope, id);
    const { declaration, platform } = props;

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      encryptionKey: platform.key,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${declaration.name}`,
    });
    // Instead of the AWSLambdaBasicExecutionRole managed policy (logs:* on every log group).
    this.logGroup.grantWrite(this.role);

    this.fn = new lambda.Function(this, 'Function', {
      description: declaration.description,
      runtime: FUNCTION_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      handler: declaration.handler,
      code: props.code ?? DeclaredFunction.bundleCode(declaration.name),
      memorySize: declaration.memorySizeMb,
      timeout: Duration.seconds(declaration.timeoutSeconds),
      reservedConcurrentExecutions: declaration.reservedConcurrency,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: props.tracing,
      environment: {
        POWERTOOLS_SERVICE_NAME: declaration.name,
        ...resolveEnvironment(declaration.environment, (name) => platform.value(name)),
      },
    });
    if (props.tracing === lambda.Tracing.ACTIVE) {
      NagSuppressions.addResourceSuppressions(
        this.role,
        [
          {
            id: 'AwsSolutions-IAM5',
            reason:
              'Resource "*" only for xray:PutTraceSegments and xray:PutTelemetryRecords (active tracing), ' +
              'which support no resource-level permissions.',
            appliesTo: ['Resource::*'],
          },
        ],
        true,
      );
    }
  }

  /**
   * The `nx build` output of a function (`dist/apps/<name>`), failing early with a hint when it
   * is missing. Only what Lambda runs is deployed: `index.mjs` and its source map. The folder's
   * {@link BUNDLE_EXCLUDED_FILES} (esbuild's metafile, for bundle analysis) stay out of the
   * asset, its hash and the deployment package.
   *
   * @param workspaceRoot @default - {@link findWorkspaceRoot}()
   * @throws {BundleNotFoundError} when `dist/apps/<name>/index.mjs` does not exist
   */
  public static bundleCode(name: string, workspaceRoot?: string): lambda.Code {
    const directory = resolveBundleDirectory(name, workspaceRoot);
    if (!existsSync(join(directory, BUNDLE_ENTRY_FILE))) {
      throw new BundleNotFoundError(name, directory);
    }
    return lambda.Code.fromAsset(directory, { exclude: [...BUNDLE_EXCLUDED_FILES] });
  }
}
