/** Cursor pagination shared by every list field. */
import { ValidationError } from '#core/errors.ts';
import type { Page } from '#store/db.ts';
import { say } from '#core/messages.ts';

export const MAX_PAGE = 100;

/** Checks `first` (1–100) and passes the cursor through; the store validates the cursor itself. */
export function pageArgs(args: { first?: number | null; after?: string | null }): {
  limit: number;
  cursor: string | null;
} {
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw ValidationError.at('first', say.pageSize(MAX_PAGE));
  }
  return { limit: first, cursor: args.after ?? null };
}

/** Where a page ends and whether another follows: every list's pageInfo. */
export const pageInfo = (cursor: string | null) => ({ endCursor: cursor, hasNextPage: cursor !== null });

/** A page as a GraphQL connection. */
export function connection<T>(page: Page<T>) {
  return { nodes: page.items, pageInfo: pageInfo(page.cursor) };
}
