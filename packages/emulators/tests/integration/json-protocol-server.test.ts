import { afterEach, describe, expect, it } from 'vitest';
import { EmulatorStartError, isPortFree, PortInUseError } from '../../src/index';
import type { JsonProtocol } from '../../src/json-protocol-listener';
import { servedOverJsonProtocol, startListening } from '../../src/json-protocol-server';
import { occupyPort } from './helpers';

const testProtocol: JsonProtocol = {
  serviceName: 'Test',
  targetPrefix: 'TestService.',
  version: '1.0',
  refusal: (reason, message) => ({ statusCode: 400, type: reason, message, headers: {} }),
  errorAnswer: (error) => ({ statusCode: 500, type: 'thrown', message: String(error), headers: {} }),
};

/** An in-memory "emulator" whose `Wait` operation answers when its signal aborts. */
class LocalWaiter {
  readonly waiting: AbortSignal[] = [];
  #onWait: () => void = () => undefined;

  supports(operation: string): boolean {
    return operation === 'Wait';
  }

  handle(_operation: string, _input: unknown, signal: AbortSignal): Promise<unknown> {
    this.waiting.push(signal);
    this.#onWait();
    return new Promise((resolve) => signal.addEventListener('abort', () => resolve({ ended: 'aborted' }), { once: true }));
  }

  /** Resolves once an operation is waiting. */
  whenWaiting(): Promise<void> {
    return new Promise((resolve) => {
      this.#onWait = resolve;
    });
  }
}

class WaiterEmulator extends servedOverJsonProtocol(LocalWaiter, 'waiter', testProtocol) {}

describe('servedOverJsonProtocol / startListening (the HTTP side shared by the SQS and EventBridge emulators)', () => {
  const started: WaiterEmulator[] = [];
  const start = async (port?: number): Promise<WaiterEmulator> => {
    const emulator = await startListening(port, () => new WaiterEmulator());
    started.push(emulator);
    return emulator;
  };

  afterEach(async () => {
    await Promise.all(started.splice(0).map((emulator) => emulator.stop()));
  });

  it('serves the in-memory class on 127.0.0.1 under its name, keeping its own members', async () => {
    // Act
    const emulator = await start();

    // Assess
    expect(emulator.name).toBe('waiter');
    expect(emulator.port).toBeGreaterThan(0);
    expect(emulator.endpoint).toBe(`http://127.0.0.1:${emulator.port}`);
    expect(emulator.supports('Wait')).toBe(true);
  });

  it('stop() ends the operations still waiting, frees the port, and may be called again', async () => {
    // Prepare
    const emulator = await start();
    const waiting = emulator.whenWaiting();
    const request = fetch(emulator.endpoint, { method: 'POST', body: '{}', headers: { 'X-Amz-Target': 'TestService.Wait' } }).then(
      async (response) => (await response.json()) as unknown,
      () => 'connection closed',
    );
    await waiting;

    // Act
    const first = emulator.stop();
    const second = emulator.stop();
    await first;

    // Assess
    expect(second).toBe(first);
    expect(emulator.waiting[0]?.aborted).toBe(true);
    expect([{ ended: 'aborted' }, 'connection closed']).toContainEqual(await request);
    expect(await isPortFree(emulator.port)).toBe(true);
  });

  it('reports a taken port with PortInUseError, and any other listen failure as EmulatorStartError naming the emulator', async () => {
    // Prepare
    const taken = await occupyPort();
    const emulator = await start();

    try {
      // Act
      const portError = await start(taken.port).catch((error: unknown) => error);
      const againError = await emulator.listen().catch((error: unknown) => error);

      // Assess
      expect(portError).toBeInstanceOf(PortInUseError);
      expect(againError).toBeInstanceOf(EmulatorStartError);
      expect((againError as EmulatorStartError).message).toBe('waiter did not start: could not listen on 127.0.0.1');
    } finally {
      await taken.release();
    }
  });

  it('startListening refuses an invalid port before building anything', async () => {
    // Prepare
    let built = 0;

    // Act
    const error = await startListening(70_000, () => {
      built += 1;
      return new WaiterEmulator();
    }).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(RangeError);
    expect(built).toBe(0);
  });
});
