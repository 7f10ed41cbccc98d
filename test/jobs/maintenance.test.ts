/** Unit tier: the maintenance function runs only the tasks it knows, and says which those are. */
import { describe, expect, it } from 'vitest';

describe('maintenance', () => {
  it('refuses an unknown task, naming the known ones, before touching the table', async () => {
    process.env.TABLE_NAME ??= 'not-used';
    const { handler } = await import('#jobs/maintenance.ts');
    await expect(handler({ task: 'dropEverything' })).rejects.toThrow(
      'unknown task "dropEverything"; known: backfillListings, recountCoverage',
    );
    await expect(handler({})).rejects.toThrow(/unknown task undefined/);
  });
});
