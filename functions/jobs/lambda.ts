/** The daily recount, run by a schedule at midnight in Cambodia: groups' rollups, then coverage that the calendar moved. */
import { cambodiaDate } from '#core/validation.ts';
import { createDb } from '#store/db.ts';
import { nightly } from './recount.ts';

const table = process.env.TABLE_NAME;
if (!table) throw new Error('environment variable TABLE_NAME is required');
const db = createDb({ table });

export const handler = async () => {
  return nightly(db, cambodiaDate(new Date()));
};
