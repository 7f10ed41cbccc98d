/**
 * People and their roles. A role item sits under the user (so one query loads a viewer's roles on
 * each request) and is indexed under its tenant (so a group can list its officers).
 */
import type { DomainError } from '#core/errors.ts';
import type { RoleGrant } from '#core/roles.ts';
import { batchGet, getItem, queryAll, queryPage, type Db, type Page } from './db.ts';
import type { GuardedWrite } from './idempotency.ts';
import { keys, prefixes } from './keys.ts';
import { readRecord, roleChangeRecord, roleGrantRecord, userRecord } from './records.ts';

export interface User {
  id: string;
  displayName: string;
  createdAt: string;
  /** The mobile number she signs in with, in E.164; people registered before invitations have none. */
  phone?: string;
}

export async function getUser(db: Db, sub: string): Promise<User | undefined> {
  const item = await getItem(db, keys.user(sub));
  return item ? readRecord(userRecord, item) : undefined;
}

/** Many people's profiles in one BatchGetItem per 100, in the order asked. */
export async function getUsers(db: Db, subs: readonly string[]): Promise<(User | undefined)[]> {
  const items = await batchGet(
    db,
    subs.map((sub) => keys.user(sub)),
  );
  return items.map((item) => (item ? readRecord(userRecord, item) : undefined));
}

/** Everyone registered, by id: one page. */
export async function listUsers(db: Db, limit: number, cursor?: string | null): Promise<Page<User>> {
  const page = await queryPage(db, {
    index: 'byParent',
    partition: prefixes.people,
    sortPrefix: keys.userListing('').gsi1sk,
    limit,
    cursor,
  });
  return {
    items: page.items.map((i) => readRecord(userRecord, i)),
    cursor: page.cursor,
  };
}

/** Every role the user holds now. Strongly consistent: a revoked role must not linger. */
export async function getRoles(db: Db, sub: string): Promise<RoleGrant[]> {
  const items = await queryAll(db, { partition: keys.user(sub).pk, sortPrefix: prefixes.roles, consistent: true });
  return items.map((i) => readRecord(roleGrantRecord, i));
}

/**
 * Whether the person exists, her roles and the version of her role set (one read of her profile). A change that depends on what she holds (the
 * separation of duties) writes `rolesChangedWrite` with this version, so two changes decided on the
 * same roles cannot both commit.
 */
export async function getRolesForChange(
  db: Db,
  sub: string,
): Promise<{ exists: boolean; roles: RoleGrant[]; version: number }> {
  // The version first, the roles after it — never both at once. A role given between the two reads
  // is then either in the roles read or has moved the version on, so the change written with this
  // version is refused and planned again. Read together, the roles could be older than the version
  // (seen: an office and a bank role both given to one person by racing requests).
  const profile = await getItem(db, keys.user(sub), true);
  const roles = await getRoles(db, sub);
  return { exists: profile !== undefined, roles, version: (profile?.rolesVersion as number | undefined) ?? 0 };
}

/** Bumps the person's role-set version, only if it is still the one read. */
export function rolesChangedWrite(db: Db, sub: string, version: number): GuardedWrite {
  return {
    write: {
      Update: {
        TableName: db.table,
        Key: keys.user(sub),
        UpdateExpression: 'SET rolesVersion = :next',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(rolesVersion) OR rolesVersion = :seen)',
        ExpressionAttributeValues: { ':next': version + 1, ':seen': version },
      },
    },
    // No meaning of its own: another change to her roles came first, so the plan runs again on them.
  };
}

/** One entry of a person's role history. */
export interface RoleChange extends RoleGrant {
  action: 'ASSIGNED' | 'REVOKED';
  by: string;
  at: string;
  reason: string | null;
}

/**
 * Records a change of role as her role set's version `version` (the one rolesChangedWrite moves
 * to), in the same transaction as the change itself: history in order, one entry per change.
 */
export function roleChangeWrite(db: Db, userId: string, change: RoleChange, version: number): GuardedWrite {
  return {
    write: {
      Put: {
        TableName: db.table,
        Item: { ...keys.roleChange(userId, version), entity: 'RoleChange', userId, ...change },
      },
    },
  };
}

/** A person's role history, oldest first. */
export async function listRoleChanges(db: Db, sub: string): Promise<RoleChange[]> {
  const items = await queryAll(db, { partition: keys.user(sub).pk, sortPrefix: prefixes.roleChanges });
  return items.map((i) => readRecord(roleChangeRecord, i));
}

/** Takes the role away, only if she still holds exactly it. */
export function deleteRoleWrite(db: Db, userId: string, grant: RoleGrant, onGone: () => DomainError): GuardedWrite {
  const key = keys.role(userId, grant.tenantType, grant.tenantId, grant.role);
  return {
    write: {
      Delete: {
        TableName: db.table,
        Key: { pk: key.pk, sk: key.sk },
        ConditionExpression: 'attribute_exists(pk) AND #r = :r',
        ExpressionAttributeNames: { '#r': 'role' },
        ExpressionAttributeValues: { ':r': grant.role },
      },
    },
    onConditionFailed: onGone,
  };
}

export function putUserWrite(db: Db, user: User): GuardedWrite {
  return {
    write: {
      Put: {
        TableName: db.table,
        Item: { ...keys.user(user.id), ...keys.userListing(user.id), entity: 'User', ...user },
      },
    },
  };
}

/** Whether someone already signs in with this number. Consistent: two invitations must not both see it free. */
export async function phoneRegistered(db: Db, phone: string): Promise<boolean> {
  return (await getItem(db, keys.phone(phone), true)) !== undefined;
}

/**
 * Registers an invited person: her profile, new, at role-set version `rolesVersion` (the role she
 * is given in the same transaction is that version), and her number, claimed once.
 */
export function newPersonWrites(
  db: Db,
  user: User & { phone: string },
  rolesVersion: number,
  onTaken: () => DomainError,
): GuardedWrite[] {
  return [
    {
      write: {
        Put: {
          TableName: db.table,
          Item: { ...keys.user(user.id), ...keys.userListing(user.id), entity: 'User', ...user, rolesVersion },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: onTaken,
    },
    {
      write: {
        Put: {
          TableName: db.table,
          Item: { ...keys.phone(user.phone), entity: 'PhoneClaim', userId: user.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: onTaken,
    },
  ];
}

/** Gives the user `grant.role` in the tenant, replacing any role they held there. */
export function putRoleWrite(db: Db, userId: string, grant: RoleGrant, now: Date): GuardedWrite {
  return {
    write: {
      Put: {
        TableName: db.table,
        Item: {
          ...keys.role(userId, grant.tenantType, grant.tenantId, grant.role),
          entity: 'Role',
          userId,
          ...grant,
          since: now.toISOString(),
        },
      },
    },
  };
}
