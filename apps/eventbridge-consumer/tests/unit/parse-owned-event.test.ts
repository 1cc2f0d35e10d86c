import { describe, expect, it } from 'vitest';
import { EVENT_SOURCES } from '@wildrydes/schemas';
import { parseOwnedEvent } from '../../src/parse-owned-event.js';
import { SAMPLE_DETAILS, eventBridgeEvent } from '../support/events.js';

describe('parseOwnedEvent', () => {
  it('returns a RideCompleted with its validated detail', () => {
    expect(parseOwnedEvent(eventBridgeEvent('RideCompleted@1'))).toEqual({
      ok: true,
      event: { detailType: 'RideCompleted', detail: SAMPLE_DETAILS['RideCompleted@1'] },
    });
  });

  it('returns a UnicornHealthLow with its validated detail', () => {
    expect(parseOwnedEvent(eventBridgeEvent('UnicornHealthLow@1'))).toEqual({
      ok: true,
      event: { detailType: 'UnicornHealthLow', detail: SAMPLE_DETAILS['UnicornHealthLow@1'] },
    });
  });

  it('drops unknown detail fields, as the catalog schema does', () => {
    const parsed = parseOwnedEvent(eventBridgeEvent('RideCompleted@1', { ...SAMPLE_DETAILS['RideCompleted@1'], surprise: true }));
    expect(parsed.ok && 'surprise' in parsed.event.detail).toBe(false);
  });

  it.each([
    ['an event the consumer does not own', eventBridgeEvent('RideRequested@1'), 'NOT_OWNED', /"RideRequested" is not consumed/],
    ['a payload that is not an EventBridge event', { hello: 'world' }, 'NOT_OWNED', /detail-type undefined/],
    ['no payload at all', null, 'NOT_OWNED', /detail-type undefined/],
    [
      'an owned detail-type without metadata',
      eventBridgeEvent('RideCompleted@1', { rideId: 'ride-1' }),
      'SCHEMA_VIOLATION',
      /metadata\.schemaVersion/,
    ],
    [
      'an owned detail-type whose detail is not an object',
      eventBridgeEvent('RideCompleted@1', 'ride-1'),
      'SCHEMA_VIOLATION',
      /metadata\.schemaVersion/,
    ],
    [
      'a version the catalog does not know',
      eventBridgeEvent('UnicornHealthLow@1', { ...SAMPLE_DETAILS['UnicornHealthLow@1'], metadata: { ...SAMPLE_DETAILS['UnicornHealthLow@1'].metadata, schemaVersion: 7 } }),
      'UNSUPPORTED_VERSION',
      /^UnicornHealthLow@7 is not in the event catalog$/,
    ],
    [
      'an owned event from the wrong source',
      { ...eventBridgeEvent('UnicornHealthLow@1'), source: EVENT_SOURCES.rides },
      'SOURCE_MISMATCH',
      /must come from "wildrydes.telemetry" \(given "wildrydes.rides"\)/,
    ],
    [
      'a detail that violates the schema',
      eventBridgeEvent('RideCompleted@1', { ...SAMPLE_DETAILS['RideCompleted@1'], distanceMetres: -3 }),
      'SCHEMA_VIOLATION',
      /^distanceMetres: Too small: expected number to be >=0$/,
    ],
    [
      'an alert whose statusTime is not the canonical form',
      eventBridgeEvent('UnicornHealthLow@1', { ...SAMPLE_DETAILS['UnicornHealthLow@1'], statusTime: '2026-11-21T10:00:00Z' }),
      'SCHEMA_VIOLATION',
      /^statusTime: Invalid ISO datetime$/,
    ],
  ])('rejects %s', (_label, event, reason, detail) => {
    // Act
    const parsed = parseOwnedEvent(event);

    // Assess
    expect(parsed).toMatchObject({ ok: false, reason });
    expect(parsed.ok ? '' : parsed.detail).toMatch(detail);
  });
});
