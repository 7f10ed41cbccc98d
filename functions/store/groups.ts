/**
 * Federations, groups and members in the table. Writes return plans for writeOnce, so each
 * mutation commits its items and its idempotency record in one transaction.
 */
import type { CreateFederationInput, CreateGroupInput, AddMemberInput, Federation, Group, Member } from '#core/groups.ts';
import { NotFoundError, ConflictError } from '#core/errors.ts';
import { batchGet, getItem, queryAll, queryPage, type Db, type Item, type Page } from './db.ts';
import type { GuardedWrite, WritePlan } from './idempotency.ts';
import { isId, keys, prefixes } from './keys.ts';

const KEY_FIELDS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity'];

/** Strips key attributes so callers see records, never the layout. */
function record<T>(item: Item | undefined): T | undefined {
  if (!item) return undefined;
  const copy: Item = { ...item };
  for (const k of KEY_FIELDS) delete copy[k];
  return copy as T;
}

const duplicate = () => new ConflictError('This record exists already.', 'កំណត់ត្រានេះមានរួចហើយ។');

export async function getFederation(db: Db, id: string): Promise<Federation | undefined> {
  return isId(id) ? record<Federation>(await getItem(db, keys.federation(id))) : undefined;
}

export async function getGroup(db: Db, id: string): Promise<Group | undefined> {
  return isId(id) ? record<Group>(await getItem(db, keys.group(id))) : undefined;
}

/** Groups by id in one BatchGetItem per 100, in the order asked; unknown ids give undefined. */
export async function getGroups(db: Db, ids: readonly string[]): Promise<(Group | undefined)[]> {
  const valid = ids.filter(isId);
  const found = await batchGet(db, valid.map((id) => keys.group(id)));
  const byId = new Map(found.filter(Boolean).map((item) => [item!.id as string, record<Group>(item)!]));
  return ids.map((id) => byId.get(id));
}

export async function getMember(db: Db, groupId: string, memberId: string): Promise<Member | undefined> {
  if (!isId(groupId) || !isId(memberId)) return undefined;
  return record<Member>(await getItem(db, keys.member(groupId, memberId)));
}

export async function listMembers(db: Db, groupId: string, limit: number, cursor?: string | null): Promise<Page<Member>> {
  const page = await queryPage(db, { partition: keys.group(groupId).pk, sortPrefix: prefixes.members, limit, cursor });
  return { items: page.items.map((i) => record<Member>(i)!), cursor: page.cursor };
}

/** Every member the group ever had (groups are tens of members, so one or two pages). */
export async function listAllMembers(db: Db, groupId: string): Promise<Member[]> {
  const items = await queryAll(db, { partition: keys.group(groupId).pk, sortPrefix: prefixes.members, consistent: true });
  return items.map((i) => record<Member>(i)!);
}

/** Members by (group, member) key in batches. */
export async function getMembers(db: Db, refs: readonly { groupId: string; memberId: string }[]): Promise<(Member | undefined)[]> {
  const valid = refs.map((r) => (isId(r.groupId) && isId(r.memberId) ? keys.member(r.groupId, r.memberId) : null));
  const found = await batchGet(db, valid.filter((k): k is { pk: string; sk: string } => k !== null));
  const byKey = new Map(found.filter(Boolean).map((item) => [`${item!.pk}|${item!.sk}`, record<Member>(item)!]));
  return valid.map((k) => (k ? byKey.get(`${k.pk}|${k.sk}`) : undefined));
}

export async function listGroupsOfFederation(db: Db, federationId: string, limit: number, cursor?: string | null): Promise<Page<Group>> {
  const page = await queryPage(db, {
    index: 'byParent',
    partition: keys.federation(federationId).pk,
    sortPrefix: prefixes.groupsOfFederation,
    limit,
    cursor,
  });
  return { items: page.items.map((i) => record<Group>(i)!), cursor: page.cursor };
}

export async function listChildFederations(db: Db, federationId: string, limit: number, cursor?: string | null): Promise<Page<Federation>> {
  const page = await queryPage(db, {
    index: 'byParent',
    partition: keys.federation(federationId).pk,
    sortPrefix: prefixes.childFederations,
    limit,
    cursor,
  });
  return { items: page.items.map((i) => record<Federation>(i)!), cursor: page.cursor };
}

