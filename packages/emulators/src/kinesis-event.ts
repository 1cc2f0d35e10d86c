import type { _Record } from '@aws-sdk/client-kinesis';
import type { KinesisStreamEvent, KinesisStreamRecord } from 'aws-lambda';
import { InvalidKinesisRecordError } from './errors';

/** Where the records came from, as Lambda's event source mapping would report it. */
export interface KinesisEventSource {
  /** `arn:aws:kinesis:REGION:ACCOUNT:stream/NAME` (what DescribeStreamSummary returns). */
  streamArn: string;
  /** e.g. `shardId-000000000000`. */
  shardId: string;
  /** `awsRegion`; default: the region in `streamArn`, else `us-east-1`. */
  region?: string;
  /**
   * `invokeIdentityArn`: in real events the function's execution role ARN. Default
   * `arn:aws:iam::ACCOUNT:role/lambda-role` with the account from `streamArn`.
   */
  invokeIdentityArn?: string;
}

/**
 * Builds the `KinesisStreamEvent` that Lambda delivers for records read with GetRecords:
 * `data` is base64, `approximateArrivalTimestamp` is epoch seconds with millisecond fraction,
 * `eventID` is `shardId:sequenceNumber`.
 *
 * @example
 * ```ts
 * const records = await readShard(client, 'rides', 'shardId-000000000000');
 * const event = kinesisEventFromRecords(records, { streamArn, shardId: 'shardId-000000000000' });
 * await handler(event, context);
 * ```
 */
export function kinesisEventFromRecords(records: readonly _Record[], source: KinesisEventSource): KinesisStreamEvent {
  const arn = parseArn(source.streamArn);
  const awsRegion = source.region ?? arn?.region ?? 'us-east-1';
  const invokeIdentityArn = source.invokeIdentityArn ?? `arn:aws:iam::${arn?.account || '000000000000'}:role/lambda-role`;

  return {
    Records: records.map((record, index): KinesisStreamRecord => {
      const { SequenceNumber, PartitionKey, Data, ApproximateArrivalTimestamp } = record;
      if (SequenceNumber === undefined || PartitionKey === undefined || Data === undefined) {
        throw new InvalidKinesisRecordError(
          `Record ${index} lacks SequenceNumber, PartitionKey or Data; pass records exactly as GetRecords returns them`,
        );
      }
      const arrival = ApproximateArrivalTimestamp ?? new Date();
      return {
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey: PartitionKey,
          sequenceNumber: SequenceNumber,
          data: Buffer.from(Data.buffer, Data.byteOffset, Data.byteLength).toString('base64'),
          approximateArrivalTimestamp: arrival.getTime() / 1000,
        },
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventID: `${source.shardId}:${SequenceNumber}`,
        eventName: 'aws:kinesis:record',
        invokeIdentityArn,
        awsRegion,
        eventSourceARN: source.streamArn,
      };
    }),
  };
}

function parseArn(arn: string): { region: string; account: string } | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return { region: parts[3] ?? '', account: parts[4] ?? '' };
}
