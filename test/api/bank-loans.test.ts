/** Integration tier: a bank's loan to a group, from application to repayment, and how it feeds the grade. */
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { A } from '../helpers/access.ts';
import { L } from '../helpers/bank-loans.ts';
import { B, constitution } from '../helpers/books.ts';
import { ikey, integrationEnv, testClock, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';

let env: IntegrationEnv;
let world: World;
const clock = testClock('2026-03-01T03:00:00.000Z');
let G: string;
let grantId: string;

beforeAll(async () => {
  env = await integrationEnv({ clock });
  world = await buildWorld(env);
  G = world.ids.groupA;
  await graphqlOk(env.app, world.token.treasurerA, B.setConstitution, { input: constitution(G, ikey()) });
  await graphqlOk(env.app, world.token.treasurerA, B.recordEntries, {
    input: {
      idempotencyKey: ikey(),
      groupId: G,
      date: '2025-06-03',
      entries: [{ id: 's', kind: 'SAVING', amount: '300000', memberId: world.ids.memberA }],
    },
  });
  const requestId = (
    await graphqlOk(env.app, world.token.bankOfficer, A.requestAccess, {
      input: {
        idempotencyKey: ikey(),
        groupId: G,
        purpose: 'LOAN_MONITORING',
        scopes: ['BANK_LOAN_HISTORY', 'CREDIT_GRADE'],
        dataRange: { from: '2025-01-01', to: '2026-12-31' },
        durationMonths: 12,
      },
    })
  ).requestAccess.id;
  grantId = (
    await graphqlOk(env.app, world.token.treasurerA, A.approve, {
      input: { idempotencyKey: ikey(), groupId: G, requestId },
    })
  ).approveAccessRequest.id;
});

/** The bank's own list of its loans, which needs no grant. */
const bankSide = async (token = world.token.bankOfficer) =>
  (await graphqlOk(env.app, token, L.bankLoans)).myBankAccess.loans as any[];

const apply = (t = world.token.treasurerA, amount = '600000') =>
  graphql(env.app, t, L.apply, {
    input: {
      idempotencyKey: ikey(),
      groupId: G,
      bankId: world.ids.bank,
      amount,
      termMonths: 3,
      purpose: 'chicken raising',
    },
  });

describe('a bank loan to a group', () => {
  let loanId: string;

  it('the treasurer asks; only she may', async () => {
    for (const t of [world.token.secretaryA, world.token.bankOfficer, world.token.coordinatorTop]) {
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain((await apply(t)).errors![0]!.extensions!.code);
    }
    const r = await apply();
    expect(r.data!.applyForBankLoan).toMatchObject({ status: 'REQUESTED', amount: '600000' });
  });

  it('the bank declines with reasons the group sees', async () => {
    const id = (
      await graphqlOk(env.app, world.token.treasurerA, 'query($g: ID!) { group(id: $g) { bankLoans { id } } }', {
        g: G,
      })
    ).group.bankLoans[0].id;
    const declined = await graphqlOk(env.app, world.token.bankOfficer, L.decide, {
      input: {
        idempotencyKey: ikey(),
        groupId: G,
        bankLoanId: id,
        approve: false,
        reasons: 'savings too low for this amount; ask for 300,000',
      },
    });
    expect(declined.decideBankLoan).toMatchObject({
      status: 'DECLINED',
      reasons: 'savings too low for this amount; ask for 300,000',
    });
    const seen = await graphqlOk(env.app, world.token.presidentA, L.groupLoans, { g: G });
    expect(seen.group.bankLoans[0]).toMatchObject({
      status: 'DECLINED',
      reasons: 'savings too low for this amount; ask for 300,000',
    });
    const again = await graphql(env.app, world.token.bankOfficer, L.decide, {
      input: {
        idempotencyKey: ikey(),
        groupId: G,
        bankLoanId: id,
        approve: true,
        reasons: 'changed mind',
        monthlyInterestBasisPoints: 150,
      },
    });
    expect(again.errors![0]!.extensions!.code).toBe('CONFLICT');
  });

  it('another bank cannot decide on it; an officer cannot enter a bank loan by hand', async () => {
    loanId = (await apply(undefined, '300000')).data!.applyForBankLoan.id;
    await graphqlOk(env.app, world.token.admin, M.createUser, {
      input: { idempotencyKey: ikey(), userId: 'rival', displayName: 'R' },
    });
    const rivalBank = (
      await graphqlOk(env.app, world.token.admin, M.createBank, { input: { idempotencyKey: ikey(), name: 'Rival' } })
    ).createBank.id;
    await graphqlOk(env.app, world.token.admin, M.assignRole, {
      input: { idempotencyKey: ikey(), userId: 'rival', tenantType: 'BANK', tenantId: rivalBank, role: 'LOAN_OFFICER' },
    });
    const rival = await graphql(env.app, await env.tokenFor('rival'), L.decide, {
      input: {
        idempotencyKey: ikey(),
        groupId: G,
        bankLoanId: loanId,
        approve: true,
        reasons: 'x',
        monthlyInterestBasisPoints: 100,
      },
    });
    expect(rival.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const byHand = await graphql(env.app, world.token.treasurerA, B.recordEntries, {
      input: {
        idempotencyKey: ikey(),
        groupId: G,
        date: '2026-02-01',
        entries: [{ id: 'fake', kind: 'BANK_LOAN_RECEIVED', amount: '999999' }],
      },
    });
    expect(byHand.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.entries.0.kind' });
  });

  it('approved and paid out, it shows in the group’s books with its schedule', async () => {
    await graphqlOk(env.app, world.token.bankOfficer, L.decide, {
      input: {
        idempotencyKey: ikey(),
        groupId: G,
        bankLoanId: loanId,
        approve: true,
        reasons: 'regular savings, no arrears',
        monthlyInterestBasisPoints: 150,
      },
    });
    const before = (await graphqlOk(env.app, world.token.treasurerA, L.groupLoans, { g: G })).group.books.balances;
    const paid = await graphqlOk(env.app, world.token.bankOfficer, L.disburse, {
      input: { idempotencyKey: ikey(), groupId: G, bankLoanId: loanId, date: '2026-03-01' },
    });
    expect(paid.disburseBankLoan).toMatchObject({
      status: 'DISBURSED',
      disbursedOn: '2026-03-01',
      outstanding: '300000',
    });
    // 300,000 over 3 months at 1.5% on the declining balance: 4,500 / 3,000 / 1,500 interest
    expect(paid.disburseBankLoan.schedule.map((i: any) => i.total)).toEqual(['104500', '103000', '101500']);
    const after = (await graphqlOk(env.app, world.token.treasurerA, L.groupLoans, { g: G })).group.books.balances;
    expect(BigInt(after.cash) - BigInt(before.cash)).toBe(300000n);
    expect(after.bankLoansOutstanding).toBe('300000');
  });

  it('repaid on time, the record is NEVER_LATE and earns the grade’s full 0.20', async () => {
    const pay = (date: string, amount: string) =>
      graphqlOk(env.app, world.token.treasurerA, B.recordEntries, {
        input: {
          idempotencyKey: ikey(),
          groupId: G,
          date,
          entries: [{ id: 'bank', kind: 'BANK_LOAN_REPAYMENT', amount, loanId }],
        },
      });
    clock.set('2026-04-01T03:00:00.000Z');
    await pay('2026-04-01', '104500');
    const p = (await graphqlOk(env.app, world.token.bankOfficer, L.profile, { g: G })).bankView.creditProfile;
    expect(p.bankLoans).toEqual({ record: 'NEVER_LATE', loans: [{ id: loanId, status: 'DISBURSED', maxDaysLate: 0 }] });
    expect(p.grade.indicators.find((i: any) => i.key === 'PREVIOUS_BANK_LOAN').points).toBe(20);
    const books = (await graphqlOk(env.app, world.token.treasurerA, L.groupLoans, { g: G })).group.books.balances;
    expect(books).toMatchObject({ bankLoansOutstanding: '200000', bankInterestExpense: '4500' });
    // The bank follows its own loan as the group's books record it.
    expect((await bankSide()).find((l) => l.id === loanId)).toEqual({
      id: loanId,
      status: 'DISBURSED',
      principalPaid: '100000',
      interestPaid: '4500',
      outstanding: '200000',
      daysInArrears: 0,
      maxDaysLate: 0,
    });
  });

  it('arrears feed the grade: late is EVER_LATE (0.14); over 90 days is DEFAULTED_90 (0.07)', async () => {
    clock.set('2026-05-10T03:00:00.000Z'); // the May 1 installment is 9 days late
    let p = (await graphqlOk(env.app, world.token.bankOfficer, L.profile, { g: G })).bankView.creditProfile;
    expect(p.bankLoans.record).toBe('EVER_LATE');
    expect(p.grade.indicators.find((i: any) => i.key === 'PREVIOUS_BANK_LOAN').points).toBe(14);
    const mine = (await bankSide()).find((l) => l.id === loanId);
    expect(mine).toMatchObject({ status: 'DISBURSED', daysInArrears: 9, outstanding: '200000' });
    // The group's own view says the same.
    const theirs = (await graphqlOk(env.app, world.token.treasurerA, L.groupLoans, { g: G })).group.bankLoans;
    expect(theirs.find((l: any) => l.id === loanId)).toMatchObject({ daysInArrears: 9, outstanding: '200000' });
    clock.set('2026-08-01T03:00:00.000Z'); // 92 days late
    p = (await graphqlOk(env.app, world.token.bankOfficer, L.profile, { g: G })).bankView.creditProfile;
    expect(p.bankLoans.record).toBe('DEFAULTED_90');
    expect(p.grade.indicators.find((i: any) => i.key === 'PREVIOUS_BANK_LOAN').points).toBe(7);
    // Paying it all off closes it, and the record keeps how late it was.
    await graphqlOk(env.app, world.token.treasurerA, B.recordEntries, {
      input: {
        idempotencyKey: ikey(),
        groupId: G,
        date: '2026-08-01',
        entries: [{ id: 'payoff', kind: 'BANK_LOAN_REPAYMENT', amount: '204500', loanId }],
      },
    });
    const loans = (await graphqlOk(env.app, world.token.treasurerA, L.groupLoans, { g: G })).group.bankLoans;
    expect(loans.find((l: any) => l.id === loanId)).toMatchObject({
      status: 'REPAID',
      outstanding: '0',
      maxDaysLate: 92,
    });
    p = (await graphqlOk(env.app, world.token.bankOfficer, L.profile, { g: G })).bankView.creditProfile;
    expect(p.bankLoans.record).toBe('DEFAULTED_90');
  });

  it('the bank sees its loans; a profile without BANK_LOAN_HISTORY cannot show them', async () => {
    const side = await graphqlOk(env.app, world.token.bankOfficer, '{ myBankAccess { loans { id status } } }');
    expect(side.myBankAccess.loans.map((l: any) => l.status).sort()).toEqual(['DECLINED', 'REPAID']);
    const requestId = (
      await graphqlOk(env.app, world.token.bankOfficer, A.requestAccess, {
        input: {
          idempotencyKey: ikey(),
          groupId: world.ids.groupB,
          purpose: 'LOAN_ASSESSMENT',
          scopes: ['CREDIT_GRADE'],
          dataRange: { from: '2025-01-01', to: '2026-12-31' },
          durationMonths: 1,
        },
      })
    ).requestAccess.id;
    await graphqlOk(env.app, world.token.treasurerB, A.approve, {
      input: { idempotencyKey: ikey(), groupId: world.ids.groupB, requestId },
    });
    const r = await graphql(env.app, world.token.bankOfficer, L.profile, { g: world.ids.groupB });
    expect(r.errors![0]!.message).toContain('BANK_LOAN_HISTORY');
  });

  it('with its grant revoked, the bank still follows its own loans and nothing else; another bank sees none', async () => {
    await graphqlOk(env.app, world.token.treasurerA, A.revoke, {
      input: { idempotencyKey: ikey(), groupId: G, grantId, reason: 'loan repaid' },
    });
    const profile = await graphql(env.app, world.token.bankOfficer, L.profile, { g: G });
    expect(profile.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await bankSide()).find((l) => l.id === loanId)).toEqual({
      id: loanId,
      status: 'REPAID',
      principalPaid: '300000',
      interestPaid: '9000', // 4,500 with each of the two repayments the books recorded
      outstanding: '0',
      daysInArrears: 0,
      maxDaysLate: 92,
    });
    expect(await bankSide(await env.tokenFor('rival'))).toEqual([]);
  });
});
