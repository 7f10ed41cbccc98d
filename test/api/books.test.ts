/** Integration tier (DynamoDB Local): the group's books through the API. */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { B, constitution } from '../helpers/books.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';

let env: IntegrationEnv;
let world: World;
let A: string;
let m1: string;
let m2: string;

beforeAll(async () => {
  env = await integrationEnv();
  world = await buildWorld(env);
  A = world.ids.groupA;
  m1 = world.ids.memberA;
  const members = await graphqlOk(
    env.app,
    world.token.treasurerA,
    'query($id: ID!) { group(id: $id) { members { nodes { id } } } }',
    { id: A },
  );
  m2 = members.group.members.nodes.map((n: any) => n.id).find((id: string) => id !== m1);
  await graphqlOk(env.app, world.token.treasurerA, B.setConstitution, { input: constitution(A, ikey()) });
});

const t = () => world.token.treasurerA;
const books = async () => (await graphqlOk(env.app, t(), B.books, { id: A })).group.books;
const attendance = () => [
  { memberId: m1, status: 'PRESENT' },
  { memberId: m2, status: 'REPRESENTED' },
];
const meeting = (date: string, entries: unknown[], key = ikey()) => ({
  idempotencyKey: key,
  groupId: A,
  date,
  attendance: attendance(),
  minutes: [
    { agendaItem: 'ទិញសម្ភារៈ', discussed: true, decision: 'សមាជិក ២ នាក់នឹងទិញនៅថ្ងៃទី ៦' },
    { agendaItem: 'របាយការណ៍លក់មាន់', discussed: false, decision: null },
  ],
  entries,
});

describe('recording a meeting', () => {
  it('keeps attendance, Khmer minutes and money together, and the balances follow', async () => {
    const before = await books();
    const r = await graphqlOk(env.app, t(), B.recordMeeting, {
      input: meeting('2024-02-06', [
        { id: 's1', kind: 'SAVING', amount: '100000', memberId: m1 },
        { id: 's2', kind: 'SAVING', amount: '50000', memberId: m2 },
        { id: 'sf1', kind: 'SOCIAL_FUND_CONTRIBUTION', amount: '500', memberId: m1 },
        { id: 'f1', kind: 'FINE', amount: '1000', memberId: m2, note: 'late' },
        { id: 'bd1', kind: 'BANK_DEPOSIT', amount: '20000' },
      ]),
    });
    expect(r.recordMeeting).toMatchObject({ id: 'M-2024-02-06', date: '2024-02-06', presentCount: 2 });
    expect(r.recordMeeting.minutes[0]).toEqual({
      agendaItem: 'ទិញសម្ភារៈ',
      discussed: true,
      decision: 'សមាជិក ២ នាក់នឹងទិញនៅថ្ងៃទី ៦',
    });
    const after = await books();
    expect(BigInt(after.balances.cash) - BigInt(before.balances.cash)).toBe(100000n + 50000n + 500n + 1000n - 20000n);
    expect(BigInt(after.balances.savings) - BigInt(before.balances.savings)).toBe(150000n);
    expect(BigInt(after.balances.bank) - BigInt(before.balances.bank)).toBe(20000n);
  });

  it('a second meeting on the same date is refused, whoever records it', async () => {
    const r = await graphql(env.app, world.token.secretaryA, B.recordMeeting, { input: meeting('2024-02-06', []) });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.date' });
  });

  it('attendance must list every member once', async () => {
    const r = await graphql(env.app, t(), B.recordMeeting, {
      input: { ...meeting('2024-02-13', []), attendance: [{ memberId: m1, status: 'PRESENT' }] },
    });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attendance' });
    const twice = await graphql(env.app, t(), B.recordMeeting, {
      input: { ...meeting('2024-02-13', []), attendance: [...attendance(), { memberId: m1, status: 'ABSENT' }] },
    });
    expect(twice.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.attendance.2.memberId',
    });
  });

  it('replaying the same meeting gives the same answer and writes once', async () => {
    const input = meeting('2024-03-05', [{ id: 's1', kind: 'SAVING', amount: '5000', memberId: m1 }]);
    const first = await graphqlOk(env.app, t(), B.recordMeeting, { input });
    const cash = (await books()).balances.cash;
    const again = await graphqlOk(env.app, t(), B.recordMeeting, { input });
    expect(again).toEqual(first);
    expect((await books()).balances.cash).toBe(cash);
  });
});

