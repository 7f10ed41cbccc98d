/**
 * Every mutation of the schema with a builder of a valid input (and the setup it needs), for the
 * tests that send each one: idempotency, fuzzing and injected faults. Each call of a builder makes
 * fresh setup, so a case can be run again and again on the same world.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { graphqlOk } from '../../dev/graphql-client.ts';
import { A } from './access.ts';
import { L } from './bank-loans.ts';
import { C } from './coverage.ts';
import { B, constitution } from './books.ts';
import { ikey, type IntegrationEnv } from './integration.ts';
import { M, type World } from './world.ts';

/**
 * Every item in the table, as a fingerprint that changes with any write. Reads every Scan page:
 * one page stops at 1 MB, and a check that compared part of the table could miss a write.
 */
export async function snapshot(env: Pick<IntegrationEnv, 'db' | 'table'>): Promise<string> {
  const items: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await env.db.doc.send(
      new ScanCommand({ TableName: env.table, ConsistentRead: true, ExclusiveStartKey: start }),
    );
    for (const item of out.Items ?? []) items.push(JSON.stringify(item));
    start = out.LastEvaluatedKey;
  } while (start);
  return JSON.stringify(items.sort());
}

export type MutationCase = [
  name: string,
  token: () => string,
  document: string,
  input: () => Promise<Record<string, unknown>> | Record<string, unknown>,
];

/** The world is read when a builder runs, so the cases can be listed before it exists (it.each). */
export interface MutationWorld {
  env: IntegrationEnv;
  world: World;
}

