import { describe, expect, it } from 'vitest';
import { EventPatternError, InvalidEventPatternError, validatePattern } from '../../src/index.js';

/**
 * Each reason is EventBridge's own wording: the messages of Event Ruler's `JsonRuleCompiler`,
 * `CIDR` and `WildcardParser` (EventBridge answers `Event pattern is not valid. Reason: "slug"
 * must be an object or an array at [Source: ...]`). Reasons written here in lower case are ours,
 * where EventBridge's limits come from the user guide rather than from the engine.
 */
interface RejectionCase {
  readonly name: string;
  readonly pattern: unknown;
  readonly path: string;
  readonly reason: string | RegExp;
}

function captureError(pattern: unknown): unknown {
  try {
    validatePattern(pattern);
  } catch (error) {
    return error;
  }
  return undefined;
}

const stackWildcards = (count: number): unknown => ({
  detail: { 'stack-id': Array.from({ length: count }, (_, index) => ({ wildcard: `*:stack/Stack${index}/*` })) },
});

const structure: RejectionCase[] = [
  { name: 'text that is not JSON', pattern: '{ "source": [ "aws.ec2" ', path: '', reason: /not valid JSON/ },
  { name: 'JSON text of an array', pattern: '[{ "source": ["aws.ec2"] }]', path: '', reason: 'Filter is not an object' },
  { name: 'null', pattern: null, path: '', reason: 'Filter is not an object' },
  { name: 'a number', pattern: 42, path: '', reason: 'Filter is not an object' },
  { name: 'an empty pattern', pattern: {}, path: '', reason: 'Empty objects are not allowed' },
  { name: 'a leaf that is not an array (the rule that a pattern leaf must be an array)', pattern: { source: 'aws.ec2' }, path: 'source', reason: '"source" must be an object or an array' },
  { name: 'a leaf that is a number (AWS: "int" must be an object or an array)', pattern: { detail: { int: 5 } }, path: 'detail.int', reason: '"int" must be an object or an array' },
  { name: 'a leaf that is null', pattern: { detail: { x: null } }, path: 'detail.x', reason: '"x" must be an object or an array' },
  { name: 'a leaf that is a boolean', pattern: { detail: { x: true } }, path: 'detail.x', reason: '"x" must be an object or an array' },
  { name: 'a dotted leaf that is a string names the whole key', pattern: { 'detail.x': 'y' }, path: 'detail.x', reason: '"detail.x" must be an object or an array' },
  { name: 'an empty nested object', pattern: { detail: {} }, path: 'detail', reason: 'Empty objects are not allowed' },
  { name: 'an empty value array', pattern: { detail: { state: [] } }, path: 'detail.state', reason: 'Empty arrays are not allowed' },
  { name: 'an array inside the value array', pattern: { detail: { state: [['running']] } }, path: 'detail.state', reason: 'Match value must be String, number, true, false, or null' },
  { name: 'a non-finite number', pattern: { detail: { n: [Number.POSITIVE_INFINITY] } }, path: 'detail.n', reason: /not a finite JSON number/ },
  { name: 'an empty operator object', pattern: { source: [{}] }, path: 'source', reason: 'Match expression name not found' },
  { name: 'two operators in one object', pattern: { source: [{ prefix: 'a', suffix: 'b' }] }, path: 'source', reason: 'Only one key allowed in match expression' },
  { name: 'a second key after numeric', pattern: { n: [{ numeric: ['>', 1], prefix: 'b' }] }, path: 'n', reason: 'Too many elements in numeric expression' },
  { name: 'the first operator is read whole before a second key is noticed', pattern: { n: [{ numeric: 'x', prefix: 'b' }] }, path: 'n', reason: 'Value of numeric must be an array.' },
  { name: 'an unknown operator', pattern: { source: [{ contains: 'ec2' }] }, path: 'source', reason: 'Unrecognized match type contains' },
  { name: '[choice] "exactly" is not in the EventBridge guide and is refused', pattern: { source: [{ exactly: 'ec2' }] }, path: 'source', reason: 'Unrecognized match type exactly' },
];