describe('the list of meetings', () => {
  it('pages by meetings: money recorded between them does not push a meeting off the first page', async () => {
    // The meetings of 2024-02-06 and 2024-03-05 are recorded above; three postings follow, none a meeting.
    const between = async (date: string, kind: string) =>
      graphqlOk(env.app, t(), B.recordEntries, {
        input: {
          idempotencyKey: ikey(),
          groupId: A,
          date,
          entries: [{ id: 'e1', kind, amount: '1000', note: 'between meetings' }],
        },
      });
    await between('2024-03-10', 'OTHER_INCOME');
    await between('2024-03-11', 'OTHER_INCOME');
    await between('2024-03-12', 'OTHER_INCOME');
    const list = `query($id: ID!, $after: String) { group(id: $id) { meetings(first: 1, after: $after, from: "2024-01-01", to: "2024-03-31") { nodes { date } pageInfo { hasNextPage endCursor } } } }`;
    const first = (await graphqlOk(env.app, t(), list, { id: A })).group.meetings;
    expect(first.nodes).toEqual([{ date: '2024-03-05' }]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await graphqlOk(env.app, t(), list, { id: A, after: first.pageInfo.endCursor })).group.meetings;
    expect(second.nodes).toEqual([{ date: '2024-02-06' }]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});

describe('bad input is refused with the field named, and nothing changes', () => {
  const cases: [string, () => unknown[], string, string?][] = [
    ['negative riel', () => [{ id: 'x', kind: 'SAVING', amount: '-5', memberId: m1 }], 'input.entries.0.amount'],
    ['fractional riel', () => [{ id: 'x', kind: 'SAVING', amount: '12.5', memberId: m1 }], 'input.entries.0.amount'],
    ['zero', () => [{ id: 'x', kind: 'SAVING', amount: '0', memberId: m1 }], 'input.entries.0.amount'],
    [
      'an unknown member',
      () => [{ id: 'x', kind: 'SAVING', amount: '5', memberId: 'nobody-here' }],
      'input.entries.0.memberId',
    ],
    [
      'a member of another group',
      () => [{ id: 'x', kind: 'SAVING', amount: '5', memberId: world.ids.memberB }],
      'input.entries.0.memberId',
    ],
    [
      'a loan beyond the constitution’s limit',
      () => [{ id: 'big', kind: 'LOAN_DISBURSEMENT', amount: '999999999', memberId: m1, termMonths: 3 }],
      'input.entries.1.amount',
    ],
    [
      'a loan longer than allowed',
      () => [{ id: 'long', kind: 'LOAN_DISBURSEMENT', amount: '1000', memberId: m1, termMonths: 24 }],
      'input.entries.1.termMonths',
    ],
    [
      'a repayment of no loan',
      () => [{ id: 'x', kind: 'REPAYMENT', amount: '5', loanId: 'no-loan' }],
      'input.entries.0.loanId',
    ],
    [
      'more cash out than the box holds',
      () => [{ id: 'x', kind: 'OTHER_EXPENSE', amount: '999999999999' }],
      'input.entries.0.amount',
    ],
    [
      'a payout without a reason',
      () => [{ id: 'x', kind: 'SOCIAL_FUND_PAYOUT', amount: '1' }],
      'input.entries.0.payoutReason',
    ],
    [
      'the same entry id twice',
      () => [
        { id: 'd', kind: 'SAVING', amount: '1', memberId: m1 },
        { id: 'd', kind: 'SAVING', amount: '1', memberId: m1 },
      ],
      'input.entries.1.id',
    ],
  ];
  it.each(cases)('%s', async (_label, entries, field) => {
    const list = entries();
    // A valid first entry proves that the whole meeting is refused, not just the bad line.
    const withValidFirst = field.includes('entries.1') ? list : list;
    const before = await graphqlOk(env.app, t(), B.cashBook, {
      id: A,
      from: '2020-01-01',
      to: '2026-12-31',
      first: 100,
    });
    const bal = await books();
    const date = '2024-04-02';
    const all =
      field === 'input.entries.1.amount' || field === 'input.entries.1.termMonths'
        ? [{ id: 'ok', kind: 'SAVING', amount: '1', memberId: m1 }, ...withValidFirst]
        : withValidFirst;
    const r = await graphql(env.app, t(), B.recordMeeting, { input: meeting(date, all) });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(r.errors![0]!.extensions!.messageKm).toBeTruthy();
    expect(await books()).toEqual(bal);
    expect(
      await graphqlOk(env.app, t(), B.cashBook, { id: A, from: '2020-01-01', to: '2026-12-31', first: 100 }),
    ).toEqual(before);
  });

  it('a date before the group was formed, or in the future', async () => {
    for (const [date, message] of [
      ['2019-12-31', /before the group was formed/],
      ['2027-01-01', /future/],
    ] as const) {
      const r = await graphql(env.app, t(), B.recordMeeting, {
        input: meeting(date, [{ id: 'x', kind: 'SAVING', amount: '1', memberId: m1 }]),
      });
      expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.date' });
      expect(r.errors![0]!.message).toMatch(message);
    }
  });

  it('a rejected meeting stays rejected when replayed, even after the books change', async () => {
    const input = meeting('2024-04-09', [{ id: 'x', kind: 'OTHER_EXPENSE', amount: '3000000' }]);
    const first = await graphql(env.app, t(), B.recordMeeting, { input });
    await graphqlOk(env.app, t(), B.recordEntries, {
      input: {
        idempotencyKey: ikey(),
        groupId: A,
        date: '2024-04-08',
        entries: [{ id: 'big', kind: 'OTHER_INCOME', amount: '5000000' }],
      },
    });
    const again = await graphql(env.app, t(), B.recordMeeting, { input });
    expect(again.errors).toEqual(first.errors);
    // Undo the income for the tests that follow.
    const cb = await graphqlOk(env.app, t(), B.cashBook, { id: A, from: '2024-04-08', to: '2024-04-08' });
    await graphqlOk(env.app, t(), B.reverseEntry, {
      input: {
        idempotencyKey: ikey(),
        groupId: A,
        entryRef: cb.group.cashBook.entries[0].ref,
        date: '2024-04-08',
        reason: 'test',
      },
    });
  });
});

describe('loans', () => {
  let loanId: string;
  it('a loan is made at 5% a month under the constitution, with its schedule', async () => {
    loanId = 'loan-1';
    await graphqlOk(env.app, t(), B.recordEntries, {
      input: {
        idempotencyKey: ikey(),
        groupId: A,
        date: '2024-05-07',
        entries: [{ id: loanId, kind: 'LOAN_DISBURSEMENT', amount: '100000', memberId: m1, termMonths: 4 }],
      },
    });
    const loans = (await graphqlOk(env.app, t(), B.loans, { id: A })).group.loans;
    const loan = loans.find((l: any) => l.id === loanId);
    expect(loan).toMatchObject({ status: 'ACTIVE', principal: '100000', outstanding: '100000', member: { id: m1 } });
    expect(loan.schedule.map((i: any) => i.total)).toEqual(['30000', '30000', '30000', '30000']);
  });

  it('the same loan id cannot be used twice', async () => {
    const r = await graphql(env.app, t(), B.recordEntries, {
      input: {
        idempotencyKey: ikey(),
        groupId: A,
        date: '2024-05-08',
        entries: [{ id: loanId, kind: 'LOAN_DISBURSEMENT', amount: '1000', memberId: m2, termMonths: 2 }],
      },
    });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.entries.0.id' });
  });

  it('50 concurrent repayments on one loan: nothing lost, nothing doubled', async () => {
    const before = await books();
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        graphql(env.app, t(), B.recordEntries, {
          input: {
            idempotencyKey: ikey(),
            groupId: A,
            date: '2024-05-20',
            entries: [{ id: 'rp', kind: 'REPAYMENT', amount: '1000', loanId }],
          },
        }),
      ),
    );
    const failures = results.filter((r) => r.errors);
    expect(failures.map((f) => f.errors)).toEqual([]);
    const after = await books();
    expect(BigInt(after.balances.cash) - BigInt(before.balances.cash)).toBe(50_000n);
    const loan = (await graphqlOk(env.app, t(), B.loans, { id: A })).group.loans.find((l: any) => l.id === loanId);
    // The first 5,000 paid May's interest; the other 45,000 went to principal.
    expect(loan).toMatchObject({ interestPaid: '5000', principalPaid: '45000', outstanding: '55000' });
    const sequences = results.map((r) => r.data!.recordEntries.sequence);
    expect(new Set(sequences).size).toBe(50);
    // 50 transactions racing on one loan retry one another: minutes on a loaded 2-core machine, not a timed test.
  }, 180_000);

  it('a repayment above the balance is refused and changes nothing', async () => {
    const before = await books();
    const r = await graphql(env.app, t(), B.recordEntries, {
      input: {
        idempotencyKey: ikey(),
        groupId: A,
        date: '2024-05-21',
        entries: [{ id: 'too-much', kind: 'REPAYMENT', amount: '55001', loanId }],
      },
    });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.entries.0.amount' });
    expect(await books()).toEqual(before);
  });

  it('a loan repaid in full closes and leaves the books', async () => {
    await graphqlOk(env.app, t(), B.recordEntries, {
      input: {
        idempotencyKey: ikey(),
        groupId: A,
        date: '2024-05-21',
        entries: [{ id: 'payoff', kind: 'REPAYMENT', amount: '55000', loanId }],
      },
    });
    const loan = (await graphqlOk(env.app, t(), B.loans, { id: A })).group.loans.find((l: any) => l.id === loanId);
    expect(loan).toMatchObject({ status: 'CLOSED', outstanding: '0', principalPaid: '100000', interestPaid: '5000' });
    expect((await books()).balances.loansOutstanding).toBe('0');
  });
});

describe('write-offs', () => {
  it('a loan the group gives up on leaves the books whole, counted as written off, and cannot be reversed', async () => {
    await graphqlOk(env.app, t(), B.recordEntries, {
      input: {
        idempotencyKey: ikey(),
        groupId: A,
        date: '2024-05-22',
        entries: [{ id: 'bad-loan', kind: 'LOAN_DISBURSEMENT', amount: '30000', memberId: m2, termMonths: 3 }],
      },
    });
    const partial = await graphql(env.app, t(), B.recordEntries, {
      input: {
        idempotencyKey: ikey(),
        groupId: A,
        date: '2024-12-03',
        entries: [{ id: 'wo', kind: 'LOAN_WRITE_OFF', amount: '1000', loanId: 'bad-loan' }],
      },
    });
    expect(partial.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.entries.0.amount' });
    const before = await books();
    const wo = await graphqlOk(env.app, t(), B.recordEntries, {
      input: {
        idempotencyKey: ikey(),
        groupId: A,
        date: '2024-12-03',
        entries: [{ id: 'wo', kind: 'LOAN_WRITE_OFF', amount: '30000', loanId: 'bad-loan' }],
      },
    });
    const after = await books();
    expect(BigInt(before.balances.loansOutstanding) - BigInt(after.balances.loansOutstanding)).toBe(30000n);
    expect(BigInt(after.balances.writtenOff) - BigInt(before.balances.writtenOff)).toBe(30000n);
    expect(after.balances.cash).toBe(before.balances.cash);
    const loan = (await graphqlOk(env.app, t(), B.loans, { id: A })).group.loans.find((l: any) => l.id === 'bad-loan');
    expect(loan).toMatchObject({ status: 'WRITTEN_OFF', outstanding: '0' });
    const rev = await graphql(env.app, t(), B.reverseEntry, {
      input: {
        idempotencyKey: ikey(),
        groupId: A,
        entryRef: wo.recordEntries.entries[0].ref,
        date: '2024-12-03',
        reason: 'x',
      },
    });
    expect(rev.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('reversals', () => {
  it('correct an entry by a reversal; the original stays, marked, and cannot be reversed twice', async () => {
    const posted = await graphqlOk(env.app, t(), B.recordEntries, {
      input: {
        idempotencyKey: ikey(),
        groupId: A,
        date: '2024-06-04',
        entries: [{ id: 'typo', kind: 'SAVING', amount: '7000', memberId: m2 }],
      },
    });
    const before = await books();
    const ref = posted.recordEntries.entries[0].ref;
    const rev = await graphqlOk(env.app, t(), B.reverseEntry, {
      input: { idempotencyKey: ikey(), groupId: A, entryRef: ref, date: '2024-06-04', reason: 'typed 7000 for 700' },
    });
    expect(rev.reverseEntry.entries[0]).toMatchObject({ kind: 'REVERSAL', amount: '7000', reverses: ref });
    const after = await books();
    expect(BigInt(before.balances.savings) - BigInt(after.balances.savings)).toBe(7000n);
    const cb = (await graphqlOk(env.app, t(), B.cashBook, { id: A, from: '2024-06-04', to: '2024-06-04' })).group
      .cashBook;
    expect(cb.entries.find((e: any) => e.id === 'typo').reversedBy).toBeTruthy();
    const twice = await graphql(env.app, t(), B.reverseEntry, {
      input: { idempotencyKey: ikey(), groupId: A, entryRef: ref, date: '2024-06-04', reason: 'again' },
    });
    expect(twice.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.entryRef' });
  });

  it('the API has no way to change or delete an entry', async () => {
    const r = await graphqlOk(env.app, t(), '{ __schema { mutationType { fields { name } } } }');
    const names: string[] = r.__schema.mutationType.fields.map((f: any) => f.name);
    expect(names).toContain('reverseEntry');
    expect(names.filter((n) => /update|delete|edit|remove/i.test(n))).toEqual([]);
  });
});

describe('offline sync', () => {
  const batch = () => {
    const loanKey = ikey();
    return [
      // Out of order on purpose: the server applies them by date.
      meeting('2024-08-06', [{ id: 'r1', kind: 'REPAYMENT', amount: '11000', loanId: `sync-loan-${loanKey}` }]),
      meeting('2024-07-02', [
        { id: 's', kind: 'SAVING', amount: '20000', memberId: m2 },
        { id: `sync-loan-${loanKey}`, kind: 'LOAN_DISBURSEMENT', amount: '20000', memberId: m2, termMonths: 2 },
      ]),
      meeting('2024-09-03', [{ id: 'x', kind: 'OTHER_EXPENSE', amount: '999999999' }]),
      meeting('2019-06-04', []),
    ];
  };

  it('applies records in date order, answers per record, and a replay — whole or in part — changes nothing', async () => {
    const meetings = batch();
    const first = (await graphqlOk(env.app, t(), B.syncMeetings, { input: { meetings } })).syncMeetings;
    expect(first.results.map((r: any) => r.status)).toEqual(['APPLIED', 'APPLIED', 'REJECTED', 'REJECTED']);
    expect(first.results[2].error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.meetings.2.entries.0.amount',
    });
    expect(first.results[3].error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.meetings.3.date' });
    expect(first).toMatchObject({ applied: 2, rejected: 2 });
    const balances = await books();
    const whole = (await graphqlOk(env.app, t(), B.syncMeetings, { input: { meetings } })).syncMeetings;
    expect(whole).toEqual(first);
    const part = (await graphqlOk(env.app, t(), B.syncMeetings, { input: { meetings: [meetings[2], meetings[0]] } }))
      .syncMeetings;
    expect(part.results).toEqual([first.results[2], first.results[0]]);
    expect(await books()).toEqual(balances);
  });

  it('a record for a group the officer does not keep is rejected on its own', async () => {
    const other = { ...meeting('2024-07-09', []), groupId: world.ids.groupB };
    const r = (await graphqlOk(env.app, t(), B.syncMeetings, { input: { meetings: [other] } })).syncMeetings;
    expect(r.results[0]).toMatchObject({
      status: 'REJECTED',
      error: { code: 'NOT_FOUND', field: 'input.meetings.0.groupId' },
    });
  });
});

describe('reading the books', () => {
  it('the cash book pages through a date range, and its entries sum to the balances', async () => {
    const all: any[] = [];
    let after: string | null = null;
    do {
      const page: any = (
        await graphqlOk(env.app, t(), B.cashBook, { id: A, from: '2020-01-01', to: '2026-12-31', first: 2, after })
      ).group.cashBook;
      all.push(...page.entries);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const net = all.reduce((s, e) => s + BigInt(e.cashIn) - BigInt(e.cashOut), 0n);
    expect((await books()).balances.cash).toBe(net.toString());
    expect(all.map((e) => e.date)).toEqual([...all.map((e) => e.date)].sort());
  });

  it('a member’s passbook shows her savings, loans and entries', async () => {
    const p = (await graphqlOk(env.app, t(), B.passbook, { id: A, member: m2 })).group.passbook;
    expect(p.member.id).toBe(m2);
    // Page through every entry of hers (pages count postings, 50 a page by default).
    let after: string | null = p.pageInfo.endCursor;
    while (after) {
      const next: any = (await graphqlOk(env.app, t(), B.passbook, { id: A, member: m2, after })).group.passbook;
      p.entries.push(...next.entries);
      after = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
    }
    const saved = p.entries
      .filter((e: any) => e.kind === 'SAVING')
      .reduce((s: bigint, e: any) => s + BigInt(e.amount), 0n);
    const withdrawn = p.entries
      .filter((e: any) => e.kind === 'REVERSAL')
      .reduce((s: bigint, e: any) => s + BigInt(e.amount), 0n);
    expect(BigInt(p.savings)).toBe(saved - withdrawn);
    expect(p.loans.length).toBeGreaterThan(0);
  });

  it('meeting history lists meetings newest first with minutes and attendance', async () => {
    const nodes = (await graphqlOk(env.app, t(), B.meetings, { id: A, from: '2024-01-01', to: '2024-04-30' })).group
      .meetings.nodes;
    expect(nodes.map((n: any) => n.date)).toEqual(['2024-03-05', '2024-02-06']);
    expect(nodes.map((n: any) => n.date)).toEqual([...nodes.map((n: any) => n.date)].sort().reverse());
    expect(nodes.at(-1)).toMatchObject({
      date: '2024-02-06',
      presentCount: 2,
      minutes: [{ agendaItem: 'ទិញសម្ភារៈ' }, { discussed: false }],
    });
  });
});

describe('who may keep and read the books', () => {
  const denied = [
    ['treasurer of another group', 'treasurerB', 'NOT_FOUND'],
    ['coordinator of its federation', 'coordinatorTop', 'FORBIDDEN'],
    ['bank officer', 'bankOfficer', 'FORBIDDEN'],
    ['administrator', 'admin', 'FORBIDDEN'],
    ['NGO staff', 'ngoStaff', 'FORBIDDEN'],
  ] as const;

  it.each(denied)('the %s cannot record a meeting, and nothing is written', async (_l, who, code) => {
    const before = await books();
    const r = await graphql(env.app, world.token[who], B.recordMeeting, {
      input: meeting('2024-11-05', [{ id: 's', kind: 'SAVING', amount: '1', memberId: m1 }]),
    });
    expect(r.errors![0]!.extensions!.code).toBe(code);
    expect(await books()).toEqual(before);
  });

  it.each(denied)('the %s cannot read the books, cash book or passbooks', async (_l, who) => {
    for (const [query, vars] of [
      [B.books, { id: A }],
      [B.cashBook, { id: A, from: '2020-01-01', to: '2026-12-31' }],
      [B.passbook, { id: A, member: m1 }],
      [B.loans, { id: A }],
    ] as const) {
      const r = await graphql(env.app, world.token[who], query, vars);
      expect(r.data?.group ?? null).toBeNull();
      if (r.errors) expect(['FORBIDDEN']).toContain(r.errors[0]!.extensions!.code);
    }
  });
});

describe('officers', () => {
  it('rotation keeps history, and the replaced treasurer loses her rights at once', async () => {
    await graphqlOk(env.app, world.token.admin, M.createUser, {
      input: { idempotencyKey: ikey(), userId: 'new-treasurer', displayName: 'ថ្មី' },
    });
    const appointed = await graphqlOk(env.app, world.token.presidentA, M.appointOfficer, {
      input: { idempotencyKey: ikey(), groupId: A, userId: 'new-treasurer', role: 'TREASURER', from: '2025-01-07' },
    });
    expect(appointed.appointOfficer).toMatchObject({
      role: 'TREASURER',
      userId: 'new-treasurer',
      from: '2025-01-07',
      until: null,
    });
    const old = await graphql(env.app, world.token.treasurerA, B.books, { id: A });
    expect(old.data!.group).toBeNull();
    const history = await graphqlOk(
      env.app,
      world.token.presidentA,
      'query($id: ID!) { group(id: $id) { officers { role userId } officerHistory { role userId from until } } }',
      { id: A },
    );
    expect(history.group.officerHistory).toContainEqual({
      role: 'TREASURER',
      userId: 'treasurer-a',
      from: '2020-01-07',
      until: '2025-01-06',
    });
    expect(history.group.officers).toContainEqual({ role: 'TREASURER', userId: 'new-treasurer' });
    const newToken = await env.tokenFor('new-treasurer');
    expect((await graphql(env.app, newToken, B.books, { id: A })).data!.group.books).toBeTruthy();
    // Hand the office back for later tests.
    await graphqlOk(env.app, world.token.presidentA, M.appointOfficer, {
      input: { idempotencyKey: ikey(), groupId: A, userId: 'treasurer-a', role: 'TREASURER', from: '2025-02-04' },
    });
  });

  it('only the president, the federation or an administrator record appointments', async () => {
    const r = await graphql(env.app, world.token.secretaryA, M.appointOfficer, {
      input: { idempotencyKey: ikey(), groupId: A, userId: 'nobody', role: 'TREASURER', from: '2025-03-04' },
    });
    expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const bank = await graphql(env.app, world.token.bankOfficer, M.appointOfficer, {
      input: { idempotencyKey: ikey(), groupId: A, userId: 'bank-officer', role: 'TREASURER', from: '2025-03-04' },
    });
    expect(bank.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('members leaving', () => {
  it('a member with savings cannot leave until they are paid out', async () => {
    const r = await graphql(
      env.app,
      t(),
      'mutation($input: RecordMemberLeftInput!) { recordMemberLeft(input: $input) { id leftOn } }',
      {
        input: { idempotencyKey: ikey(), groupId: A, memberId: m1, leftOn: '2025-03-04' },
      },
    );
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.memberId' });
  });

  it('a member with nothing saved or owed leaves: counts drop, and later meetings may not list her', async () => {
    const count = async () =>
      (await graphqlOk(env.app, t(), 'query($id: ID!) { group(id: $id) { memberCount } }', { id: A })).group
        .memberCount;
    const added = await graphqlOk(env.app, t(), M.addMember, {
      input: { idempotencyKey: ikey(), groupId: A, name: 'ឈឹម ស្រីពៅ', sex: 'FEMALE', joinedOn: '2025-01-07' },
    });
    const id = added.addMember.id;
    const before = await count();
    const left = await graphqlOk(
      env.app,
      t(),
      'mutation($input: RecordMemberLeftInput!) { recordMemberLeft(input: $input) { id leftOn } }',
      {
        input: { idempotencyKey: ikey(), groupId: A, memberId: id, leftOn: '2025-03-04' },
      },
    );
    expect(left.recordMemberLeft).toEqual({ id, leftOn: '2025-03-04' });
    expect(await count()).toBe(before - 1);
    const r = await graphql(env.app, t(), B.recordMeeting, {
      input: { ...meeting('2025-04-01', []), attendance: [...attendance(), { memberId: id, status: 'PRESENT' }] },
    });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attendance.2.memberId' });
  });
});

describe('a leaving racing a posting', () => {
  it('of 12 members each saving and leaving at once, each either saved (and stays) or left (and saved nothing after)', async () => {
    const race = async (i: number) => {
      const id = (
        await graphqlOk(env.app, t(), M.addMember, {
          input: { idempotencyKey: ikey(), groupId: A, name: `ចេញ ${i}`, sex: 'FEMALE', joinedOn: '2021-01-05' },
        })
      ).addMember.id;
      const [saved, left] = await Promise.all([
        graphql(env.app, t(), B.recordEntries, {
          input: {
            idempotencyKey: ikey(),
            groupId: A,
            date: '2025-09-02',
            entries: [{ id: 's', kind: 'SAVING', amount: '1000', memberId: id }],
          },
        }),
        graphql(env.app, t(), 'mutation($input: RecordMemberLeftInput!) { recordMemberLeft(input: $input) { id } }', {
          input: { idempotencyKey: ikey(), groupId: A, memberId: id, leftOn: '2025-09-01' },
        }),
      ]);
      return [saved.errors ? 0 : 1, left.errors ? 0 : 1].join('');
    };
    // Never both: a member who left on the 1st cannot save on the 2nd, and one with savings cannot leave.
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => race(i)));
    for (const o of outcomes) expect(['10', '01']).toContain(o);
  });
});

describe('property: random postings through the API keep the balances equal to the cash book', () => {
  it('for random sequences of valid and invalid entries', { timeout: 120_000 }, async () => {
    const op = fc.record({
      kind: fc.constantFrom(
        'SAVING',
        'SAVING',
        'FINE',
        'OTHER_EXPENSE',
        'BANK_DEPOSIT',
        'BANK_WITHDRAWAL',
        'SOCIAL_FUND_CONTRIBUTION',
        'SAVINGS_WITHDRAWAL',
      ),
      amount: fc.integer({ min: -10, max: 300_000 }),
      member: fc.constantFrom(m1, m2),
    });
    let day = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 4 }), async (ops) => {
        day++;
        const date = new Date(Date.parse('2025-06-01T00:00:00Z') + day * 86_400_000).toISOString().slice(0, 10);
        await graphql(env.app, t(), B.recordEntries, {
          input: {
            idempotencyKey: ikey(),
            groupId: A,
            date,
            entries: ops.map((o, i) => ({ id: `p${i}`, kind: o.kind, amount: String(o.amount), memberId: o.member })),
          },
        });
        const b = (await books()).balances;
        for (const v of [b.cash, b.bank, b.savings, b.socialFund]) expect(BigInt(v) >= 0n).toBe(true);
        const cb = (
          await graphqlOk(env.app, t(), B.cashBook, { id: A, from: '2020-01-01', to: '2026-12-31', first: 100 })
        ).group.cashBook;
        expect(cb.pageInfo.hasNextPage).toBe(false);
        expect(BigInt(cb.totalIn) - BigInt(cb.totalOut)).toBe(BigInt(b.cash));
      }),
      { numRuns: 25 },
    );
  });
});
