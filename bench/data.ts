/**
 * Benchmark data, built through the real API except where that would take hours: the thousands
 * of other groups of the "large" set are copies of a real group's items (group, books, activity),
 * re-keyed with the store's key layout and counted by the real aggregator.
 */
import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { PLATFORM_ID } from '#core/roles.ts';
import { allCommunesIn } from '#core/places.ts';
import { transactWrite, type Db } from '#store/db.ts';
import { keys } from '#store/keys.ts';
import { applyRollups } from '#store/rollups.ts';
import { recountAllCoverage } from '#store/coverage-counts.ts';
import { SECTORS } from '#core/coverage.ts';
import { putRoleWrite, putUserWrite } from '#store/users.ts';
import { generateLocalKeyPair, signLocalToken } from '#auth/tokens.ts';
import { graphqlOk } from '../dev/graphql-client.ts';
import { createLocalApp } from '../dev/local-app.ts';
import { ensureTable } from '../dev/table.ts';

export const TODAY = '2026-11-22';
export const NOW = new Date(`${TODAY}T03:00:00Z`);
const MEMBERS = 20;

export interface BenchWorld {
  db: Db;
  app: ReturnType<typeof createLocalApp>['app'];
  token: Record<'admin' | 'treasurer' | 'coordinator' | 'bank' | 'ngo', string>;
  ids: { federation: string; group: string; members: string[]; bank: string; ngo: string };
  groups: number;
  months: number;
  table: string;
  publicJwk: JsonWebKey;
}

let keyCounter = 0;
const ikey = (label: string) => `bench-${label}-${++keyCounter}-${Math.random().toString(36).slice(2, 8)}`;

