import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadModelItemError } from '../../src/errors.js';
import { readFleetState } from '../../src/read-fleet-state.js';
import { TABLE } from './plans.js';

const ddbMock = mockClient(DynamoDBClient);
const client = new DynamoDBClient({ region: 'eu-west-1' });

const stateItem = {
  pk: { S: 'UNICORN#Shadowfax' },
  sk: { S: 'STATE' },
  itemType: { S: 'FLEET_STATE' },
  unicorn: { S: 'Shadowfax' },
  ridesCompleted: { N: '2' },
  distanceMetres: { N: '2250.5' },
  healthStatus: { S: 'LOW' },
  lastHealthAt: { S: '2026-11-21T10:00:05.000Z' },
  lastHealthEventId: { S: 'evt-h' },
  lastAlert: {
    M: { eventId: { S: 'evt-h' }, statusTime: { S: '2026-11-21T10:00:05.000Z' }, healthPoints: { N: '9' }, threshold: { N: '20' } },
  },
};

describe('readFleetState', () => {
  afterEach(() => ddbMock.reset());

  it('reads the unicorn state item consistently and returns it without its keys', async () => {
    // Prepare
    ddbMock.on(GetItemCommand).resolves({ Item: stateItem });

    // Act
    const state = await readFleetState(client, TABLE, 'Shadowfax');

    // Assess
    expect(state).toEqual({
      unicorn: 'Shadowfax',
      ridesCompleted: 2,
      distanceMetres: 2250.5,
      healthStatus: 'LOW',
      lastHealthAt: '2026-11-21T10:00:05.000Z',
      lastAlert: { eventId: 'evt-h', statusTime: '2026-11-21T10:00:05.000Z', healthPoints: 9, threshold: 20 },
    });
    expect(ddbMock.commandCalls(GetItemCommand)[0]!.args[0].input).toEqual({
      TableName: TABLE,
      Key: { pk: { S: 'UNICORN#Shadowfax' }, sk: { S: 'STATE' } },
      ConsistentRead: true,
    });
  });

  it('returns undefined for a unicorn no event was applied to', async () => {
    ddbMock.on(GetItemCommand).resolves({});
    expect(await readFleetState(client, TABLE, 'Nobody')).toBeUndefined();
  });

  it('throws a ReadModelItemError naming the unicorn and the bad attribute for an item that breaks the schema', async () => {
    ddbMock.on(GetItemCommand).resolves({ Item: { ...stateItem, healthStatus: { S: 'MEH' } } });

    const read = readFleetState(client, TABLE, 'Shadowfax');

    await expect(read).rejects.toThrow(ReadModelItemError);
    await expect(read).rejects.toThrow(
      `The state item of unicorn "Shadowfax" in ${TABLE} is invalid: healthStatus: Invalid option: expected one of "OK"|"LOW"`,
    );
  });
});
