import { describe, expect, it } from 'vitest';
import { UsageError, parseStartOptions } from '../../src/cli/options.js';

describe('parseStartOptions', () => {
  it('has defaults for everything', () => {
    expect(parseStartOptions([])).toEqual({
      durationSeconds: undefined,
      rate: 50,
      unicorns: 10,
      badRatio: 0.05,
      ridesPerSecond: 1,
      summaryFile: undefined,
      seed: 1,
      shards: 2,
      port: undefined,
      skipBuild: false,
      faults: 'none',
      help: false,
    });
  });

  it('reads every option', () => {
    expect(
      parseStartOptions(['--duration', '5', '--rate', '200', '--unicorns', '3', '--bad-ratio', '0.2', '--rides', '4', '--summary', 's.json', '--seed', '9', '--shards', '1', '--port', '8080']),
    ).toMatchObject({ durationSeconds: 5, rate: 200, unicorns: 3, badRatio: 0.2, ridesPerSecond: 4, summaryFile: 's.json', seed: 9, shards: 1, port: 8080 });
    expect(parseStartOptions(['-h']).help).toBe(true);
    expect(parseStartOptions(['--faults', 'heavy']).faults).toBe('heavy');
    expect(parseStartOptions(['--faults', 'light']).faults).toBe('light');
  });

  it.each([
    [['--bad-ratio', '1.5'], '--bad-ratio must be between 0 and 1 (given "1.5")'],
    [['--duration', '0'], '--duration must be a whole number of seconds from 1 to 604800 (given "0")'],
    [['--duration', '2.5'], '--duration must be a whole number of seconds from 1 to 604800 (given "2.5")'],
    [['--duration', '604801'], '--duration must be a whole number of seconds from 1 to 604800 (given "604801")'],
    [['--unicorns', '2.5'], '--unicorns must be a whole number'],
    [['--rate', 'fast'], '--rate must be between 0 and 10000'],
    [['--nope'], "Unknown option '--nope'"],
    [['--faults', 'medium'], '--faults must be one of none, light, heavy (given "medium")'],
  ])('rejects %j with a message naming the option', (argv, message) => {
    expect(() => parseStartOptions(argv)).toThrow(UsageError);
    expect(() => parseStartOptions(argv)).toThrow(message);
  });
});
