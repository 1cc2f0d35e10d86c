import { validatePattern } from '@wildrydes/event-patterns';
import { FunctionDeclarationError } from '../errors.js';
import { isPlatformParameterName } from '../platform-parameters.js';
import { filterPatternProblems } from './filter-patterns.js';
import { isNonEmptyObject, show, showJson } from './show.js';
import type { FunctionDeclaration, FunctionTriggerType, OwnedTableDeclaration, StreamTrigger } from './types.js';

/** Lambda's rule for environment variable names. */
const ENV_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]+$/;
/** Nx project names in this workspace are kebab-case folder names. */
const PROJECT_NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Lambda refuses to let a function set these (its runtime owns them). */
const RESERVED_ENV_NAMES = new Set([
  '_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME', 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE', 'AWS_LAMBDA_LOG_GROUP_NAME', 'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR',
]);
const MAX_DESCRIPTION_LENGTH = 256;
/** Every trigger type, in the order error messages list them. */
const TRIGGER_TYPES: readonly FunctionTriggerType[] = ['kinesis', 'dynamodb-stream', 'eventbridge-rule', 'function-url'];

function checkIntegerRange(issues: string[], field: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || Number.isNaN(value) || value < min || value > max) {
    issues.push(`${field} must be between ${min} and ${max} inclusive (given ${show(value)})`);
  } else if (!Number.isInteger(value)) {
    issues.push(`${field} must be a whole number (given ${show(value)})`);
  }
}

function checkBatchSettings(issues: string[], trigger: StreamTrigger): void {
  checkIntegerRange(issues, 'batchSize', trigger.batchSize, 1, 10_000);
  checkIntegerRange(issues, 'maxBatchingWindowSeconds', trigger.maxBatchingWindowSeconds, 0, 300);
  if (trigger.parallelizationFactor !== undefined) {
    checkIntegerRange(issues, 'parallelizationFactor', trigger.parallelizationFactor, 1, 10);
  }
  if (trigger.retryAttempts !== undefined) {
    checkIntegerRange(issues, 'retryAttempts', trigger.retryAttempts, -1, 10_000);
  }
  const age = trigger.maxRecordAgeSeconds;
  if (age !== undefined && age !== -1 && !(Number.isInteger(age) && age >= 60 && age <= 604_800)) {
    issues.push(`maxRecordAgeSeconds must be -1 or a whole number between 60 and 604800 inclusive (given ${show(age)})`);
  }
  const position: unknown = trigger.startingPosition;
  if (position !== undefined && position !== 'TRIM_HORIZON' && position !== 'LATEST') {
    issues.push(`startingPosition must be "TRIM_HORIZON" or "LATEST" (given ${show(position)})`);
  }
  issues.push(...filterPatternProblems(trigger.filterPatterns, trigger.type));
}

function checkEventRuleTrigger(issues: string[], trigger: Record<string, unknown>): void {
  if (trigger['bus'] !== 'eventBus') {
    issues.push(`trigger.bus must be "eventBus" (given ${show(trigger['bus'])})`);
  }
  const pattern = trigger['eventPattern'];
  if (!isNonEmptyObject(pattern)) {
    issues.push(`trigger.eventPattern must be a non-empty object (given ${showJson(pattern)})`);
  } else {
    try {
      validatePattern(pattern);
    } catch (error) {
      // The message names the path and the offending value, e.g.
      // `Invalid event pattern at detail.price: Empty arrays are not allowed`.
      issues.push(`trigger.eventPattern: ${(error as Error).message}`);
    }
  }
  const optionalRanges: ReadonlyArray<readonly [string, number, number]> = [
    ['retryAttempts', 0, 185],
    ['maxEventAgeSeconds', 60, 86_400],
    ['functionRetryAttempts', 0, 2],
    ['functionMaxEventAgeSeconds', 60, 21_600],
  ];
  for (const [field, min, max] of optionalRanges) {
    if (trigger[field] !== undefined) {
      checkIntegerRange(issues, `trigger.${field}`, trigger[field], min, max);
    }
  }
}

function checkFunctionUrlTrigger(issues: string[], trigger: Record<string, unknown>): void {
  if (trigger['authType'] !== 'AWS_IAM') {
    issues.push(`trigger.authType must be "AWS_IAM": a function URL is never public (given ${show(trigger['authType'])})`);
  }
  const invokeMode = trigger['invokeMode'];
  if (invokeMode !== undefined && invokeMode !== 'BUFFERED') {
    issues.push(`trigger.invokeMode must be "BUFFERED" (given ${show(invokeMode)})`);
  }
}

