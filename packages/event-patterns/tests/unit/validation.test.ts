import { describe, expect, it } from 'vitest';
import { EventPatternError, InvalidEventPatternError, validatePattern } from '../../src/index.js';

interface RejectionCase {
  readonly name: string;
  readonly pattern: unknown;
  readonly path: string;
  readonly reason: RegExp;
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
  { name: 'JSON text of an array', pattern: '[{ "source": ["aws.ec2"] }]', path: '', reason: /must be a JSON object \(given an array\)/ },
  { name: 'null', pattern: null, path: '', reason: /must be a JSON object/ },
  { name: 'a number', pattern: 42, path: '', reason: /must be a JSON object/ },
  { name: 'an empty pattern', pattern: {}, path: '', reason: /empty objects are not allowed/ },
  { name: 'a leaf that is not an array (the rule that a pattern leaf must be an array)', pattern: { source: 'aws.ec2' }, path: 'source', reason: /must hold an object or an array of values \(given "aws.ec2"\)/ },
  { name: 'a leaf that is a number', pattern: { detail: { count: 5 } }, path: 'detail.count', reason: /object or an array/ },
  { name: 'a leaf that is null', pattern: { detail: { x: null } }, path: 'detail.x', reason: /object or an array/ },
  { name: 'a leaf that is a boolean', pattern: { detail: { x: true } }, path: 'detail.x', reason: /object or an array/ },
  { name: 'an empty nested object', pattern: { detail: {} }, path: 'detail', reason: /empty objects are not allowed/ },
  { name: 'an empty value array', pattern: { detail: { state: [] } }, path: 'detail.state', reason: /empty arrays are not allowed/ },
  { name: 'an array inside the value array', pattern: { detail: { state: [['running']] } }, path: 'detail.state', reason: /must be a string, number, true, false, null or an operator object \(given an array\)/ },
  { name: 'a non-finite number', pattern: { detail: { n: [Number.POSITIVE_INFINITY] } }, path: 'detail.n', reason: /not a finite JSON number/ },
  { name: 'an empty operator object', pattern: { source: [{}] }, path: 'source', reason: /operator object must not be empty/ },
  { name: 'two operators in one object', pattern: { source: [{ prefix: 'a', suffix: 'b' }] }, path: 'source', reason: /exactly one operator/ },
  { name: 'an unknown operator', pattern: { source: [{ contains: 'ec2' }] }, path: 'source', reason: /unrecognized match type "contains"/ },
  { name: '[choice] "exactly" is not in the EventBridge guide and is refused', pattern: { source: [{ exactly: 'ec2' }] }, path: 'source', reason: /unrecognized match type "exactly"/ },
];

const stringOperators: RejectionCase[] = [
  { name: 'prefix of a number', pattern: { time: [{ prefix: 2017 }] }, path: 'time', reason: /"prefix" expects a string or \{ "equals-ignore-case": string \} \(given 2017\)/ },
  { name: 'prefix with an unknown inner key', pattern: { time: [{ prefix: { 'starts-with': 'x' } }] }, path: 'time', reason: /"prefix" takes a string or/ },
  { name: 'prefix with two inner keys', pattern: { time: [{ prefix: { 'equals-ignore-case': 'x', other: 'y' } }] }, path: 'time', reason: /given keys equals-ignore-case, other/ },
  { name: 'prefix equals-ignore-case of a number', pattern: { time: [{ prefix: { 'equals-ignore-case': 1 } }] }, path: 'time', reason: /expects a string \(given 1\)/ },
  { name: 'suffix of null', pattern: { file: [{ suffix: null }] }, path: 'file', reason: /"suffix" expects a string/ },
  { name: 'suffix equals-ignore-case of a list', pattern: { file: [{ suffix: { 'equals-ignore-case': ['.png'] } }] }, path: 'file', reason: /expects a string \(given an array\)/ },
  { name: 'equals-ignore-case of a list', pattern: { name: [{ 'equals-ignore-case': ['a'] }] }, path: 'name', reason: /"equals-ignore-case" expects a string \(given an array\)/ },
  { name: 'wildcard of a number', pattern: { file: [{ wildcard: 5 }] }, path: 'file', reason: /"wildcard" expects a string/ },
  { name: 'consecutive wildcards', pattern: { file: [{ wildcard: 'dir/**.png' }] }, path: 'file', reason: /consecutive wildcard characters at position 4/ },
  { name: 'a backslash escaping a letter', pattern: { file: [{ wildcard: 'dir\\d*' }] }, path: 'file', reason: /invalid escape at position 3/ },
  { name: 'a trailing backslash', pattern: { file: [{ wildcard: 'dir*\\' }] }, path: 'file', reason: /invalid escape at position 4/ },
  { name: 'wildcard complexity: four two-wildcard values on one field', pattern: stackWildcards(4), path: 'detail.stack-id', reason: /rule is too complex \(wildcard complexity 8, at most 7\)/ },
  { name: 'wildcard complexity: eight wildcards in one value', pattern: { key: [{ wildcard: 'a*b*c*d*e*f*g*h*' }] }, path: 'key', reason: /too complex/ },
  {
    name: 'wildcard complexity pools a field across $or alternatives',
    pattern: { $or: [{ key: [{ wildcard: '*a*b*c*' }] }, { key: [{ wildcard: '*d*e*f*' }] }, { other: ['x'] }] },
    path: 'key',
    reason: /too complex/,
  },
  {
    name: 'wildcard complexity counts values sharing a leading literal',
    pattern: { key: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((letter) => ({ wildcard: `order-${letter}*` })) },
    path: 'key',
    reason: /wildcard complexity 8/,
  },
];