const stringOperators: RejectionCase[] = [
  { name: 'prefix of a number', pattern: { time: [{ prefix: 2017 }] }, path: 'time', reason: 'prefix match pattern must be a string' },
  { name: 'prefix with an unknown inner key', pattern: { time: [{ prefix: { 'starts-with': 'x' } }] }, path: 'time', reason: 'Unsupported prefix pattern: starts-with' },
  { name: 'prefix with an empty inner object', pattern: { time: [{ prefix: {} }] }, path: 'time', reason: 'Prefix expression name not found' },
  { name: 'prefix with two inner keys', pattern: { time: [{ prefix: { 'equals-ignore-case': 'x', other: 'y' } }] }, path: 'time', reason: 'Only one key allowed in match expression' },
  { name: 'prefix equals-ignore-case of a number', pattern: { time: [{ prefix: { 'equals-ignore-case': 1 } }] }, path: 'time', reason: 'equals-ignore-case match pattern must be a string' },
  { name: 'suffix of null', pattern: { file: [{ suffix: null }] }, path: 'file', reason: 'suffix match pattern must be a string' },
  { name: 'suffix with an unknown inner key', pattern: { file: [{ suffix: { x: 'y' } }] }, path: 'file', reason: 'Unsupported suffix pattern: x' },
  { name: 'suffix equals-ignore-case of a list', pattern: { file: [{ suffix: { 'equals-ignore-case': ['.png'] } }] }, path: 'file', reason: 'equals-ignore-case match pattern must be a string' },
  { name: 'equals-ignore-case of a list', pattern: { name: [{ 'equals-ignore-case': ['a'] }] }, path: 'name', reason: 'equals-ignore-case match pattern must be a string' },
  { name: 'wildcard of a number', pattern: { file: [{ wildcard: 5 }] }, path: 'file', reason: 'wildcard match pattern must be a string' },
  { name: 'consecutive wildcards (position in the quoted value)', pattern: { file: [{ wildcard: 'dir/**.png' }] }, path: 'file', reason: 'Consecutive wildcard characters at pos 5' },
  { name: 'consecutive wildcards after a two-byte character', pattern: { file: [{ wildcard: 'é**' }] }, path: 'file', reason: 'Consecutive wildcard characters at pos 3' },
  { name: 'a backslash escaping a letter', pattern: { file: [{ wildcard: 'dir\\d*' }] }, path: 'file', reason: 'Invalid escape character at pos 4' },
  { name: 'a trailing backslash', pattern: { file: [{ wildcard: 'dir*\\' }] }, path: 'file', reason: 'Invalid escape character at pos 5' },
  { name: 'rule complexity: four two-wildcard values on one field (12)', pattern: stackWildcards(4), path: 'detail.stack-id', reason: 'Rule is too complex' },
  { name: 'rule complexity: AWS refuses *:*:*:*:*:event-bus/* (11)', pattern: { resources: [{ wildcard: '*:*:*:*:*:event-bus/*' }] }, path: 'resources', reason: 'Rule is too complex' },
  { name: 'rule complexity: ten wildcards in one value (11)', pattern: { key: [{ wildcard: 'a*b*c*d*e*f*g*h*i*j*' }] }, path: 'key', reason: 'Rule is too complex' },
  {
    name: 'rule complexity pools a field across $or alternatives that reach it the same way',
    pattern: { $or: [{ key: [{ wildcard: '*a*b*c*d*' }] }, { key: [{ wildcard: '*e*f*g*h*' }] }, { other: ['x'] }] },
    path: 'key',
    reason: 'Rule is too complex',
  },
  {
    name: 'rule complexity counts anything-but wildcards',
    pattern: { a: [{ 'anything-but': { wildcard: ['*1*2*3*4*', '*5*6*7*8*'] } }] },
    path: 'a',
    reason: 'Rule is too complex',
  },
  {
    name: 'rule complexity: a dotted key and a nested object are one field (an $or alternative overrides it)',
    pattern: { 'detail.key': [{ wildcard: '*a*b*c*d*' }], $or: [{ x: ['1'] }, { detail: { key: [{ wildcard: '*e*f*g*h*' }] } }] },
    path: 'detail.key',
    reason: 'Rule is too complex',
  },
];

