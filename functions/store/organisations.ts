/** Banks and NGOs: the organisations that groups are linked to. */
import { batchGet, getItem, queryPage, type Db, type Page } from './db.ts';
import type { WritePlan } from './idempotency.ts';
import { isId, keys, prefixes } from './keys.ts';
import { organisationRecord, readRecord } from './records.ts';
import { ConflictError } from '#core/errors.ts';
import { say } from '#core/messages.ts';

export type OrganisationType = 'BANK' | 'NGO';

export interface Organisation {
  id: string;
  type: OrganisationType;
  name: string;
  createdAt: string;
}

const toOrganisation = (i: Record<string, unknown>): Organisation => readRecord(organisationRecord, i);

export async function getOrganisation(db: Db, type: OrganisationType, id: string): Promise<Organisation | undefined> {
  if (!isId(id)) return undefined;
  const item = await getItem(db, keys.organisation(type, id));
  return item ? toOrganisation(item) : undefined;
}

/** Many organisations of one type in one BatchGetItem per 100, in the order asked (undefined where missing). */
export async function getOrganisations(
  db: Db,
  type: OrganisationType,
  ids: readonly string[],
): Promise<(Organisation | undefined)[]> {
  const valid = ids.map((id) => (isId(id) ? id : null));
  const found = await batchGet(
    db,
    valid.flatMap((id) => (id ? [keys.organisation(type, id)] : [])),
  );
  let next = 0;
  return valid.map((id) => {
    if (!id) return undefined;
    const item = found[next++];
    return item ? toOrganisation(item) : undefined;
  });
}

export async function listOrganisations(
  db: Db,
  type: OrganisationType,
  limit: number,
  cursor?: string | null,
): Promise<Page<Organisation>> {
  const page = await queryPage(db, {
    index: 'byParent',
    partition: prefixes.organisations(type),
    sortPrefix: `${type}#`,
    limit,
    cursor,
  });
  return { items: page.items.map(toOrganisation), cursor: page.cursor };
}

export function planCreateOrganisation(db: Db, org: Organisation): WritePlan<Organisation> {
  return {
    writes: [
      {
        write: {
          Put: {
            TableName: db.table,
            Item: {
              ...keys.organisation(org.type, org.id),
              ...keys.organisationListing(org.type, org.id),
              entity: org.type === 'BANK' ? 'Bank' : 'Ngo',
              ...org,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () => new ConflictError(say.organisationExists),
      },
    ],
    result: org,
  };
}
