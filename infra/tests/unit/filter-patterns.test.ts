import { describe, expect, it } from 'vitest';
import { FunctionDeclarationError, validateDeclaration, type StreamFunctionDeclaration } from '../../src/function-declaration.js';
import { dynamoDbDeclaration, kinesisDeclaration } from '../support/declarations.js';

/** The DynamoDB-stream declaration with these filter patterns. */
const dynamoDbWith = (filterPatterns: readonly unknown[]): StreamFunctionDeclaration =>
  ({ ...dynamoDbDeclaration, trigger: { ...dynamoDbDeclaration.trigger, filterPatterns } }) as StreamFunctionDeclaration;

/** The Kinesis declaration with these filter patterns. */
const kinesisWith = (filterPatterns: readonly unknown[]): StreamFunctionDeclaration =>
  ({ ...kinesisDeclaration, trigger: { ...kinesisDeclaration.trigger, filterPatterns } }) as StreamFunctionDeclaration;

/** The issues validateDeclaration reports for `declaration` (none when it passes). */
function issuesOf(declaration: StreamFunctionDeclaration): readonly string[] {
  try {
    validateDeclaration(declaration);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(FunctionDeclarationError);
    return (error as FunctionDeclarationError).issues;
  }
}

/** A DynamoDB pattern matching a NewImage string attribute with one matcher. */
const onName = (matcher: unknown): Record<string, unknown> => ({ dynamodb: { NewImage: { Name: { S: [matcher] } } } });

describe('stream filter patterns: what Lambda accepts', () => {
  it.each([
    ['exact values', { dynamodb: { Keys: { Name: { S: ['shadowfox', 'rocinante'] } } } }],
    ['null and the empty string', { dynamodb: { NewImage: { Note: [null], Color: { S: [''] } } } }],
    ['equals-ignore-case', onName({ 'equals-ignore-case': 'SHADOWFOX' })],
    ['anything-but with a list of values', onName({ 'anything-but': ['retired', 'lost'] })],
    ['anything-but with one value', onName({ 'anything-but': 'retired' })],
    ['numeric equals and range', { dynamodb: { NewImage: { Age: [{ numeric: ['=', 100] }, { numeric: ['>', 10, '<=', 20] }] } } }],
    ['exists and does-not-exist', { dynamodb: { OldImage: { Name: { S: [{ exists: false }] } }, NewImage: { Name: { S: [{ exists: true }] } } } }],
    ['prefix with a string', onName({ prefix: 'uni' })],
    ['suffix with a string', onName({ suffix: '-1' })],
    ['$or across fields under the dynamodb key', { dynamodb: { $or: [{ Keys: { Name: { S: ['a'] } } }, { NewImage: { Age: [{ numeric: ['<', 5] }] } }] } }],
    ['$or at the top level whose branches filter on the dynamodb key', { $or: [onName('a'), { dynamodb: { OldImage: { Name: { S: ['b'] } } } }] }],
    ['a dotted key under the dynamodb key (dotted keys are paths in the filter engine)', { 'dynamodb.NewImage.Name.S': ['a'] }],
  ])('given a DynamoDB filter with %s, when validated, then it passes', (_, pattern) => {
    expect(issuesOf(dynamoDbWith([pattern]))).toEqual([]);
  });

  it('given a Kinesis filter on the data key, when validated, then it passes', () => {
    expect(issuesOf(kinesisWith([{ data: { status: ['ERROR'], temperature: [{ numeric: ['>', 50, '<=', 60] }] } }]))).toEqual([]);
  });

  it('given a pattern of exactly 4096 characters as JSON, when validated, then it passes', () => {
    // Given
    const skeleton = JSON.stringify(onName('')).length;
    const pattern = onName('x'.repeat(4096 - skeleton));

    // When / Then
    expect(JSON.stringify(pattern)).toHaveLength(4096);
    expect(issuesOf(dynamoDbWith([pattern]))).toEqual([]);
  });
});

