/** Valid ride events as the ride app sends them, with overridable details. */

export const rideRequested = (id = 'r-1', overrides: Record<string, unknown> = {}) => ({
  detailType: 'RideRequested',
  schemaVersion: 1,
  detail: {
    metadata: { eventId: `ride-requested-${id}`, schemaVersion: 1, occurredAt: '2026-11-21T10:00:00.000Z' },
    rideId: id,
    riderId: 'rider-42',
    pickup: { latitude: 47.61, longitude: -122.33 },
    requestedAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  },
});

export const rideCompleted = (id = 'r-1', overrides: Record<string, unknown> = {}) => ({
  detailType: 'RideCompleted',
  schemaVersion: 1,
  detail: {
    metadata: { eventId: `ride-completed-${id}`, schemaVersion: 1, occurredAt: '2026-11-21T10:20:00.000Z' },
    rideId: id,
    unicorn: 'Shadowfax',
    distanceMetres: 1_250.5,
    completedAt: '2026-11-21T10:20:00.000Z',
    ...overrides,
  },
});
