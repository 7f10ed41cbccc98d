/**
 * Rollups in the table. The aggregator applies, for a batch of changed groups, only what changed
 * since it last counted each group: per group a ROLLUPSRC item records what is counted and where,
 * and it is rewritten in the same transaction as the rollups' ADDs, guarded by its revision — so a
 * batch delivered twice, or records out of order, are counted exactly once. A batch's changes are
 * folded into one ADD per rollup item.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  contribution,
  differences,
  fold,
  ROLLUP_FIGURES,
  rollupTargets,
  zeroFigures,
  type Counted,
  type Figures,
} from '#core/rollups.ts';
import { federationChain, type Federation, type Group } from '#core/groups.ts';
import { summarise } from '#core/attention.ts';
import { getBooks } from './books.ts';
import { batchGet, getItem, transactWrite, type Db, type TransactItem } from './db.ts';
import { getFederation, getGroup } from './groups.ts';
import { keys } from './keys.ts';

interface Source {
  rev: number;
  counted: Counted | undefined;
}

const toFigures = (raw: Record<string, unknown> | undefined): Figures => {
  const f = zeroFigures();
  for (const k of ROLLUP_FIGURES) f[k] = BigInt((raw?.[k] as number | undefined) ?? 0);
  return f;
};

async function readSource(db: Db, groupId: string): Promise<Source> {
  const item = await getItem(db, keys.rollupSource(groupId), true);
  if (!item) return { rev: 0, counted: undefined };
  const counted = item.counted as { figures: Record<string, unknown>; targets: string[] } | null;
  return {
    rev: item.rev as number,
    counted: counted ? { figures: toFigures(counted.figures), targets: counted.targets } : undefined,
  };
}

type FederationLoader = (id: string) => Promise<Federation | undefined>;

/** Federation reads shared by one batch: its groups mostly sit under the same few federations. */
function federationCache(db: Db): FederationLoader {
  const cache = new Map<string, Promise<Federation | undefined>>();
  return (id) => {
    if (!cache.has(id)) cache.set(id, getFederation(db, id));
    return cache.get(id)!;
  };
}

/** What a group should count now, from its current records. */
export async function currentCount(
  db: Db,
  group: Group | undefined,
  asOf: string,
  loadFederation: FederationLoader = federationCache(db),
): Promise<Counted | undefined> {
  if (!group) return undefined;
  const books = await getBooks(db, group.id);
  const federation = group.federationId ? await loadFederation(group.federationId) : undefined;
  const chain = federation ? (await federationChain(federation, loadFederation)).map((f) => f.id) : [];
  return {
    figures: contribution({
      currency: group.currency,
      federated: chain.length > 0,
      memberCount: group.memberCount,
      womenCount: group.womenCount,
      savings: books.balances.savings,
      loans: Object.values(books.loans),
      needsAttention: summarise(group, books, asOf).needsAttention,
      asOf,
    }),
    targets: rollupTargets(chain, group.placeCode),
  };
}

interface Planned {
  groupId: string;
  source: Source;
  now: Counted | undefined;
  change: Map<string, Figures>;
}

/** Brings the rollups up to date with these groups. Returns the groups it could not (to retry). */
export async function applyRollups(db: Db, groupIds: string[], asOf: string): Promise<string[]> {
  const failed: string[] = [];
  let pending = [...new Set(groupIds)];
  for (let attempt = 0; pending.length && attempt < 8; attempt++) {
    const planned: Planned[] = [];
    // Fresh per attempt: a retry must see a federation that moved meanwhile.
    const loadFederation = federationCache(db);
    for (const groupId of pending) {
      const [source, group] = await Promise.all([readSource(db, groupId), getGroup(db, groupId)]);
      const now = await currentCount(db, group, asOf, loadFederation);
      const change = differences(source.counted, now);
      if (change.size) planned.push({ groupId, source, now, change });
    }
    pending = [];
    for (const chunk of chunks(planned)) {
      try {
        await transactWrite(db, writesFor(db, chunk));
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        // Another aggregator counted some of these first: plan them again from what is counted now.
        pending.push(...chunk.map((p) => p.groupId));
      }
    }
  }
  failed.push(...pending);
  return failed;
}

/** Chunks that fit one transaction: a source item per group plus one item per distinct rollup. */
function chunks(planned: Planned[]): Planned[][] {
  const out: Planned[][] = [];
  let current: Planned[] = [];
  let targets = new Set<string>();
  for (const p of planned) {
    const next = new Set([...targets, ...p.change.keys()]);
    if (current.length && current.length + 1 + next.size > 100) {
      out.push(current);
      current = [];
      targets = new Set(p.change.keys());
    } else targets = next;
    current.push(p);
  }
  if (current.length) out.push(current);
  return out;
}

function writesFor(db: Db, chunk: Planned[]): TransactItem[] {
  const items: TransactItem[] = chunk.map((p) => ({
    Put: {
      TableName: db.table,
      Item: {
        ...keys.rollupSource(p.groupId),
        entity: 'RollupSource',
        rev: p.source.rev + 1,
        counted: p.now ? { figures: p.now.figures, targets: p.now.targets } : null,
      },
      ConditionExpression: p.source.rev === 0 ? 'attribute_not_exists(pk)' : 'rev = :rev',
      ...(p.source.rev === 0 ? {} : { ExpressionAttributeValues: { ':rev': p.source.rev } }),
    },
  }));
  for (const [target, figures] of fold(chunk.map((p) => p.change))) {
    items.push({
      Update: {
        TableName: db.table,
        Key: keys.rollup(target),
        UpdateExpression: `SET entity = :e, target = :t ADD ${ROLLUP_FIGURES.map((f) => `#${f} :${f}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(ROLLUP_FIGURES.map((f) => [`#${f}`, f])),
        ExpressionAttributeValues: {
          ':e': 'Rollup',
          ':t': target,
          ...Object.fromEntries(ROLLUP_FIGURES.map((f) => [`:${f}`, figures[f]])),
        },
      },
    });
  }
  return items;
}

export async function getRollup(db: Db, target: string): Promise<Figures> {
  return toFigures(await getItem(db, keys.rollup(target)));
}

/** Many rollups summed in one BatchGetItem per 100 (a coordinator's federations' shares of a place). */
export async function sumRollups(db: Db, targets: string[]): Promise<Figures> {
  const total = zeroFigures();
  for (const item of await batchGet(
    db,
    targets.map((t) => keys.rollup(t)),
  )) {
    const f = toFigures(item);
    for (const k of ROLLUP_FIGURES) total[k] += f[k];
  }
  return total;
}
