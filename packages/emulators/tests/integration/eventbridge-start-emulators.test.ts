import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isPortFree, startEmulators } from '../../src/index';
import { rideEntry, rideIds } from './eventbridge-helpers';

describe('startEmulators with eventbridge', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('starts the bus and exposes AWS_ENDPOINT_URL_EVENTBRIDGE, which an SDK client picks up on its own', async () => {
    // Prepare
    const emulators = await startEmulators({ eventbridge: { retryBaseDelayMs: 5 } });
    const eventbridge = emulators.eventbridge!;

    try {
      for (const [name, value] of Object.entries(emulators.env)) vi.stubEnv(name, value);
      const client = new EventBridgeClient({});

      // Act
      try {
        await client.send(new PutEventsCommand({ Entries: [rideEntry('r-1')] }));
      } finally {
        client.destroy();
      }

      // Assess
      expect(emulators.env['AWS_ENDPOINT_URL_EVENTBRIDGE']).toBe(eventbridge.endpoint);
      expect(emulators.env['AWS_ENDPOINT_URL_KINESIS']).toBeUndefined();
      expect(rideIds(eventbridge.published())).toEqual(['r-1']);
    } finally {
      await emulators.stop();
    }
    expect(await isPortFree(eventbridge.port)).toBe(true);
  });

  it('stops the bus when another emulator fails to start', async () => {
    // Act
    const error = await startEmulators({ eventbridge: true, dynamodb: { javaBinary: 'definitely-not-java' } }).catch((caught: unknown) => caught);

    // Assess
    expect(error).toMatchObject({ name: 'JavaNotFoundError' });
  });
});
