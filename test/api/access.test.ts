/** Integration tier: a bank's access to a group, from request to revocation, with an injected clock. */
import { meterCapacity } from '#store/metering.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { A } from '../helpers/access.ts';
import { B, constitution } from '../helpers/books.ts';
import { ikey, integrationEnv, testClock, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';

let env: IntegrationEnv;
let world: World;
const clock = testClock('2026-03-01T02:00:00.000Z');
let G: string;

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
      entries: [{ id: 's', kind: 'SAVING', amount: '120000', memberId: world.ids.memberA }],
    },
  });
});

const readLogCount = async () =>
  (await graphqlOk(env.app, world.token.treasurerA, A.groupSide, { g: G })).group.readLog.nodes.length;
const ask = (over: Record<string, unknown> = {}) =>
  graphql(env.app, world.token.bankOfficer, A.requestAccess, {
    input: {
      idempotencyKey: ikey(),
      groupId: G,
      purpose: 'LOAN_ASSESSMENT',
      scopes: ['SAVINGS_SUMMARY', 'LOAN_BOOK_QUALITY', 'MEETING_DISCIPLINE'],
      dataRange: { from: '2025-01-01', to: '2026-12-31' },
      durationMonths: 6,
      message: 'for a 2,000,000 riel group loan',
      ...over,
    },
  });

