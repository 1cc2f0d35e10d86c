import type { KinesisClient } from '@aws-sdk/client-kinesis';
import type { KinesisStreamEvent } from 'aws-lambda';
import { kinesisEventFromRecords } from './kinesis-event';
import { readShard } from './read-shard';

/** The shard {@link followShard} follows. */
export interface FollowedShard {
  streamName: string;
  /** The stream's ARN, for the events' `eventSourceARN`. */
  streamArn: string;
  shardId: string;
}

/** Hands out a shard's records as Lambda events, each batch once. */
export interface ShardFollower {
  /**
   * The `KinesisStreamEvent` of the records that arrived on the shard since the previous call
   * (since TRIM_HORIZON on the first), in shard order; `Records` is empty when none did.
   */
  nextEvent(): Promise<KinesisStreamEvent>;
}

/**
 * Follows one shard the way Lambda's event source mapping does for a test: put records, then ask
 * for the event that delivers exactly those. Reads with {@link readShard} (so no shard iterator
 * can expire between calls) and skips what earlier calls handed out. Await one call before the next.
 *
 * @example
 * ```ts
 * const { streamArn, shardIds } = await createKinesisStream(kinesis, 'unicorn-telemetry');
 * const shard = followShard(kinesis, { streamName: 'unicorn-telemetry', streamArn, shardId: shardIds[0] });
 * await kinesis.send(new PutRecordsCommand({ StreamName: 'unicorn-telemetry', Records: records }));
 * await handler(await shard.nextEvent(), context);
 * ```
 */
export function followShard(client: KinesisClient, shard: FollowedShard): ShardFollower {
  let handedOut = 0;
  return {
    async nextEvent() {
      const records = await readShard(client, shard.streamName, shard.shardId);
      const fresh = records.slice(handedOut);
      handedOut = records.length;
      return kinesisEventFromRecords(fresh, { streamArn: shard.streamArn, shardId: shard.shardId });
    },
  };
}
