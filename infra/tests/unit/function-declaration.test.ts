import { describe, expect, it } from 'vitest';
import {
  EVENT_RULE_DEFAULTS,
  FunctionDeclarationError,
  STREAM_CONSUMER_DEFAULTS,
  bundleDirectory,
  resolveEnvironment,
  resolveEventRuleSettings,
  resolveTriggerSettings,
  validateDeclaration,
  type FunctionDeclaration,
  type StreamFunctionDeclaration,
} from '../../src/function-declaration.js';
import { dynamoDbDeclaration, eventRuleDeclaration, httpDeclaration, kinesisDeclaration, newImageFilter } from '../support/declarations.js';

/** The declaration with some trigger settings replaced (by possibly invalid values). */
const withTrigger = (overrides: Record<string, unknown>): StreamFunctionDeclaration =>
  ({ ...kinesisDeclaration, trigger: { ...kinesisDeclaration.trigger, ...overrides } }) as StreamFunctionDeclaration;

/** The EventBridge-rule declaration with some trigger settings replaced (by possibly invalid values). */
const withEventRuleTrigger = (overrides: Record<string, unknown>): FunctionDeclaration =>
  ({ ...eventRuleDeclaration, trigger: { ...eventRuleDeclaration.trigger, ...overrides } }) as FunctionDeclaration;

/** The Function URL declaration with some trigger settings replaced (by possibly invalid values). */
const withUrlTrigger = (overrides: Record<string, unknown>): FunctionDeclaration =>
  ({ ...httpDeclaration, trigger: { ...httpDeclaration.trigger, ...overrides } }) as FunctionDeclaration;

/** The message validateDeclaration throws for `declaration`, or undefined. */
function validationMessage(declaration: FunctionDeclaration): string | undefined {
  try {
    validateDeclaration(declaration);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(FunctionDeclarationError);
    return (error as Error).message;
  }
}