describe('stream filter patterns: what Lambda refuses, named by pattern index', () => {
  it.each([
    [onName({ wildcard: 'uni*' }), 'filterPatterns[0] at dynamodb.NewImage.Name.S: "wildcard" is not a Lambda filter operator'],
    [onName({ 'anything-but': { prefix: 'test-' } }), 'filterPatterns[0] at dynamodb.NewImage.Name.S: Lambda supports "anything-but" with a value or a list of values only (given {"prefix":"test-"})'],
    [onName({ 'anything-but': { suffix: '-old' } }), 'Lambda supports "anything-but" with a value or a list of values only (given {"suffix":"-old"})'],
    [onName({ 'anything-but': { 'equals-ignore-case': 'x' } }), 'Lambda supports "anything-but" with a value or a list of values only (given {"equals-ignore-case":"x"})'],
    [onName({ prefix: { 'equals-ignore-case': 'UNI' } }), 'filterPatterns[0] at dynamodb.NewImage.Name.S: Lambda supports "prefix" with a string only (given {"equals-ignore-case":"UNI"})'],
    [onName({ suffix: { 'equals-ignore-case': '-1' } }), 'Lambda supports "suffix" with a string only (given {"equals-ignore-case":"-1"})'],
    [{ eventName: ['INSERT', 'MODIFY'] }, 'filterPatterns[0] filters on "eventName": DynamoDB event source mappings filter on the "dynamodb" key only'],
    [{ $or: [onName('a'), { eventName: ['REMOVE'] }] }, 'filterPatterns[0] filters on "$or[1].eventName": DynamoDB event source mappings filter on the "dynamodb" key only'],
    [{ 'eventName.x': ['INSERT'] }, 'filterPatterns[0] filters on "eventName.x": DynamoDB event source mappings filter on the "dynamodb" key only'],
    [{ dynamodb: { Keys: [] } }, 'filterPatterns[0]: Invalid event pattern at dynamodb.Keys: Empty arrays are not allowed'],
    [{}, 'filterPatterns[0] must be a non-empty object (given {})'],
  ])('given DynamoDB filter %j, when validated, then the issue names the pattern and the problem', (pattern, expected) => {
    // When
    const issues = issuesOf(dynamoDbWith([pattern]));

    // Then
    expect(issues).toEqual([expect.stringContaining(expected)]);
  });

  it.each([
    [{ data: { sourceIp: [{ cidr: '10.0.0.0/24' }] } }, 'filterPatterns[0] at data.sourceIp: "cidr" is not a Lambda filter operator'],
    [{ partitionKey: ['1'] }, 'filterPatterns[0] filters on "partitionKey": Kinesis event source mappings filter on the "data" key only'],
    [{ dynamodb: { Keys: { Name: { S: ['a'] } } } }, 'filterPatterns[0] filters on "dynamodb": Kinesis event source mappings filter on the "data" key only'],
  ])('given Kinesis filter %j, when validated, then the issue names the pattern and the problem', (pattern, expected) => {
    expect(issuesOf(kinesisWith([pattern]))).toEqual([expect.stringContaining(expected)]);
  });

  it('given a pattern over 4096 characters as JSON, when validated, then the issue gives its length and the limit', () => {
    // Given: "below 1000 health points" spelled out as values
    const lowHealthPoints = Array.from({ length: 1000 }, (_, points) => String(points));
    const pattern = { dynamodb: { NewImage: { HealthPoints: { N: lowHealthPoints } } } };

    // When
    const issues = issuesOf(dynamoDbWith([onName('a'), pattern]));

    // Then
    expect(issues).toEqual([`filterPatterns[1] is ${JSON.stringify(pattern).length} characters as JSON, over Lambda's limit of 4096`]);
  });

  it('given several bad patterns, when validated, then each problem is reported with its own pattern index', () => {
    // Given
    const patterns = [onName('ok'), onName({ wildcard: '*x' }), { eventName: ['INSERT'], dynamodb: { NewImage: { Age: [{ cidr: '10.0.0.0/8' }] } } }];

    // When
    const issues = issuesOf(dynamoDbWith(patterns));

    // Then
    expect(issues).toEqual([
      expect.stringMatching(/^filterPatterns\[1\] at dynamodb\.NewImage\.Name\.S: "wildcard" is not a Lambda filter operator/),
      'filterPatterns[2] filters on "eventName": DynamoDB event source mappings filter on the "dynamodb" key only',
      expect.stringMatching(/^filterPatterns\[2\] at dynamodb\.NewImage\.Age: "cidr" is not a Lambda filter operator/),
    ]);
  });

  it('given six patterns, when validated, then only the count is reported (Lambda quota)', () => {
    expect(issuesOf(dynamoDbWith(Array.from({ length: 6 }, () => onName('a'))))).toEqual([
      'filterPatterns must be an array of at most 5 patterns (given 6 patterns)',
    ]);
  });
});
