/**
 * What identifies a domain event across copies: the catalog's `detail.metadata.eventId`, which
 * survives a re-put on the bus (a re-driven event gets a new envelope `id`) and a duplicate put
 * (a put retried after a dropped answer); the envelope `id` for an event without one.
 *
 * @example
 * ```ts
 * eventKey({ id: 'e-2', detail: { metadata: { eventId: 'r-1-completed' } } }); // 'r-1-completed'
 * ```
 */
export function eventKey(event: unknown): string {
  const envelope = (event ?? {}) as { id?: unknown; detail?: { metadata?: { eventId?: unknown } } };
  const eventId = envelope.detail?.metadata?.eventId;
  return typeof eventId === 'string' ? eventId : `envelope:${String(envelope.id)}`;
}
