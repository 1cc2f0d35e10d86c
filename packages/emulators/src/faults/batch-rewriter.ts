/** A JSON object as the JSON protocols carry it. */
export type JsonObject = Record<string, unknown>;

/** The per-entry error a withheld batch entry is reported with. */
export interface EntryFailure {
  readonly code: string;
  readonly message: string;
}

/** One batch request split into what reaches the emulator and what comes back as failed. */
export interface PartialBatch {
  /** The request to forward, without the withheld entries; `undefined` when every entry is withheld. */
  readonly forward: JsonObject | undefined;
  /**
   * The client's answer, built from the emulator's answer to `forward` (`undefined` when nothing
   * was forwarded), with the withheld entries reported as failed where the API reports them.
   */
  respond(forwarded: JsonObject | undefined): JsonObject;
}

/**
 * Rewrites one batch operation into a partial failure in the operation's real response shape.
 * Implementations are pure: no I/O, no randomness (the proxy chooses what to withhold).
 */
export interface BatchRewriter {
  /** How many entries the request holds; 0 when it is not a request this rewriter understands. */
  entryCount(request: unknown): number;
  /** Whether the API can answer 200 with every entry failed (BatchWriteItem cannot: it throttles). */
  readonly canFailAll: boolean;
  /** The per-entry error codes the API uses for transient failures, to choose from. */
  readonly entryErrors: readonly [EntryFailure, ...EntryFailure[]];
  /** Splits `request`; `failures` maps each withheld entry index to its error. */
  withhold(request: JsonObject, failures: ReadonlyMap<number, EntryFailure>): PartialBatch;
}

/** `value` as an array of JSON objects, or undefined. */
export function objectArray(value: unknown): JsonObject[] | undefined {
  if (!Array.isArray(value) || !value.every(isJsonObject)) return undefined;
  return value;
}

/** Whether `value` is a non-null, non-array object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
