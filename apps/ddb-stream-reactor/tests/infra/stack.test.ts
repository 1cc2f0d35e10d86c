import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { PLATFORM_PARAMETERS, validateDeclaration } from '@wildrydes/infra';
import { actionsOf, expectedStreamFailureWiring, parameterIdFor, policyStatements, streamFailureWiring, synthesizeStack } from '@wildrydes/infra/testing';
import { HEALTH_LOW_THRESHOLD, ddbStreamReactor } from '../../infra/declaration.js';
import { DdbStreamReactorStack } from '../../infra/stack.js';
import { reactorFilterPatterns } from '../../src/filter-patterns.js';

describe('DdbStreamReactorStack', () => {
  const { template, nag } = synthesizeStack((app, code) => new DdbStreamReactorStack(app, 'WildRydesDdbStreamReactor', { code }));

  it('given the declaration, then it is valid', () => {
    expect(() => validateDeclaration(ddbStreamReactor)).not.toThrow();
  });

  it('reads the sensor table stream with safe settings and the declared filters', () => {
    const streamParameter = parameterIdFor(template, PLATFORM_PARAMETERS.sensorTableStreamArn);
    expect(streamParameter).toBeDefined();
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { Ref: streamParameter },
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 1,
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      MaximumRecordAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: reactorFilterPatterns().map((pattern) => ({ Pattern: JSON.stringify(pattern) })),
      },
    });
  });

  it('runs Node on arm64 with the bus from the platform and the threshold the filter was built from', () => {
    const busParameter = parameterIdFor(template, PLATFORM_PARAMETERS.eventBusName);
    expect(busParameter).toBeDefined();
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: Match.stringLikeRegexp('^nodejs(22|24)\\.x$'),
      Architectures: ['arm64'],
      MemorySize: 256,
      Timeout: 30,
      Environment: {
        Variables: Match.objectLike({
          EVENT_BUS_NAME: { Ref: busParameter },
          TABLE_NAME: { Ref: parameterIdFor(template, PLATFORM_PARAMETERS.sensorTableName) },
          QUARANTINE_BUCKET_NAME: { Ref: parameterIdFor(template, PLATFORM_PARAMETERS.quarantineBucketName) },
          HEALTH_LOW_THRESHOLD: String(HEALTH_LOW_THRESHOLD),
          MAX_EVENT_ENTRY_BYTES: '1048576',
          DEADLINE_SAFETY_MARGIN_MS: '1500',
        }),
      },
    });
  });

  it('may put events on the platform bus only, quarantine under its own prefix, and write nothing else', () => {
    const statements = policyStatements(template);
    const actions = statements.flatMap(actionsOf);
    const putEvents = statements.filter((s) => actionsOf(s).includes('events:PutEvents'));
    expect(putEvents).toHaveLength(1);
    expect(putEvents[0]!.Action).toBe('events:PutEvents');
    expect(putEvents[0]!.Resource).toEqual({ Ref: parameterIdFor(template, PLATFORM_PARAMETERS.eventBusArn) });
    expect(actions.filter((a) => a.startsWith('events:'))).toEqual(['events:PutEvents']);
    const putObject = statements.filter((s) => actionsOf(s).includes('s3:PutObject'));
    expect(putObject).toHaveLength(1);
    expect(actionsOf(putObject[0]!)).toEqual(['s3:PutObject']);
    expect(JSON.stringify(putObject[0]!.Resource)).toContain('/ddb-stream-reactor/*');
    expect(actions.filter((a) => /^(dynamodb|s3|kinesis):.*(Write|Put|Update|Delete)/.test(a))).toEqual(['s3:PutObject']);
    expect(actions.some((a) => a.includes('*'))).toBe(false);
  });

  it("may Query the sensor table, to read a changed reading's neighbours, and nothing more of it", () => {
    const statements = policyStatements(template);
    const query = statements.filter((s) => actionsOf(s).includes('dynamodb:Query'));
    expect(query).toHaveLength(1);
    expect(actionsOf(query[0]!)).toEqual(['dynamodb:Query']);
    expect(JSON.stringify(query[0]!.Resource)).toContain(parameterIdFor(template, PLATFORM_PARAMETERS.sensorTableArn)!);
    // The event source's stream reads aside (DescribeStream, GetRecords, GetShardIterator, ListStreams).
    const streamRead = new Set(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams']);
    const tableActions = statements.flatMap(actionsOf).filter((a) => a.startsWith('dynamodb:') && !streamRead.has(a));
    expect(tableActions).toEqual(['dynamodb:Query']);
  });

  it('sends what Lambda gives up on to the failure bucket (puts only under aws/lambda/), says where in SSM, and alarms on it, on lost batches, falling behind, errors and quarantined records, all to the platform alarm topic', () => {
    expect(streamFailureWiring(template, ddbStreamReactor.name)).toEqual(expectedStreamFailureWiring(template, ddbStreamReactor.name));
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'QuarantinedRecords', Namespace: 'WildRydes' });
  });

  it('reaches the platform only through SSM parameters, never CloudFormation exports', () => {
    expect(JSON.stringify(template.toJSON())).not.toContain('Fn::ImportValue');
  });

  it('has no unsuppressed cdk-nag AwsSolutions findings, and every suppression says why', () => {
    expect(nag).toEqual({ errors: [], warnings: [], unjustifiedSuppressions: [] });
  });
});