/** The public directory: groups whose place lies inside `placeCode` (a province, district, commune or village). */
export async function listGroupsAtPlace(db: Db, placeCode: string, limit: number, cursor?: string | null): Promise<Page<Group>> {
  const range = prefixes.directory(placeCode);
  const page = await queryPage(db, { index: 'byPlace', partition: range.gsi2pk, sortPrefix: range.gsi2skPrefix, limit, cursor });
  return { items: page.items.map((i) => record<Group>(i)!), cursor: page.cursor };
}

/** `parent` is the federation read by the caller; its chain becomes this one's ancestors. */
export function planCreateFederation(db: Db, id: string, input: CreateFederationInput, parent: Federation | null, now: Date): WritePlan<Federation> {
  const federation: Federation = {
    id,
    name: input.name,
    placeCode: input.placeCode,
    parentId: parent?.id ?? null,
    ancestorIds: parent ? [parent.id, ...parent.ancestorIds] : [],
    createdAt: now.toISOString(),
  };
  const item = {
    ...keys.federation(id),
    ...(federation.parentId ? keys.federationChildOf(federation.parentId, id) : {}),
    entity: 'Federation',
    ...federation,
  };
  const writes: GuardedWrite[] = [{ write: { Put: { TableName: db.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } }, onConditionFailed: duplicate }];
  if (federation.parentId) writes.push(mustExist(db, keys.federation(federation.parentId), 'input.parentId', 'federation'));
  return { writes, result: federation };
}

export function planCreateGroup(db: Db, id: string, input: CreateGroupInput, now: Date): WritePlan<Group> {
  const group: Group = {
    id,
    name: input.name,
    placeCode: input.placeCode,
    currency: input.currency,
    meetingSchedule: { ...input.meetingSchedule, weekOfMonth: input.meetingSchedule.weekOfMonth ?? null },
    formedOn: input.formedOn,
    federationId: input.federationId ?? null,
    memberCount: 0,
    womenCount: 0,
    createdAt: now.toISOString(),
  };
  const item = {
    ...keys.group(id),
    ...(group.federationId ? keys.groupInFederation(group.federationId, id) : {}),
    ...keys.groupAtPlace(group.placeCode, id),
    entity: 'Group',
    ...group,
  };
  const writes: GuardedWrite[] = [{ write: { Put: { TableName: db.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } }, onConditionFailed: duplicate }];
  if (group.federationId) {
    writes.push(mustExist(db, keys.federation(group.federationId), 'input.federationId', 'federation'));
    writes.push({
      write: {
        Put: {
          TableName: db.table,
          Item: { ...keys.federationMembership(id, group.formedOn, group.federationId), entity: 'FederationMembership', groupId: id, federationId: group.federationId, from: group.formedOn, until: null },
        },
      },
    });
  }
  return { writes, result: group };
}

export function planAddMember(db: Db, id: string, input: AddMemberInput, now: Date): WritePlan<Member> {
  const member: Member = {
    id,
    groupId: input.groupId,
    name: input.name,
    sex: input.sex,
    phone: input.phone ?? null,
    joinedOn: input.joinedOn,
    leftOn: null,
    createdAt: now.toISOString(),
  };
  const women = member.sex === 'FEMALE' ? 1 : 0;
  return {
    writes: [
      {
        write: { Put: { TableName: db.table, Item: { ...keys.member(input.groupId, id), entity: 'Member', ...member }, ConditionExpression: 'attribute_not_exists(pk)' } },
        onConditionFailed: duplicate,
      },
      {
        // The count lives on the group item so the directory and dashboards read it in O(1).
        write: {
          Update: {
            TableName: db.table,
            Key: keys.group(input.groupId),
            UpdateExpression: 'ADD memberCount :one, womenCount :women',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':one': 1, ':women': women },
          },
        },
        onConditionFailed: () => new NotFoundError('No such group.', 'រកមិនឃើញក្រុមនេះទេ។', 'input.groupId'),
      },
    ],
    result: member,
  };
}

