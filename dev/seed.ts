/**
 * Seeds demo data through the same GraphQL mutations officers and administrators use, so demo
 * data obeys every rule. Only the first administrator is written directly: someone has to be
 * allowed to create the rest. Every call has a fixed idempotency key, so seeding twice is safe.
 */
import type { Hono } from 'hono';
import { PLATFORM_ID } from '#core/roles.ts';
import type { Db } from '#store/db.ts';
import { putRoleWrite, putUserWrite } from '#store/users.ts';
import { transactWrite } from '#store/db.ts';
import { DEMO_BANK, DEMO_FEDERATIONS, DEMO_GROUPS, DEMO_NGO, DEMO_USERS, demoMemberNames } from './demo-data.ts';
import { graphqlOk } from './graphql-client.ts';
import { DEMO_REGULAR_SAVING, demoMeetings } from './demo-books.ts';
import { cambodiaDate } from '#core/validation.ts';
import { addMonths } from '#core/loans.ts';

export interface SeedDeps {
  db: Db;
  app: Hono<any>;
  /** Signs a short-lived token for a demo subject. */
  tokenFor(sub: string): Promise<string>;
  now?: Date;
  /**
   * Sets the app's clock while a past meeting is recorded (null: back to real time), so groups
   * that keep their books promptly look it. Without it every demo year is synced at once.
   */
  recordAt?: (when: Date | null) => void;
}

/** The groups the demo bank has asked for access. */
const BANK_ASKS = new Set(['tataok', 'kampong-lpov-oldest', 'chi-kraeng', 'kampong-kdei']);

/** Groups whose treasurer recorded each meeting two days after it; the others synced a year at once. */
const PROMPT_GROUPS = new Set(['tataok', 'kampong-lpov-oldest', 'chi-kraeng', 'kampong-kdei']);