const anythingBut: RejectionCase[] = [
  { name: 'null', pattern: { state: [{ 'anything-but': null }] }, path: 'state', reason: /excludes strings or numbers, not null/ },
  { name: 'a boolean', pattern: { state: [{ 'anything-but': true }] }, path: 'state', reason: /excludes strings or numbers, not true/ },
  { name: 'an empty list', pattern: { state: [{ 'anything-but': [] }] }, path: 'state', reason: /list must not be empty/ },
  { name: 'a list mixing strings and numbers', pattern: { state: [{ 'anything-but': ['a', 1] }] }, path: 'state', reason: /only strings or only numbers, not both/ },
  { name: 'a list holding null', pattern: { state: [{ 'anything-but': ['a', null] }] }, path: 'state', reason: /not null/ },
  { name: 'a list of prefix objects', pattern: { user: [{ 'anything-but': [{ prefix: 'abc-' }, { prefix: 'xyz-' }] }] }, path: 'user', reason: /not an object/ },
  { name: 'a number beyond 5e9', pattern: { n: [{ 'anything-but': 6e9 }] }, path: 'n', reason: /outside the supported range/ },
  { name: 'a list number beyond -5e9', pattern: { n: [{ 'anything-but': [1, -6e9] }] }, path: 'n', reason: /outside the supported range/ },
  { name: 'an unsupported inner operator', pattern: { n: [{ 'anything-but': { numeric: ['>', 1] } }] }, path: 'n', reason: /takes one of prefix, suffix, equals-ignore-case or wildcard/ },
  { name: 'two inner operators', pattern: { n: [{ 'anything-but': { prefix: 'a', suffix: 'b' } }] }, path: 'n', reason: /given keys prefix, suffix/ },
  { name: 'an empty inner object', pattern: { n: [{ 'anything-but': {} }] }, path: 'n', reason: /given keys none/ },
  { name: 'an empty prefix', pattern: { n: [{ 'anything-but': { prefix: '' } }] }, path: 'n', reason: /an empty "prefix" is not allowed/ },
  { name: 'an empty suffix in a list', pattern: { n: [{ 'anything-but': { suffix: ['.png', ''] } }] }, path: 'n', reason: /an empty "suffix" is not allowed/ },
  { name: 'a prefix that is a number', pattern: { n: [{ 'anything-but': { prefix: 1 } }] }, path: 'n', reason: /"prefix" expects a string or a list of strings \(given 1\)/ },
  { name: 'an empty prefix list', pattern: { n: [{ 'anything-but': { prefix: [] } }] }, path: 'n', reason: /"prefix" list must not be empty/ },
  { name: 'equals-ignore-case with a number', pattern: { n: [{ 'anything-but': { 'equals-ignore-case': ['a', 2] } }] }, path: 'n', reason: /"equals-ignore-case" expects a string or a list of strings/ },
  { name: 'an invalid wildcard', pattern: { n: [{ 'anything-but': { wildcard: '**' } }] }, path: 'n', reason: /"anything-but wildcard": consecutive wildcard/ },
  { name: 'a prefix written as equals-ignore-case', pattern: { n: [{ 'anything-but': { prefix: { 'equals-ignore-case': 'a' } } }] }, path: 'n', reason: /expects a string or a list of strings \(given an object\)/ },
];