/** A write-less guard: the transaction fails unless the referenced item exists. */
function mustExist(db: Db, key: { pk: string; sk: string }, field: string, what: string): GuardedWrite {
  return {
    write: { ConditionCheck: { TableName: db.table, Key: key, ConditionExpression: 'attribute_exists(pk)' } },
    onConditionFailed: () => new NotFoundError(`No such ${what}.`, 'រកមិនឃើញកំណត់ត្រានេះទេ។', field),
  };
}

/** Marks a member as left and takes her out of the group's counts. */
export function memberLeftWrites(db: Db, member: Member, leftOn: string): GuardedWrite[] {
  return [
    {
      write: {
        Update: {
          TableName: db.table,
          Key: keys.member(member.groupId, member.id),
          UpdateExpression: 'SET leftOn = :d',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(leftOn) OR leftOn = :null)',
          ExpressionAttributeValues: { ':d': leftOn, ':null': null },
        },
      },
      onConditionFailed: () => new ConflictError('This member has already left.', 'សមាជិកនេះបានចាកចេញរួចហើយ។', 'input.memberId'),
    },
    {
      write: {
        Update: {
          TableName: db.table,
          Key: keys.group(member.groupId),
          UpdateExpression: 'ADD memberCount :minus, womenCount :women',
          ExpressionAttributeValues: { ':minus': -1, ':women': member.sex === 'FEMALE' ? -1 : 0 },
        },
      },
    },
  ];
}

/** The group's meeting schedule, set from its newest constitution. */
export function meetingScheduleWrite(db: Db, groupId: string, schedule: Group['meetingSchedule']): GuardedWrite {
  return {
    write: {
      Update: { TableName: db.table, Key: keys.group(groupId), UpdateExpression: 'SET meetingSchedule = :s', ExpressionAttributeValues: { ':s': schedule } },
    },
  };
}

export interface FederationMembership {
  federationId: string;
  from: string;
  until: string | null;
}

export async function listFederationHistory(db: Db, groupId: string): Promise<FederationMembership[]> {
  const items = await queryAll(db, { partition: keys.group(groupId).pk, sortPrefix: prefixes.federationHistory, consistent: true });
  return items.map((i) => ({ federationId: i.federationId as string, from: i.from as string, until: (i.until as string | null) ?? null }));
}

/**
 * Moves a group to another federation (or out of any) from `from`: closes the current membership,
 * opens the new one, and re-indexes the group under its new federation — one transaction. The
 * group item's change reaches the aggregator, which moves its figures between the rollups.
 */
export function federationMoveWrites(db: Db, group: Group, current: FederationMembership | undefined, to: string | null, from: string): GuardedWrite[] {
  const writes: GuardedWrite[] = [];
  if (current) {
    writes.push({
      write: {
        Update: {
          TableName: db.table,
          Key: keys.federationMembership(group.id, current.from, current.federationId),
          UpdateExpression: 'SET #u = :u',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#u) OR #u = :null)',
          ExpressionAttributeNames: { '#u': 'until' },
          ExpressionAttributeValues: { ':u': from, ':null': null },
        },
      },
    });
  }
  if (to) {
    writes.push({
      write: { Put: { TableName: db.table, Item: { ...keys.federationMembership(group.id, from, to), entity: 'FederationMembership', groupId: group.id, federationId: to, from, until: null } } },
    });
  }
  writes.push({
    write: {
      Update: {
        TableName: db.table,
        Key: keys.group(group.id),
        UpdateExpression: to ? 'SET federationId = :f, gsi1pk = :p, gsi1sk = :s' : 'SET federationId = :null REMOVE gsi1pk, gsi1sk',
        ConditionExpression: 'attribute_exists(pk) AND (federationId = :was OR (attribute_not_exists(federationId) AND :was = :null) OR (federationId = :null AND :was = :null))',
        ExpressionAttributeValues: {
          ':null': null,
          ':was': group.federationId,
          ...(to ? { ':f': to, ':p': keys.groupInFederation(to, group.id).gsi1pk, ':s': keys.groupInFederation(to, group.id).gsi1sk } : {}),
        },
      },
    },
  });
  return writes;
}
