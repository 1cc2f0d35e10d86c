import type { Deadline, Sleep } from '../../src/index.js';

/** A deadline and a sleep on a fake clock: sleeping (or `advance`) consumes the remaining time. */
export interface FakeTime {
  deadline: Deadline;
  sleep: Sleep;
  /** Every sleep, in ms, in order. */
  sleeps: number[];
  advance(ms: number): void;
}

export function fakeTime(remainingMs: number): FakeTime {
  let remaining = remainingMs;
  const sleeps: number[] = [];
  return {
    deadline: { remainingMs: () => Math.max(0, remaining) },
    sleep: async (ms) => {
      sleeps.push(ms);
      remaining -= ms;
    },
    sleeps,
    advance: (ms) => {
      remaining -= ms;
    },
  };
}
