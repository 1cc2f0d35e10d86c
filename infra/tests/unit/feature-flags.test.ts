import { FLAGS } from 'aws-cdk-lib/cx-api';
import { describe, expect, it } from 'vitest';
import { createCdkApp } from '../../src/cdk-app.js';
import { CDK_FEATURE_FLAGS } from '../../src/feature-flags.js';

/** Flags the CDK CLI never reports as unconfigured (its `OBSOLETE_FLAGS`). */
const OBSOLETE_FLAGS = ['@aws-cdk/core:enableStackNameDuplicates', '@aws-cdk/aws-s3:grantWriteWithoutAcl', '@aws-cdk/aws-kms:defaultKeyPolicies'];

/**
 * The flags `cdk synth` counts in "N feature flags are not configured": those whose unconfigured
 * behaviour differs from the recommended value (the CLI's `FlagOperations.filterNeedsAttention`).
 */
function flagsNeedingADecision(): string[] {
  return Object.entries(FLAGS)
    .filter(([name]) => !OBSOLETE_FLAGS.includes(name))
    .filter(([, flag]) => JSON.stringify(flag.unconfiguredBehavesLike?.v2 ?? false) !== JSON.stringify(flag.recommendedValue))
    .map(([name]) => name);
}

describe('CDK feature flags', () => {
  it('decides every flag the CDK CLI would report as not configured, so synth prints no notice', () => {
    // Act
    const undecided = flagsNeedingADecision().filter((name) => !(name in CDK_FEATURE_FLAGS));

    // Assess
    expect(undecided).toEqual([]);
  });

  it('names only flags aws-cdk-lib knows', () => {
    // Act
    const unknown = Object.keys(CDK_FEATURE_FLAGS).filter((name) => !(name in FLAGS));

    // Assess
    expect(unknown).toEqual([]);
  });

  it('gives every app the flags, under the context a caller adds', () => {
    // Act
    const app = createCdkApp({ context: { '@aws-cdk/aws-iam:minimizePolicies': false, extra: 'x' } });

    // Assess
    expect(app.node.tryGetContext('@aws-cdk/core:target-partitions')).toEqual(['aws', 'aws-cn']);
    expect(app.node.tryGetContext('@aws-cdk/aws-lambda:recognizeLayerVersion')).toBe(true);
    expect(app.node.tryGetContext('@aws-cdk/aws-iam:minimizePolicies')).toBe(false);
    expect(app.node.tryGetContext('extra')).toBe('x');
  });
});
