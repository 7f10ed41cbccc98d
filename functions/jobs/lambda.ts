/** The daily recount, run by a schedule at midnight in Cambodia. */
import { cambodiaDate } from '#core/validation.ts';
import { createDb } from '#store/db.ts';
import { recountAllGroups } from './recount.ts';

const table = process.env.TABLE_NAME;
if (!table) throw new Error('environment variable TABLE_NAME is required');
const db = createDb({ table });

export const handler = async () => {
  const result = await recountAllGroups(db, cambodiaDate(new Date()));
  if (result.failed.length) throw new Error(`recount left ${result.failed.length} group(s) for the next run`);
  return { groups: result.groups };
};
