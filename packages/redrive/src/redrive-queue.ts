import { describeError } from '@wildrydes/aws-clients';
import type { RedriveOptions } from './options.js';
import { planQueueMessage, type EventQueueKind } from './plan-queue-message.js';
import type { EventPublisher, EventQueue, PutEventsEntry, QueueMessage } from './ports.js';
import { DEFAULT_REDRIVE_SETTINGS, type RedriveSettings } from './redrive.js';
import { ARRIVED_DURING_RUN, failureCode, type RedriveTally } from './tally.js';
import { TallyRecorder } from './tally-recorder.js';

/** One re-drive of an EventBridge rule target's dead-letter or on-failure queue. */
export interface QueueRun {
  readonly options: Pick<RedriveOptions, 'since' | 'dryRun' | 'limit' | 'keep'>;
  /** What the queue's message bodies are ({@link planQueueMessage}). */
  readonly queueKind: EventQueueKind;
  /** The queue, as the operator knows it (its URL), for the lines written. */
  readonly queueName: string;
  /** The bus for events whose message names none. */
  readonly fallbackBus: string;
  readonly queue: EventQueue;
  readonly publisher: EventPublisher;
  readonly write: (line: string) => void;
  /** @default Date.now */
  readonly now?: () => number;
  /** `progress` applies. */
  readonly settings?: Partial<RedriveSettings>;
}

interface ToPut {
  readonly message: QueueMessage;
  readonly entry: PutEventsEntry;
  readonly summary: string;
}

/**
 * Drains an EventBridge rule target's queue back onto the bus: receives messages (hidden from
 * other consumers meanwhile), puts each event back ({@link planQueueMessage}), and deletes each
 * message only once its event was accepted. Every message it does not delete (skipped, failed,
 * filtered out, beyond `--limit`, kept, or all of them in a dry run) is made visible again at
 * the end, so the queue is as it was for them. A message received again during the run (its
 * visibility ran out) is not handled twice.
 *
 * Only what was in the queue when the run started is re-driven: a message sent at or after the
 * start (SQS's `SentTimestamp`) is skipped, `ARRIVED_DURING_RUN`, and left for the next run. An
 * event put back that fails again returns as a new message (a new id), and EventBridge sends
 * some failures (a missing target, a missing permission) to the dead-letter queue at once,
 * without retries ("Using dead-letter queues to process undelivered events in EventBridge");
 * without this rule the run would put such events back for ever. It stops when a receive
 * returns nothing from before the run (nothing at all, or only messages already seen or sent
 * since the start). Failures are counted, never thrown.
 *
 * @example
 * ```ts
 * const tally = await redriveQueue({ options, queueKind: 'dead-letter', queueName: url, fallbackBus: 'wildrydes-bus', queue, publisher, write: console.log });
 * ```
 */
export async function redriveQueue(run: QueueRun): Promise<RedriveTally> {
  const settings = { ...DEFAULT_REDRIVE_SETTINGS, ...run.settings };
  const { options } = run;
  const recorder = new TallyRecorder({ write: run.write, dryRun: options.dryRun, progress: settings.progress, ...(run.now ? { now: run.now } : {}) });
  // SentTimestamp is SQS's clock, this is ours: with ours ahead by s seconds, what returns in the
  // first s seconds is re-driven once more, no longer; with ours behind, messages of the last
  // seconds before the start wait for the next run. Either way the run ends.
  const startedAtMs = (run.now ?? Date.now)();
  const arrivedDuringRun = (message: QueueMessage): boolean => message.sentAtMs !== undefined && message.sentAtMs >= startedAtMs;
  const seen = new Set<string>();
  const retained = new Map<string, QueueMessage>();
  let budget = options.limit ?? Number.POSITIVE_INFINITY;

  while (budget > 0) {
    let received: QueueMessage[];
    try {
      received = await run.queue.receive();
    } catch (error) {
      recorder.fail(`queue ${run.queueName}`, 'ReceiveFailed', `ReceiveFailed: ${describeError(error)}`);
      break;
    }
    const fresh = received.filter((message) => !seen.has(message.messageId));
    // A message seen before came back (its visibility ran out): keep its newest receipt handle.
    for (const message of received) if (retained.has(message.messageId)) retained.set(message.messageId, message);
    recorder.tally.listed += fresh.length;
    const toPut: ToPut[] = [];
    for (const message of fresh) {
      seen.add(message.messageId);
      const id = `message ${message.messageId}`;
      if (arrivedDuringRun(message)) {
        recorder.skip(id, ARRIVED_DURING_RUN, `it was queued after this run started (${new Date(startedAtMs).toISOString()}), so it is left for the next run; if it is an event this run put back, it failed again: its cause may not be fixed`);
        retained.set(message.messageId, message);
        continue;
      }
      if (budget <= 0) {
        recorder.tally.notReached++;
        retained.set(message.messageId, message);
        continue;
      }
      if (options.since !== undefined && message.sentAtMs !== undefined && new Date(message.sentAtMs).toISOString().slice(0, 10) < options.since) {
        recorder.filtered();
        retained.set(message.messageId, message);
        continue;
      }
      const decision = planQueueMessage(message, run.queueKind, run.fallbackBus);
      if (decision.kind === 'skip') {
        recorder.skip(id, decision.code, decision.detail);
        retained.set(message.messageId, message);
        continue;
      }
      budget--;
      toPut.push({ message, entry: decision.entry, summary: decision.summary });
    }
    await putBack(run, toPut, { recorder, retained });
    if (!fresh.some((message) => !arrivedDuringRun(message))) break;
  }

  const unreleased = await run.queue.release([...retained.values()]);
  for (const { messageId, reason } of unreleased) {
    recorder.note(`note: message ${messageId} could not be made visible again (${reason}); it will be once its visibility timeout ends`);
  }
  return recorder.tally;
}

/** Puts the events back, then deletes the messages of those accepted (unless dry run or keep). */
async function putBack(run: QueueRun, toPut: readonly ToPut[], on: { recorder: TallyRecorder; retained: Map<string, QueueMessage> }): Promise<void> {
  if (toPut.length === 0) return;
  if (run.options.dryRun) {
    for (const { message, entry, summary } of toPut) {
      run.write(`would re-drive message ${message.messageId} to bus ${String(entry.EventBusName)}: ${summary}`);
      on.recorder.redriven();
      on.retained.set(message.messageId, message);
    }
    return;
  }
  const outcome = await run.publisher.put(toPut.map(({ entry }, ref) => ({ ref, entry })));
  for (const { ref, reason } of outcome.failed) {
    const { message } = toPut[ref] as ToPut;
    on.recorder.fail(`message ${message.messageId}`, failureCode(reason), reason);
    on.retained.set(message.messageId, message);
  }
  const accepted = [...outcome.accepted].sort((a, b) => a - b).map((ref) => (toPut[ref] as ToPut).message);
  for (let count = 0; count < accepted.length; count++) on.recorder.redriven();
  if (run.options.keep) {
    for (const message of accepted) on.retained.set(message.messageId, message);
    return;
  }
  const failures = await run.queue.delete(accepted);
  for (const { messageId, reason } of failures) on.recorder.deleteFailed(`message ${messageId}`, 'message', reason);
  on.recorder.tally.deleted += accepted.length - failures.length;
}
