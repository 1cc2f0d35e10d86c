import type { QuarantineRecord, StreamOnFailureRecord } from '@wildrydes/schemas';
import type {
  EventPublisher,
  EventQueue,
  FunctionInvoker,
  InvokeOutcome,
  InvokeTarget,
  OnFailureReadOutcome,
  OnFailureStore,
  OutgoingEvent,
  OutgoingRecord,
  PutEventsEntry,
  PutFailure,
  PutOutcome,
  QuarantineStore,
  QueueFailure,
  QueueMessage,
  ReadOutcome,
  StreamWriter,
} from '../../src/ports.js';

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

/** An in-memory failure bucket; `failReads`/`failDeletes` make those keys fail. */
export class MemoryOnFailureStore implements OnFailureStore {
  public readonly objects = new Map<string, StreamOnFailureRecord | 'not-a-record'>();
  public readonly failReads = new Set<string>();
  public readonly failDeletes = new Set<string>();
  public reads = 0;

  public put(key: string, record: StreamOnFailureRecord | 'not-a-record'): this {
    this.objects.set(key, record);
    return this;
  }

  public async *listKeys(prefix: string): AsyncIterable<string> {
    for (const key of [...this.objects.keys()].sort()) if (key.startsWith(prefix)) yield key;
  }

  public async read(key: string): Promise<OnFailureReadOutcome> {
    this.reads++;
    if (this.failReads.has(key)) return { kind: 'error', reason: 'InternalError: We encountered an internal error' };
    const object = this.objects.get(key);
    if (object === undefined) return { kind: 'gone' };
    if (object === 'not-a-record') return { kind: 'invalid', detail: 'not JSON' };
    return { kind: 'record', record: object };
  }

  public async delete(key: string): Promise<{ ok: true } | { ok: false; reason: string }> {
    if (this.failDeletes.has(key)) return { ok: false, reason: 'AccessDenied: Access Denied' };
    this.objects.delete(key);
    return { ok: true };
  }
}

/**
 * An in-memory queue with SQS's visibility: received messages are hidden until deleted or
 * released. `failDeletes` makes those message ids fail DeleteMessageBatch (its `Failed[]`).
 */
export class MemoryQueue implements EventQueue {
  public readonly messages = new Map<string, { body: string; attributes: Record<string, string>; sentAtMs: number; visible: boolean }>();
  public readonly failDeletes = new Set<string>();
  public receives = 0;
  #next = 0;

  public send(body: string, attributes: Record<string, string> = {}, sentAtMs = Date.UTC(2026, 11, 7, 10)): string {
    const id = `m-${++this.#next}`;
    this.messages.set(id, { body, attributes, sentAtMs, visible: true });
    return id;
  }

  public async receive(): Promise<QueueMessage[]> {
    this.receives++;
    const batch: QueueMessage[] = [];
    for (const [messageId, message] of this.messages) {
      if (!message.visible || batch.length === 10) continue;
      message.visible = false;
      batch.push({ messageId, receiptHandle: `${messageId}@${this.receives}`, body: message.body, attributes: message.attributes, sentAtMs: message.sentAtMs });
    }
    return batch;
  }

  public async delete(messages: readonly QueueMessage[]): Promise<QueueFailure[]> {
    const failed: QueueFailure[] = [];
    for (const { messageId } of messages) {
      if (this.failDeletes.has(messageId)) failed.push({ messageId, reason: 'ReceiptHandleIsInvalid: The receipt handle has expired.' });
      else this.messages.delete(messageId);
    }
    return failed;
  }

  public async release(messages: readonly QueueMessage[]): Promise<QueueFailure[]> {
    for (const { messageId } of messages) {
      const message = this.messages.get(messageId);
      if (message) message.visible = true;
    }
    return [];
  }

  public visibleIds(): string[] {
    return [...this.messages].filter(([, { visible }]) => visible).map(([id]) => id);
  }
}

/** In-memory buses: `failing` decides per entry whether PutEvents fails it. */
export class MemoryBuses implements EventPublisher {
  public readonly events: PutEventsEntry[] = [];

  public constructor(private readonly failing: (entry: PutEventsEntry) => string | undefined = () => undefined) {}

  public async put(events: readonly OutgoingEvent[]): Promise<{ accepted: number[]; failed: Array<{ ref: number; reason: string }> }> {
    const accepted: number[] = [];
    const failed: Array<{ ref: number; reason: string }> = [];
    for (const { ref, entry } of events) {
      const reason = this.failing(entry);
      if (reason === undefined) {
        this.events.push(entry);
        accepted.push(ref);
      } else failed.push({ ref, reason });
    }
    return { accepted, failed };
  }
}
