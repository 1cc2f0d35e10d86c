import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { deadlineAt, putRecords } from '@wildrydes/aws-clients';
import { seededRandom, type Random } from './random.js';
import { nextRide } from './rides.js';
import { createFleet, nextReading, type Unicorn } from './telemetry.js';

export interface SimulatorOptions {
  readonly kinesis: KinesisClient;
  readonly rawStreamName: string;
  /** Readings per second, over the whole fleet. */
  readonly rate: number;
  readonly unicorns: number;
  /** Share of malformed readings, 0..1. */
  readonly badRatio: number;
  /** Rides per second (each posts RideRequested and RideCompleted). */
  readonly ridesPerSecond: number;
  /** The producer's URL, once it is up. */
  readonly producerUrl: string | undefined;
  readonly seed: number;
  readonly runId: string;
}

/** A ride whose completion the producer accepted. */
export interface CompletedRide {
  readonly unicorn: string;
  readonly rideId: string;
  readonly distanceMetres: number;
}

/**
 * Drives the pipeline: puts readings on the raw stream at the requested rate (through the same
 * Kinesis batch writer the functions use) and posts rides to the producer's HTTP endpoint, and
 * remembers exactly what the pipeline accepted, for the reconciliation.
 */
export class SimulatorDriver {
  /** Valid readings accepted by the stream: table key -> when they were put, and their health. */
  readonly sentValid = new Map<string, { readonly putMs: number; readonly healthPoints: number; readonly name: string; readonly statusTime: string }>();
  sentMalformed = 0;
  putFailures = 0;
  rideEventsPosted = 0;
  rideEventsAccepted = 0;
  readonly completedRides: CompletedRide[] = [];
  private readonly random: Random;
  private readonly fleet: Unicorn[];
  private timer: NodeJS.Timeout | undefined;
  private startedMs = 0;
  private readingsDue = 0;
  private ridesDue = 0;
  private rideSequence = 0;
  /** The next unicorn to report: carried across ticks, so the whole fleet reports at any rate. */
  private nextUnicorn = 0;
  private busy: Promise<void> = Promise.resolve();

  constructor(private readonly options: SimulatorOptions) {
    this.random = seededRandom(options.seed);
    this.fleet = createFleet(options.unicorns, this.random, Date.now());
  }

  start(): void {
    this.startedMs = Date.now();
    this.timer = setInterval(() => {
      this.busy = this.busy.then(() => this.tick()).catch(() => undefined);
    }, 100);
  }

  /** Stops sending and waits for what is in flight. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.busy;
  }

  private async tick(): Promise<void> {
    const elapsedSeconds = (Date.now() - this.startedMs) / 1000;
    const readings = Math.floor(elapsedSeconds * this.options.rate) - this.readingsDue;
    const rides = Math.floor(elapsedSeconds * this.options.ridesPerSecond) - this.ridesDue;
    this.readingsDue += readings;
    this.ridesDue += rides;
    await Promise.all([this.sendReadings(readings), this.postRides(rides)]);
  }

  private async sendReadings(count: number): Promise<void> {
    if (count <= 0) return;
    const now = Date.now();
    const readings = Array.from({ length: count }, () => {
      const unicorn = this.fleet[this.nextUnicorn] as Unicorn;
      this.nextUnicorn = (this.nextUnicorn + 1) % this.fleet.length;
      return nextReading(unicorn, now, this.options.badRatio, this.random);
    });
    const result = await putRecords(this.options.kinesis, {
      streamName: this.options.rawStreamName,
      records: readings.map((reading) => ({ ref: reading, partitionKey: reading.partitionKey, data: reading.data })),
      deadline: deadlineAt(Date.now() + 5_000),
      // Each reading carries its own time and is its own row, so the simulated sensors trade
      // per-unicorn ordering for throughput; the functions downstream keep order per key.
      ordering: 'none',
    });
    for (const { ref } of result.written) {
      if (ref.expected) {
        const { name, statusTime, healthPoints } = ref.expected;
        this.sentValid.set(`${name}|${statusTime}`, { putMs: now, healthPoints, name, statusTime });
      } else {
        this.sentMalformed += 1;
      }
    }
    this.putFailures += result.failed.length;
  }

  private async postRides(count: number): Promise<void> {
    if (count <= 0 || !this.options.producerUrl) return;
    await Promise.all(
      Array.from({ length: count }, async () => {
        this.rideSequence += 1;
        const ride = nextRide(this.rideSequence, this.fleet, Date.now(), this.random, this.options.runId);
        this.rideEventsPosted += 2;
        try {
          const response = await fetch(`${this.options.producerUrl}/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ entries: [ride.requested, ride.completed] }),
          });
          if (response.status === 202) {
            this.rideEventsAccepted += 2;
            this.completedRides.push({ unicorn: ride.unicorn, rideId: ride.rideId, distanceMetres: ride.distanceMetres });
          }
          await response.arrayBuffer();
        } catch {
          // A refused request is a ride the app would retry; it was never accepted, so it is not counted.
        }
      }),
    );
  }
}