const numeric: RejectionCase[] = [
  { name: 'not an array', pattern: { detail: { price: [{ numeric: '>5' }] } }, path: 'detail.price', reason: /"numeric" expects an array of operator and number pairs/ },
  { name: 'an empty array', pattern: { detail: { price: [{ numeric: [] }] } }, path: 'detail.price', reason: /"numeric" expects pairs of operator and number.*given 0 elements/ },
  { name: 'an operator without its number', pattern: { detail: { price: [{ numeric: ['>'] }] } }, path: 'detail.price', reason: /given 1 elements/ },
  { name: 'three elements', pattern: { detail: { price: [{ numeric: ['>', 0, '<'] }] } }, path: 'detail.price', reason: /given 3 elements/ },
  { name: 'six elements', pattern: { detail: { price: [{ numeric: ['>', 0, '<', 5, '<', 9] }] } }, path: 'detail.price', reason: /given 6 elements/ },
  { name: 'an unknown operator', pattern: { detail: { price: [{ numeric: ['!=', 5] }] } }, path: 'detail.price', reason: /expects an operator \(=, <, <=, >, >=\) where it found "!="/ },
  { name: 'a number where the operator goes', pattern: { detail: { price: [{ numeric: [5, '>'] }] } }, path: 'detail.price', reason: /where it found 5/ },
  { name: 'a numeric string', pattern: { detail: { price: [{ numeric: ['>', '5'] }] } }, path: 'detail.price', reason: /the value after ">" must be a JSON number \(given "5"\)/ },
  { name: 'a range starting with an upper bound', pattern: { detail: { price: [{ numeric: ['<', 5, '>', 0] }] } }, path: 'detail.price', reason: /a range starts with ">" or ">="/ },
  { name: 'a range starting with =', pattern: { detail: { price: [{ numeric: ['=', 1, '<', 5] }] } }, path: 'detail.price', reason: /a range starts with/ },
  { name: 'a range with two lower bounds', pattern: { detail: { price: [{ numeric: ['>', 0, '>=', 5] }] } }, path: 'detail.price', reason: /a range ends with "<" or "<="/ },
  { name: 'a range whose top is a string', pattern: { detail: { price: [{ numeric: ['>', 0, '<', 'ten'] }] } }, path: 'detail.price', reason: /the value after "<" must be a JSON number/ },
  { name: 'a range whose bottom is above its top', pattern: { detail: { price: [{ numeric: ['>', 10, '<', 5] }] } }, path: 'detail.price', reason: /bottom must be less than its top/ },
  { name: 'a range whose bounds are equal', pattern: { detail: { price: [{ numeric: ['>=', 5, '<=', 5] }] } }, path: 'detail.price', reason: /bottom must be less than its top/ },
  { name: 'bounds equal to 6 decimals', pattern: { detail: { price: [{ numeric: ['>', 1, '<', 1.0000001] }] } }, path: 'detail.price', reason: /bottom must be less than its top/ },
  { name: 'a bound above +5e9', pattern: { detail: { price: [{ numeric: ['<', 5e9 + 1] }] } }, path: 'detail.price', reason: /5000000001 is outside the supported range -5e9 to 5e9/ },
  { name: 'a bound below -5e9', pattern: { detail: { price: [{ numeric: ['>', -6e9, '<', 0] }] } }, path: 'detail.price', reason: /outside the supported range/ },
];