const anythingBut: RejectionCase[] = [
  { name: 'null', pattern: { state: [{ 'anything-but': null }] }, path: 'state', reason: 'Value of anything-but must be an array or single string/number value.' },
  { name: 'a boolean', pattern: { state: [{ 'anything-but': true }] }, path: 'state', reason: 'Value of anything-but must be an array or single string/number value.' },
  { name: 'an empty list', pattern: { state: [{ 'anything-but': [] }] }, path: 'state', reason: 'Inside anything but list, either all values are number or string, mixed type is not supported' },
  { name: 'a list mixing strings and numbers', pattern: { state: [{ 'anything-but': ['a', 1] }] }, path: 'state', reason: 'Inside anything but list, either all values are number or string, mixed type is not supported' },
  { name: 'a list holding null', pattern: { state: [{ 'anything-but': ['a', null] }] }, path: 'state', reason: 'Inside anything but list, start|null|boolean is not supported.' },
  { name: 'a list of prefix objects', pattern: { user: [{ 'anything-but': [{ prefix: 'abc-' }, { prefix: 'xyz-' }] }] }, path: 'user', reason: 'Inside anything but list, start|null|boolean is not supported.' },
  { name: 'a number beyond 5e9', pattern: { n: [{ 'anything-but': 6e9 }] }, path: 'n', reason: /outside the supported range/ },
  { name: 'a list number beyond -5e9', pattern: { n: [{ 'anything-but': [1, -6e9] }] }, path: 'n', reason: /outside the supported range/ },
  { name: 'an unsupported inner operator', pattern: { n: [{ 'anything-but': { numeric: ['>', 1] } }] }, path: 'n', reason: 'Unsupported anything-but pattern: numeric' },
  { name: 'two inner operators', pattern: { n: [{ 'anything-but': { prefix: 'a', suffix: 'b' } }] }, path: 'n', reason: 'Too many elements in numeric expression' },
  { name: 'an empty inner object', pattern: { n: [{ 'anything-but': {} }] }, path: 'n', reason: 'Anything-But expression name not found' },
  { name: 'an empty prefix', pattern: { n: [{ 'anything-but': { prefix: '' } }] }, path: 'n', reason: 'Null prefix/suffix not allowed' },
  { name: 'an empty suffix in a list', pattern: { n: [{ 'anything-but': { suffix: ['.png', ''] } }] }, path: 'n', reason: 'Null prefix/suffix not allowed' },
  { name: 'a prefix that is a number', pattern: { n: [{ 'anything-but': { prefix: 1 } }] }, path: 'n', reason: 'prefix/suffix match pattern must be a string' },
  { name: '[choice] an empty prefix list', pattern: { n: [{ 'anything-but': { prefix: [] } }] }, path: 'n', reason: /"prefix" list must not be empty/ },
  { name: 'equals-ignore-case with a number', pattern: { n: [{ 'anything-but': { 'equals-ignore-case': ['a', 2] } }] }, path: 'n', reason: 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.' },
  { name: 'a wildcard list with a number', pattern: { n: [{ 'anything-but': { wildcard: ['a*', 2] } }] }, path: 'n', reason: 'wildcard match pattern must be a string' },
  { name: 'an invalid wildcard', pattern: { n: [{ 'anything-but': { wildcard: '**' } }] }, path: 'n', reason: 'Consecutive wildcard characters at pos 1' },
  { name: 'a prefix written as equals-ignore-case', pattern: { n: [{ 'anything-but': { prefix: { 'equals-ignore-case': 'a' } } }] }, path: 'n', reason: 'Value of anything-but must be an array or single string/number value.' },
];

const numeric: RejectionCase[] = [
  { name: 'not an array', pattern: { detail: { price: [{ numeric: '>5' }] } }, path: 'detail.price', reason: 'Value of numeric must be an array.' },
  { name: 'an empty array', pattern: { detail: { price: [{ numeric: [] }] } }, path: 'detail.price', reason: 'Invalid member in numeric match: ]' },
  { name: 'an operator without its number', pattern: { detail: { price: [{ numeric: ['>'] }] } }, path: 'detail.price', reason: 'Value of > must be numeric' },
  { name: 'three elements', pattern: { detail: { price: [{ numeric: ['>', 0, '<'] }] } }, path: 'detail.price', reason: 'Value of < must be numeric' },
  { name: 'six elements', pattern: { detail: { price: [{ numeric: ['>', 0, '<', 5, '<', 9] }] } }, path: 'detail.price', reason: 'Too many terms in numeric range expression' },
  { name: 'an unknown operator', pattern: { detail: { price: [{ numeric: ['!=', 5] }] } }, path: 'detail.price', reason: 'Unrecognized numeric range operator: !=' },
  { name: 'a number where the operator goes', pattern: { detail: { price: [{ numeric: [5, '>'] }] } }, path: 'detail.price', reason: 'Invalid member in numeric match: 5' },
  { name: 'a numeric string', pattern: { detail: { price: [{ numeric: ['>', '5'] }] } }, path: 'detail.price', reason: 'Value of > must be numeric' },
  { name: 'equals with a string', pattern: { detail: { price: [{ numeric: ['=', 'x'] }] } }, path: 'detail.price', reason: 'Value of equals must be numeric' },
  { name: 'a range starting with an upper bound', pattern: { detail: { price: [{ numeric: ['<', 5, '>', 0] }] } }, path: 'detail.price', reason: 'Too many elements in numeric expression' },
  { name: 'a range starting with =', pattern: { detail: { price: [{ numeric: ['=', 1, '<', 5] }] } }, path: 'detail.price', reason: 'Too many elements in numeric expression' },
  { name: 'a range with two lower bounds', pattern: { detail: { price: [{ numeric: ['>', 0, '>=', 5] }] } }, path: 'detail.price', reason: 'Bad numeric range operator: >=' },
  { name: 'a range with a number where the second operator goes', pattern: { detail: { price: [{ numeric: ['>', 0, 5, '<'] }] } }, path: 'detail.price', reason: 'Bad value in numeric range: 5' },
  { name: 'a range whose top is a string', pattern: { detail: { price: [{ numeric: ['>', 0, '<', 'ten'] }] } }, path: 'detail.price', reason: 'Value of < must be numeric' },
  { name: 'a range whose bottom is above its top', pattern: { detail: { price: [{ numeric: ['>', 10, '<', 5] }] } }, path: 'detail.price', reason: 'Bottom must be less than top' },
  { name: 'a range whose bounds are equal', pattern: { detail: { price: [{ numeric: ['>=', 5, '<=', 5] }] } }, path: 'detail.price', reason: 'Bottom must be less than top' },
  { name: 'bounds equal to 6 decimals', pattern: { detail: { price: [{ numeric: ['>', 1, '<', 1.0000001] }] } }, path: 'detail.price', reason: 'Bottom must be less than top' },
  { name: 'a bound above +5e9', pattern: { detail: { price: [{ numeric: ['<', 5e9 + 1] }] } }, path: 'detail.price', reason: /5000000001 is outside the supported range -5e9 to 5e9/ },
  { name: 'a bound below -5e9', pattern: { detail: { price: [{ numeric: ['>', -6e9, '<', 0] }] } }, path: 'detail.price', reason: /outside the supported range/ },
];

const existsAndCidr: RejectionCase[] = [
  { name: 'exists with a string', pattern: { a: [{ exists: 'true' }] }, path: 'a', reason: 'exists match pattern must be either true or false.' },
  { name: 'exists with null', pattern: { a: [{ exists: null }] }, path: 'a', reason: 'exists match pattern must be either true or false.' },
  { name: 'cidr with a number (the engine names prefix here)', pattern: { ip: [{ cidr: 10 }] }, path: 'ip', reason: 'prefix match pattern must be a string' },
  { name: 'cidr without a mask', pattern: { ip: [{ cidr: '10.0.0.0' }] }, path: 'ip', reason: "Malformed CIDR, one '/' required" },
  { name: 'cidr with an empty mask', pattern: { ip: [{ cidr: '10.0.0.0/' }] }, path: 'ip', reason: "Malformed CIDR, one '/' required" },
  { name: 'cidr with two slashes', pattern: { ip: [{ cidr: '10.0.0.0/8/9' }] }, path: 'ip', reason: "Malformed CIDR, one '/' required" },
  { name: 'cidr with a non-integer mask', pattern: { ip: [{ cidr: '10.0.0.0/eight' }] }, path: 'ip', reason: 'Malformed CIDR, mask bits must be an integer' },
  { name: 'cidr with a negative mask', pattern: { ip: [{ cidr: '10.0.0.0/-1' }] }, path: 'ip', reason: 'Malformed CIDR, mask bits must not be negative' },
  { name: "cidr /32 is refused as by EventBridge's engine (use the exact address)", pattern: { ip: [{ cidr: '10.0.0.1/32' }] }, path: 'ip', reason: 'IPv4 mask bits must be < 32' },
  { name: 'cidr IPv6 /128 is refused', pattern: { ip: [{ cidr: '::1/128' }] }, path: 'ip', reason: 'IPv6 mask bits must be < 128' },
  { name: 'cidr with an out-of-range octet', pattern: { ip: [{ cidr: '10.0.0.256/24' }] }, path: 'ip', reason: 'Invalid IP address: 10.0.0.256' },
  { name: 'cidr with a hostname', pattern: { ip: [{ cidr: 'example.com/24' }] }, path: 'ip', reason: 'Nonstandard IP address: example.com' },
  { name: 'cidr with a malformed IPv6 address', pattern: { ip: [{ cidr: '2001:db8:::1/64' }] }, path: 'ip', reason: 'Invalid IP address: 2001:db8:::1' },
];

const or: RejectionCase[] = [
  { name: '$or that is an object', pattern: { $or: { a: ['x'] } }, path: '$or', reason: 'It must be an Array followed with $or.' },
  { name: '$or with one alternative', pattern: { $or: [{ a: ['x'] }] }, path: '$or', reason: 'There must have at least 2 Objects in $or relationship.' },
  { name: 'an alternative that is not an object', pattern: { $or: [{ a: ['x'] }, ['b']] }, path: '$or[1]', reason: 'Only JSON object is allowed in array of $or relationship.' },
  { name: 'an empty alternative', pattern: { $or: [{ a: ['x'] }, {}] }, path: '$or[1]', reason: 'Empty objects are not allowed' },
  { name: 'an operator name as a field inside $or', pattern: { $or: [{ numeric: [123] }, { prefix: ['abc'] }] }, path: '$or[0].numeric', reason: 'numeric is Ruler reserved fieldName which cannot be used inside $or.' },
  { name: 'a reserved name deeper inside $or', pattern: { $or: [{ a: ['x'] }, { b: { cidr: ['x'] } }] }, path: '$or[1].b.cidr', reason: 'cidr is Ruler reserved fieldName which cannot be used inside $or.' },
  { name: 'errors inside a nested $or name the branch', pattern: { detail: { $or: [{ 'c-count': [{ numeric: ['>', 'x'] }] }, { 'd-count': [1] }] } }, path: 'detail.$or[0].c-count', reason: 'Value of > must be numeric' },
];

describe.each([
  ['structure', structure],
  ['prefix, suffix, equals-ignore-case and wildcard', stringOperators],
  ['anything-but', anythingBut],
  ['numeric', numeric],
  ['exists and cidr', existsAndCidr],
  ['$or', or],
])('validatePattern rejects (%s)', (_group, cases) => {
  it.each(cases)('$name', ({ pattern, path, reason }) => {
    // Act
    const error = captureError(pattern);

    // Assess
    expect(error).toBeInstanceOf(InvalidEventPatternError);
    expect(error).toBeInstanceOf(EventPatternError);
    const invalid = error as InvalidEventPatternError;
    expect(invalid.name).toBe('InvalidEventPatternError');
    expect(invalid.path).toBe(path);
    if (typeof reason === 'string') expect(invalid.reason).toBe(reason);
    else expect(invalid.reason).toMatch(reason);
    expect(invalid.message).toBe(`Invalid event pattern ${path === '' ? 'at the top level' : `at ${path}`}: ${invalid.reason}`);
  });
});

const accepted: { readonly name: string; readonly pattern: unknown }[] = [
  { name: 'operator names are ordinary field names outside $or', pattern: { prefix: ['x'], numeric: { cidr: [1] } } },
  { name: 'an empty prefix, suffix, equals-ignore-case and wildcard', pattern: { a: [{ prefix: '' }, { suffix: '' }, { 'equals-ignore-case': '' }, { wildcard: '' }] } },
  { name: 'numbers at the numeric limits', pattern: { a: [{ numeric: ['>=', -5e9, '<=', 5e9] }] } },
  { name: 'exact numbers beyond the numeric limits (account ids)', pattern: { account: [123456789012] } },
  { name: 'a cidr /31 and an IPv6 /127', pattern: { ip: [{ cidr: '10.0.0.0/31' }, { cidr: '2001:db8::/127' }] } },
  { name: 'three two-wildcard values on one field (complexity 9, AWS accepts it)', pattern: stackWildcards(3) },
  { name: 'a wildcard value of complexity 10 (the limit)', pattern: { key: [{ wildcard: 'a*b*c*d*e*f*g*h*i*' }] } },
  { name: 'one event-bus wildcard fewer than AWS refuses (9)', pattern: { resources: [{ wildcard: '*:*:*:*:event-bus/*' }] } },
  { name: 'common wildcards', pattern: { a: [{ wildcard: '*.png' }, { wildcard: 'dir/*/report-*.csv' }], resources: [{ wildcard: 'arn:aws:states:us-east-1:111122223333:execution:xxx:yyy*' }] } },
  { name: 'many wildcard values with distinct leading literals', pattern: { key: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((letter) => ({ wildcard: `${letter}-*` })) } },
  { name: 'wildcards on different fields are rated separately', pattern: { a: [{ wildcard: '*1*2*3*4*' }], b: [{ wildcard: '*1*2*3*4*' }] } },
  {
    name: '$or alternatives that reach a field through different values are rated separately',
    pattern: { $or: [{ a: ['x'], key: [{ wildcard: '*a*b*c*d*' }] }, { a: ['y'], key: [{ wildcard: '*e*f*g*h*' }] }] },
  },
  { name: 'a path given twice keeps the later values (the earlier wildcards are not rated)', pattern: { 'a.b': [{ wildcard: '*1*2*3*4*5*6*' }], a: { b: ['x'] } } },
  { name: 'escaped stars and backslashes', pattern: { a: [{ wildcard: 'a\\*b\\\\c*' }] } },
  { name: 'exists alongside values in one array', pattern: { a: [{ exists: false }, 'x', { prefix: 'y' }] } },
  { name: 'nested $or with exists false', pattern: { detail: { $or: [{ a: [{ exists: false }] }, { a: [null] }] } } },
  { name: 'the same JSON text as a string', pattern: '{ "detail": { "state": [ { "anything-but": { "prefix": "init" } } ] } }' },
];

describe('validatePattern accepts', () => {
  it.each(accepted)('$name', ({ pattern }) => {
    // Act & Assess
    expect(() => {
      validatePattern(pattern);
    }).not.toThrow();
  });
});
