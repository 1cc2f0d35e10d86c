import type { S3ObjectEvent } from '@wildrydes/emulators';

/**
 * What is in the quarantine bucket now, by the function that quarantined it (the first segment
 * of the key), counted from the bucket's object events as they happen instead of listing the
 * bucket. A key counts once however often it is written (quarantine keys are deterministic, so
 * a retried batch rewrites the same key) and stops counting when it is deleted (a re-drive).
 *
 * @example
 * ```ts
 * const tally = new QuarantineTally('wildrydes-quarantine');
 * s3.onObjectEvent((event) => tally.record(event));
 * tally.byFunction(); // { 'kinesis-republisher': 3 }
 * ```
 */
export class QuarantineTally {
  private readonly keysByFunction = new Map<string, Set<string>>();

  constructor(private readonly bucketName: string) {}

  /** Takes one object event; events of other buckets are ignored. */
  record(event: S3ObjectEvent): void {
    if (event.bucketName !== this.bucketName) return;
    const owner = event.key.split('/')[0] ?? '';
    let keys = this.keysByFunction.get(owner);
    if (event.eventName === 'ObjectRemoved:Delete') {
      keys?.delete(event.key);
      return;
    }
    if (!keys) {
      keys = new Set();
      this.keysByFunction.set(owner, keys);
    }
    keys.add(event.key);
  }

  /** Quarantined records now, by function. */
  byFunction(): Record<string, number> {
    return Object.fromEntries([...this.keysByFunction].map(([owner, keys]) => [owner, keys.size]));
  }
}
