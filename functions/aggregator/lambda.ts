/** The aggregator Lambda, fed by the table's stream. Created once at module scope; nothing slow at import. */
import { cambodiaDate } from '#core/validation.ts';
import { createDb } from '#store/db.ts';
import { handleStreamBatch, type BatchResponse, type StreamRecordLike } from './handler.ts';

const table = process.env.TABLE_NAME;
if (!table) throw new Error('environment variable TABLE_NAME is required');
const db = createDb({ table });

export const handler = (event: { Records: StreamRecordLike[] }): Promise<BatchResponse> =>
  handleStreamBatch(db, event.Records, cambodiaDate(new Date()));
