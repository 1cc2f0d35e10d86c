import { describe, expect, it } from 'vitest';
import { quarantineObjectKey } from '@wildrydes/schemas';
import { compareStreamPositions, sortForRedrive } from '../../src/ordering.js';
import { functionPrefix, parseQuarantineKey } from '../../src/quarantine-key.js';
import { selectKeys } from '../../src/select-keys.js';

const key = (stream: string, day: string, shard: string, sequence: string, fn = 'kinesis-republisher'): string =>
  `${fn}/${stream}/${day.replaceAll('-', '/')}/${shard}/${sequence}.json`;

describe('parseQuarantineKey', () => {
  it('splits a key as quarantineObjectKey builds it', () => {
    // Act
    const parts = parseQuarantineKey('kinesis-republisher/unicorn-telemetry/2026/11/21/shardId-000000000001/49661.json');

    // Assess
    expect(parts).toEqual({
      key: 'kinesis-republisher/unicorn-telemetry/2026/11/21/shardId-000000000001/49661.json',
      kind: 'kinesis',
      functionName: 'kinesis-republisher',
      streamName: 'unicorn-telemetry',
      day: '2026-11-21',
      shardId: 'shardId-000000000001',
      sequenceNumber: '49661',
    });
  });

  it('splits a DynamoDB stream record\'s key as quarantineObjectKey builds it: table, day, sequence number and eventID, no shard', () => {
    // Prepare
    const record = {
      quarantinedBy: 'ddb-stream-reactor',
      origin: {
        kind: 'dynamodb-stream' as const,
        eventSourceArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/UnicornSensorData/stream/2026-11-21T10:00:00.000',
        eventId: 'c4ca4238a0b923820dcc509a6f75849b',
        sequenceNumber: '4962000000000000000001',
        partitionKey: 'Shadowfax',
        approximateCreationDateTime: Date.UTC(2026, 10, 21, 10) / 1000,
      },
    };

    // Act
    const parts = parseQuarantineKey(quarantineObjectKey(record));

    // Assess
    expect(parts).toEqual({
      key: 'ddb-stream-reactor/UnicornSensorData/2026/11/21/4962000000000000000001-c4ca4238a0b923820dcc509a6f75849b.json',
      kind: 'dynamodb-stream',
      functionName: 'ddb-stream-reactor',
      streamName: 'UnicornSensorData',
      day: '2026-11-21',
      shardId: '',
      sequenceNumber: '4962000000000000000001',
    });
  });

  it.each([
    'kinesis-republisher/notes.txt',
    'ddb-stream-reactor/UnicornSensorData/2026/11/21/4962.json',
    'ddb-stream-reactor/UnicornSensorData/2026/11/xx/4962-abc.json',
    'kinesis-republisher/unicorn-telemetry/2026/11/21/shardId-0/abc.json',
    'kinesis-republisher/unicorn-telemetry/26/11/21/shardId-0/1.json',
    'kinesis-republisher/unicorn-telemetry/2026/11/21/shardId-0/1.json.bak',
    'kinesis-republisher/unicorn-telemetry/2026/11/21/extra/shardId-0/1.json',
    'kinesis-republisher//2026/11/21/shardId-0/1.json',
  ])('does not recognise %s', (raw) => {
    // Act / Assess
    expect(parseQuarantineKey(raw)).toBeUndefined();
  });

  it('prefixes with a slash, so a function name never matches a longer one', () => {
    // Act / Assess
    expect(functionPrefix('kinesis-republisher')).toBe('kinesis-republisher/');
  });
});

describe('sortForRedrive', () => {
  it('orders by stream, shard, then sequence number as a number, not as text', () => {
    // Prepare: S3 lists keys as text: day first, and '10' before '9'.
    const keys = [
      key('b-stream', '2026-11-20', 'shardId-000000000000', '1'),
      key('a-stream', '2026-11-22', 'shardId-000000000000', '10'),
      key('a-stream', '2026-11-21', 'shardId-000000000000', '9'),
      key('a-stream', '2026-11-20', 'shardId-000000000001', '2'),
      key('a-stream', '2026-11-21', 'shardId-000000000000', '100000000000000000000000000000000000000000000000000000001'),
    ].sort();
    const parts = keys.map((raw) => parseQuarantineKey(raw)!);

    // Act
    const sorted = sortForRedrive(parts).map(({ streamName, shardId, sequenceNumber }) => `${streamName} ${shardId} ${sequenceNumber}`);

    // Assess
    expect(sorted).toEqual([
      'a-stream shardId-000000000000 9',
      'a-stream shardId-000000000000 10',
      'a-stream shardId-000000000000 100000000000000000000000000000000000000000000000000000001',
      'a-stream shardId-000000000001 2',
      'b-stream shardId-000000000000 1',
    ]);
  });

  it('compares equal positions as equal', () => {
    // Act / Assess
    const position = { streamName: 's', shardId: 'shardId-0', sequenceNumber: '0042' };
    expect(compareStreamPositions(position, { ...position, sequenceNumber: '42' })).toBe(0);
  });
});

describe('selectKeys', () => {
  it('sets aside keys it does not recognise and those before --since, and sorts the rest', () => {
    // Prepare
    const keys = [
      key('s', '2026-10-31', 'shardId-0', '5'),
      key('s', '2026-11-02', 'shardId-0', '30'),
      'kinesis-republisher/README',
      key('s', '2026-11-01', 'shardId-0', '20'),
    ];

    // Act
    const selection = selectKeys(keys, { since: '2026-11-01' });

    // Assess
    expect(selection.candidates.map(({ sequenceNumber }) => sequenceNumber)).toEqual(['20', '30']);
    expect(selection.unrecognised).toEqual(['kinesis-republisher/README']);
    expect(selection.beforeSince).toBe(1);
  });

  it('keeps every day without --since', () => {
    // Act
    const selection = selectKeys([key('s', '2001-01-01', 'shardId-0', '1')], { since: undefined });

    // Assess
    expect(selection.candidates).toHaveLength(1);
    expect(selection.beforeSince).toBe(0);
  });
});
