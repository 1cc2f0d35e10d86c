import { describe, expect, it } from 'vitest';
import { findAlarmEmailProblem as check } from '../deploy/alarm-email-check.mjs';

describe('findAlarmEmailProblem (the preflight hook\'s WILDRYDES_ALARM_EMAIL check)', () => {
  it.each([[{}], [{ WILDRYDES_ALARM_EMAIL: 'ops@example.com' }], [{ WILDRYDES_ALARM_EMAIL: 'none' }], [{ WILDRYDES_ALARM_EMAIL: ' ' }]])(
    'given %o, then there is nothing to refuse',
    async (env) => {
      expect(await check(env)).toBeUndefined();
    },
  );

  it('given a malformed address, then it names the variable and the value, with the rule infra:deploy applies', async () => {
    // Act
    const problem = await check({ WILDRYDES_ALARM_EMAIL: 'ops@example' });

    // Assess
    expect(problem).toBe(
      'Cannot deploy: WILDRYDES_ALARM_EMAIL must be an email address like ops@example.com, or none to remove the subscription (given "ops@example")',
    );
  });
});
