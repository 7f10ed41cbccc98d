/** The shape every mutation shares: validated input in, one idempotent transaction out. */
import { randomUUID } from 'node:crypto';
import { writeOnce, type WritePlan } from '#store/idempotency.ts';
import type { Context } from './context.ts';

/**
 * Commits `plan`'s writes with the input's idempotency key. The request is hashed without the
 * key, so a retry of the same change replays and a different change under the same key is refused.
 */
export function commit<R>(
  ctx: Context,
  operation: string,
  input: { idempotencyKey: string },
  plan: () => WritePlan<R> | Promise<WritePlan<R>>,
  options: { rememberRejections?: boolean } = {},
): Promise<R> {
  const { idempotencyKey, ...request } = input;
  return writeOnce(
    ctx.db,
    { actor: ctx.viewer.userId, key: idempotencyKey, operation, request, now: ctx.now(), rememberRejections: options.rememberRejections },
    async () => plan(),
  );
}

/** Server-made ids: random, unguessable, safe inside keys. */
export const newId = (): string => randomUUID();