/** The first Tuesday of a month ("YYYY-MM"), the demo groups' meeting day. */
export function firstTuesday(month: string): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  while (d.getUTCDay() !== 2) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Months back from November 2026, oldest first: ["2021-12", …, "2026-11"]. */
export function monthsEndingNow(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(2026, 10 - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/**
 * A month's meeting of `members`: everyone present, each saves 5,000 riel; from the 13th meeting
 * on, each January two members borrow 50,000 for 10 months and repay 7,500 a month (5% flat).
 */
export function meetingInput(groupId: string, members: string[], month: string, index: number) {
  const date = firstTuesday(month);
  const entries: Record<string, unknown>[] = members.map((m, i) => ({
    id: `s${i}`,
    kind: 'SAVING',
    amount: '5000',
    memberId: m,
  }));
  const cycle = Math.floor(index / 12);
  const inCycle = index % 12;
  if (cycle >= 1 && inCycle === 0)
    for (const b of [0, 1])
      entries.push({ id: `l${b}`, kind: 'LOAN_DISBURSEMENT', amount: '50000', memberId: members[b], termMonths: 10 });
  if (cycle >= 1 && inCycle >= 1 && inCycle <= 10) {
    for (const b of [0, 1])
      entries.push({
        id: `r${b}`,
        kind: 'REPAYMENT',
        amount: '7500',
        memberId: members[b],
        loanId: `${groupId}-${cycle}-${b}`,
      });
  }
  return {
    idempotencyKey: `meeting-${groupId}-${month}`,
    groupId,
    date,
    attendance: members.map((m) => ({ memberId: m, status: 'PRESENT' })),
    minutes: [{ agendaItem: 'ការសន្សំប្រចាំខែ', discussed: true, decision: 'សមាជិកទាំងអស់បានសន្សំ' }],
    entries,
  };
}

const q = {
  createFederation: 'mutation($input: CreateFederationInput!) { createFederation(input: $input) { id } }',
  createUser: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
  assignRole: 'mutation($input: AssignRoleInput!) { assignRole(input: $input) { role } }',
  createGroup: 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }',
  appoint: 'mutation($input: AppointOfficerInput!) { appointOfficer(input: $input) { role } }',
  addMember: 'mutation($input: AddMemberInput!) { addMember(input: $input) { id } }',
  constitution: 'mutation($input: SetConstitutionInput!) { setConstitution(input: $input) { effectiveFrom } }',
  sync: 'mutation($input: SyncMeetingsInput!) { syncMeetings(input: $input) { applied rejected results { error { message } } } }',
  createBank: 'mutation($input: CreateOrganisationInput!) { createBank(input: $input) { id } }',
  createNgo: 'mutation($input: CreateOrganisationInput!) { createNgo(input: $input) { id } }',
  request: 'mutation($input: RequestAccessInput!) { requestAccess(input: $input) { id } }',
  approve: 'mutation($input: DecideAccessRequestInput!) { approveAccessRequest(input: $input) { id } }',
  service: 'mutation($input: RegisterServiceInput!) { registerService(input: $input) { id } }',
  deliver: 'mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { id } }',
};

/** A group with 20 members, its constitution and `months` monthly meetings (loans from the second year). */
/** With `sync` false the meetings are returned unsent, for a caller to measure syncing them. */
export async function groupWithBooks(
  w: Pick<BenchWorld, 'app' | 'token'>,
  federationId: string,
  treasurerToken: string,
  treasurerId: string,
  months: number,
  sync = true,
) {
  const placeCode = '170402';
  const as = (t: string, doc: string, input: Record<string, unknown>) =>
    graphqlOk(w.app, t, doc, { input: { idempotencyKey: ikey('m'), ...input } });
  const history = monthsEndingNow(months);
  const formedOn = `${history[0]}-01`;
  const group = (
    await as(w.token.admin, q.createGroup, {
      name: 'ក្រុមជួយខ្លួនឯង',
      placeCode,
      currency: 'KHR',
      meetingSchedule: { frequency: 'MONTHLY', weekday: 'TUESDAY', weekOfMonth: 1 },
      formedOn,
      federationId,
    })
  ).createGroup.id as string;
  await as(w.token.admin, q.appoint, { groupId: group, userId: treasurerId, role: 'TREASURER', from: formedOn });
  const members: string[] = [];
  for (let i = 0; i < MEMBERS; i++)
    members.push(
      (
        await as(treasurerToken, q.addMember, {
          groupId: group,
          name: `សមាជិក ${i + 1}`,
          sex: i < 18 ? 'FEMALE' : 'MALE',
          joinedOn: formedOn,
        })
      ).addMember.id,
    );
  await as(treasurerToken, q.constitution, {
    groupId: group,
    effectiveFrom: formedOn,
    meetingSchedule: { frequency: 'MONTHLY', weekday: 'TUESDAY', weekOfMonth: 1 },
    regularSaving: '5000',
    monthlyInterestBasisPoints: 500,
    interestMethod: 'FLAT',
    maxLoanToSavingsPercent: 300,
    maxLoanTermMonths: 12,
    absenceFine: '1000',
    lateRepaymentFine: '2000',
    socialFundContribution: '500',
  });
  const meetings = history.map((m, i) => meetingInput(group, members, m, i));
  // Loan ids are the disbursement entries' ids; make them unique per cycle.
  for (const [i, m] of meetings.entries()) {
    for (const e of m.entries) {
      if (e.kind === 'LOAN_DISBURSEMENT') e.id = `${group}-${Math.floor(i / 12)}-${(e.id as string).slice(1)}`;
    }
  }
  for (let i = 0; sync && i < meetings.length; i += 60) {
    const r = await graphqlOk(w.app, treasurerToken, q.sync, { input: { meetings: meetings.slice(i, i + 60) } });
    if (r.syncMeetings.rejected)
      throw new Error(`bench meetings rejected: ${JSON.stringify(r.syncMeetings.results.filter((x: any) => x.error))}`);
  }
  return { group, members, meetings };
}

/** `groups` groups in one federation; the measured one has `months` of meetings. */
export async function buildBenchWorld(
  endpoint: string,
  table: string,
  groups: number,
  months: number,
  log: (s: string) => void,
): Promise<BenchWorld> {
  const key = await generateLocalKeyPair();
  const { db, app } = createLocalApp({ endpoint, table, key, now: () => NOW });
  await ensureTable(db.client, table);
  await transactWrite(db, [
    putUserWrite(db, { id: 'admin', displayName: 'Admin', createdAt: NOW.toISOString() }).write,
    putRoleWrite(db, 'admin', { tenantType: 'PLATFORM', tenantId: PLATFORM_ID, role: 'ADMIN' }, NOW).write,
  ]);
  const tokenFor = (sub: string) => signLocalToken(key.privateJwk, sub, 24 * 3600);
  const token = {
    admin: await tokenFor('admin'),
    treasurer: await tokenFor('treasurer'),
    coordinator: await tokenFor('coordinator'),
    bank: await tokenFor('bank'),
    ngo: await tokenFor('ngo'),
  };
  const w = { app, token };
  const as = (t: string, doc: string, input: Record<string, unknown>) =>
    graphqlOk(app, t, doc, { input: { idempotencyKey: ikey('w'), ...input } });
  for (const u of ['treasurer', 'coordinator', 'bank', 'ngo', 'other-treasurer'])
    await as(token.admin, q.createUser, { userId: u, displayName: u });
  const federation = (await as(token.admin, q.createFederation, { name: 'Siem Reap Federation', placeCode: '17' }))
    .createFederation.id as string;
  await as(token.admin, q.assignRole, {
    userId: 'coordinator',
    tenantType: 'FEDERATION',
    tenantId: federation,
    role: 'COORDINATOR',
  });
  const bank = (await as(token.admin, q.createBank, { name: 'Rural Bank' })).createBank.id as string;
  await as(token.admin, q.assignRole, { userId: 'bank', tenantType: 'BANK', tenantId: bank, role: 'LOAN_OFFICER' });
  const ngo = (await as(token.admin, q.createNgo, { name: 'KCDA' })).createNgo.id as string;
  await as(token.admin, q.assignRole, { userId: 'ngo', tenantType: 'NGO', tenantId: ngo, role: 'STAFF' });

  log(`  measured group: ${months} month(s) of meetings`);
  const { group, members } = await groupWithBooks(w, federation, token.treasurer, 'treasurer', months);
  const asked = (
    await as(token.bank, q.request, {
      groupId: group,
      purpose: 'LOAN_ASSESSMENT',
      scopes: ['SAVINGS_SUMMARY', 'LOAN_BOOK_QUALITY', 'MEETING_DISCIPLINE', 'CREDIT_GRADE', 'BANK_LOAN_HISTORY'],
      dataRange: { from: '2020-01-01', to: '2027-12-31' },
      durationMonths: 12,
    })
  ).requestAccess.id;
  await as(token.treasurer, q.approve, { groupId: group, requestId: asked });
  const service = (
    await as(token.ngo, q.service, { ngoId: ngo, name: 'Safe water', sector: 'WATER_SANITATION_HYGIENE' })
  ).registerService.id;
  await as(token.ngo, q.deliver, {
    ngoId: ngo,
    serviceId: service,
    date: '2026-10-01',
    communeCode: '170402',
    participants: 30,
    women: 28,
  });

  log(`  ${groups - 1} other groups`);
  const others = await cloneGroups(db, group, federation, groups - 1);
  log('  rollups (the aggregator over every group)');
  const all = [group, ...others];
  for (let i = 0; i < all.length; i += 500) {
    const failed = await applyRollups(db, all.slice(i, i + 500), TODAY);
    if (failed.length) throw new Error(`rollups failed for ${failed.length} groups`);
  }
  // Both sets' NGO delivered to every commune of the district in three sectors — the small set once,
  // the large one every month of a year — so their coverage grids have the same cells, with 10 groups
  // and 31 deliveries behind them in one and 10,000 groups and 361 deliveries in the other.
  const rounds = groups > 10 ? 12 : 1;
  log(`  ${rounds} round(s) of deliveries to every commune of Chi Kraeng, in three sectors`);
  for (const sector of ['WATER_SANITATION_HYGIENE', 'HEALTH', 'EDUCATION']) {
    const id = (await as(token.ngo, q.service, { ngoId: ngo, name: `Monthly ${sector}`, sector })).registerService.id;
    for (const commune of allCommunesIn('1704'))
      for (let m = 0; m < rounds; m++)
        await as(token.ngo, q.deliver, {
          ngoId: ngo,
          serviceId: id,
          date: `${m === 0 ? '2025-12' : `2026-${String(m).padStart(2, '0')}`}-01`,
          communeCode: commune.code,
          participants: 30,
          women: 28,
        });
  }
  log('  coverage (the aggregator over every delivery)');
  await recountAllCoverage(db, SECTORS, TODAY);
  return {
    db,
    app,
    token,
    ids: { federation, group, members, bank, ngo },
    groups,
    months,
    table,
    publicJwk: key.publicJwk,
  };
}

/** Copies of the template group's own items (group, books, activity) under new ids, spread over Siem Reap's communes. */
async function cloneGroups(db: Db, template: string, federationId: string, count: number): Promise<string[]> {
  const read = async (key: { pk: string; sk: string }) =>
    (await db.doc.send(new GetCommand({ TableName: db.table, Key: key }))).Item!;
  const [group, books, activity] = await Promise.all([
    read(keys.group(template)),
    read(keys.books(template)),
    read(keys.activity(template)),
  ]);
  const communes = allCommunesIn('17').map((c) => c.code);
  const ids: string[] = [];
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    let items = batch.map((Item) => ({ PutRequest: { Item } }));
    batch = [];
    while (items.length) {
      const out = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.table]: items } }));
      items = (out.UnprocessedItems?.[db.table] ?? []) as typeof items;
    }
  };
  for (let i = 0; i < count; i++) {
    const id = `g${String(i).padStart(6, '0')}`;
    const placeCode = communes[i % communes.length]!;
    ids.push(id);
    batch.push(
      {
        ...group,
        ...keys.group(id),
        ...keys.groupInFederation(federationId, id),
        ...keys.groupAtPlace(placeCode, id),
        id,
        placeCode,
        name: `ក្រុម ${i + 1}`,
      },
      { ...books, ...keys.books(id), groupId: id },
      { ...activity, ...keys.activity(id), groupId: id },
    );
    if (batch.length >= 24) await flush();
  }
  if (batch.length) await flush();
  return ids;
}