/** `base` plus `n` days, as YYYY-MM-DD. */
const plusDays = (base: string, n: number) =>
  new Date(Date.parse(`${base}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function mutationCases(ctx: MutationWorld): MutationCase[] {
  // Builders that write on a date step it forward each call, so any case can be built again.
  const calls: Record<string, number> = {};
  const step = (name: string) => (calls[name] = (calls[name] ?? -1) + 1);
  /** One waiting request per bank and group: turn down any earlier one so a case can run again. */
  async function clearWaiting(groupId: string, treasurer: string): Promise<void> {
    const side = await graphqlOk(
      ctx.env.app,
      treasurer,
      'query($g: ID!) { group(id: $g) { accessRequests { id state } } }',
      { g: groupId },
    );
    for (const r of side.group.accessRequests.filter((x: any) => x.state === 'PENDING')) {
      await graphqlOk(ctx.env.app, treasurer, A.reject, {
        input: { idempotencyKey: ikey(), groupId, requestId: r.id, reason: 'again' },
      });
    }
  }
  async function pending(): Promise<string> {
    await clearWaiting(ctx.world.ids.groupA, ctx.world.token.treasurerA);
    const r = await graphqlOk(ctx.env.app, ctx.world.token.bankOfficer, A.requestAccess, {
      input: {
        idempotencyKey: ikey(),
        groupId: ctx.world.ids.groupA,
        purpose: 'LOAN_ASSESSMENT',
        scopes: ['SAVINGS_SUMMARY'],
        dataRange: { from: '2020-01-01', to: '2027-01-01' },
        durationMonths: 3,
      },
    });
    return r.requestAccess.id;
  }
  async function active(): Promise<string> {
    const r = await graphqlOk(ctx.env.app, ctx.world.token.treasurerA, A.approve, {
      input: { idempotencyKey: ikey(), groupId: ctx.world.ids.groupA, requestId: await pending() },
    });
    return r.approveAccessRequest.id;
  }

  /** A valid meeting of group A on `date`: everyone who is a member that day, present, saving. */
  async function meetingOn(date: string) {
    const members = (
      await graphqlOk(
        ctx.env.app,
        ctx.world.token.treasurerA,
        'query($id: ID!) { group(id: $id) { members(first: 100) { nodes { id joinedOn leftOn } } } }',
        { id: ctx.world.ids.groupA },
      )
    ).group.members.nodes;
    return {
      groupId: ctx.world.ids.groupA,
      date,
      attendance: members
        .filter((m: any) => m.joinedOn <= date && (!m.leftOn || m.leftOn > date))
        .map((m: any) => ({ memberId: m.id, status: 'PRESENT' })),
      minutes: [{ agendaItem: 'ការសន្សំ', discussed: true, decision: 'បាទ' }],
      entries: [{ id: 's', kind: 'SAVING', amount: '2000', memberId: ctx.world.ids.memberA }],
    };
  }

  /** A delivery of a fresh service to a commune, recorded by the NGO's staff. */
  /** A fresh service of the world's NGO, registered by its staff. */
  async function newService(): Promise<string> {
    const r = await graphqlOk(ctx.env.app, ctx.world.token.ngoStaff, C.service, {
      input: { idempotencyKey: ikey(), ngoId: ctx.world.ids.ngo, name: 'T', sector: 'GENDER' },
    });
    return r.registerService.id;
  }

  async function delivered(): Promise<{ id: string; date: string; serviceId: string }> {
    const serviceId = await newService();
    const d = (
      await graphqlOk(ctx.env.app, ctx.world.token.ngoStaff, C.deliver, {
        input: {
          idempotencyKey: ikey(),
          ngoId: ctx.world.ids.ngo,
          serviceId,
          date: '2026-01-05',
          communeCode: '170402',
          participants: 20,
          women: 18,
        },
      })
    ).recordDelivery;
    return { id: d.id, date: d.date, serviceId };
  }

  async function asked(): Promise<string> {
    const r = await graphqlOk(ctx.env.app, ctx.world.token.treasurerA, L.apply, {
      input: {
        idempotencyKey: ikey(),
        groupId: ctx.world.ids.groupA,
        bankId: ctx.world.ids.bank,
        amount: '1000',
        termMonths: 2,
        purpose: 'x',
      },
    });
    return r.applyForBankLoan.id;
  }

  return [
    ['createUser', () => ctx.world.token.admin, M.createUser, () => ({ userId: `u-${ikey()}`, displayName: 'ស្រី' })],
    [
      'assignRole',
      () => ctx.world.token.admin,
      M.assignRole,
      () => ({ userId: 'nobody', tenantType: 'BANK', tenantId: ctx.world.ids.bank, role: 'LOAN_OFFICER' }),
    ],
    [
      'invitePerson',
      () => ctx.world.token.admin,
      M.invitePerson,
      () => ({
        displayName: 'ស្រី',
        phone: `+8551${String(step('invite')).padStart(7, '0')}`,
        tenantType: 'NGO',
        tenantId: ctx.world.ids.ngo,
        role: 'STAFF',
      }),
    ],
    [
      'revokeRole',
      () => ctx.world.token.admin,
      M.revokeRole,
      async () => {
        const userId = `leaver-${ikey()}`;
        await graphqlOk(ctx.env.app, ctx.world.token.admin, M.createUser, {
          input: { idempotencyKey: ikey(), userId, displayName: 'Leaver' },
        });
        await graphqlOk(ctx.env.app, ctx.world.token.admin, M.assignRole, {
          input: { idempotencyKey: ikey(), userId, tenantType: 'NGO', tenantId: ctx.world.ids.ngo, role: 'STAFF' },
        });
        return { userId, tenantType: 'NGO', tenantId: ctx.world.ids.ngo, role: 'STAFF', reason: 'left the NGO' };
      },
    ],
    [
      'createFederation',
      () => ctx.world.token.admin,
      M.createFederation,
      () => ({ name: 'Cluster', placeCode: '1704', parentId: ctx.world.ids.topFederation }),
    ],
    [
      'createGroup',
      () => ctx.world.token.coordinatorTop,
      M.createGroup,
      () => ({
        name: 'G',
        placeCode: '170405',
        currency: 'KHR',
        meetingSchedule: { frequency: 'MONTHLY', weekday: 'MONDAY' },
        formedOn: '2021-01-01',
        federationId: ctx.world.ids.subFederation,
      }),
    ],
    [
      'addMember',
      () => ctx.world.token.treasurerA,
      M.addMember,
      () => ({ groupId: ctx.world.ids.groupA, name: 'ពៅ', sex: 'FEMALE', joinedOn: '2021-03-02' }),
    ],
    ['createBank', () => ctx.world.token.admin, M.createBank, () => ({ name: 'Bank' })],
    ['createNgo', () => ctx.world.token.admin, M.createNgo, () => ({ name: 'NGO' })],
    [
      'setConstitution',
      () => ctx.world.token.treasurerA,
      B.setConstitution,
      () => ({
        ...constitution(ctx.world.ids.groupA, 'x'),
        effectiveFrom: plusDays('2022-01-04', step('constitution')),
        idempotencyKey: undefined,
      }),
    ],
    [
      'appointOfficer',
      () => ctx.world.token.admin,
      M.appointOfficer,
      async () => {
        // A new person each time: someone already in the office cannot be appointed to it again.
        const userId = `sec-${ikey()}`;
        await graphqlOk(ctx.env.app, ctx.world.token.admin, M.createUser, {
          input: { idempotencyKey: ikey(), userId, displayName: 'ស្រី' },
        });
        return {
          groupId: ctx.world.ids.groupB,
          userId,
          role: 'SECRETARY',
          from: plusDays('2021-05-05', step('appoint')),
        };
      },
    ],
    [
      'recordEntries',
      () => ctx.world.token.treasurerA,
      B.recordEntries,
      () => ({
        groupId: ctx.world.ids.groupA,
        date: '2023-01-03',
        entries: [{ id: 's', kind: 'SAVING', amount: '10000', memberId: ctx.world.ids.memberA }],
      }),
    ],
    [
      'recordMeeting',
      () => ctx.world.token.treasurerA,
      B.recordMeeting,
      () => meetingOn(plusDays('2023-02-07', 7 * step('meeting'))),
    ],
    [
      'correctMeeting',
      () => ctx.world.token.treasurerA,
      B.correctMeeting,
      async () => {
        // Wednesdays, so these meetings never take a date the recordMeeting case (Tuesdays) will want.
        const meeting = await meetingOn(plusDays('2023-02-08', 7 * step('correctedMeeting')));
        await graphqlOk(ctx.env.app, ctx.world.token.treasurerA, B.recordMeeting, {
          input: { ...meeting, idempotencyKey: ikey() },
        });
        return {
          groupId: meeting.groupId,
          date: meeting.date,
          attendance: meeting.attendance.map((a: any, i: number) => ({ ...a, status: i === 0 ? 'ABSENT' : a.status })),
          minutes: [{ agendaItem: 'ការសន្សំ', discussed: true, decision: 'ទេ' }],
          reason: 'written wrong',
        };
      },
    ],
    [
      'reverseEntry',
      () => ctx.world.token.treasurerA,
      B.reverseEntry,
      async () => {
        const posted = await graphqlOk(ctx.env.app, ctx.world.token.treasurerA, B.recordEntries, {
          input: {
            idempotencyKey: ikey(),
            groupId: ctx.world.ids.groupA,
            date: '2023-03-01',
            entries: [{ id: 'oops', kind: 'OTHER_INCOME', amount: '500' }],
          },
        });
        return {
          groupId: ctx.world.ids.groupA,
          entryRef: posted.recordEntries.entries[0].ref,
          date: '2023-03-01',
          reason: 'typo',
        };
      },
    ],
    [
      'recordMemberLeft',
      () => ctx.world.token.treasurerA,
      'mutation($input: RecordMemberLeftInput!) { recordMemberLeft(input: $input) { id leftOn } }',
      async () => {
        const added = await graphqlOk(ctx.env.app, ctx.world.token.treasurerA, M.addMember, {
          input: {
            idempotencyKey: ikey(),
            groupId: ctx.world.ids.groupA,
            name: 'ចេញ',
            sex: 'FEMALE',
            joinedOn: '2021-01-05',
          },
        });
        return { groupId: ctx.world.ids.groupA, memberId: added.addMember.id, leftOn: '2023-04-04' };
      },
    ],
    [
      'correctMember',
      () => ctx.world.token.treasurerA,
      M.correctMember,
      async () => {
        const added = await graphqlOk(ctx.env.app, ctx.world.token.treasurerA, M.addMember, {
          input: {
            idempotencyKey: ikey(),
            groupId: ctx.world.ids.groupA,
            name: 'ស្រី',
            sex: 'FEMALE',
            joinedOn: '2021-01-05',
          },
        });
        return {
          groupId: ctx.world.ids.groupA,
          memberId: added.addMember.id,
          name: 'ស្រីពៅ',
          sex: 'MALE',
          phone: '+855 12 999 888',
          reason: 'spelt wrong',
        };
      },
    ],
    [
      'requestAccess',
      () => ctx.world.token.bankOfficer,
      A.requestAccess,
      async () => {
        await clearWaiting(ctx.world.ids.groupB, ctx.world.token.treasurerB);
        return {
          groupId: ctx.world.ids.groupB,
          purpose: 'LOAN_MONITORING',
          scopes: ['LOAN_BOOK_QUALITY'],
          dataRange: { from: '2024-01-01', to: '2025-01-01' },
          durationMonths: 2,
        };
      },
    ],
    [
      'approveAccessRequest',
      () => ctx.world.token.treasurerA,
      A.approve,
      async () => ({ groupId: ctx.world.ids.groupA, requestId: await pending() }),
    ],
    [
      'rejectAccessRequest',
      () => ctx.world.token.treasurerA,
      A.reject,
      async () => ({ groupId: ctx.world.ids.groupA, requestId: await pending(), reason: 'no' }),
    ],
    [
      'withdrawAccessRequest',
      () => ctx.world.token.bankOfficer,
      A.withdraw,
      async () => ({ groupId: ctx.world.ids.groupA, requestId: await pending(), reason: 'asked by mistake' }),
    ],
    [
      'pauseGrant',
      () => ctx.world.token.treasurerA,
      A.pause,
      async () => ({ groupId: ctx.world.ids.groupA, grantId: await active(), reason: 'wait' }),
    ],
    [
      'resumeGrant',
      () => ctx.world.token.treasurerA,
      A.resume,
      async () => {
        const grantId = await active();
        await graphqlOk(ctx.env.app, ctx.world.token.treasurerA, A.pause, {
          input: { idempotencyKey: ikey(), groupId: ctx.world.ids.groupA, grantId, reason: 'wait' },
        });
        return { groupId: ctx.world.ids.groupA, grantId, reason: 'go' };
      },
    ],
    [
      'applyForBankLoan',
      () => ctx.world.token.treasurerA,
      L.apply,
      () => ({
        groupId: ctx.world.ids.groupA,
        bankId: ctx.world.ids.bank,
        amount: '1000',
        termMonths: 2,
        purpose: 'x',
      }),
    ],
    [
      'decideBankLoan',
      () => ctx.world.token.bankOfficer,
      L.decide,
      async () => ({
        groupId: ctx.world.ids.groupA,
        bankLoanId: await asked(),
        approve: true,
        reasons: 'ok',
        monthlyInterestBasisPoints: 100,
      }),
    ],
    [
      'disburseBankLoan',
      () => ctx.world.token.bankOfficer,
      L.disburse,
      async () => {
        const bankLoanId = await asked();
        await graphqlOk(ctx.env.app, ctx.world.token.bankOfficer, L.decide, {
          input: {
            idempotencyKey: ikey(),
            groupId: ctx.world.ids.groupA,
            bankLoanId,
            approve: true,
            reasons: 'ok',
            monthlyInterestBasisPoints: 100,
          },
        });
        return { groupId: ctx.world.ids.groupA, bankLoanId, date: '2023-05-02' };
      },
    ],
    [
      'moveGroupToFederation',
      () => ctx.world.token.admin,
      'mutation($input: MoveGroupInput!) { moveGroupToFederation(input: $input) { id federationId } }',
      async () => {
        const now = (
          await graphqlOk(ctx.env.app, ctx.world.token.admin, 'query($id: ID!) { group(id: $id) { federationId } }', {
            id: ctx.world.ids.groupB,
          })
        ).group.federationId;
        const to = now === ctx.world.ids.topFederation ? ctx.world.ids.otherFederation : ctx.world.ids.topFederation;
        return { groupId: ctx.world.ids.groupB, federationId: to, from: plusDays('2024-02-06', step('move')) };
      },
    ],
    [
      'moveFederation',
      () => ctx.world.token.admin,
      'mutation($input: MoveFederationInput!) { moveFederation(input: $input) { id parent { id } parentHistory { federationId from until } } }',
      async () => {
        const federationId = (
          await graphqlOk(ctx.env.app, ctx.world.token.admin, M.createFederation, {
            input: { idempotencyKey: ikey(), name: 'Movable', placeCode: '17', parentId: ctx.world.ids.topFederation },
          })
        ).createFederation.id;
        return { federationId, parentId: ctx.world.ids.otherFederation, from: '2026-11-22' };
      },
    ],
    [
      'setNgoSectors',
      () => ctx.world.token.ngoStaff,
      C.sectors,
      () => ({ ngoId: ctx.world.ids.ngo, sectors: ['GENDER', 'HEALTH'] }),
    ],
    [
      'registerService',
      () => ctx.world.token.ngoStaff,
      C.service,
      () => ({ ngoId: ctx.world.ids.ngo, name: 'Training', sector: 'GENDER' }),
    ],
    [
      'recordDelivery',
      () => ctx.world.token.ngoStaff,
      C.deliver,
      async () => {
        const serviceId = await newService();
        return {
          ngoId: ctx.world.ids.ngo,
          serviceId,
          date: '2026-01-05',
          communeCode: '170402',
          participants: 20,
          women: 18,
        };
      },
    ],
    [
      'recordDelivery',
      () => ctx.world.token.ngoStaff,
      C.deliver,
      async () => {
        const serviceId = await newService();
        return {
          ngoId: ctx.world.ids.ngo,
          serviceId,
          date: '2026-01-05',
          groupIds: [ctx.world.ids.groupA, ctx.world.ids.groupB],
          participants: 20,
          women: 18,
        };
      },
    ],
    [
      'correctDelivery',
      () => ctx.world.token.ngoStaff,
      C.correctDelivery,
      async () => {
        const d = await delivered();
        return {
          ngoId: ctx.world.ids.ngo,
          deliveryId: d.id,
          deliveryDate: d.date,
          serviceId: d.serviceId,
          date: '2026-01-06',
          groupIds: [ctx.world.ids.groupA],
          participants: 12,
          women: 12,
          reason: 'one group, not the commune',
        };
      },
    ],
    [
      'withdrawDelivery',
      () => ctx.world.token.ngoStaff,
      C.withdrawDelivery,
      async () => {
        const d = await delivered();
        return { ngoId: ctx.world.ids.ngo, deliveryId: d.id, deliveryDate: d.date, reason: 'recorded twice' };
      },
    ],
    [
      'revokeGrant',
      () => ctx.world.token.treasurerA,
      A.revoke,
      async () => ({ groupId: ctx.world.ids.groupA, grantId: await active(), reason: 'done' }),
    ],
  ];
}
