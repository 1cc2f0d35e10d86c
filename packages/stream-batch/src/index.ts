/**
 * Stream-batch bookkeeping shared by the Kinesis consumers: strict decoding of a record's data,
 * the per-record slot that ends done, quarantined or retried, quarantine records, reading a
 * sink's write outcome, and the partial-batch response. `processStreamBatch` composes them; the
 * pieces are exported for consumers whose flow differs. Nothing here knows about telemetry, a
 * particular sink or a particular function.
 */
export { decodeJsonRecord, type DecodedJson } from './decode-json-record.js';
export { openSlots, type Poison, type RecordSlot, type SlotFate } from './record-slot.js';
export { toQuarantineRecord, type QuarantinedBy } from './quarantine-record.js';
export { quarantineSlots, type QuarantineStore } from './quarantine-slots.js';
export { applyWriteOutcome, type SinkFailure, type SinkRules, type WriteOutcome } from './write-outcome.js';
export { reportSlots, type SlotReport } from './slot-report.js';
export {
  processStreamBatch,
  type Prepared,
  type QuarantinePorts,
  type SlotEntry,
  type StreamBatchSteps,
} from './process-stream-batch.js';