export async function seedDemoData({ db, app, tokenFor, now = new Date(), recordAt }: SeedDeps): Promise<void> {
  await transactWrite(db, [
    putUserWrite(db, { id: 'demo-admin', displayName: 'Platform Admin', createdAt: now.toISOString() }).write,
    putRoleWrite(db, 'demo-admin', { tenantType: 'PLATFORM', tenantId: PLATFORM_ID, role: 'ADMIN' }, now).write,
  ]);
  const admin = await tokenFor('demo-admin');
  const call = (token: string, query: string, input: Record<string, unknown>) =>
    graphqlOk(app, token, query, { input });

  for (const user of DEMO_USERS.filter((u) => u.sub !== 'demo-admin')) {
    await call(admin, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      idempotencyKey: `seed-user-${user.sub}`,
      userId: user.sub,
      displayName: user.displayName,
    });
  }

  const federationIds: Record<string, string> = {};
  for (const [key, federation] of Object.entries(DEMO_FEDERATIONS)) {
    const data = await call(
      admin,
      'mutation($input: CreateFederationInput!) { createFederation(input: $input) { id } }',
      {
        idempotencyKey: `seed-federation-${key}`,
        ...federation,
      },
    );
    federationIds[key] = data.createFederation.id;
  }
  const assign = (userId: string, tenantType: string, tenantId: string, role: string) =>
    call(admin, 'mutation($input: AssignRoleInput!) { assignRole(input: $input) { role } }', {
      idempotencyKey: `seed-role-${userId}-${tenantType}`,
      userId,
      tenantType,
      tenantId,
      role,
    });
  await assign('demo-coordinator', 'FEDERATION', federationIds.siemReap!, 'COORDINATOR');

  const bank = await call(admin, 'mutation($input: CreateOrganisationInput!) { createBank(input: $input) { id } }', {
    idempotencyKey: 'seed-bank',
    name: DEMO_BANK,
  });
  await assign('demo-bank-officer', 'BANK', bank.createBank.id, 'LOAN_OFFICER');
  const ngo = await call(admin, 'mutation($input: CreateOrganisationInput!) { createNgo(input: $input) { id } }', {
    idempotencyKey: 'seed-ngo',
    name: DEMO_NGO,
  });
  await assign('demo-ngo-staff', 'NGO', ngo.createNgo.id, 'STAFF');

  const groupIds: Record<string, string> = {};
  for (const group of DEMO_GROUPS) {
    const created = await call(admin, 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }', {
      idempotencyKey: `seed-group-${group.key}`,
      name: group.name,
      placeCode: group.placeCode,
      currency: 'KHR',
      meetingSchedule: group.meetingSchedule,
      formedOn: group.formedOn,
      federationId: group.federation ? federationIds[group.federation] : null,
    });
    const groupId: string = created.createGroup.id;
    groupIds[group.key] = groupId;
    const appoint = (userId: string, role: string) =>
      call(admin, 'mutation($input: AppointOfficerInput!) { appointOfficer(input: $input) { role } }', {
        idempotencyKey: `seed-officer-${group.key}-${role}`,
        groupId,
        userId,
        role,
        from: group.formedOn,
      });
    // The demo officers serve the Ta Taok group, the one the seed story singles out.
    if (group.key === 'tataok') {
      await appoint('demo-treasurer', 'TREASURER');
      await appoint('demo-president', 'PRESIDENT');
      await appoint('demo-secretary', 'SECRETARY');
    } else {
      // Every other group gets its own treasurer (who keeps its books) and president (who
      // appoints its officers), so each job can be tried on a group of its own.
      for (const [userId, role, title] of [
        [`demo-officer-${group.key}`, 'TREASURER', 'Treasurer'],
        [`demo-president-${group.key}`, 'PRESIDENT', 'President'],
      ] as const) {
        await call(admin, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
          idempotencyKey: `seed-user-${userId}`,
          userId,
          displayName: `${title} of ${group.name}`,
        });
        await appoint(userId, role);
      }
    }
    const officerToken = await tokenFor(group.key === 'tataok' ? 'demo-treasurer' : `demo-officer-${group.key}`);
    const memberIds: string[] = [];
    for (const [i, member] of demoMemberNames(group).entries()) {
      const added = await call(officerToken, 'mutation($input: AddMemberInput!) { addMember(input: $input) { id } }', {
        idempotencyKey: `seed-member-${group.key}-${i}`,
        groupId,
        name: member.name,
        sex: member.sex,
        joinedOn: group.formedOn,
      });
      memberIds.push(added.addMember.id);
    }
    await call(
      officerToken,
      'mutation($input: SetConstitutionInput!) { setConstitution(input: $input) { effectiveFrom } }',
      {
        idempotencyKey: `seed-constitution-${group.key}`,
        groupId,
        effectiveFrom: group.formedOn,
        meetingSchedule: group.meetingSchedule,
        regularSaving: DEMO_REGULAR_SAVING[group.key]!.toString(),
        monthlyInterestBasisPoints: 500, // Ta Taok's 5% a month (seed 000)
        interestMethod: 'FLAT',
        maxLoanToSavingsPercent: 300,
        maxLoanTermMonths: 12,
        absenceFine: '1000',
        lateRepaymentFine: '2000',
        socialFundContribution: '500',
      },
    );
    const meetings = demoMeetings(group, groupId, memberIds, cambodiaDate(now));
    if (recordAt && PROMPT_GROUPS.has(group.key)) {
      // Recorded two days after each meeting, as a prompt treasurer does.
      try {
        for (const meeting of meetings) {
          recordAt(new Date(Date.parse(`${meeting.date}T03:00:00Z`) + 2 * 86_400_000));
          await call(
            officerToken,
            'mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }',
            meeting as unknown as Record<string, unknown>,
          );
        }
      } finally {
        recordAt(null);
      }
    } else {
      // A year of meetings, synced the way a treasurer's phone would after months offline.
      for (let i = 0; i < meetings.length; i += 60) {
        const synced = await graphqlOk(
          app,
          officerToken,
          'mutation($input: SyncMeetingsInput!) { syncMeetings(input: $input) { rejected results { error { message } } } }',
          {
            input: { meetings: meetings.slice(i, i + 60) },
          },
        );
        if (synced.syncMeetings.rejected > 0)
          throw new Error(
            `demo meetings of ${group.key} were rejected: ${JSON.stringify(synced.syncMeetings.results)}`,
          );
      }
    }

    // The demo bank asks four groups for access: Ta Taok's treasurer (a demo sign-in) has a request
    // waiting; a healthy, a slipping and a struggling group have granted theirs, so the bank can
    // read a grade of each kind.
    if (BANK_ASKS.has(group.key)) {
      const bankOfficer = await tokenFor('demo-bank-officer');
      const asked = await call(
        bankOfficer,
        'mutation($input: RequestAccessInput!) { requestAccess(input: $input) { id } }',
        {
          idempotencyKey: `seed-access-${group.key}`,
          groupId,
          purpose: 'LOAN_ASSESSMENT',
          scopes: ['SAVINGS_SUMMARY', 'LOAN_BOOK_QUALITY', 'MEETING_DISCIPLINE', 'CREDIT_GRADE', 'BANK_LOAN_HISTORY'],
          dataRange: { from: addMonths(cambodiaDate(now), -12), to: addMonths(cambodiaDate(now), 12) },
          durationMonths: 6,
          message: 'ធនាគារពិចារណាប្រាក់កម្ចីក្រុម ២,០០០,០០០ រៀល (a 2,000,000 riel group loan)',
        },
      );
      if (group.key !== 'tataok') {
        await call(
          officerToken,
          'mutation($input: DecideAccessRequestInput!) { approveAccessRequest(input: $input) { id } }',
          {
            idempotencyKey: `seed-grant-${group.key}`,
            groupId,
            requestId: asked.requestAccess.id,
            reason: 'agreed at the monthly meeting',
          },
        );
      }
    }
  }

  // KCDA's programme in Samlout (seed 000): safe water, sanitation and health sessions for the
  // Battambang groups, and domestic-violence awareness for Kampong Lpov commune as a whole.
  const ngoStaff = await tokenFor('demo-ngo-staff');
  const ngoId: string = ngo.createNgo.id;
  await call(ngoStaff, 'mutation($input: SetNgoSectorsInput!) { setNgoSectors(input: $input) { id } }', {
    idempotencyKey: 'seed-ngo-sectors',
    ngoId,
    sectors: ['WATER_SANITATION_HYGIENE', 'HEALTH', 'GENDER'],
  });
  const service = async (key: string, name: string, sector: string) =>
    (
      await call(ngoStaff, 'mutation($input: RegisterServiceInput!) { registerService(input: $input) { id } }', {
        idempotencyKey: `seed-service-${key}`,
        ngoId,
        name,
        sector,
      })
    ).registerService.id as string;
  const water = await service('water', 'Safe water and sanitation sessions', 'WATER_SANITATION_HYGIENE');
  const gender = await service('gender', 'Domestic violence awareness', 'GENDER');
  const battambang = DEMO_GROUPS.filter((g) => g.placeCode.startsWith('02')).map((g) => groupIds[g.key]!);
  await call(ngoStaff, 'mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { id } }', {
    idempotencyKey: 'seed-delivery-water',
    ngoId,
    serviceId: water,
    date: addMonths(cambodiaDate(now), -3),
    groupIds: battambang,
    participants: 41,
    women: 39,
  });
  await call(ngoStaff, 'mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { id } }', {
    idempotencyKey: 'seed-delivery-gender',
    ngoId,
    serviceId: gender,
    date: addMonths(cambodiaDate(now), -2),
    communeCode: '020902',
    participants: 60,
    women: 52,
  });
}
