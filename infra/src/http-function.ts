import { CfnOutput } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { HttpFunctionDeclaration } from './declaration/types.js';
import { validateDeclarationOfKind } from './declaration-kind.js';
import { DeclaredFunction, type AlarmedFunctionOptions } from './declared-function.js';
import { HttpFunctionAlarms } from './http-function-alarms.js';

/** Settings of an {@link HttpFunction}. */
export interface HttpFunctionProps extends AlarmedFunctionOptions {
  /** What the function is; its trigger must be an `AWS_IAM` function URL. Validated before anything is built. */
  readonly declaration: HttpFunctionDeclaration;
}

/**
 * A Lambda function invoked over HTTPS through its Function URL, built from its declaration.
 * The URL accepts only SigV4-signed requests (`AWS_IAM`): there is no public endpoint, and a
 * caller needs `lambda:InvokeFunctionUrl` plus `lambda:InvokeFunction` through the URL (grant
 * both with `functionUrl.grantInvokeUrl(caller)`).
 * Responses are buffered. The URL is a stack output (no export: nothing couples to this stack),
 * and alarms cover handler errors, server errors the URL answered (including the handler's own
 * 5xx responses) and throttles; they notify the platform's alarm topic unless `alarmActions` says
 * otherwise.
 *
 * @example
 * ```ts
 * const platform = PlatformImports.fromParameters(this);
 * const producer = new HttpFunction(this, 'Producer', { declaration, platform });
 * platform.eventBus.grantPutEventsTo(producer.fn);
 * ```
 */
export class HttpFunction extends Construct {
  public readonly fn: lambda.Function;
  /** The execution role; grant the handler's other permissions to `fn` (or this role). */
  public readonly role: iam.Role;
  public readonly logGroup: logs.LogGroup;
  /** The IAM-authenticated URL; `functionUrl.url` is its address. */
  public readonly functionUrl: lambda.FunctionUrl;
  /** The stack output holding the URL. */
  public readonly urlOutput: CfnOutput;
  public readonly alarms: HttpFunctionAlarms;
  /** What every alarm of this function runs on ALARM and OK; use them for the stack's own alarms. */
  public readonly alarmActions: readonly cloudwatch.IAlarmAction[];

  public constructor(scope: Construct, id: string, props: HttpFunctionProps) {
    validateDeclarationOfKind(props.declaration, 'HttpFunction', ['function-url']);
    super(scope, id);
    const { declaration, platform } = props;

    const declared = new DeclaredFunction(this, 'Default', props);
    this.fn = declared.fn;
    this.role = declared.role;
    this.logGroup = declared.logGroup;

    // Only AWS_IAM and BUFFERED get here: validateDeclaration refuses anything else.
    this.functionUrl = this.fn.addFunctionUrl({
      authType: lambda.FunctionUrlAuthType.AWS_IAM,
      invokeMode: lambda.InvokeMode.BUFFERED,
    });
    this.urlOutput = new CfnOutput(this, 'Url', {
      description: `Function URL of ${declaration.name} (IAM-authenticated: sign requests with SigV4)`,
      value: this.functionUrl.url,
    });

    this.alarmActions = props.alarmActions ?? platform.alarmActions;
    this.alarms = new HttpFunctionAlarms(this, 'Alarms', {
      fn: this.fn,
      functionName: declaration.name,
      alarmActions: this.alarmActions,
    });
  }
}