describe('validateDeclaration', () => {
  it('given the sample Kinesis and DynamoDB-stream declarations, when validated, then nothing is thrown', () => {
    expect(() => validateDeclaration(kinesisDeclaration)).not.toThrow();
    expect(() => validateDeclaration(dynamoDbDeclaration)).not.toThrow();
  });

  it.each([
    [{ batchSize: 0 }, 'batchSize must be between 1 and 10000 inclusive (given 0)'],
    [{ batchSize: 10_001 }, 'batchSize must be between 1 and 10000 inclusive (given 10001)'],
    [{ batchSize: 2.5 }, 'batchSize must be a whole number (given 2.5)'],
    [{ maxBatchingWindowSeconds: 301 }, 'maxBatchingWindowSeconds must be between 0 and 300 inclusive (given 301)'],
    [{ maxBatchingWindowSeconds: -1 }, 'maxBatchingWindowSeconds must be between 0 and 300 inclusive (given -1)'],
    [{ retryAttempts: -2 }, 'retryAttempts must be between -1 and 10000 inclusive (given -2)'],
    [{ retryAttempts: 10_001 }, 'retryAttempts must be between -1 and 10000 inclusive (given 10001)'],
    [{ maxRecordAgeSeconds: 59 }, 'maxRecordAgeSeconds must be -1 or a whole number between 60 and 604800 inclusive (given 59)'],
    [{ maxRecordAgeSeconds: 604_801 }, 'maxRecordAgeSeconds must be -1 or a whole number between 60 and 604800 inclusive (given 604801)'],
    [{ parallelizationFactor: 0 }, 'parallelizationFactor must be between 1 and 10 inclusive (given 0)'],
    [{ parallelizationFactor: 11 }, 'parallelizationFactor must be between 1 and 10 inclusive (given 11)'],
    [{ startingPosition: 'AT_TIMESTAMP' }, 'startingPosition must be "TRIM_HORIZON" or "LATEST" (given "AT_TIMESTAMP")'],
    [{ stream: 'telemetry' }, 'trigger.stream must be "telemetryRaw" or "telemetryClean" (given "telemetry")'],
    [{ filterPatterns: Array.from({ length: 6 }, () => ({ a: [1] })) }, 'filterPatterns must be an array of at most 5 patterns (given 6 patterns)'],
    [{ filterPatterns: [{}] }, 'filterPatterns[0] must be a non-empty object (given {})'],
  ])('given trigger setting %o, when validated, then the error names the value given', (overrides, expected) => {
    // Given
    const declaration = withTrigger(overrides);

    // When
    const message = validationMessage(declaration);

    // Then
    expect(message).toContain(expected);
  });

  it.each([
    [{ timeoutSeconds: 0 }, 'timeoutSeconds must be between 1 and 900 inclusive (given 0)'],
    [{ timeoutSeconds: 901 }, 'timeoutSeconds must be between 1 and 900 inclusive (given 901)'],
    [{ memorySizeMb: 127 }, 'memorySizeMb must be between 128 and 10240 inclusive (given 127)'],
    [{ memorySizeMb: 10_241 }, 'memorySizeMb must be between 128 and 10240 inclusive (given 10241)'],
    [{ name: '' }, 'name must be a non-empty kebab-case Nx project name (given "")'],
    [{ name: 'Kinesis_Writer' }, 'name must be a non-empty kebab-case Nx project name (given "Kinesis_Writer")'],
    [{ handler: 'main.handler' }, 'handler must be "index.handler" (given "main.handler")'],
    [{ reservedConcurrency: 0 }, 'reservedConcurrency must be a positive integer (given 0)'],
    [{ description: 'x'.repeat(257) }, 'description must be a string of at most 256 characters (given 257 characters)'],
    [{ environment: { '1ST': 'x' } }, 'environment variable names must start with a letter and contain at least 2 letters, digits or underscores (given "1ST")'],
    [{ environment: { A: 'x' } }, '(given "A")'],
    [{ environment: { 'TABLE-NAME': 'x' } }, '(given "TABLE-NAME")'],
    [{ environment: { AWS_REGION: 'eu-west-1' } }, 'environment variable AWS_REGION is reserved by the Lambda runtime (given "AWS_REGION")'],
    [{ environment: { TABLE_NAME: { platform: 'sensorTable' } } }, 'environment.TABLE_NAME must be a string or { platform: <platform parameter name> } (given {"platform":"sensorTable"})'],
    [{ trigger: undefined }, 'trigger.type must be one of "kinesis", "dynamodb-stream", "eventbridge-rule", "function-url" (given undefined)'],
    [
      { trigger: { type: 'sqs' } },
      'trigger.type must be one of "kinesis", "dynamodb-stream", "eventbridge-rule", "function-url" (given "sqs")',
    ],
  ])('given declaration field %o, when validated, then the error names the value given', (overrides, expected) => {
    // Given
    const declaration = { ...kinesisDeclaration, ...overrides } as unknown as StreamFunctionDeclaration;

    // When
    const message = validationMessage(declaration);

    // Then
    expect(message).toContain(expected);
  });

  it('given several bad values, when validated, then one error lists every problem and the function name', () => {
    // Given
    const declaration = { ...withTrigger({ batchSize: 0, retryAttempts: -5 }), timeoutSeconds: 0 };

    // When
    let caught: unknown;
    try {
      validateDeclaration(declaration);
    } catch (error) {
      caught = error;
    }

    // Then
    expect(caught).toBeInstanceOf(FunctionDeclarationError);
    const error = caught as FunctionDeclarationError;
    expect(error.name).toBe('FunctionDeclarationError');
    expect(error.message).toMatch(/^Invalid function declaration "kinesis-ddb-writer": /);
    expect(error.issues).toEqual([
      'timeoutSeconds must be between 1 and 900 inclusive (given 0)',
      'batchSize must be between 1 and 10000 inclusive (given 0)',
      'retryAttempts must be between -1 and 10000 inclusive (given -5)',
    ]);
  });

  it('given the unbounded values Lambda accepts (-1), when validated, then they pass', () => {
    expect(() => validateDeclaration(withTrigger({ retryAttempts: -1, maxRecordAgeSeconds: -1 }))).not.toThrow();
  });
});

