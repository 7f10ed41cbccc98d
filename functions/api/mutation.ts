/** The shape every mutation shares: validated input in, one idempotent transaction out. */
import { createHash } from 'node:crypto';
import { writeOnce, type WritePlan } from '#store/idempotency.ts';
import type { Context } from '#api/context.ts';

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
    {
      actor: ctx.viewer.userId,
      key: idempotencyKey,
      operation,
      request,
      now: ctx.now(),
      rememberRejections: options.rememberRejections,
    },
    async () => plan(),
  );
}

/**
 * The id of the record a mutation creates, derived from who asked and the request's idempotency
 * key (a UUIDv8 of their SHA-256). The same request always names the same record: a retry long
 * after its idempotency record expired meets the record's own existence check instead of making a
 * second one, and demo data seeded with fixed keys has the same ids on every fresh start.
 * Ids are not secrets: every read is authorised, and an unseen record answers as a missing one.
 */
export function newId(ctx: Pick<Context, 'viewer'>, idempotencyKey: string): string {
  const bytes = createHash('sha256').update(`${ctx.viewer.userId}\u0000${idempotencyKey}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8: custom
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
