/** Unit tier: the consent state machine, expiry to the second, narrowing, and the read check. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  grantOf,
  newAccessRequest,
  askedRange,
  chooseGrant,
  scopesOfFields,
  touchedRange,
  GRANT_TRANSITIONS,
  REQUEST_TRANSITIONS,
  checkBankRead,
  grantStateAt,
  narrowRequest,
  nextGrantState,
  nextRequestState,
  requestStateAt,
  validUntil,
  type AccessRequest,
  type Grant,
  type GrantAction,
  type GrantState,
  type RequestAction,
} from '#core/access.ts';

const grant: Grant = {
  id: 'g1',
  requestId: 'r1',
  groupId: 'G',
  bankId: 'K',
  purpose: 'LOAN_ASSESSMENT',
  scopes: ['LOAN_BOOK_QUALITY', 'SAVINGS_SUMMARY'],
  dataRange: { from: '2025-01-01', to: '2026-12-31' },
  validFrom: '2026-01-15T08:00:00.000Z',
  validUntil: '2026-07-15T08:00:00.000Z',
  state: 'ACTIVE',
  approvedBy: 't',
  history: [],
};

describe('transitions', () => {
  it('terminal states are final', () => {
    for (const s of ['REVOKED', 'EXPIRED'] as GrantState[]) expect(GRANT_TRANSITIONS[s]).toEqual({});
    for (const s of ['APPROVED', 'REJECTED', 'EXPIRED'] as const) expect(REQUEST_TRANSITIONS[s]).toEqual({});
  });

  it('property: no sequence of actions reaches a state the table forbids', () => {
    const allowed: Record<GrantState, GrantState[]> = {
      ACTIVE: ['PAUSED', 'REVOKED', 'EXPIRED'],
      PAUSED: ['ACTIVE', 'REVOKED', 'EXPIRED'],
      REVOKED: [],
      EXPIRED: [],
    };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<GrantAction>('PAUSE', 'RESUME', 'REVOKE', 'EXPIRE'), { maxLength: 30 }),
        (actions) => {
          let state: GrantState = 'ACTIVE';
          let terminal = false;
          for (const a of actions) {
            const next = nextGrantState(state, a);
            if (next === null) continue;
            expect(terminal).toBe(false); // nothing moves once final
            expect(allowed[state]).toContain(next);
            state = next;
            terminal = state === 'REVOKED' || state === 'EXPIRED';
          }
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<RequestAction>('APPROVE', 'REJECT', 'EXPIRE'), { maxLength: 10 }),
        (actions) => {
          let state: AccessRequest['state'] = 'PENDING';
          let moves = 0;
          for (const a of actions) {
            const next = nextRequestState(state, a);
            if (next) {
              state = next;
              moves++;
            }
          }
          expect(moves).toBeLessThanOrEqual(1); // a request is decided once
        },
      ),
    );
  });
});

describe('expiry holds at read time, to the second', () => {
  it('a grant is active until the second before validUntil and expired at it', () => {
    expect(grantStateAt(grant, new Date('2026-07-15T07:59:59.999Z'))).toBe('ACTIVE');
    expect(grantStateAt(grant, new Date('2026-07-15T08:00:00.000Z'))).toBe('EXPIRED');
    expect(grantStateAt({ ...grant, state: 'PAUSED' }, new Date('2026-07-15T08:00:00.000Z'))).toBe('EXPIRED');
    expect(grantStateAt({ ...grant, state: 'REVOKED' }, new Date('2026-07-15T08:00:00.000Z'))).toBe('REVOKED');
  });
  it('a request unanswered for 30 days expires at that second', () => {
    const r = { state: 'PENDING' as const, createdAt: '2026-01-01T00:00:00.000Z' };
    expect(requestStateAt(r, new Date('2026-01-30T23:59:59.999Z'))).toBe('PENDING');
    expect(requestStateAt(r, new Date('2026-01-31T00:00:00.000Z'))).toBe('EXPIRED');
  });
  it('validity runs whole months from the approval instant', () => {
    expect(validUntil(new Date('2026-01-31T10:11:12.000Z'), 1)).toBe('2026-02-28T10:11:12.000Z');
    expect(validUntil(new Date('2026-01-15T08:00:00.000Z'), 12)).toBe('2027-01-15T08:00:00.000Z');
  });
});

describe('checkBankRead', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  const range = { from: '2025-06-01', to: '2026-03-01' };
  it.each([
    ['no grant', undefined, ['SAVINGS_SUMMARY'], range, 'NO_GRANT'],
    ['paused', { ...grant, state: 'PAUSED' }, ['SAVINGS_SUMMARY'], range, 'NOT_ACTIVE'],
    ['revoked', { ...grant, state: 'REVOKED' }, ['SAVINGS_SUMMARY'], range, 'NOT_ACTIVE'],
    ['expired', { ...grant, validUntil: '2026-03-01T00:00:00.000Z' }, ['SAVINGS_SUMMARY'], range, 'NOT_ACTIVE'],
    ['wrong scope', grant, ['SAVINGS_SUMMARY', 'CREDIT_GRADE'], range, 'SCOPE_MISSING'],
    ['outside range', grant, ['SAVINGS_SUMMARY'], { from: '2024-12-31', to: '2026-03-01' }, 'OUT_OF_RANGE'],
    ['all covered', grant, ['SAVINGS_SUMMARY', 'LOAN_BOOK_QUALITY'], range, null],
  ] as const)('%s', (_l, g, scopes, r, reason) => {
    const refusal = checkBankRead(g as Grant | undefined, [...scopes], r, now);
    expect(refusal?.reason ?? null).toBe(reason);
  });
  it('names exactly the missing scopes', () => {
    expect(checkBankRead(grant, ['CREDIT_GRADE', 'SAVINGS_SUMMARY', 'BANK_LOAN_HISTORY'], range, now)).toEqual({
      reason: 'SCOPE_MISSING',
      missing: ['CREDIT_GRADE', 'BANK_LOAN_HISTORY'],
    });
  });
});

describe('the treasurer may narrow a request, never widen it', () => {
  const request = {
    ...grant,
    scopes: ['SAVINGS_SUMMARY', 'LOAN_BOOK_QUALITY'],
    durationMonths: 6,
    dataRange: { from: '2025-01-01', to: '2026-01-01' },
  } as unknown as AccessRequest;
  it('narrows', () => {
    expect(
      narrowRequest(request, {
        scopes: ['SAVINGS_SUMMARY'],
        durationMonths: 3,
        dataRange: { from: '2025-06-01', to: '2026-01-01' },
      }),
    ).toEqual({
      scopes: ['SAVINGS_SUMMARY'],
      durationMonths: 3,
      dataRange: { from: '2025-06-01', to: '2026-01-01' },
    });
  });
  it.each([
    [{ scopes: ['CREDIT_GRADE'] }, 'input.scopes'],
    [{ durationMonths: 7 }, 'input.durationMonths'],
    [{ dataRange: { from: '2024-01-01', to: '2026-01-01' } }, 'input.dataRange'],
  ] as const)('refuses widening %j', (choice, field) => {
    expect(narrowRequest(request, choice as never)).toMatchObject({ field });
  });
});

describe('what a bank read covers', () => {
  it('the fields asked name their scopes, each once, sorted', () => {
    expect(
      scopesOfFields([
        'savingsSummary',
        'creditProfile.grade',
        'creditProfile.suggestedLoan',
        'creditProfile.savings',
        'group',
      ]),
    ).toEqual(['CREDIT_GRADE', 'SAVINGS_SUMMARY']);
  });

  it('without dates, the range granted up to today; never ending before it starts', () => {
    expect(askedRange({}, grant, '2026-03-01')).toEqual({
      from: grant.dataRange.from,
      to: '2026-03-01' < grant.dataRange.to ? '2026-03-01' : grant.dataRange.to,
    });
    expect(askedRange({ from: '2026-02-01', to: '2026-02-10' }, grant, '2026-03-01')).toEqual({
      from: '2026-02-01',
      to: '2026-02-10',
    });
    expect(askedRange({ from: '2026-05-01' }, undefined, '2026-03-01')).toEqual({
      from: '2026-05-01',
      to: '2026-05-01',
    });
  });

  it("today's balances touch today, even when the range asked ended before", () => {
    expect(touchedRange({ from: '2025-01-01', to: '2025-06-30' }, ['SAVINGS_SUMMARY'], '2026-03-01')).toEqual({
      from: '2025-01-01',
      to: '2026-03-01',
    });
    expect(touchedRange({ from: '2025-01-01', to: '2025-06-30' }, ['MEETING_DISCIPLINE'], '2026-03-01')).toEqual({
      from: '2025-01-01',
      to: '2025-06-30',
    });
  });

  it('the newest grant that allows the read, else the newest to explain the refusal', () => {
    const older = { ...grant, id: 'older', validFrom: '2025-01-01T00:00:00.000Z' };
    const newer = { ...grant, id: 'newer', validFrom: '2026-02-01T00:00:00.000Z' };
    expect(chooseGrant([older, newer], () => true)?.id).toBe('newer');
    expect(chooseGrant([older, newer], (g) => g.id === 'older')?.id).toBe('older');
    expect(chooseGrant([older, newer], () => false)?.id).toBe('newer');
    expect(chooseGrant([], () => true)).toBeUndefined();
  });
});

describe('requests and grants as they are made', () => {
  const now = new Date('2026-01-15T08:00:00.000Z');
  const request = newAccessRequest(
    {
      id: 'r',
      groupId: 'A',
      bankId: 'K',
      requestedBy: 'officer',
      purpose: 'LOAN_ASSESSMENT',
      scopes: ['SAVINGS_SUMMARY', 'CREDIT_GRADE'],
      dataRange: { from: '2025-01-01', to: '2026-01-01' },
      durationMonths: 6,
      message: 'for a loan',
    },
    now,
  );
  it('a request waits for the treasurer, with who asked and why in its history', () => {
    expect(request).toMatchObject({
      state: 'PENDING',
      grantId: null,
      message: 'for a loan',
      createdAt: now.toISOString(),
    });
    expect(request.history).toEqual([
      { from: null, to: 'PENDING', by: 'officer', at: now.toISOString(), reason: 'for a loan' },
    ]);
  });
  it('a grant holds what the treasurer narrowed it to, from now for the months chosen, and nothing of the duration itself', () => {
    const g = grantOf(
      request,
      { scopes: ['SAVINGS_SUMMARY'], dataRange: { from: '2025-06-01', to: '2026-01-01' }, durationMonths: 3 },
      { id: 'g', by: 'treasurer', now, reason: null },
    );
    expect(g).toMatchObject({
      id: 'g',
      requestId: 'r',
      groupId: 'A',
      bankId: 'K',
      scopes: ['SAVINGS_SUMMARY'],
      validFrom: now.toISOString(),
      validUntil: '2026-04-15T08:00:00.000Z',
      state: 'ACTIVE',
      approvedBy: 'treasurer',
    });
    expect('durationMonths' in g).toBe(false);
  });
});
