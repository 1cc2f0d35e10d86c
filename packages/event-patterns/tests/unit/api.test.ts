import { describe, expect, it } from 'vitest';
import {
  CompiledEventPattern,
  EventPatternError,
  InvalidEventPatternError,
  compilePattern,
  matchesPattern,
  parsePattern,
  validatePattern,
  type EventPattern,
} from '../../src/index.js';
import { EC2_STATE_CHANGE_EVENT, withDetail } from '../fixtures.js';

const runningInstances: EventPattern = {
  source: ['aws.ec2'],
  detail: { state: ['running'], 'c-count': [{ numeric: ['>', 0, '<=', 5] }] },
};

describe('matchesPattern', () => {
  it('matches with a pattern object, its JSON text, or a compiled pattern', () => {
    // Prepare
    const text = JSON.stringify(runningInstances);
    const compiled = parsePattern(runningInstances);

    // Act
    const results = [runningInstances, text, compiled].map((pattern) => matchesPattern(pattern, EC2_STATE_CHANGE_EVENT));

    // Assess
    expect(results).toEqual([true, true, true]);
  });

  it('returns false for an event that does not match', () => {
    // Act
    const result = matchesPattern(runningInstances, withDetail({ state: 'stopped' }));

    // Assess
    expect(result).toBe(false);
  });

  it('throws InvalidEventPatternError for an invalid pattern instead of matching nothing', () => {
    // Act & Assess
    expect(() => matchesPattern('{ "detail": { "price": [ { "numeric": [ ">", "cheap" ] } ] } }', {})).toThrow(
      'Invalid event pattern at detail.price: Value of > must be numeric',
    );
  });
});

describe('parsePattern', () => {
  it('returns a CompiledEventPattern holding a deep-frozen copy of the pattern', () => {
    // Prepare
    const input = { detail: { state: ['running'] } };

    // Act
    const compiled = parsePattern(input);
    input.detail.state.push('stopped');

    // Assess
    expect(compiled).toBeInstanceOf(CompiledEventPattern);
    expect(compiled.pattern).toEqual({ detail: { state: ['running'] } });
    expect(Object.isFrozen(compiled.pattern)).toBe(true);
    expect(Object.isFrozen(compiled.pattern.detail)).toBe(true);
    expect(compiled.matches({ detail: { state: 'stopped' } })).toBe(false);
  });

  it('parses JSON text', () => {
    // Act
    const compiled = parsePattern('{ "source": [ { "prefix": "aws." } ] }');

    // Assess
    expect(compiled.pattern).toEqual({ source: [{ prefix: 'aws.' }] });
    expect(compiled.matches({ source: 'aws.s3' })).toBe(true);
  });

  it('returns a compiled pattern unchanged', () => {
    // Prepare
    const compiled = parsePattern(runningInstances);

    // Act & Assess
    expect(parsePattern(compiled)).toBe(compiled);
  });

  it('does not modify the pattern it is given', () => {
    // Prepare
    const input = { detail: { state: ['running'] } };

    // Act
    parsePattern(input);

    // Assess
    expect(Object.isFrozen(input)).toBe(false);
  });
});

describe('compilePattern', () => {
  it('returns a predicate usable with Array.prototype.filter', () => {
    // Prepare
    const isRunning = compilePattern(runningInstances);
    const events = [EC2_STATE_CHANGE_EVENT, withDetail({ state: 'stopped' }), withDetail({ 'c-count': 9 })];

    // Act
    const matched = events.filter(isRunning);

    // Assess
    expect(matched).toEqual([EC2_STATE_CHANGE_EVENT]);
  });

  it('matches 20,000 events against one compiled pattern', () => {
    // Prepare
    const matches = compilePattern({
      source: [{ prefix: 'aws.' }],
      detail: {
        state: [{ 'anything-but': ['stopped', 'terminated'] }],
        'x-limit': [{ numeric: ['>=', 300, '<', 302] }],
        'source-ip': [{ cidr: '10.0.0.0/16' }],
        'instance-id': [{ wildcard: 'i-*0000' }],
      },
    });
    const events = Array.from({ length: 20_000 }, (_, index) => withDetail({ 'x-limit': 299 + (index % 4) }));

    // Act
    const matched = events.filter(matches);

    // Assess
    const limits = matched.map((event) => (event.detail as Record<string, unknown>)['x-limit']);
    expect(limits.filter((limit) => limit === 300)).toHaveLength(5_000);
    expect(limits.filter((limit) => limit === 301)).toHaveLength(5_000);
    expect(matched).toHaveLength(10_000);
  });

  it('validates once, at compile time', () => {
    // Act & Assess
    expect(() => compilePattern({ detail: { state: [] } })).toThrow(InvalidEventPatternError);
  });
});

describe('errors', () => {
  it('InvalidEventPatternError is an EventPatternError with name, path and reason', () => {
    // Act
    const error = new InvalidEventPatternError('detail.price', '"numeric" expects pairs of operator and number');

    // Assess
    expect(error).toBeInstanceOf(EventPatternError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InvalidEventPatternError');
    expect(error.message).toBe('Invalid event pattern at detail.price: "numeric" expects pairs of operator and number');
    expect(error.path).toBe('detail.price');
  });

  it('keeps the JSON parser error as the cause of a text that is not JSON', () => {
    // Act
    let caught: unknown;
    try {
      validatePattern('{ nope');
    } catch (error) {
      caught = error;
    }

    // Assess
    expect(caught).toBeInstanceOf(InvalidEventPatternError);
    expect((caught as InvalidEventPatternError).message).toMatch(/^Invalid event pattern at the top level: the pattern is not valid JSON/);
    expect((caught as InvalidEventPatternError).cause).toBeInstanceOf(SyntaxError);
  });

  it('EventPatternError sets its name', () => {
    // Act & Assess
    expect(new EventPatternError('x').name).toBe('EventPatternError');
  });
});
