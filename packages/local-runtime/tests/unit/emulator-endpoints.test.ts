import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { emulatorEndpointLines } from '../../src/report/emulator-endpoints.js';
import { LIVE_VIEW_MAX_COLUMNS } from '../../src/report/live-view.js';

const env = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:45001',
  AWS_ENDPOINT_URL_EVENTBRIDGE: 'http://127.0.0.1:45002',
  AWS_ENDPOINT_URL_DYNAMODB_STREAMS: 'http://127.0.0.1:45003',
  AWS_ENDPOINT_URL_KINESIS: 'http://127.0.0.1:45004',
  AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:45003',
};

describe('emulatorEndpointLines', () => {
  it('lists one export AWS_ENDPOINT_URL_<SERVICE>= line per emulator (SDK service-specific endpoints), the region and the dummy credentials', () => {
    // Act
    const lines = emulatorEndpointLines(env, { quarantineBucketName: 'wildrydes-quarantine' });

    // Assess
    expect(lines.filter((line) => line.startsWith('export '))).toEqual([
      'export AWS_ENDPOINT_URL_KINESIS=http://127.0.0.1:45004',
      'export AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:45003',
      'export AWS_ENDPOINT_URL_DYNAMODB_STREAMS=http://127.0.0.1:45003',
      'export AWS_ENDPOINT_URL_S3=http://127.0.0.1:45001',
      'export AWS_ENDPOINT_URL_EVENTBRIDGE=http://127.0.0.1:45002',
      'export AWS_REGION=us-east-1',
      'export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local',
    ]);
    expect(lines).toContain('npm run redrive -- --bucket wildrydes-quarantine --function <name>');
    expect(lines.filter((line) => line.length > LIVE_VIEW_MAX_COLUMNS)).toEqual([]);
  });

  it('can be pasted into a shell: what runs next sees every variable', () => {
    // Prepare
    const exports = emulatorEndpointLines(env, { quarantineBucketName: 'wildrydes-quarantine' }).filter((line) => line.startsWith('export '));

    // Act: paste, then run a program that reads its environment.
    const pasted = spawnSync('sh', ['-c', `${exports.join('\n')}\nnode -e 'console.log(JSON.stringify(process.env))'`], { env: { PATH: process.env['PATH'] ?? '' }, encoding: 'utf8' });

    // Assess
    expect(pasted.status).toBe(0);
    expect(JSON.parse(pasted.stdout)).toMatchObject(env);
  });

  it('never prints credentials that are not the emulators\' dummies', () => {
    const lines = emulatorEndpointLines({ ...env, AWS_ACCESS_KEY_ID: 'AKIAREALKEY', AWS_SECRET_ACCESS_KEY: 'real-secret' }, { quarantineBucketName: 'q' });

    expect(lines.join('\n')).not.toMatch(/AKIAREALKEY|real-secret|AWS_SECRET_ACCESS_KEY/);
  });
});
