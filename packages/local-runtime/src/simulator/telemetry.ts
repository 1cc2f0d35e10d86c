import type { Random } from './random.js';

/** One unicorn of the simulated fleet. */
export interface Unicorn {
  readonly name: string;
  latitude: number;
  longitude: number;
  healthPoints: number;
  magicPoints: number;
  lastStatusMs: number;
}

/** A reading the simulator sends, with what the pipeline should make of it. */
export interface SimulatedReading {
  /** The bytes put on the raw stream. */
  readonly data: Buffer;
  readonly partitionKey: string;
  /** For a valid reading: its table key once normalised (Name, canonical StatusTime). */
  readonly expected?: { readonly name: string; readonly statusTime: string; readonly healthPoints: number };
  /** For a malformed reading: what is wrong with it. */
  readonly defect?: string;
}

const NAMES = ['Shadowfax', 'Rocinante', 'Bucephalus', 'Pegasus', 'Sleipnir', 'Epona', 'Artax', 'Binky', 'Silver', 'Trigger'];

/** A fleet of `size` unicorns around Seattle (the workshop's home). */
export function createFleet(size: number, random: Random, startMs: number): Unicorn[] {
  return Array.from({ length: size }, (_, i) => ({
    name: i < NAMES.length ? (NAMES[i] ?? `Unicorn-${i}`) : `Unicorn-${i}`,
    latitude: 47.6 + random() * 0.1,
    longitude: -122.35 + random() * 0.1,
    healthPoints: 60 + Math.floor(random() * 90),
    magicPoints: 50 + Math.floor(random() * 100),
    lastStatusMs: startMs - 1,
  }));
}

/** The raw `StatusTime` formats unicorn sensors send, all of which the re-publisher normalises. */
const formats: Array<(ms: number) => string | number> = [
  (ms) => new Date(ms).toISOString(),
  (ms) => new Date(ms).toISOString().replace('T', ' ').replace('Z', ''),
  (ms) => ms,
];

const defects: Array<{ defect: string; make: (valid: Record<string, unknown>) => Buffer }> = [
  { defect: 'not JSON', make: (valid) => Buffer.from(JSON.stringify(valid).slice(0, -7)) },
  { defect: 'latitude out of range', make: (valid) => Buffer.from(JSON.stringify({ ...valid, Latitude: 123.4 })) },
  { defect: 'missing HealthPoints', make: ({ HealthPoints: _omitted, ...rest }) => Buffer.from(JSON.stringify(rest)) },
  { defect: 'not UTF-8', make: () => Buffer.from([0xc3, 0x28, 0xa0, 0xa1]) },
  { defect: 'impossible date', make: (valid) => Buffer.from(JSON.stringify({ ...valid, StatusTime: '2026-02-30 10:00:00.000' })) },
];

/**
 * The next reading of a unicorn: it wanders, its health drifts (sometimes below the alert
 * threshold), and each reading's time is strictly later than its previous one so every valid
 * reading is its own row. With probability `badRatio` the reading is malformed instead.
 */
export function nextReading(unicorn: Unicorn, nowMs: number, badRatio: number, random: Random): SimulatedReading {
  const statusMs = Math.max(nowMs, unicorn.lastStatusMs + 1);
  unicorn.lastStatusMs = statusMs;
  const step = random() * 20;
  unicorn.latitude = clamp(unicorn.latitude + (random() - 0.5) * 0.001, -90, 90);
  unicorn.longitude = clamp(unicorn.longitude + (random() - 0.5) * 0.001, -180, 180);
  unicorn.healthPoints = Math.round(clamp(unicorn.healthPoints + (random() - 0.55) * 12, 0, 150));
  if (unicorn.healthPoints < 5) unicorn.healthPoints = 120; // a rest in the stable
  unicorn.magicPoints = Math.round(clamp(unicorn.magicPoints + (random() - 0.5) * 8, 0, 150));
  const format = formats[Math.floor(random() * formats.length)] ?? formats[0];
  const valid = {
    Name: unicorn.name,
    StatusTime: format ? format(statusMs) : statusMs,
    Latitude: round(unicorn.latitude, 6),
    Longitude: round(unicorn.longitude, 6),
    Distance: round(step, 2),
    HealthPoints: unicorn.healthPoints,
    MagicPoints: unicorn.magicPoints,
  };
  if (random() < badRatio) {
    const pick = defects[Math.floor(random() * defects.length)] ?? defects[0];
    if (pick) return { data: pick.make(valid), partitionKey: unicorn.name, defect: pick.defect };
  }
  return {
    data: Buffer.from(JSON.stringify(valid)),
    partitionKey: unicorn.name,
    expected: { name: unicorn.name, statusTime: new Date(statusMs).toISOString(), healthPoints: unicorn.healthPoints },
  };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