describe('validateDeclaration with an EventBridge-rule trigger', () => {
  it('given the sample rule target, when validated, then nothing is thrown', () => {
    expect(() => validateDeclaration(eventRuleDeclaration)).not.toThrow();
  });

  it('given every optional setting at its limits, when validated, then nothing is thrown', () => {
    // Given
    const lowest = withEventRuleTrigger({ retryAttempts: 0, maxEventAgeSeconds: 60, functionRetryAttempts: 0, functionMaxEventAgeSeconds: 60 });
    const highest = withEventRuleTrigger({
      retryAttempts: 185,
      maxEventAgeSeconds: 86_400,
      functionRetryAttempts: 2,
      functionMaxEventAgeSeconds: 21_600,
    });

    // When / Then
    expect(validationMessage(lowest)).toBeUndefined();
    expect(validationMessage(highest)).toBeUndefined();
  });

  it.each([
    [{ bus: 'default' }, 'trigger.bus must be "eventBus" (given "default")'],
    [{ eventPattern: {} }, 'trigger.eventPattern must be a non-empty object (given {})'],
    [{ eventPattern: ['wildrydes.rides'] }, 'trigger.eventPattern must be a non-empty object (given ["wildrydes.rides"])'],
    [{ eventPattern: undefined }, 'trigger.eventPattern must be a non-empty object (given undefined)'],
    [
      { eventPattern: { source: 'wildrydes.rides' } },
      'trigger.eventPattern: Invalid event pattern at source: "source" must be an object or an array',
    ],
    [{ eventPattern: { detail: { price: [] } } }, 'trigger.eventPattern: Invalid event pattern at detail.price: Empty arrays are not allowed'],
    [{ retryAttempts: -1 }, 'trigger.retryAttempts must be between 0 and 185 inclusive (given -1)'],
    [{ retryAttempts: 186 }, 'trigger.retryAttempts must be between 0 and 185 inclusive (given 186)'],
    [{ retryAttempts: 1.5 }, 'trigger.retryAttempts must be a whole number (given 1.5)'],
    [{ maxEventAgeSeconds: 59 }, 'trigger.maxEventAgeSeconds must be between 60 and 86400 inclusive (given 59)'],
    [{ maxEventAgeSeconds: 86_401 }, 'trigger.maxEventAgeSeconds must be between 60 and 86400 inclusive (given 86401)'],
    [{ functionRetryAttempts: 3 }, 'trigger.functionRetryAttempts must be between 0 and 2 inclusive (given 3)'],
    [{ functionMaxEventAgeSeconds: 59 }, 'trigger.functionMaxEventAgeSeconds must be between 60 and 21600 inclusive (given 59)'],
    [{ functionMaxEventAgeSeconds: 21_601 }, 'trigger.functionMaxEventAgeSeconds must be between 60 and 21600 inclusive (given 21601)'],
  ])('given trigger setting %o, when validated, then the error names the value given', (overrides, expected) => {
    // Given
    const declaration = withEventRuleTrigger(overrides);

    // When
    const message = validationMessage(declaration);

    // Then
    expect(message).toContain(expected);
  });

  it('given a huge invalid pattern, when validated, then the message shows only its first 200 characters', () => {
    // Given
    const eventPattern = Array.from({ length: 100 }, (_, index) => `field${index}`);

    // When
    const message = validationMessage(withEventRuleTrigger({ eventPattern }));

    // Then
    expect(message).toContain('trigger.eventPattern must be a non-empty object (given ["field0","field1",');
    expect(message).toMatch(/\.\.\.\)$/);
    expect(message?.length).toBeLessThan(400);
  });
});

describe('validateDeclaration with a Function URL trigger', () => {
  it('given the sample HTTP function, with and without an explicit BUFFERED mode, when validated, then nothing is thrown', () => {
    expect(validationMessage(httpDeclaration)).toBeUndefined();
    expect(validationMessage(withUrlTrigger({ invokeMode: 'BUFFERED' }))).toBeUndefined();
  });

  it.each([
    [{ authType: 'NONE' }, 'trigger.authType must be "AWS_IAM": a function URL is never public (given "NONE")'],
    [{ authType: undefined }, 'trigger.authType must be "AWS_IAM": a function URL is never public (given undefined)'],
    [{ invokeMode: 'RESPONSE_STREAM' }, 'trigger.invokeMode must be "BUFFERED" (given "RESPONSE_STREAM")'],
  ])('given trigger setting %o, when validated, then the error names the value given', (overrides, expected) => {
    // Given
    const declaration = withUrlTrigger(overrides);

    // When
    const message = validationMessage(declaration);

    // Then
    expect(message).toContain(expected);
  });

  it('given a bad common field on an HTTP function, when validated, then it is reported like for any trigger', () => {
    expect(validationMessage({ ...httpDeclaration, memorySizeMb: 64 })).toContain(
      'memorySizeMb must be between 128 and 10240 inclusive (given 64)',
    );
  });
});

describe('resolveEventRuleSettings', () => {
  it('given a trigger with only the required settings, when resolved, then every default is filled in', () => {
    // When
    const resolved = resolveEventRuleSettings(eventRuleDeclaration.trigger);

    // Then
    expect(resolved).toEqual({
      ...eventRuleDeclaration.trigger,
      retryAttempts: 8,
      maxEventAgeSeconds: 3600,
      functionRetryAttempts: 2,
      functionMaxEventAgeSeconds: 21_600,
    });
  });

  it('given a trigger that overrides defaults (zero included), when resolved, then its values win', () => {
    // Given
    const trigger = { ...eventRuleDeclaration.trigger, retryAttempts: 0, functionRetryAttempts: 0, maxEventAgeSeconds: 600 };

    // When
    const resolved = resolveEventRuleSettings(trigger);

    // Then
    expect(resolved).toMatchObject({
      retryAttempts: 0,
      functionRetryAttempts: 0,
      maxEventAgeSeconds: 600,
      functionMaxEventAgeSeconds: EVENT_RULE_DEFAULTS.functionMaxEventAgeSeconds,
    });
  });

  it('given the defaults, then they are within what EventBridge and Lambda accept', () => {
    expect(() => validateDeclaration(withEventRuleTrigger({ ...EVENT_RULE_DEFAULTS }))).not.toThrow();
  });
});

