import { describe, expect, it } from 'vitest';
import { QuarantineTally } from '../../src/report/quarantine-tally.js';

describe('QuarantineTally', () => {
  it('counts the quarantine bucket by function from object events: a rewritten key once, a deleted key no more, other buckets not', () => {
    // Prepare
    const tally = new QuarantineTally('wildrydes-quarantine');

    // Act
    tally.record({ eventName: 'ObjectCreated:Put', bucketName: 'wildrydes-quarantine', key: 'kinesis-republisher/2026/a.json' });
    tally.record({ eventName: 'ObjectCreated:Put', bucketName: 'wildrydes-quarantine', key: 'kinesis-republisher/2026/a.json' });
    tally.record({ eventName: 'ObjectCreated:Put', bucketName: 'wildrydes-quarantine', key: 'kinesis-republisher/2026/b.json' });
    tally.record({ eventName: 'ObjectCreated:Copy', bucketName: 'wildrydes-quarantine', key: 'kinesis-ddb-writer/2026/c.json' });
    tally.record({ eventName: 'ObjectRemoved:Delete', bucketName: 'wildrydes-quarantine', key: 'kinesis-republisher/2026/b.json' });
    tally.record({ eventName: 'ObjectCreated:Put', bucketName: 'another-bucket', key: 'kinesis-republisher/2026/z.json' });
    tally.record({ eventName: 'ObjectRemoved:Delete', bucketName: 'wildrydes-quarantine', key: 'ddb-stream-reactor/never-created' });

    // Assess
    expect(tally.byFunction()).toEqual({ 'kinesis-republisher': 1, 'kinesis-ddb-writer': 1 });
  });
});
