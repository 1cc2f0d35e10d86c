import {
  CreateEventBusCommand,
  DeleteRuleCommand,
  DescribeEventBusCommand,
  DescribeRuleCommand,
  ListEventBusesCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
  type EventBridgeClient,
} from '@aws-sdk/client-eventbridge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEventBridge, type RunningEventBridge } from '../../src/index';
import { eventBridgeClient, rideEntry } from './eventbridge-helpers';

const LAMBDA_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:eventbridge-consumer';
const COMPLETED_PATTERN = JSON.stringify({ source: ['wildrydes.rides'], 'detail-type': ['RideCompleted'] });

describe('EventBridge emulator: buses, rules and targets over HTTP with the SDK v3 client', () => {
  let eventbridge: RunningEventBridge;
  let client: EventBridgeClient;

  beforeEach(async () => {
    eventbridge = await startEventBridge();
    client = eventBridgeClient(eventbridge.endpoint);
  });

  afterEach(async () => {
    client.destroy();
    await eventbridge.stop();
  });

  it('creates, describes and lists event buses', async () => {
    // Act
    const created = await client.send(new CreateEventBusCommand({ Name: 'rides', Description: 'ride events' }));
    const duplicate = await client.send(new CreateEventBusCommand({ Name: 'rides' })).catch((error: unknown) => error);
    const invalid = await client.send(new CreateEventBusCommand({ Name: 'bad name!' })).catch((error: unknown) => error);
    const described = await client.send(new DescribeEventBusCommand({ Name: created.EventBusArn }));
    const missing = await client.send(new DescribeEventBusCommand({ Name: 'nope' })).catch((error: unknown) => error);
    const all = await client.send(new ListEventBusesCommand({}));
    const firstPage = await client.send(new ListEventBusesCommand({ Limit: 1 }));
    const secondPage = await client.send(new ListEventBusesCommand({ Limit: 1, NextToken: firstPage.NextToken }));
    const prefixed = await client.send(new ListEventBusesCommand({ NamePrefix: 'ri' }));

    // Assess
    expect(created).toMatchObject({ EventBusArn: 'arn:aws:events:us-east-1:000000000000:event-bus/rides', Description: 'ride events' });
    expect(duplicate).toMatchObject({ name: 'ResourceAlreadyExistsException' });
    expect(invalid).toMatchObject({ name: 'ValidationException' });
    expect(described).toMatchObject({ Name: 'rides', Arn: created.EventBusArn, Description: 'ride events' });
    expect(described.CreationTime).toBeInstanceOf(Date);
    expect(missing).toMatchObject({ name: 'ResourceNotFoundException', message: 'Event bus nope does not exist.' });
    expect(all.EventBuses!.map((bus) => bus.Name)).toEqual(['default', 'rides']);
    expect(firstPage.EventBuses!.map((bus) => bus.Name)).toEqual(['default']);
    expect(secondPage.EventBuses!.map((bus) => bus.Name)).toEqual(['rides']);
    expect(secondPage.NextToken).toBeUndefined();
    expect(prefixed.EventBuses!.map((bus) => bus.Name)).toEqual(['rides']);
  });

  it('puts, describes, lists and deletes rules with their targets', async () => {
    // Prepare
    await client.send(new CreateEventBusCommand({ Name: 'rides' }));

    // Act
    const put = await client.send(new PutRuleCommand({ Name: 'completed', EventBusName: 'rides', EventPattern: COMPLETED_PATTERN }));
    await client.send(
      new PutTargetsCommand({
        Rule: 'completed',
        EventBusName: 'rides',
        Targets: [{ Id: 'consumer', Arn: LAMBDA_ARN, RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 3600 } }],
      }),
    );
    const targets = await client.send(new ListTargetsByRuleCommand({ Rule: 'completed', EventBusName: 'rides' }));
    const listed = await client.send(new ListRulesCommand({ EventBusName: 'rides' }));
    const onDefault = await client.send(new ListRulesCommand({}));
    const blocked = await client.send(new DeleteRuleCommand({ Name: 'completed', EventBusName: 'rides' })).catch((error: unknown) => error);
    await client.send(new RemoveTargetsCommand({ Rule: 'completed', EventBusName: 'rides', Ids: ['consumer'] }));
    await client.send(new DeleteRuleCommand({ Name: 'completed', EventBusName: 'rides' }));
    await client.send(new DeleteRuleCommand({ Name: 'completed', EventBusName: 'rides' }));
    const afterDelete = await client.send(new DescribeRuleCommand({ Name: 'completed', EventBusName: 'rides' })).catch((error: unknown) => error);

    // Assess
    expect(put.RuleArn).toBe('arn:aws:events:us-east-1:000000000000:rule/rides/completed');
    expect(targets.Targets).toEqual([{ Id: 'consumer', Arn: LAMBDA_ARN, RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 3600 } }]);
    expect(listed.Rules).toEqual([
      { Name: 'completed', Arn: put.RuleArn, EventPattern: COMPLETED_PATTERN, State: 'ENABLED', EventBusName: 'rides' },
    ]);
    expect(onDefault.Rules).toEqual([]);
    expect(blocked).toMatchObject({ name: 'ValidationException', message: "Rule can't be deleted since it has targets." });
    expect(afterDelete).toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('validates rules and targets like EventBridge', async () => {
    // Act
    const badPattern = await client
      .send(new PutRuleCommand({ Name: 'bad', EventPattern: JSON.stringify({ detail: { fare: [{ numeric: ['>', 'cheap'] }] } }) }))
      .catch((error: unknown) => error);
    const noPattern = await client.send(new PutRuleCommand({ Name: 'empty' })).catch((error: unknown) => error);
    const noBus = await client.send(new PutRuleCommand({ Name: 'r', EventBusName: 'nope', EventPattern: COMPLETED_PATTERN })).catch((error: unknown) => error);
    const noRule = await client.send(new PutTargetsCommand({ Rule: 'nope', Targets: [{ Id: 't', Arn: LAMBDA_ARN }] })).catch((error: unknown) => error);
    await client.send(new PutRuleCommand({ Name: 'busy', EventPattern: COMPLETED_PATTERN }));
    const six = Array.from({ length: 6 }, (_, index) => ({ Id: `t${index}`, Arn: LAMBDA_ARN }));
    const tooMany = await client.send(new PutTargetsCommand({ Rule: 'busy', Targets: six })).catch((error: unknown) => error);
    const badRetry = await client
      .send(new PutTargetsCommand({ Rule: 'busy', Targets: [{ Id: 't', Arn: LAMBDA_ARN, RetryPolicy: { MaximumRetryAttempts: 186 } }] }))
      .catch((error: unknown) => error);

    // Assess
    expect(badPattern).toMatchObject({ name: 'InvalidEventPatternException', message: expect.stringContaining('detail.fare') });
    expect(noPattern).toMatchObject({ name: 'ValidationException', message: 'Parameter(s) EventPattern or ScheduleExpression must be specified.' });
    expect(noBus).toMatchObject({ name: 'ResourceNotFoundException' });
    expect(noRule).toMatchObject({ name: 'ResourceNotFoundException', message: 'Rule nope does not exist on EventBus default.' });
    expect(tooMany).toMatchObject({ name: 'LimitExceededException' });
    expect(badRetry).toMatchObject({ name: 'ValidationException', message: expect.stringContaining('maximumRetryAttempts') });
  });

  it('counts matches of rules created over HTTP, and disabled rules match nothing', async () => {
    // Prepare
    await client.send(new PutRuleCommand({ Name: 'completed', EventPattern: COMPLETED_PATTERN }));
    await client.send(new PutTargetsCommand({ Rule: 'completed', Targets: [{ Id: 'consumer', Arn: LAMBDA_ARN }] }));
    await client.send(new PutRuleCommand({ Name: 'paused', EventPattern: COMPLETED_PATTERN, State: 'DISABLED' }));

    // Act
    await client.send(new PutEventsCommand({ Entries: [rideEntry('r-1'), rideEntry('r-2', { DetailType: 'RideRequested' })] }));
    await client.send(new PutRuleCommand({ Name: 'paused', State: 'ENABLED' }));
    await client.send(new PutEventsCommand({ Entries: [rideEntry('r-3')] }));

    // Assess
    expect(eventbridge.ruleCounters('completed')).toEqual({ matched: 2, delivered: 0, retried: 0, deadLettered: 0, dropped: 0 });
    expect(eventbridge.ruleCounters('paused').matched).toBe(1);
    expect(eventbridge.pendingDeliveries()).toBe(0);
  });
});