describe('from request to grant', () => {
  let requestId: string;
  let grantId: string;

  it('a loan officer asks; the request waits for the treasurer', async () => {
    const r = await ask();
    expect(r.errors).toBeUndefined();
    expect(r.data!.requestAccess).toMatchObject({ state: 'PENDING', durationMonths: 6, bank: { id: world.ids.bank } });
    requestId = r.data!.requestAccess.id;
    const again = await ask();
    expect(again.errors![0]!.extensions!.code).toBe('CONFLICT');
  });

  it('nothing can be read before approval', async () => {
    const r = await graphql(env.app, world.token.bankOfficer, A.view, { g: G, from: '2025-01-01', to: '2026-03-01' });
    expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(r.errors![0]!.message).toMatch(/has not granted your bank access/);
    expect(r.data).toBeNull();
    expect(await readLogCount()).toBe(0);
  });

  it('requests more than 12 months long are refused', async () => {
    const r = await ask({ durationMonths: 13 });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.durationMonths' });
  });

  it('only the current treasurer approves; she may narrow it', async () => {
    for (const t of [
      world.token.presidentA,
      world.token.secretaryA,
      world.token.bankOfficer,
      world.token.coordinatorTop,
      world.token.admin,
    ]) {
      const r = await graphql(env.app, t, A.approve, { input: { idempotencyKey: ikey(), groupId: G, requestId } });
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(r.errors![0]!.extensions!.code);
    }
    const wider = await graphql(env.app, world.token.treasurerA, A.approve, {
      input: { idempotencyKey: ikey(), groupId: G, requestId, durationMonths: 12 },
    });
    expect(wider.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.durationMonths' });
    const r = await graphqlOk(env.app, world.token.treasurerA, A.approve, {
      input: {
        idempotencyKey: ikey(),
        groupId: G,
        requestId,
        scopes: ['SAVINGS_SUMMARY', 'LOAN_BOOK_QUALITY'],
        durationMonths: 3,
        reason: 'no meeting records for now',
      },
    });
    expect(r.approveAccessRequest).toMatchObject({
      state: 'ACTIVE',
      scopes: ['LOAN_BOOK_QUALITY', 'SAVINGS_SUMMARY'],
      validFrom: '2026-03-01T02:00:00.000Z',
      validUntil: '2026-06-01T02:00:00.000Z',
    });
    grantId = r.approveAccessRequest.id;
    const side = await graphqlOk(env.app, world.token.secretaryA, A.groupSide, { g: G });
    expect(side.group.accessRequests).toEqual([{ id: requestId, state: 'APPROVED' }]);
  });

  it('the bank reads what was granted, and the read is logged first', async () => {
    const r = await graphqlOk(env.app, world.token.bankOfficer, A.view, { g: G, from: '2025-01-01', to: '2026-03-01' });
    expect(r.bankView).toMatchObject({
      grantId,
      savingsSummary: { totalSavings: '120000', memberCount: 2, averageSavingsPerMember: '60000' },
      loanBookQuality: { loansOutstanding: '0' },
    });
    expect(JSON.stringify(r)).not.toContain('សុខ'); // no member names
    const log = (await graphqlOk(env.app, world.token.treasurerA, A.groupSide, { g: G })).group.readLog.nodes;
    expect(log).toEqual([
      {
        grantId,
        officerId: 'bank-officer',
        scopes: ['LOAN_BOOK_QUALITY', 'SAVINGS_SUMMARY'],
        at: '2026-03-01T02:00:00.000Z',
      },
    ]);
    const bankSide = await graphqlOk(env.app, world.token.bankOfficer, A.bankSide);
    expect(bankSide.myBankAccess.readLog.nodes).toEqual([
      { groupId: G, scopes: ['LOAN_BOOK_QUALITY', 'SAVINGS_SUMMARY'] },
    ]);
    expect(bankSide.myBankAccess.grants).toEqual([{ id: grantId, state: 'ACTIVE' }]);
  });

  it('the read log names the bank and the officer who read, and a page of many costs the requests of a page of two', async () => {
    const LOG = `query($g: ID!, $first: Int) { group(id: $g) { readLog(first: $first) { nodes { officerId officerName bank { name } } } grants { bank { name } } accessRequests { bank { name } } } }`;
    for (let i = 0; i < 11; i++)
      await graphqlOk(env.app, world.token.bankOfficer, A.viewSavings, { g: G, from: '2025-01-01', to: '2026-03-01' });
    const meter = meterCapacity(env.db);
    try {
      meter.reset();
      const two = await graphqlOk(env.app, world.token.treasurerA, LOG, { g: G, first: 2 });
      const small = meter.requests;
      meter.reset();
      const twelve = await graphqlOk(env.app, world.token.treasurerA, LOG, { g: G, first: 12 });
      expect(twelve.group.readLog.nodes).toHaveLength(12);
      expect(meter.requests).toBe(small);
      expect(two.group.readLog.nodes[0]).toEqual({
        officerId: 'bank-officer',
        officerName: 'bank-officer',
        bank: { name: 'Rural Bank' },
      });
    } finally {
      meter.stop();
    }
  });

  it('without from and to, the bank reads the whole range granted, up to today, and the log says so', async () => {
    const r = await graphqlOk(
      env.app,
      world.token.bankOfficer,
      `query($g: ID!) { bankView(groupId: $g) { dataRange { from to } savingsSummary { totalSavings } } }`,
      { g: G },
    );
    expect(r.bankView).toEqual({
      dataRange: { from: '2025-01-01', to: '2026-03-01' },
      savingsSummary: { totalSavings: '120000' },
    });
    const LOG = `query($g: ID!) { group(id: $g) { readLog(first: 1) { nodes { dataRange { from to } } } } }`;
    expect((await graphqlOk(env.app, world.token.treasurerA, LOG, { g: G })).group.readLog.nodes).toEqual([
      { dataRange: { from: '2025-01-01', to: '2026-03-01' } },
    ]);
    // Only from: to today. A range that leaves the grant is still refused.
    const outside = await graphql(env.app, world.token.bankOfficer, A.viewSavings.replace('$to: Date!', '$to: Date'), {
      g: G,
      from: '2024-06-01',
    });
    expect(outside.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('a scope the treasurer left out is refused, naming it, and nothing is logged', async () => {
    const before = await readLogCount();
    const r = await graphql(env.app, world.token.bankOfficer, A.viewMeetings, {
      g: G,
      from: '2025-01-01',
      to: '2026-03-01',
    });
    expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(r.errors![0]!.message).toContain('MEETING_DISCIPLINE');
    expect(await readLogCount()).toBe(before);
  });

  it('a scope left out with @include or @skip is not asked for: the bank reads what its grant covers', async () => {
    const ASK = `query($g: ID!, $from: Date!, $to: Date!, $meetings: Boolean!) {
      bankView(groupId: $g, from: $from, to: $to) {
        savingsSummary { totalSavings }
        meetingDiscipline @include(if: $meetings) { meetingsHeld }
        loanBookQuality @skip(if: true) { par30BasisPoints }
      } }`;
    const vars = { g: G, from: '2025-01-01', to: '2026-03-01' };
    const left = await graphql(env.app, world.token.bankOfficer, ASK, { ...vars, meetings: false });
    expect(left.errors).toBeUndefined();
    expect(left.data!.bankView).toEqual({ savingsSummary: { totalSavings: expect.any(String) } });
    // Asked for, the scope the treasurer left out is refused as before.
    const asked = await graphql(env.app, world.token.bankOfficer, ASK, { ...vars, meetings: true });
    expect(asked.errors![0]!.message).toContain('MEETING_DISCIPLINE');
  });

  it('data outside the granted range is refused', async () => {
    const r = await graphql(env.app, world.token.bankOfficer, A.view, { g: G, from: '2024-06-01', to: '2026-03-01' });
    expect(r.errors![0]!.message).toMatch(/covers data from 2025-01-01 to 2026-12-31 only/);
  });

  it('paused, the grant allows nothing; resumed, it does again', async () => {
    await graphqlOk(env.app, world.token.treasurerA, A.pause, {
      input: { idempotencyKey: ikey(), groupId: G, grantId, reason: 'asking the members first' },
    });
    const paused = await graphql(env.app, world.token.bankOfficer, A.view, {
      g: G,
      from: '2025-01-01',
      to: '2026-03-01',
    });
    expect(paused.errors![0]!.message).toMatch(/grant is paused/);
    await graphqlOk(env.app, world.token.treasurerA, A.resume, {
      input: { idempotencyKey: ikey(), groupId: G, grantId, reason: 'members agreed' },
    });
    expect(
      (await graphql(env.app, world.token.bankOfficer, A.view, { g: G, from: '2025-01-01', to: '2026-03-01' })).errors,
    ).toBeUndefined();
  });

  it('expires at validUntil to the second, with no job having run', async () => {
    clock.set('2026-06-01T01:59:59.000Z');
    expect(
      (await graphql(env.app, world.token.bankOfficer, A.view, { g: G, from: '2025-01-01', to: '2026-06-01' })).errors,
    ).toBeUndefined();
    clock.set('2026-06-01T02:00:00.000Z');
    const r = await graphql(env.app, world.token.bankOfficer, A.view, { g: G, from: '2025-01-01', to: '2026-06-01' });
    expect(r.errors![0]!.message).toMatch(/grant is expired/);
    const resume = await graphql(env.app, world.token.treasurerA, A.resume, {
      input: { idempotencyKey: ikey(), groupId: G, grantId, reason: 'x' },
    });
    expect(resume.errors![0]!.extensions!.code).toBe('CONFLICT');
  });
});

describe('revocation, rejection and rotation', () => {
  it('a revoked grant is final and reads stop at once', async () => {
    const req = (await ask({ scopes: ['SAVINGS_SUMMARY'] })).data!.requestAccess.id;
    const grant = (
      await graphqlOk(env.app, world.token.treasurerA, A.approve, {
        input: { idempotencyKey: ikey(), groupId: G, requestId: req },
      })
    ).approveAccessRequest.id;
    expect(
      (await graphql(env.app, world.token.bankOfficer, A.viewSavings, { g: G, from: '2025-01-01', to: '2026-06-01' }))
        .errors,
    ).toBeUndefined();
    await graphqlOk(env.app, world.token.treasurerA, A.revoke, {
      input: { idempotencyKey: ikey(), groupId: G, grantId: grant, reason: 'loan refused' },
    });
    const r = await graphql(env.app, world.token.bankOfficer, A.viewSavings, {
      g: G,
      from: '2025-01-01',
      to: '2026-06-01',
    });
    expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const resume = await graphql(env.app, world.token.treasurerA, A.resume, {
      input: { idempotencyKey: ikey(), groupId: G, grantId: grant, reason: 'oops' },
    });
    expect(resume.errors![0]!.extensions!.code).toBe('CONFLICT');
  });

  it('a bank withdraws a request made by mistake: the group sees who and why, and it can no longer be approved', async () => {
    const req = (await ask()).data!.requestAccess.id;
    // Not the treasurer, not another bank: only the bank that asked; to anyone else it is not there.
    const byTreasurer = await graphql(env.app, world.token.treasurerA, A.withdraw, {
      input: { idempotencyKey: ikey(), groupId: G, requestId: req, reason: 'x' },
    });
    expect(byTreasurer.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.requestId' });
    await world.as(world.token.admin, M.createUser, {
      idempotencyKey: ikey(),
      userId: 'second-bank-officer',
      displayName: 'Other',
    });
    const secondBank = (
      await world.as(world.token.admin, M.createBank, { idempotencyKey: ikey(), name: 'Second Bank' })
    ).createBank.id;
    await world.as(world.token.admin, M.assignRole, {
      idempotencyKey: ikey(),
      userId: 'second-bank-officer',
      tenantType: 'BANK',
      tenantId: secondBank,
      role: 'LOAN_OFFICER',
    });
    const byOtherBank = await graphql(env.app, await env.tokenFor('second-bank-officer'), A.withdraw, {
      input: { idempotencyKey: ikey(), groupId: G, requestId: req, reason: 'x' },
    });
    expect(byOtherBank.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.requestId' });

    const r = await graphqlOk(env.app, world.token.bankOfficer, A.withdraw, {
      input: { idempotencyKey: ikey(), groupId: G, requestId: req, reason: 'asked the wrong group' },
    });
    expect(r.withdrawAccessRequest).toMatchObject({ id: req, state: 'WITHDRAWN' });
    expect(r.withdrawAccessRequest.history.at(-1)).toMatchObject({
      from: 'PENDING',
      to: 'WITHDRAWN',
      by: 'bank-officer',
      reason: 'asked the wrong group',
    });
    const side = await graphqlOk(env.app, world.token.secretaryA, A.groupSide, { g: G });
    expect(side.group.accessRequests).toContainEqual({ id: req, state: 'WITHDRAWN' });
    const approve = await graphql(env.app, world.token.treasurerA, A.approve, {
      input: { idempotencyKey: ikey(), groupId: G, requestId: req },
    });
    expect(approve.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.requestId' });
    const again = await graphql(env.app, world.token.bankOfficer, A.withdraw, {
      input: { idempotencyKey: ikey(), groupId: G, requestId: req, reason: 'again' },
    });
    expect(again.errors![0]!.extensions!.code).toBe('CONFLICT');
    // The bank may ask again, properly this time.
    expect((await ask()).errors).toBeUndefined();
    const waiting = (await graphqlOk(env.app, world.token.treasurerA, A.groupSide, { g: G })).group.accessRequests.find(
      (x: any) => x.state === 'PENDING',
    );
    await graphqlOk(env.app, world.token.treasurerA, A.reject, {
      input: { idempotencyKey: ikey(), groupId: G, requestId: waiting.id, reason: 'tidy' },
    });
  });

  it('a rejected request cannot then be approved; an unanswered one expires after 30 days', async () => {
    const req = (await ask()).data!.requestAccess.id;
    await graphqlOk(env.app, world.token.treasurerA, A.reject, {
      input: { idempotencyKey: ikey(), groupId: G, requestId: req, reason: 'not now' },
    });
    const approve = await graphql(env.app, world.token.treasurerA, A.approve, {
      input: { idempotencyKey: ikey(), groupId: G, requestId: req },
    });
    expect(approve.errors![0]!.extensions!.code).toBe('CONFLICT');
    const late = (await ask()).data!.requestAccess.id;
    clock.advance(30 * 86_400_000);
    const expired = await graphql(env.app, world.token.treasurerA, A.approve, {
      input: { idempotencyKey: ikey(), groupId: G, requestId: late },
    });
    expect(expired.errors![0]!.message).toMatch(/expired/);
    const side = await graphqlOk(env.app, world.token.bankOfficer, A.bankSide);
    expect(side.myBankAccess.requests.find((r: any) => r.id === late).state).toBe('EXPIRED');
  });

  it('a replaced treasurer loses the right to approve at once; grants she made stay valid', async () => {
    const req = (await ask({ scopes: ['SAVINGS_SUMMARY'] })).data!.requestAccess.id;
    const grant = (
      await graphqlOk(env.app, world.token.treasurerA, A.approve, {
        input: { idempotencyKey: ikey(), groupId: G, requestId: req },
      })
    ).approveAccessRequest.id;
    await graphqlOk(env.app, world.token.admin, M.createUser, {
      input: { idempotencyKey: ikey(), userId: 'treasurer-a2', displayName: 'New' },
    });
    await graphqlOk(env.app, world.token.presidentA, M.appointOfficer, {
      input: { idempotencyKey: ikey(), groupId: G, userId: 'treasurer-a2', role: 'TREASURER', from: '2026-07-01' },
    });
    const old = await graphql(env.app, world.token.treasurerA, A.revoke, {
      input: { idempotencyKey: ikey(), groupId: G, grantId: grant, reason: 'x' },
    });
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(old.errors![0]!.extensions!.code);
    const view = await graphql(env.app, world.token.bankOfficer, A.viewSavings, {
      g: G,
      from: '2025-01-01',
      to: '2026-06-01',
    });
    expect(view.errors).toBeUndefined();
    const newTreasurer = await env.tokenFor('treasurer-a2');
    expect(
      (
        await graphql(env.app, newTreasurer, A.revoke, {
          input: { idempotencyKey: ikey(), groupId: G, grantId: grant, reason: 'new treasurer reviewed it' },
        })
      ).errors,
    ).toBeUndefined();
  });

  it('another bank cannot read under this bank’s grant, nor see its requests', async () => {
    await graphqlOk(env.app, world.token.admin, M.createUser, {
      input: { idempotencyKey: ikey(), userId: 'other-bank-officer', displayName: 'O' },
    });
    const otherBank = (
      await graphqlOk(env.app, world.token.admin, M.createBank, {
        input: { idempotencyKey: ikey(), name: 'Other Bank' },
      })
    ).createBank.id;
    await graphqlOk(env.app, world.token.admin, M.assignRole, {
      input: {
        idempotencyKey: ikey(),
        userId: 'other-bank-officer',
        tenantType: 'BANK',
        tenantId: otherBank,
        role: 'LOAN_OFFICER',
      },
    });
    const t = await env.tokenFor('other-bank-officer');
    const r = await graphql(env.app, t, A.view, { g: G, from: '2025-01-01', to: '2026-06-01' });
    expect(r.errors![0]!.message).toMatch(/has not granted your bank access/);
    const side = await graphqlOk(env.app, t, A.bankSide);
    expect(side.myBankAccess).toMatchObject({ requests: [], grants: [], readLog: { nodes: [] } });
  });
});