const existsAndCidr: RejectionCase[] = [
  { name: 'exists with a string', pattern: { a: [{ exists: 'true' }] }, path: 'a', reason: /"exists" expects true or false \(given "true"\)/ },
  { name: 'exists with null', pattern: { a: [{ exists: null }] }, path: 'a', reason: /"exists" expects true or false/ },
  { name: 'cidr with a number', pattern: { ip: [{ cidr: 10 }] }, path: 'ip', reason: /"cidr" expects a string/ },
  { name: 'cidr without a mask', pattern: { ip: [{ cidr: '10.0.0.0' }] }, path: 'ip', reason: /exactly one "\/"/ },
  { name: 'cidr with an empty mask', pattern: { ip: [{ cidr: '10.0.0.0/' }] }, path: 'ip', reason: /exactly one "\/"/ },
  { name: 'cidr with two slashes', pattern: { ip: [{ cidr: '10.0.0.0/8/9' }] }, path: 'ip', reason: /exactly one "\/"/ },
  { name: 'cidr with a non-integer mask', pattern: { ip: [{ cidr: '10.0.0.0/eight' }] }, path: 'ip', reason: /mask bits must be an integer/ },
  { name: 'cidr with a negative mask', pattern: { ip: [{ cidr: '10.0.0.0/-1' }] }, path: 'ip', reason: /must not be negative/ },
  { name: '[choice] cidr /32 is refused as by EventBridge\'s engine (use the exact address)', pattern: { ip: [{ cidr: '10.0.0.1/32' }] }, path: 'ip', reason: /IPv4 mask bits must be < 32 \(given 32\)/ },
  { name: 'cidr IPv6 /128 is refused', pattern: { ip: [{ cidr: '::1/128' }] }, path: 'ip', reason: /IPv6 mask bits must be < 128/ },
  { name: 'cidr with an out-of-range octet', pattern: { ip: [{ cidr: '10.0.0.256/24' }] }, path: 'ip', reason: /"10.0.0.256" in CIDR "10.0.0.256\/24" is not an IPv4 or IPv6 address/ },
  { name: 'cidr with a hostname', pattern: { ip: [{ cidr: 'example.com/24' }] }, path: 'ip', reason: /is not an IPv4 or IPv6 address/ },
  { name: 'cidr with a malformed IPv6 address', pattern: { ip: [{ cidr: '2001:db8:::1/64' }] }, path: 'ip', reason: /is not an IPv4 or IPv6 address/ },
];

const or: RejectionCase[] = [
  { name: '$or that is an object', pattern: { $or: { a: ['x'] } }, path: '$or', reason: /"\$or" must be an array of pattern objects/ },
  { name: '$or with one alternative', pattern: { $or: [{ a: ['x'] }] }, path: '$or', reason: /needs at least 2 pattern objects \(given 1\)/ },
  { name: 'an alternative that is not an object', pattern: { $or: [{ a: ['x'] }, ['b']] }, path: '$or[1]', reason: /must be a pattern object \(given an array\)/ },
  { name: 'an empty alternative', pattern: { $or: [{ a: ['x'] }, {}] }, path: '$or[1]', reason: /empty objects are not allowed/ },
  { name: 'an operator name as a field inside $or', pattern: { $or: [{ numeric: [123] }, { prefix: ['abc'] }] }, path: '$or[0].numeric', reason: /"numeric" is an operator name and cannot be a field name inside "\$or"/ },
  { name: 'a reserved name deeper inside $or', pattern: { $or: [{ a: ['x'] }, { b: { cidr: ['x'] } }] }, path: '$or[1].b.cidr', reason: /operator name/ },
  { name: 'errors inside a nested $or name the branch', pattern: { detail: { $or: [{ 'c-count': [{ numeric: ['>', 'x'] }] }, { 'd-count': [1] }] } }, path: 'detail.$or[0].c-count', reason: /must be a JSON number/ },
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
    expect(invalid.reason).toMatch(reason);
    expect(invalid.message).toBe(`Invalid event pattern ${path === '' ? 'at the top level' : `at ${path}`}: ${invalid.reason}`);
  });
});

const accepted: { readonly name: string; readonly pattern: unknown }[] = [
  { name: 'operator names are ordinary field names outside $or', pattern: { prefix: ['x'], numeric: { cidr: [1] } } },
  { name: 'an empty prefix, suffix, equals-ignore-case and wildcard', pattern: { a: [{ prefix: '' }, { suffix: '' }, { 'equals-ignore-case': '' }, { wildcard: '' }] } },
  { name: 'numbers at the numeric limits', pattern: { a: [{ numeric: ['>=', -5e9, '<=', 5e9] }] } },
  { name: 'exact numbers beyond the numeric limits (account ids)', pattern: { account: [123456789012] } },
  { name: 'a cidr /31 and an IPv6 /127', pattern: { ip: [{ cidr: '10.0.0.0/31' }, { cidr: '2001:db8::/127' }] } },
  { name: 'three two-wildcard values on one field (complexity 6)', pattern: stackWildcards(3) },
  { name: 'seven wildcards in one value (complexity 7)', pattern: { key: [{ wildcard: 'a*b*c*d*e*f*g*' }] } },
  { name: 'many wildcard values with distinct leading literals', pattern: { key: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((letter) => ({ wildcard: `${letter}-*` })) } },
  { name: 'wildcards on different fields are rated separately', pattern: { a: [{ wildcard: '*1*2*3*4*' }], b: [{ wildcard: '*1*2*3*4*' }] } },
  { name: 'anything-but wildcards do not count towards complexity', pattern: { a: [{ 'anything-but': { wildcard: ['*1*2*3*4*', '*5*6*7*8*'] } }] } },
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
