/**
 * Officer terms. Each appointment is a term item (kept forever, so rotation never loses history)
 * and a role item under the person (so rights follow the current holder on the very next request).
 */
import { ConflictError } from '#core/errors.ts';
import type { GroupOfficerRole } from '#core/roles.ts';
import { queryAll, type Db } from './db.ts';
import type { GuardedWrite } from './idempotency.ts';
import { keys, prefixes } from './keys.ts';
import { officerTermRecord, readRecord } from './records.ts';
import { putRoleWrite } from './users.ts';
import { say } from '#core/messages.ts';

export interface OfficerTerm {
  groupId: string;
  role: GroupOfficerRole;
  userId: string;
  from: string;
  /** Last day of the term; null while it runs. */
  until: string | null;
}

export async function listOfficerTerms(db: Db, groupId: string): Promise<OfficerTerm[]> {
  const items = await queryAll(db, {
    partition: keys.group(groupId).pk,
    sortPrefix: prefixes.officerTerms,
    consistent: true,
  });
  return items
    .map((i) => readRecord(officerTermRecord, { groupId, ...i }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.role.localeCompare(b.role)));
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * Ends the terms `ending` the day before `term.from` (removing their holders' roles, unless the
 * holder is the new appointee, whose role is replaced), and starts `term`.
 */
export function appointmentWrites(db: Db, term: OfficerTerm, ending: OfficerTerm[], now: Date): GuardedWrite[] {
  const writes: GuardedWrite[] = [];
  for (const old of ending) {
    writes.push({
      write: {
        Update: {
          TableName: db.table,
          Key: keys.officerTerm(old.groupId, old.role, old.from, old.userId),
          UpdateExpression: 'SET #u = :u',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#u) OR #u = :null)',
          ExpressionAttributeNames: { '#u': 'until' },
          ExpressionAttributeValues: { ':u': dayBefore(term.from), ':null': null },
        },
      },
      // No domain meaning: a concurrent appointment ended it first; plan again.
    });
    if (old.userId !== term.userId) {
      const roleKey = keys.role(old.userId, 'GROUP', old.groupId, old.role);
      writes.push({
        write: {
          Delete: {
            TableName: db.table,
            Key: { pk: roleKey.pk, sk: roleKey.sk },
            ConditionExpression: 'attribute_not_exists(pk) OR #r = :r',
            ExpressionAttributeNames: { '#r': 'role' },
            ExpressionAttributeValues: { ':r': old.role },
          },
        },
      });
    }
  }
  writes.push({
    write: {
      Put: {
        TableName: db.table,
        Item: { ...keys.officerTerm(term.groupId, term.role, term.from, term.userId), entity: 'OfficerTerm', ...term },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    onConditionFailed: () => new ConflictError(say.appointmentRecorded),
  });
  writes.push(putRoleWrite(db, term.userId, { tenantType: 'GROUP', tenantId: term.groupId, role: term.role }, now));
  return writes;
}
