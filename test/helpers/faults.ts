/**
 * Injected DynamoDB faults: a middleware on the client that, when armed, fails the k-th DynamoDB
 * call of the next request — throttled, a cancelled transaction, or a timeout after the call went
 * through (the write happened, its answer was lost). It sits in the `initialize` step, outside the
 * SDK's own retries, so Krom's code sees the failure as it would after those retries gave up.
 */
import { ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { Db } from '#store/db.ts';

export const FAULT_KINDS = ['throttled', 'cancelled', 'timeout-after'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultInjector {
  /** Fails call number `at` (1-based) of what runs until disarm() with `kind`. */
  arm(at: number, kind: FaultKind): void;
  /** Stops injecting; says how many calls ran and whether the fault fired, and on which command. */
  disarm(): { calls: number; fired: boolean; command: string | null };
  stop(): void;
}

export function injectFaults(db: Db): FaultInjector {
  const name = `krom-fault-${Math.random().toString(36).slice(2)}`;
  let armed: { at: number; kind: FaultKind } | null = null;
  let calls = 0;
  let fired = false;
  let command: string | null = null;
  db.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!armed) return next(args);
      calls++;
      if (calls !== armed.at) return next(args);
      fired = true;
      command = String(context.commandName);
      const metadata = { $metadata: {}, message: 'injected fault' };
      if (armed.kind === 'throttled') throw new ProvisionedThroughputExceededException(metadata);
      if (armed.kind === 'cancelled')
        throw new TransactionCanceledException({ ...metadata, CancellationReasons: [{ Code: 'TransactionConflict' }] });
      const result = await next(args);
      void result;
      throw Object.assign(new Error('injected timeout after the call completed'), { name: 'TimeoutError' });
    },
    { step: 'initialize', name, priority: 'high' },
  );
  return {
    arm(at, kind) {
      armed = { at, kind };
      calls = 0;
      fired = false;
      command = null;
    },
    disarm() {
      armed = null;
      return { calls, fired, command };
    },
    stop() {
      db.client.middlewareStack.remove(name);
    },
  };
}
