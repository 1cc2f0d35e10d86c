import { describe, expect, it } from 'vitest';
import { PartitionKeySequencer, type RecordOrdering } from '../../src/index.js';
import { randomInt, seededRandom } from '../support/seeded-random.js';

function records(...keys: string[]) {
  return keys.map((partitionKey, index) => ({ index, partitionKey }));
}

describe('PartitionKeySequencer', () => {
  it('offers the earliest record of every key, and the next one only once it is written', () => {
    // Prepare
    const sequencer = new PartitionKeySequencer(records('A', 'A', 'B', 'A', 'B'));

    // Act & Assess
    expect(sequencer.sendable()).toEqual([0, 2]);
    sequencer.markWritten(2);
    expect(sequencer.sendable()).toEqual([0, 4]);
    sequencer.markWritten(0);
    expect(sequencer.sendable()).toEqual([1, 4]);
  });

  it('keeps offering a record that is not settled (it failed transiently and is retried)', () => {
    // Prepare
    const sequencer = new PartitionKeySequencer(records('A', 'A'));

    // Act & Assess
    expect(sequencer.sendable()).toEqual([0]);
    expect(sequencer.sendable()).toEqual([0]);
  });

  it('holds back the rest of a key behind a failed record and names it as the blocker', () => {
    // Prepare
    const sequencer = new PartitionKeySequencer(records('A', 'B', 'A', 'A', 'B'));

    // Act
    sequencer.markFailed(0);

    // Assess
    expect(sequencer.sendable()).toEqual([1]);
    expect(sequencer.blocked()).toEqual([
      { index: 2, blockerIndex: 0 },
      { index: 3, blockerIndex: 0 },
    ]);
  });

  it('does not hold a key behind a dropped record (never writable, or never attempted)', () => {
    // Prepare
    const sequencer = new PartitionKeySequencer(records('A', 'A', 'A'));

    // Act
    sequencer.markDropped(0);

    // Assess
    expect(sequencer.sendable()).toEqual([1]);
    expect(sequencer.blocked()).toEqual([]);
  });

  it('sequences by input position whatever order the records are given in', () => {
    // Prepare
    const sequencer = new PartitionKeySequencer([
      { index: 7, partitionKey: 'A' },
      { index: 3, partitionKey: 'A' },
    ]);

    // Act & Assess
    expect(sequencer.sendable()).toEqual([3]);
  });

  it("offers every unsettled record and blocks nothing with ordering 'none'", () => {
    // Prepare
    const sequencer = new PartitionKeySequencer(records('A', 'A', 'B', 'A'), 'none');

    // Act
    sequencer.markFailed(0);
    sequencer.markWritten(3);

    // Assess
    expect(sequencer.sendable()).toEqual([1, 2]);
    expect(sequencer.blocked()).toEqual([]);
  });

  it('refuses to settle a record it does not sequence', () => {
    // Act & Assess
    expect(() => new PartitionKeySequencer(records('A')).markWritten(5)).toThrow(RangeError);
  });

  describe('property: over random outcomes, a key is written in input order', () => {
    /** Drives the sequencer like a writer would, with random outcomes per sent record. */
    function simulate(seed: number, ordering: RecordOrdering) {
      const random = seededRandom(seed);
      const keys = Array.from({ length: randomInt(random, 1, 5) }, (_, key) => `key-${key}`);
      const input = Array.from({ length: randomInt(random, 0, 40) }, (_, index) => ({
        index,
        partitionKey: keys[randomInt(random, 0, keys.length - 1)] as string,
      }));
      const sequencer = new PartitionKeySequencer(input, ordering);
      const settled = new Map<number, 'written' | 'dropped' | 'failed'>();
      const writeLog: number[] = [];
      const violations: string[] = [];
      for (let round = 0; round < 10_000; round++) {
        const sendable = sequencer.sendable();
        if (sendable.length === 0) break;
        const keysInRound = sendable.map((index) => input[index]?.partitionKey);
        if (ordering === 'per-partition-key' && new Set(keysInRound).size !== keysInRound.length) {
          violations.push(`round ${round} sends two records of one key: ${sendable.join(',')}`);
        }
        for (const index of sendable) {
          const draw = random();
          if (draw < 0.55) {
            const earlierUnwritten = input.filter(
              (other) => other.index < index && other.partitionKey === input[index]?.partitionKey && settled.get(other.index) !== 'written' && settled.get(other.index) !== 'dropped',
            );
            if (ordering === 'per-partition-key' && earlierUnwritten.length > 0) violations.push(`record ${index} written before ${earlierUnwritten[0]?.index}`);
            sequencer.markWritten(index);
            settled.set(index, 'written');
            writeLog.push(index);
          } else if (draw < 0.65) {
            sequencer.markFailed(index);
            settled.set(index, 'failed');
          } else if (draw < 0.7) {
            sequencer.markDropped(index);
            settled.set(index, 'dropped');
          } // else: a transient failure, the record stays pending
        }
      }
      return { input, settled, blocked: sequencer.blocked(), sendable: sequencer.sendable(), writeLog, violations };
    }

    it('holds for 300 random scenarios', () => {
      for (let seed = 0; seed < 300; seed++) {
        // Act
        const { input, settled, blocked, sendable, writeLog, violations } = simulate(seed, 'per-partition-key');

        // Assess: no overtaking, and every record is settled or blocked, exactly once
        const replay = `seed ${seed}`;
        expect(violations, replay).toEqual([]);
        expect(sendable, replay).toEqual([]);
        const blockedIndexes = blocked.map(({ index }) => index);
        expect([...settled.keys(), ...blockedIndexes].sort((a, b) => a - b), replay).toEqual(input.map(({ index }) => index));
        for (const { index, blockerIndex } of blocked) {
          expect(settled.get(blockerIndex), replay).toBe('failed');
          expect(blockerIndex, replay).toBeLessThan(index);
          expect(input[blockerIndex]?.partitionKey, replay).toBe(input[index]?.partitionKey);
        }
        for (const key of new Set(input.map(({ partitionKey }) => partitionKey))) {
          const writtenOfKey = writeLog.filter((index) => input[index]?.partitionKey === key);
          expect(writtenOfKey, replay).toEqual([...writtenOfKey].sort((a, b) => a - b));
        }
      }
    });

    it.each([1, 2, 3])("accounts for every record with ordering 'none' (seed %i)", (seed) => {
      // Act
      const { input, settled, blocked } = simulate(seed, 'none');

      // Assess
      expect(blocked).toEqual([]);
      expect([...settled.keys()].sort((a, b) => a - b)).toEqual(input.map(({ index }) => index));
    });
  });
});
