import { describe, expect, it } from 'vitest';
import { EVENT_CATALOG } from '@wildrydes/schemas';
import { isPublishable, PUBLISHABLE_EVENTS, publishableSourcesAndDetailTypes } from '../../src/publishable-events.js';

describe('publishable events', () => {
  it('are the ride events of the catalog, and only they', () => {
    const rideEvents = Object.entries(EVENT_CATALOG)
      .filter(([, entry]) => entry.source === 'wildrydes.rides')
      .map(([key]) => key);

    expect([...PUBLISHABLE_EVENTS].sort()).toEqual(rideEvents.sort());
  });

  it.each([
    ['RideRequested@1', true],
    ['RideCompleted@1', true],
    ['RideCompleted@2', false],
    ['UnicornHealthLow@1', false],
    ['toString', false],
  ])('isPublishable(%s) is %s', (key, expected) => {
    expect(isPublishable(key)).toBe(expected);
  });

  it('give the sources and detail-types the IAM grant is conditioned on', () => {
    expect(publishableSourcesAndDetailTypes()).toEqual({ sources: ['wildrydes.rides'], detailTypes: ['RideRequested', 'RideCompleted'] });
  });
});
