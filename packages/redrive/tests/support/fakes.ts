import type { QuarantineRecord } from '@wildrydes/schemas';
import type { FunctionInvoker, InvokeOutcome, InvokeTarget, OutgoingRecord, PutFailure, PutOutcome, QuarantineStore, ReadOutcome, StreamWriter } from '../../src/ports.js';

/** An in-memory quarantine bucket; `failReads`/`failDeletes` make those keys fail. */
export class MemoryStore implements QuarantineStore {
  public readonly objects = new Map<string, QuarantineRecord | 'not-a-record'>();
  public readonly failReads = new Set<string>();
  public readonly failDeletes = new Set<string>();
  public readonly deleted: string[] = [];

  public put(key: string, record: QuarantineRecord | 'not-a-record'): this {
    this.objects.set(key, record);
    return this;
  }

  public async *listKeys(prefix: string): AsyncIterable<string> {
    // S3 lists in lexicographic key order.
    for (const key of [...this.objects.keys()].sort()) if (key.startsWith(prefix)) yield key;
  }

  public async read(key: string): Promise<ReadOutcome> {
    if (this.failReads.has(key)) return { kind: 'error', reason: 'InternalError: We encountered an internal error' };
    const object = this.objects.get(key);
    if (object === undefined) return { kind: 'gone' };
    if (object === 'not-a-record') return { kind: 'invalid', detail: `Quarantined object ${key} is not JSON` };
    return { kind: 'record', record: object };
  }

  public async delete(key: string): Promise<{ ok: true } | { ok: false; reason: string }> {
    if (this.failDeletes.has(key)) return { ok: false, reason: 'AccessDenied: Access Denied' };
    this.objects.delete(key);
    this.deleted.push(key);
    return { ok: true };
  }
}

/** A written record, as the fake stream holds it. */
export interface StreamEntry {
  partitionKey: string;
  text: string;
}

/**
 * In-memory streams that, like the batch writer, never let a record overtake an earlier failed
 * one of its partition key within a put. `failing` decides per record whether it fails.
 */
export class MemoryStreams implements StreamWriter {
  public readonly streams = new Map<string, StreamEntry[]>();
  public readonly puts: Array<{ streamName: string; count: number }> = [];

  public constructor(
    private readonly failing: (streamName: string, record: OutgoingRecord) => { retryable: boolean; reason: string } | undefined = () => undefined,
  ) {}

  public async put(streamName: string, records: readonly OutgoingRecord[]): Promise<PutOutcome> {
    this.puts.push({ streamName, count: records.length });
    const written: number[] = [];
    const failed: PutFailure[] = [];
    const heldKeys = new Map<string, number>();
    for (const record of records) {
      const blocker = heldKeys.get(record.partitionKey);
      if (blocker !== undefined) {
        failed.push({ ref: record.ref, retryable: true, heldBack: true, reason: `BlockedByEarlierFailure: behind ${blocker}` });
        continue;
      }
      const failure = this.failing(streamName, record);
      if (failure) {
        failed.push({ ref: record.ref, heldBack: false, ...failure });
        if (failure.retryable) heldKeys.set(record.partitionKey, record.ref);
        continue;
      }
      const entries = this.streams.get(streamName) ?? [];
      entries.push({ partitionKey: record.partitionKey, text: Buffer.from(record.data).toString() });
      this.streams.set(streamName, entries);
      written.push(record.ref);
    }
    return { written, failed };
  }

  public texts(streamName: string): string[] {
    return (this.streams.get(streamName) ?? []).map(({ text }) => text);
  }
}

/**
 * In-memory Lambda functions: records each invocation's payload per function; `failing` decides
 * per payload whether the invocation fails, and with what reason.
 */
export class MemoryFunctions implements FunctionInvoker {
  public readonly invocations: Array<{ target: InvokeTarget; payload: string }> = [];

  public constructor(private readonly failing: (target: InvokeTarget, payload: string) => string | undefined = () => undefined) {}

  public async invoke(target: InvokeTarget, payload: string): Promise<InvokeOutcome> {
    const reason = this.failing(target, payload);
    if (reason !== undefined) return { ok: false, reason };
    this.invocations.push({ target, payload });
    return { ok: true };
  }

  public payloads(functionName: string): string[] {
    return this.invocations.filter(({ target }) => target.functionName === functionName).map(({ payload }) => payload);
  }
}
