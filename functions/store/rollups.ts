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
  decodeFigures,
  differences,
  encodeFigures,
  fold,
  monthOf,
  monthsToForget,
  ROLLUP_FIGURES,
  rollupTargets,
  zeroFigures,
  type Counted,
  type Figures,
  type RollupHistory,
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
      const { items, targets } = writesFor(db, chunk, monthOf(asOf));
      try {
        await transactWrite(db, items);
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        // A rollup last changed in an earlier month: close that month (keep its figures) first.
        const reasons = error.CancellationReasons ?? [];
        const stale = targets.filter((_, i) => reasons[chunk.length + i]?.Code === 'ConditionalCheckFailed');
        for (const target of stale) await closeMonth(db, target, monthOf(asOf));
        // Another aggregator counted some of these first, or a month was closed: plan them again.
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

/**
 * The chunk's writes: each group's source item, guarded by its revision, and one ADD per rollup,
 * which also counts the rollup's revision and is refused while the rollup's month is an earlier
 * one (so that month is closed before anything of this one is added to it).
 */
function writesFor(db: Db, chunk: Planned[], month: string): { items: TransactItem[]; targets: string[] } {
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
  const targets: string[] = [];
  for (const [target, figures] of fold(chunk.map((p) => p.change))) {
    targets.push(target);
    items.push({
      Update: {
        TableName: db.table,
        Key: keys.rollup(target),
        UpdateExpression: `SET entity = :e, target = :t, #month = if_not_exists(#month, :month) ADD #rev :one, ${ROLLUP_FIGURES.map((f) => `#${f} :${f}`).join(', ')}`,
        // A month later than ours (a recount dated just before midnight) takes ours as its own.
        ConditionExpression: 'attribute_not_exists(pk) OR #month >= :month',
        ExpressionAttributeNames: {
          '#month': 'month',
          '#rev': 'rev',
          ...Object.fromEntries(ROLLUP_FIGURES.map((f) => [`#${f}`, f])),
        },
        ExpressionAttributeValues: {
          ':e': 'Rollup',
          ':t': target,
          ':month': month,
          ':one': 1,
          ...Object.fromEntries(ROLLUP_FIGURES.map((f) => [`:${f}`, figures[f]])),
        },
      },
    });
  }
  return { items, targets };
}

/**
 * Closes a rollup's month before the first change of a later one: its figures as they stand are
 * kept as that month's end, and its month moves on — both in one transaction guarded by the
 * rollup's revision and by the month not being kept yet, so each month is kept exactly once
 * whoever closes it. Months beyond the window are forgotten in the same write. A rollup counted
 * before history was kept has no month: it simply starts now.
 */
export async function closeMonth(db: Db, target: string, month: string): Promise<void> {
  const [rollup, history] = await Promise.all([
    getItem(db, keys.rollup(target), true),
    getItem(db, keys.rollupHistory(target), true),
  ]);
  if (!rollup) return;
  const closing = rollup.month as string | undefined;
  if (closing !== undefined && closing >= month) return; // closed meanwhile
  const rev = rollup.rev as number | undefined;
  const unchanged = rev === undefined ? 'attribute_not_exists(#rev)' : '#rev = :rev';
  const moveOn: TransactItem = {
    Update: {
      TableName: db.table,
      Key: keys.rollup(target),
      UpdateExpression: 'SET #month = :month',
      ConditionExpression:
        closing === undefined ? `attribute_not_exists(#month) AND ${unchanged}` : `#month = :closing AND ${unchanged}`,
      ExpressionAttributeNames: { '#month': 'month', '#rev': 'rev' },
      ExpressionAttributeValues: {
        ':month': month,
        ...(rev === undefined ? {} : { ':rev': rev }),
        ...(closing ? { ':closing': closing } : {}),
      },
    },
  };
  if (closing === undefined) {
    await transactWrite(db, [moveOn]).catch(ignoreCancelled);
    return;
  }
  const figures = encodeFigures(toFigures(rollup));
  const forget = monthsToForget(Object.keys((history?.months as Record<string, string> | undefined) ?? {}), closing);
  const keep: TransactItem = history
    ? {
        Update: {
          TableName: db.table,
          Key: keys.rollupHistory(target),
          UpdateExpression: `SET months.#closing = :figures${forget.length ? ` REMOVE ${forget.map((_, i) => `months.#old${i}`).join(', ')}` : ''}`,
          ConditionExpression: 'attribute_not_exists(months.#closing)',
          ExpressionAttributeNames: {
            '#closing': closing,
            ...Object.fromEntries(forget.map((m, i) => [`#old${i}`, m])),
          },
          ExpressionAttributeValues: { ':figures': figures },
        },
      }
    : {
        Put: {
          TableName: db.table,
          Item: { ...keys.rollupHistory(target), entity: 'RollupHistory', target, months: { [closing]: figures } },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      };
  await transactWrite(db, [keep, moveOn]).catch(ignoreCancelled);
}

/** Someone else closed the month first, or the rollup changed meanwhile: the caller tries again. */
function ignoreCancelled(error: unknown): void {
  if (!(error instanceof TransactionCanceledException)) throw error;
}

/** Rollups' figures now and at the end of each month kept: every one in one request (up to 50). */
export async function getRollupHistories(db: Db, targets: string[]): Promise<RollupHistory[]> {
  const items = await batchGet(
    db,
    targets.flatMap((t) => [keys.rollup(t), keys.rollupHistory(t)]),
  );
  return targets.map((_, i) => {
    const [rollup, history] = [items[2 * i], items[2 * i + 1]];
    const months = (history?.months as Record<string, string> | undefined) ?? {};
    return {
      current: toFigures(rollup),
      month: (rollup?.month as string | undefined) ?? null,
      closed: Object.fromEntries(Object.entries(months).map(([m, text]) => [m, decodeFigures(text)])),
    };
  });
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
