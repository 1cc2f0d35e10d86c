import type { _Record as KinesisRecord } from '@aws-sdk/client-kinesis';
import type { _Record as DynamoDbStreamRecord } from '@aws-sdk/client-dynamodb-streams';
import { dynamoDbStreamEventFromRecords, type DynamoDbStreamEventSource } from '@wildrydes/emulators';
import type { RecordCodec } from './shard-poller.js';
import { firstReadAtMs } from './shard-reader.js';

/** A compiled filter: the mapping's filter patterns, ORed together as Lambda does. */
export type FilterPredicate = (view: unknown) => boolean;

/**
 * What Lambda matches a Kinesis record's filter criteria against: the record's metadata and, when
 * the data is a JSON object, its properties under `data` (data that is not JSON can only match
 * patterns that do not mention `data`).
 */
export function kinesisFilterView(record: KinesisRecord): Record<string, unknown> {
  let data: unknown;
  try {
    data = record.Data ? JSON.parse(Buffer.from(record.Data).toString('utf8')) : undefined;
  } catch {
    data = undefined;
  }
  return {
    kinesisSchemaVersion: '1.0',
    partitionKey: record.PartitionKey,
    sequenceNumber: record.SequenceNumber,
    approximateArrivalTimestamp: record.ApproximateArrivalTimestamp ? record.ApproximateArrivalTimestamp.getTime() / 1000 : undefined,
    ...(data !== undefined ? { data } : {}),
  };
}

/**
 * What Lambda matches a DynamoDB stream record's filter criteria against: the record exactly as
 * the function receives it, every top-level field included (`eventID`, `eventName`,
 * `eventSourceARN`, `awsRegion`, `userIdentity`, and `dynamodb` with `ApproximateCreationDateTime`
 * in epoch seconds, `Keys`, `NewImage`, ... in DynamoDB JSON, so numbers are strings under `N`):
 * see "Filtering DynamoDB events" in the Lambda developer guide.
 *
 * @example
 * ```ts
 * dynamoDbFilterView(record, { streamArn }); // { eventID: '…', eventSourceARN: streamArn, dynamodb: { ApproximateCreationDateTime: 1795255230.25, … }, … }
 * ```
 */
export function dynamoDbFilterView(record: DynamoDbStreamRecord, source: DynamoDbStreamEventSource): Record<string, unknown> {
  const [delivered] = dynamoDbStreamEventFromRecords([record], source).Records;
  return { ...delivered };
}

export function kinesisCodec(filter: FilterPredicate | undefined): RecordCodec<KinesisRecord> {
  return {
    idOf: (record) => record.SequenceNumber ?? '',
    arrivalMsOf: (record) => record.ApproximateArrivalTimestamp?.getTime() ?? Date.now(),
    passesFilters: (record) => (filter ? filter(kinesisFilterView(record)) : true),
  };
}

export function dynamoDbCodec(filter: FilterPredicate | undefined, source: DynamoDbStreamEventSource): RecordCodec<DynamoDbStreamRecord> {
  return {
    idOf: (record) => record.dynamodb?.SequenceNumber ?? '',
    arrivalMsOf: (record) => firstReadAtMs.get(record) ?? record.dynamodb?.ApproximateCreationDateTime?.getTime() ?? Date.now(),
    passesFilters: (record) => (filter ? filter(dynamoDbFilterView(record, source)) : true),
  };
}
