/**
 * Federations, groups and members in the table. Writes return plans for writeOnce, so each
 * mutation commits its items and its idempotency record in one transaction.
 */
import {
  MAX_FEDERATION_DEPTH,
  type CreateFederationInput,
  type CreateGroupInput,
  type AddMemberInput,
  type Federation,
  type Group,
  type Member,
} from '#core/groups.ts';
import { NotFoundError, ConflictError } from '#core/errors.ts';
import { batchGet, getItem, queryAll, queryPage, type Db, type Item, type Page, type TransactItem } from './db.ts';
import type { GuardedWrite, WritePlan } from './idempotency.ts';
import { isId, keys, prefixes } from './keys.ts';
import { federationRecord, groupRecord, memberRecord, membershipRecord, readRecord } from './records.ts';
import type * as z from 'zod';
import { say, type Thing } from '#core/messages.ts';

/** Callers see records, never the layout. */
const record = <T>(schema: z.ZodType<T>, item: Item | undefined): T | undefined =>
  item ? readRecord(schema, item) : undefined;

const duplicate = () => new ConflictError(say.duplicate);

export async function getFederation(db: Db, id: string, consistent = false): Promise<Federation | undefined> {
  return isId(id) ? record(federationRecord, await getItem(db, keys.federation(id), consistent)) : undefined;
}

export async function getGroup(db: Db, id: string): Promise<Group | undefined> {
  return isId(id) ? record(groupRecord, await getItem(db, keys.group(id))) : undefined;
}

/** Groups by id in one BatchGetItem per 100, in the order asked; unknown ids give undefined. */
export async function getGroups(db: Db, ids: readonly string[]): Promise<(Group | undefined)[]> {
  const valid = ids.filter(isId);
  const found = await batchGet(
    db,
    valid.map((id) => keys.group(id)),
  );
  const byId = new Map(found.filter(Boolean).map((item) => [item!.id as string, record(groupRecord, item)!]));
  return ids.map((id) => byId.get(id));
}

export async function getMember(
  db: Db,
  groupId: string,
  memberId: string,
  consistent = false,
): Promise<Member | undefined> {
  if (!isId(groupId) || !isId(memberId)) return undefined;
  return record(memberRecord, await getItem(db, keys.member(groupId, memberId), consistent));
}

export async function listMembers(
  db: Db,
  groupId: string,
  limit: number,
  cursor?: string | null,
): Promise<Page<Member>> {
  const page = await queryPage(db, { partition: keys.group(groupId).pk, sortPrefix: prefixes.members, limit, cursor });
  return { items: page.items.map((i) => record(memberRecord, i)!), cursor: page.cursor };
}

/** Every member the group ever had (groups are tens of members, so one or two pages). */
export async function listAllMembers(db: Db, groupId: string): Promise<Member[]> {
  const items = await queryAll(db, {
    partition: keys.group(groupId).pk,
    sortPrefix: prefixes.members,
    consistent: true,
  });
  return items.map((i) => record(memberRecord, i)!);
}

/** Members by (group, member) key in batches. */
export async function getMembers(
  db: Db,
  refs: readonly { groupId: string; memberId: string }[],
): Promise<(Member | undefined)[]> {
  const valid = refs.map((r) => (isId(r.groupId) && isId(r.memberId) ? keys.member(r.groupId, r.memberId) : null));
  const found = await batchGet(
    db,
    valid.filter((k): k is { pk: string; sk: string } => k !== null),
  );
  const byKey = new Map(found.filter(Boolean).map((item) => [`${item!.pk}|${item!.sk}`, record(memberRecord, item)!]));
  return valid.map((k) => (k ? byKey.get(`${k.pk}|${k.sk}`) : undefined));
}

export async function listGroupsOfFederation(
  db: Db,
  federationId: string,
  limit: number,
  cursor?: string | null,
): Promise<Page<Group>> {
  const page = await queryPage(db, {
    index: 'byParent',
    partition: keys.federation(federationId).pk,
    sortPrefix: prefixes.groupsOfFederation,
    limit,
    cursor,
  });
  return { items: page.items.map((i) => record(groupRecord, i)!), cursor: page.cursor };
}

export async function listChildFederations(
  db: Db,
  federationId: string,
  limit: number,
  cursor?: string | null,
): Promise<Page<Federation>> {
  const page = await queryPage(db, {
    index: 'byParent',
    partition: keys.federation(federationId).pk,
    sortPrefix: prefixes.childFederations,
    limit,
    cursor,
  });
  return { items: page.items.map((i) => record(federationRecord, i)!), cursor: page.cursor };
}

