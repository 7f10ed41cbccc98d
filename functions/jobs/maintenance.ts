/**
 * One-off maintenance, invoked by hand after a deploy that needs it (never on a schedule):
 *
 *   aws lambda invoke --function-name <Maintenance function> --payload '{"task":"backfillListings"}' out.json
 *
 * `backfillListings` adds the listing keys of people and federations written before the
 * administrators' `people` and `federations` lists existed. `recountCoverage` builds the coverage
 * kept per place and sector from every delivery's reach (for a table written before it was kept,
 * or to put right what the stream missed). It may write only under USER#, FED# and COVERAGE#.
 */
import { createDb, type Db } from '#store/db.ts';
import { backfillListings } from '#store/backfill.ts';
import { recountAllCoverage } from '#store/coverage-counts.ts';
import { SECTORS } from '#core/coverage.ts';
import { cambodiaDate } from '#core/validation.ts';

const table = process.env.TABLE_NAME;
if (!table) throw new Error('environment variable TABLE_NAME is required');
const db = createDb({ table });

const TASKS = {
  backfillListings,
  recountCoverage: async (db: Db) => ({ communes: await recountAllCoverage(db, SECTORS, cambodiaDate(new Date())) }),
} as const;

export const handler = async (event: { task?: string }) => {
  const task = TASKS[event?.task as keyof typeof TASKS];
  if (!task) throw new Error(`unknown task ${JSON.stringify(event?.task)}; known: ${Object.keys(TASKS).join(', ')}`);
  return task(db);
};
