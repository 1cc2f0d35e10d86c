import { describe, expect, it } from 'vitest';
import { matchesPattern, validatePattern } from '@wildrydes/event-patterns';
import { EVENT_CATALOG, type CatalogKey } from '@wildrydes/schemas';
import { eventbridgeConsumer } from '../../infra/declaration.js';
import { OWNED_CATALOG_KEYS } from '../../src/owned-catalog.js';
import { parseOwnedEvent } from '../../src/parse-owned-event.js';
import { SAMPLE_DETAILS, eventBridgeEvent } from '../support/events.js';

const rule = eventbridgeConsumer.trigger.eventPattern;
const catalogKeys = Object.keys(EVENT_CATALOG) as CatalogKey[];
const owned = new Set<string>(OWNED_CATALOG_KEYS);

describe('the consumer contract with the event catalog', () => {
  it('declares a rule pattern EventBridge accepts', () => {
    expect(() => validatePattern(rule)).not.toThrow();
  });

  it('has a valid sample of every catalog entry', () => {
    for (const key of catalogKeys) {
      expect(EVENT_CATALOG[key].detail.safeParse(SAMPLE_DETAILS[key]).success, key).toBe(true);
    }
  });

  it.each(catalogKeys)('the rule matches %s exactly when the consumer owns it', (key) => {
    // Prepare
    const event = eventBridgeEvent(key);

    // Act
    const matched = matchesPattern(rule, event);

    // Assess
    expect(matched).toBe(owned.has(key));
  });

  it.each(catalogKeys)('the handler accepts %s exactly when the consumer owns it', (key) => {
    const parsed = parseOwnedEvent(eventBridgeEvent(key));

    expect(parsed.ok).toBe(owned.has(key));
    if (!parsed.ok) expect(parsed.reason).toBe('NOT_OWNED');
  });

  it('owns at least one event, and only entries that are in the catalog', () => {
    expect(OWNED_CATALOG_KEYS.length).toBeGreaterThan(0);
    for (const key of OWNED_CATALOG_KEYS) expect(catalogKeys).toContain(key);
  });

  it('lets a newer version of an owned event reach the handler, which rejects it loudly instead of missing it silently', () => {
    const event = eventBridgeEvent('RideCompleted@1', {
      ...SAMPLE_DETAILS['RideCompleted@1'],
      metadata: { ...SAMPLE_DETAILS['RideCompleted@1'].metadata, schemaVersion: 2 },
    });

    expect(matchesPattern(rule, event)).toBe(true);
    expect(parseOwnedEvent(event)).toMatchObject({ ok: false, reason: 'UNSUPPORTED_VERSION' });
  });
});
