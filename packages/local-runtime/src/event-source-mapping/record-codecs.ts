import type { _Record as KinesisRecord } from '@aws-sdk/client-kinesis';
import type { _Record as DynamoDbStreamRecord } from '@aws-sdk/client-dynamodb-streams';
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
 * What Lambda matches a DynamoDB stream record's filter criteria against: the record as the
 * function receives it (`eventName`, `dynamodb.Keys`, `dynamodb.NewImage`, ... in DynamoDB JSON,
 * so numbers are strings under `N`).
 */
export function dynamoDbFilterView(record: DynamoDbStreamRecord): Record<string, unknown> {
  return {
    eventName: record.eventName,
    eventSource: record.eventSource,
    eventVersion: record.eventVersion,
    awsRegion: record.awsRegion,
    dynamodb: {
      Keys: record.dynamodb?.Keys,
      NewImage: record.dynamodb?.NewImage,
      OldImage: record.dynamodb?.OldImage,
      SequenceNumber: record.dynamodb?.SequenceNumber,
      SizeBytes: record.dynamodb?.SizeBytes,
      StreamViewType: record.dynamodb?.StreamViewType,
    },
    ...(record.userIdentity ? { userIdentity: { type: record.userIdentity.Type, principalId: record.userIdentity.PrincipalId } } : {}),
  };
}

export function kinesisCodec(filter: FilterPredicate | undefined): RecordCodec<KinesisRecord> {
  return {
    idOf: (record) => record.SequenceNumber ?? '',
    arrivalMsOf: (record) => record.ApproximateArrivalTimestamp?.getTime() ?? Date.now(),
    passesFilters: (record) => (filter ? filter(kinesisFilterView(record)) : true),
  };
}

export function dynamoDbCodec(filter: FilterPredicate | undefined): RecordCodec<DynamoDbStreamRecord> {
  return {
    idOf: (record) => record.dynamodb?.SequenceNumber ?? '',
    arrivalMsOf: (record) => firstReadAtMs.get(record) ?? record.dynamodb?.ApproximateCreationDateTime?.getTime() ?? Date.now(),
    passesFilters: (record) => (filter ? filter(dynamoDbFilterView(record)) : true),
  };
}
