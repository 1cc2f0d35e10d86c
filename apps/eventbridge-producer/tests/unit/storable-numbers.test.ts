import { describe, expect, it } from 'vitest';
import { handleRequest, type ProducerPorts, type ProducerSettings } from '../../src/handle-request.js';
import { functionUrlEvent } from '../support/function-url-event.js';
import { rideCompleted } from '../support/rides.js';

const settings: ProducerSettings = { eventBusName: 'wildrydes-bus', maxBodyBytes: 64 * 1024, maxEntriesPerRequest: 100, maxEntryBytes: 1_048_576 };

/** A bus that must never be called: the request is refused before anything is published. */
const untouchedBus = () => {
  let calls = 0;
  const ports: ProducerPorts = {
    async publish() {
      calls++;
      return { published: [], failed: [] };
    },
  };
  return { ports, calls: () => calls };
};

// The consumer ADDs every ride's distance to its unicorn's counter; a DynamoDB number is at most
// 9.99E+125 (DynamoDB developer guide, "Supported data types and naming rules"), so one 9e125 ride
// accepted here would make that unicorn's next ADD overflow, and every later ride of it fail.
describe('ride distances the read model could not count', () => {
  it.each([
    [9e125, 'detail.distanceMetres: Too big: expected number to be <=1000000'],
    [1e-200, 'detail.distanceMetres: Invalid number: DynamoDB stores only 0 or magnitudes from 1e-130 to below 1e126 with at most 38 significant digits (given 1e-200)'],
  ])('answers 400 for a RideCompleted with distanceMetres %s, naming the field, and publishes nothing', async (distanceMetres, message) => {
    // Prepare
    const bus = untouchedBus();

    // Act
    const { response } = await handleRequest(functionUrlEvent({ json: rideCompleted('r-far', { distanceMetres }) }), bus.ports, settings);

    // Assess
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body ?? 'null')).toMatchObject({ error: 'InvalidEntries', issues: [{ index: 0, message }] });
    expect(bus.calls()).toBe(0);
  });
});