/** The public directory: groups whose place lies inside `placeCode` (a province, district, commune or village). */
export async function listGroupsAtPlace(
  db: Db,
  placeCode: string,
  limit: number,
  cursor?: string | null,
): Promise<Page<Group>> {
  const range = prefixes.directory(placeCode);
  const page = await queryPage(db, {
    index: 'byPlace',
    partition: range.gsi2pk,
    sortPrefix: range.gsi2skPrefix,
    limit,
    cursor,
  });
  return { items: page.items.map((i) => record(groupRecord, i)!), cursor: page.cursor };
}

/** `parent` is the federation read (and its depth checked) by the caller; the membership starts on `today`. */
export function planCreateFederation(
  db: Db,
  id: string,
  input: CreateFederationInput,
  parent: Federation | null,
  now: Date,
  today: string,
): WritePlan<Federation> {
  const federation: Federation = {
    id,
    name: input.name,
    placeCode: input.placeCode,
    parentId: parent?.id ?? null,
    createdAt: now.toISOString(),
  };
  const item = {
    ...keys.federation(id),
    ...(federation.parentId ? keys.federationChildOf(federation.parentId, id) : {}),
    ...keys.federationListing(federation.placeCode, id),
    entity: 'Federation',
    ...federation,
  };
  const writes: GuardedWrite[] = [
    {
      write: { Put: { TableName: db.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
      onConditionFailed: duplicate,
    },
  ];
  if (federation.parentId) {
    writes.push(mustExist(db, keys.federation(federation.parentId), 'input.parentId', 'federation'));
    writes.push(...membershipWrites(db, keys.parentMembership, id, undefined, federation.parentId, today));
  }
  return { writes, result: federation };
}

/** Every federation, or those at or below a place, sorted by place: one page. */
export async function listFederations(
  db: Db,
  placeCode: string | null,
  limit: number,
  cursor?: string | null,
): Promise<Page<Federation>> {
  const page = await queryPage(db, {
    index: 'byPlace',
    partition: prefixes.federationListing,
    sortPrefix: placeCode ?? '',
    limit,
    cursor,
  });
  return { items: page.items.map((i) => record(federationRecord, i)!), cursor: page.cursor };
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
  const writes: GuardedWrite[] = [
    {
      write: { Put: { TableName: db.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
      onConditionFailed: duplicate,
    },
  ];
  if (group.federationId) {
    writes.push(mustExist(db, keys.federation(group.federationId), 'input.federationId', 'federation'));
    writes.push({
      write: {
        Put: {
          TableName: db.table,
          Item: {
            ...keys.federationMembership(id, group.formedOn, group.federationId),
            entity: 'FederationMembership',
            groupId: id,
            federationId: group.federationId,
            from: group.formedOn,
            until: null,
          },
        },
      },
    });
  }
  return { writes, result: group };
}

const isWoman = (m: Pick<Member, 'sex'>) => (m.sex === 'FEMALE' ? 1 : 0);

/**
 * Moves the group's counts of members and of women, kept on the group item so the directory and
 * dashboards read them in O(1) (and the aggregator counts them from its stream record).
 */
function groupCountsWrite(db: Db, groupId: string, by: { members: number; women: number }): GuardedWrite {
  return {
    write: {
      Update: {
        TableName: db.table,
        Key: keys.group(groupId),
        UpdateExpression: 'ADD memberCount :members, womenCount :women',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':members': by.members, ':women': by.women },
      },
    },
  };
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
  return {
    writes: [
      {
        write: {
          Put: {
            TableName: db.table,
            Item: { ...keys.member(input.groupId, id), entity: 'Member', ...member },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: duplicate,
      },
      {
        ...groupCountsWrite(db, input.groupId, { members: 1, women: isWoman(member) }),
        onConditionFailed: () => new NotFoundError(say.noSuch('group'), 'input.groupId'),
      },
    ],
    result: member,
  };
}

/** A write-less guard: the transaction fails unless the referenced item exists. */
function mustExist(db: Db, key: { pk: string; sk: string }, field: string, what: Thing): GuardedWrite {
  return {
    write: { ConditionCheck: { TableName: db.table, Key: key, ConditionExpression: 'attribute_exists(pk)' } },
    onConditionFailed: () => new NotFoundError(say.noSuch(what), field),
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
      onConditionFailed: () => new ConflictError(say.memberAlreadyLeft, 'input.memberId'),
    },
    groupCountsWrite(db, member.groupId, { members: -1, women: -isWoman(member) }),
  ];
}

/**
 * A member as corrected (`after`, read as `before`): her details and her correction history in one
 * write, only if nobody corrected her or recorded her leaving since she was read (otherwise the plan
 * is made again). A change of sex moves the group's count of women while she is a member.
 */
export function memberCorrectionWrites(db: Db, before: Member, after: Member): GuardedWrite[] {
  const corrected = before.corrections?.length ?? 0;
  const writes: GuardedWrite[] = [
    {
      write: {
        Update: {
          TableName: db.table,
          Key: keys.member(before.groupId, before.id),
          UpdateExpression: 'SET #name = :name, sex = :sex, phone = :phone, corrections = :corrections',
          ConditionExpression: [
            'attribute_exists(pk)',
            corrected === 0 ? 'attribute_not_exists(corrections)' : 'size(corrections) = :corrected',
            before.leftOn === null ? '(attribute_not_exists(leftOn) OR leftOn = :null)' : 'leftOn = :leftOn',
          ].join(' AND '),
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: {
            ':name': after.name,
            ':sex': after.sex,
            ':phone': after.phone,
            ':corrections': after.corrections,
            ...(corrected === 0 ? {} : { ':corrected': corrected }),
            ...(before.leftOn === null ? { ':null': null } : { ':leftOn': before.leftOn }),
          },
        },
      },
    },
  ];
  if (before.leftOn === null && isWoman(after) !== isWoman(before)) {
    writes.push(groupCountsWrite(db, before.groupId, { members: 0, women: isWoman(after) - isWoman(before) }));
  }
  return writes;
}

/** The group's meeting schedule, set from its newest constitution. */
export function meetingScheduleWrite(db: Db, groupId: string, schedule: Group['meetingSchedule']): GuardedWrite {
  return {
    write: {
      Update: {
        TableName: db.table,
        Key: keys.group(groupId),
        UpdateExpression: 'SET meetingSchedule = :s',
        ExpressionAttributeValues: { ':s': schedule },
      },
    },
  };
}

export interface FederationMembership {
  federationId: string;
  from: string;
  until: string | null;
}

const toMemberships = (items: Item[]): FederationMembership[] => items.map((i) => readRecord(membershipRecord, i));

/** The federations a group belonged to, and when. */
export async function listFederationHistory(db: Db, groupId: string): Promise<FederationMembership[]> {
  return toMemberships(
    await queryAll(db, { partition: keys.group(groupId).pk, sortPrefix: prefixes.federationHistory, consistent: true }),
  );
}

/** The parents a federation belonged to, and when. */
export async function listParentHistory(db: Db, federationId: string): Promise<FederationMembership[]> {
  return toMemberships(
    await queryAll(db, {
      partition: keys.federation(federationId).pk,
      sortPrefix: prefixes.federationHistory,
      consistent: true,
    }),
  );
}

type MembershipKey = (ownerId: string, from: string, federationId: string) => { pk: string; sk: string };

/** Closes the open membership (if any) on `from` and opens one in `to` (if any). Groups and federations keep history alike. */
function membershipWrites(
  db: Db,
  key: MembershipKey,
  ownerId: string,
  current: FederationMembership | undefined,
  to: string | null,
  from: string,
): GuardedWrite[] {
  const writes: GuardedWrite[] = [];
  if (current) {
    writes.push({
      write: {
        Update: {
          TableName: db.table,
          Key: key(ownerId, current.from, current.federationId),
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
      write: {
        Put: {
          TableName: db.table,
          Item: {
            ...key(ownerId, from, to),
            entity: 'FederationMembership',
            ownerId,
            federationId: to,
            from,
            until: null,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      // Back and forth on one day would reuse a membership's key: the history keeps each stay, so the second is refused.
      onConditionFailed: () => new ConflictError(say.alreadyMemberFrom, 'input.from'),
    });
  }
  return writes;
}

/** The owner's item moves only if it is still where it was read: a concurrent move loses. */
const STILL_UNDER =
  '(#parent = :was OR (attribute_not_exists(#parent) AND :was = :null) OR (#parent = :null AND :was = :null))';

/**
 * Moves a group to another federation (or out of any) from `from`: closes the current membership,
 * opens the new one, and re-indexes the group under its new federation — one transaction. The
 * group item's change reaches the aggregator, which moves its figures between the rollups.
 */
export function federationMoveWrites(
  db: Db,
  group: Group,
  current: FederationMembership | undefined,
  to: string | null,
  from: string,
): GuardedWrite[] {
  return [
    ...membershipWrites(db, keys.federationMembership, group.id, current, to, from),
    {
      write: reparentWrite(
        db,
        keys.group(group.id),
        'federationId',
        group.federationId,
        to ? keys.groupInFederation(to, group.id) : null,
        to,
      ),
    },
  ];
}

/**
 * Points an item (a group, a federation) at its new parent and re-indexes it under that parent in
 * byParent — or takes it out of the index for no parent — if it still has the parent it was read with.
 */
function reparentWrite(
  db: Db,
  key: { pk: string; sk: string },
  attribute: string,
  was: string | null,
  index: { gsi1pk: string; gsi1sk: string } | null,
  to: string | null,
): TransactItem {
  return {
    Update: {
      TableName: db.table,
      Key: key,
      UpdateExpression: index
        ? 'SET #parent = :f, gsi1pk = :p, gsi1sk = :s'
        : 'SET #parent = :null REMOVE gsi1pk, gsi1sk',
      ConditionExpression: `attribute_exists(pk) AND ${STILL_UNDER}`,
      ExpressionAttributeNames: { '#parent': attribute },
      ExpressionAttributeValues: {
        ':null': null,
        ':was': was,
        ...(index ? { ':f': to, ':p': index.gsi1pk, ':s': index.gsi1sk } : {}),
      },
    },
  };
}

/**
 * Moves a federation under another parent (or to the top) from `from`. Only its own item changes
 * (chains above are walked, not stored); every federation of the new parent's chain is checked
 * to still have the parent it was read with, so two crossing moves cannot make a cycle. The
 * federation item's change reaches the aggregator, which recounts the groups below it.
 */
export function parentMoveWrites(
  db: Db,
  federation: Federation,
  current: FederationMembership | undefined,
  newParentChain: readonly Federation[],
  from: string,
): GuardedWrite[] {
  const to = newParentChain[0]?.id ?? null;
  const moved = () => new ConflictError(say.federationsMoved, 'input.parentId');
  return [
    ...membershipWrites(db, keys.parentMembership, federation.id, current, to, from),
    {
      write: reparentWrite(
        db,
        keys.federation(federation.id),
        'parentId',
        federation.parentId,
        to ? keys.federationChildOf(to, federation.id) : null,
        to,
      ),
      onConditionFailed: moved,
    },
    ...newParentChain.map(
      (f): GuardedWrite => ({
        write: {
          ConditionCheck: {
            TableName: db.table,
            Key: keys.federation(f.id),
            ConditionExpression: `attribute_exists(pk) AND ${STILL_UNDER}`,
            ExpressionAttributeNames: { '#parent': 'parentId' },
            ExpressionAttributeValues: { ':null': null, ':was': f.parentId },
          },
        },
        onConditionFailed: moved,
      }),
    ),
  ];
}

/**
 * The federations below a federation, level by level (itself first), and how many levels there
 * are counting its own: 1 when nothing is below it. Reads only the federations' index entries, so a
 * move's depth check costs a query per federation below, never one per group.
 */
export async function federationsBelow(
  db: Db,
  federationId: string,
): Promise<{ federationIds: string[]; height: number }> {
  const federationIds = [federationId];
  let level = [federationId];
  let height = 0;
  while (level.length && height < MAX_FEDERATION_DEPTH * 2) {
    height++;
    const next: string[] = [];
    for (const id of level) {
      const children = await queryAll(db, {
        index: 'byParent',
        partition: keys.federation(id).pk,
        sortPrefix: prefixes.childFederations,
      });
      next.push(...children.map((c) => c.id as string).filter((c) => !federationIds.includes(c)));
    }
    federationIds.push(...next);
    level = next;
  }
  return { federationIds, height };
}

/** Every group in a federation or any federation below it (the aggregator recounts them after a move). */
export async function groupsBelow(db: Db, federationId: string): Promise<string[]> {
  const groups: string[] = [];
  for (const id of (await federationsBelow(db, federationId)).federationIds) {
    const items = await queryAll(db, {
      index: 'byParent',
      partition: keys.federation(id).pk,
      sortPrefix: prefixes.groupsOfFederation,
    });
    groups.push(...items.map((i) => i.id as string));
  }
  return groups;
}
