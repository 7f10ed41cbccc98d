/**
 * The daily pass: recounts every group's rollup contribution as of today, because arrears and "no
 * meeting for 60 days" change with the calendar, not only with writes. Walks the directory one
 * province partition at a time and recounts a page of groups at once; a group whose figures did
 * not change costs reads only.
 */
import { allProvinces } from '#core/places.ts';
import type { Db } from '#store/db.ts';
import { listGroupsAtPlace } from '#store/groups.ts';
import { applyRollups } from '#store/rollups.ts';
import { recountChangingCoverage } from '#store/coverage-counts.ts';

export async function recountAllGroups(db: Db, asOf: string): Promise<{ groups: number; failed: string[] }> {
  let groups = 0;
  const failed: string[] = [];
  for (const province of allProvinces()) {
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listGroupsAtPlace>> = await listGroupsAtPlace(
        db,
        province.code,
        100,
        cursor,
      );
      groups += page.items.length;
      failed.push(
        ...(await applyRollups(
          db,
          page.items.map((g) => g.id),
          asOf,
        )),
      );
      cursor = page.cursor;
    } while (cursor);
  }
  return { groups, failed };
}

/**
 * The nightly job: every group's rollup, then the coverage of communes where a counted delivery
 * turned 12 months old. Throws when groups are left (the schedule's retry and alarm take over).
 */
export async function nightly(db: Db, today: string): Promise<{ groups: number; communes: number }> {
  const result = await recountAllGroups(db, today);
  const communes = await recountChangingCoverage(db, today);
  if (result.failed.length) throw new Error(`recount left ${result.failed.length} group(s) for the next run`);
  return { groups: result.groups, communes };
}