describe('resolveTriggerSettings', () => {
  it('given a trigger with only the required settings, when resolved, then every default is filled in', () => {
    // When
    const resolved = resolveTriggerSettings(kinesisDeclaration.trigger);

    // Then
    expect(resolved).toEqual({
      ...kinesisDeclaration.trigger,
      startingPosition: 'TRIM_HORIZON',
      parallelizationFactor: 1,
      retryAttempts: 3,
      maxRecordAgeSeconds: 3600,
      bisectBatchOnError: true,
      filterPatterns: [],
      reportBatchItemFailures: true,
    });
  });

  it('given a trigger that overrides defaults, when resolved, then its values win and the rest are defaults', () => {
    // When
    const resolved = resolveTriggerSettings(dynamoDbDeclaration.trigger);

    // Then
    expect(resolved).toMatchObject({
      type: 'dynamodb-stream',
      table: 'sensorTable',
      retryAttempts: 5,
      maxRecordAgeSeconds: 7200,
      startingPosition: 'LATEST',
      filterPatterns: [newImageFilter],
      parallelizationFactor: STREAM_CONSUMER_DEFAULTS.parallelizationFactor,
      bisectBatchOnError: STREAM_CONSUMER_DEFAULTS.bisectBatchOnError,
      reportBatchItemFailures: true,
    });
  });

  it('given bisect turned off explicitly, when resolved, then false is kept (not replaced by the default)', () => {
    expect(resolveTriggerSettings({ ...kinesisDeclaration.trigger, bisectBatchOnError: false }).bisectBatchOnError).toBe(false);
  });

  it('given the defaults, then retries and record age are bounded and within the stream retention', () => {
    expect(STREAM_CONSUMER_DEFAULTS.retryAttempts).toBeGreaterThanOrEqual(0);
    expect(STREAM_CONSUMER_DEFAULTS.maxRecordAgeSeconds).toBeGreaterThanOrEqual(60);
    expect(STREAM_CONSUMER_DEFAULTS.maxRecordAgeSeconds).toBeLessThan(24 * 3600);
  });
});

describe('resolveEnvironment', () => {
  it('given literal and platform values, when resolved, then literals stay and platform values are looked up', () => {
    // Given
    const names = { sensorTableName: 'UnicornSensorData', quarantineBucketName: 'quarantine-bucket' };

    // When
    const environment = resolveEnvironment(kinesisDeclaration.environment, (name) => names[name as keyof typeof names]);

    // Then
    expect(environment).toEqual({
      TABLE_NAME: 'UnicornSensorData',
      QUARANTINE_BUCKET_NAME: 'quarantine-bucket',
      LOG_LEVEL: 'INFO',
    });
  });
});

describe('bundleDirectory', () => {
  it('given a function name, then the bundle folder is dist/apps/<name> relative to the workspace root', () => {
    expect(bundleDirectory('kinesis-ddb-writer')).toBe('dist/apps/kinesis-ddb-writer');
  });
});

describe('validateDeclaration with owned tables', () => {
  it('given a read-model table with string keys, when validated, then nothing is thrown', () => {
    expect(() =>
      validateDeclaration({ ...eventRuleDeclaration, ownedTables: [{ tableName: 'UnicornFleetReadModel', partitionKey: 'pk', sortKey: 'sk' }] }),
    ).not.toThrow();
  });

  it('given bad tables, when validated, then every problem is named', () => {
    const declaration = {
      ...eventRuleDeclaration,
      ownedTables: [
        { tableName: 'x', partitionKey: 'pk' },
        { tableName: 'Twice', partitionKey: '' },
        { tableName: 'Twice', partitionKey: 'pk', sortKey: 'pk' },
      ],
    } as FunctionDeclaration;
    let message = '';
    try {
      validateDeclaration(declaration);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('ownedTables[0].tableName must be 3..255 letters');
    expect(message).toContain('ownedTables[1].partitionKey must be a non-empty attribute name (given "")');
    expect(message).toContain('ownedTables[2].tableName "Twice" is declared twice');
    expect(message).toContain('ownedTables[2].sortKey must be a non-empty attribute name other than the partition key');
  });
});
