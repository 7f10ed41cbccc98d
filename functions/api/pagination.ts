/** Cursor pagination shared by every list field. */
import { ValidationError } from '#core/errors.ts';
import type { Page } from '#store/db.ts';

export const MAX_PAGE = 100;

/** Checks `first` (1–100) and passes the cursor through; the store validates the cursor itself. */
export function pageArgs(args: { first?: number | null; after?: string | null }): { limit: number; cursor: string | null } {
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw new ValidationError(`first must be between 1 and ${MAX_PAGE}.`, `first ត្រូវតែនៅចន្លោះ 1 និង ${MAX_PAGE}។`, 'first');
  }
  return { limit: first, cursor: args.after ?? null };
}

export function connection<T>(page: Page<T>) {
  return { nodes: page.items, pageInfo: { endCursor: page.cursor, hasNextPage: page.cursor !== null } };
}