function checkTrigger(issues: string[], trigger: FunctionDeclaration['trigger']): void {
  // Declarations may come from JSON or casts: a missing trigger is reported, not a TypeError.
  const source = (typeof trigger === 'object' && trigger !== null ? trigger : {}) as Record<string, unknown>;
  switch (source['type']) {
    case 'kinesis':
      if (source['stream'] !== 'telemetryRaw' && source['stream'] !== 'telemetryClean') {
        issues.push(`trigger.stream must be "telemetryRaw" or "telemetryClean" (given ${show(source['stream'])})`);
      }
      checkBatchSettings(issues, trigger as StreamTrigger);
      return;
    case 'dynamodb-stream':
      if (source['table'] !== 'sensorTable') {
        issues.push(`trigger.table must be "sensorTable" (given ${show(source['table'])})`);
      }
      checkBatchSettings(issues, trigger as StreamTrigger);
      return;
    case 'eventbridge-rule':
      checkEventRuleTrigger(issues, source);
      return;
    case 'function-url':
      checkFunctionUrlTrigger(issues, source);
      return;
    default:
      issues.push(`trigger.type must be one of ${TRIGGER_TYPES.map(show).join(', ')} (given ${show(source['type'])})`);
  }
}

function checkEnvironment(issues: string[], environment: FunctionDeclaration['environment']): void {
  for (const [name, value] of Object.entries(environment)) {
    if (!ENV_NAME_PATTERN.test(name)) {
      issues.push(
        `environment variable names must start with a letter and contain at least 2 letters, digits or underscores (given ${show(name)})`,
      );
    } else if (RESERVED_ENV_NAMES.has(name)) {
      issues.push(`environment variable ${name} is reserved by the Lambda runtime (given ${show(name)})`);
    }
    const valid = typeof value === 'string' || (typeof value === 'object' && value !== null && isPlatformParameterName(value.platform));
    if (!valid) {
      issues.push(`environment.${name} must be a string or { platform: <platform parameter name> } (given ${JSON.stringify(value)})`);
    }
  }
}

/**
 * Checks a declaration against Lambda, event-source-mapping, EventBridge and Function URL limits
 * before anything is built, so a bad value fails `nx test`/`nx synth` with a message naming it
 * rather than failing a deployment. Event patterns are checked with EventBridge's own rules
 * (`validatePattern` from `@wildrydes/event-patterns`); stream filter patterns also against
 * Lambda's narrower filter rule syntax, data key and length limit (`filterPatternProblems`).
 * Every problem is reported at once.
 *
 * @throws {FunctionDeclarationError} listing each problem, e.g.
 *   `batchSize must be between 1 and 10000 inclusive (given 0)`
 * @example
 * ```ts
 * validateDeclaration(declaration); // throws before the stack is built
 * ```
 */
export function validateDeclaration(declaration: FunctionDeclaration): void {
  const issues: string[] = [];
  const name: unknown = declaration.name;
  if (typeof name !== 'string' || !PROJECT_NAME_PATTERN.test(name)) {
    issues.push(`name must be a non-empty kebab-case Nx project name (given ${show(name)})`);
  }
  const description: unknown = declaration.description;
  if (typeof description !== 'string' || description.length > MAX_DESCRIPTION_LENGTH) {
    const given = typeof description === 'string' ? `${description.length} characters` : show(description);
    issues.push(`description must be a string of at most ${MAX_DESCRIPTION_LENGTH} characters (given ${given})`);
  }
  const handler: unknown = declaration.handler;
  if (handler !== 'index.handler') {
    issues.push(`handler must be "index.handler" (given ${show(handler)})`);
  }
  checkIntegerRange(issues, 'memorySizeMb', declaration.memorySizeMb, 128, 10_240);
  checkIntegerRange(issues, 'timeoutSeconds', declaration.timeoutSeconds, 1, 900);
  if (declaration.reservedConcurrency !== undefined) {
    const reserved = declaration.reservedConcurrency;
    if (!Number.isInteger(reserved) || reserved < 1) {
      issues.push(`reservedConcurrency must be a positive integer (given ${show(reserved)})`);
    }
  }
  checkTrigger(issues, declaration.trigger);
  checkEnvironment(issues, declaration.environment);
  checkOwnedTables(issues, declaration.ownedTables);
  if (issues.length > 0) {
    throw new FunctionDeclarationError(typeof name === 'string' ? name : String(name), issues);
  }
}

const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

function checkOwnedTables(issues: string[], tables: FunctionDeclaration['ownedTables']): void {
  if (tables === undefined) return;
  if (!Array.isArray(tables)) {
    issues.push(`ownedTables must be a list (given ${show(tables)})`);
    return;
  }
  const names = new Set<string>();
  tables.forEach((table: OwnedTableDeclaration, index) => {
    const at = `ownedTables[${index}]`;
    if (typeof table.tableName !== 'string' || !TABLE_NAME.test(table.tableName)) {
      issues.push(`${at}.tableName must be 3..255 letters, digits, "_", "-" or "." (given ${show(table.tableName)})`);
    } else if (names.has(table.tableName)) {
      issues.push(`${at}.tableName ${show(table.tableName)} is declared twice`);
    } else {
      names.add(table.tableName);
    }
    if (typeof table.partitionKey !== 'string' || table.partitionKey.length === 0) {
      issues.push(`${at}.partitionKey must be a non-empty attribute name (given ${show(table.partitionKey)})`);
    }
    if (table.sortKey !== undefined && (typeof table.sortKey !== 'string' || table.sortKey.length === 0 || table.sortKey === table.partitionKey)) {
      issues.push(`${at}.sortKey must be a non-empty attribute name other than the partition key (given ${show(table.sortKey)})`);
    }
  });
}
