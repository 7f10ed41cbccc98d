/**
 * What every resolver receives: the store, the viewer (with roles loaded this request), the clock
 * and per-request loaders that batch reads.
 */
import DataLoader from 'dataloader';
import type { Identities } from '#auth/identities.ts';
import type { Viewer } from '#auth/policy.ts';
import type { Federation, Group, Member } from '#core/groups.ts';
import type { Db } from '#store/db.ts';
import { getGroups, getFederation, getMembers } from '#store/groups.ts';
import { getManyBooks } from '#store/books.ts';
import type { Books } from '#core/ledger.ts';
import { getOrganisations, type Organisation } from '#store/organisations.ts';
import { getUsers, type User } from '#store/users.ts';

export interface Loaders {
  group: DataLoader<string, Group | undefined>;
  /** Members by "<groupId>/<memberId>". */
  member: DataLoader<string, Member | undefined>;
  federation: DataLoader<string, Federation | undefined>;
  /**
   * Groups' books for reads: a dashboard page loads them in one BatchGetItem, and the fields of one
   * request share one read. Write paths read the books themselves, fresh on every (re)plan.
   */
  books: DataLoader<string, Books>;
  /** Banks named on a page of grants, requests, read-log entries or loans: one BatchGetItem, not one read per row. */
  bank: DataLoader<string, Organisation | undefined>;
  ngo: DataLoader<string, Organisation | undefined>;
  /** People named on a page (officers, readers): one BatchGetItem. */
  user: DataLoader<string, User | undefined>;
}

export interface Context {
  db: Db;
  viewer: Viewer;
  /** The request's clock; tests inject one to hold time still. */
  now: () => Date;
  loaders: Loaders;
  requestId: string;
  /** Where invited people get their sign-in: Cognito in AWS, the table itself locally. */
  identities: Identities;
}

export function createLoaders(db: Db): Loaders {
  return {
    // Lists of groups resolve in one BatchGetItem per 100 rather than one GetItem per group.
    group: new DataLoader((ids) => getGroups(db, ids)),
    member: new DataLoader((refs) =>
      getMembers(
        db,
        refs.map((r) => {
          const [groupId = '', memberId = ''] = r.split('/');
          return { groupId, memberId };
        }),
      ),
    ),
    // Federation chains are short and shared by every group of a federation: cache, don't batch.
    federation: new DataLoader(async (ids) => Promise.all(ids.map((id) => getFederation(db, id)))),
    books: new DataLoader((ids) => getManyBooks(db, ids), { maxBatchSize: 50 }),
    bank: new DataLoader((ids) => getOrganisations(db, 'BANK', ids)),
    ngo: new DataLoader((ids) => getOrganisations(db, 'NGO', ids)),
    user: new DataLoader((ids) => getUsers(db, ids)),
  };
}

/**
 * Loads many keys and fails if any load failed. DataLoader's loadMany returns a failure in place
 * of a value; dropping it or reading it as "not found" would show a viewer fewer groups, or call a
 * group missing, because DynamoDB was throttled.
 */
export async function loadAll<K, V>(loader: DataLoader<K, V>, keys: readonly K[]): Promise<V[]> {
  const loaded = await loader.loadMany(keys);
  const failure = loaded.find((v): v is Error => v instanceof Error);
  if (failure) throw failure;
  return loaded as V[];
}
