/**
 * Unit tier: the message catalogue — every message in Khmer, saying as much as its English.
 * (The policy's refusals are checked in test/auth/policy.test.ts; the API's in the matrix and fuzz sweeps.)
 */
import { describe, expect, it } from 'vitest';
import { denied, invalid, say, type Text } from '#core/messages.ts';
import { parseInput, textSchema, dateSchema, placeCodeSchema } from '#core/validation.ts';
import { addMemberInputSchema } from '#core/groups.ts';
import type { ValidationError } from '#core/errors.ts';
import * as z from 'zod';
import { expectKhmerAsSpecific, specifics } from '../helpers/khmer.ts';

type Catalogue = Record<string, Text | ((...args: never[]) => Text)>;
type Samples<C extends Catalogue> = {
  [K in keyof C as C[K] extends Text ? never : K]: C[K] extends (...args: infer A) => Text ? A : never;
};

// Distinctive arguments for every message that takes some: a new one fails to compile until it has a row here.
const reason: Text = { en: 'only SOMEONE_ELSE may', km: 'មានតែ SOMEONE_ELSE' };
const sayArgs: Samples<typeof say> = {
  requestInvalid: ['Cannot query field "nope" on type "Query".'],
  notAllowed: [reason],
  notVisible: ['group'],
  noSuch: ['bank loan'],
  readCap: [50],
  pageSize: [100],
  changedMeanwhile: ['PENDING'],
  tooLarge: [401234],
  dateTimeFormat: ['"2026-13-01"'],
  moneyFormat: ['12.5'],
  dateValue: [invalid.notACalendarDate, '"2026-02-30"'],
  onlyVersion: ['NABARD_GRADING'],
  roleOfTenant: ['BANK', ['LOAN_OFFICER']],
  officerHoldsOtherRole: ['LOAN_OFFICER', 'BANK'],
  roleHolderIsOfficer: ['TREASURER'],
  roleNotHeld: ['LOAN_OFFICER', 'BANK'],
  alreadyInOffice: ['user-7'],
  afterTermBegan: ['2025-03-04'],
  betweenFormingAndToday: ['2019-01-07'],
  beforeForming: ['2019-01-07'],
  historyMonths: [60],
  tooManyCorrections: [57],
  betweenJoiningAndToday: ['2020-02-02'],
  notBeforeJoined: ['2024-05-06'],
  tooDeep: [4],
  constitutionExists: ['2026-01-01'],
  meetingRecorded: ['2026-11-02'],
  tooManyLoans: [95],
  wouldGoNegative: ['cash', 'សាច់ប្រាក់', 1200n],
  memberRequired: ['SAVING'],
  notAMemberOn: ['2026-11-02'],
  moreThanSavings: [40000n],
  noConstitution: ['2026-11-02'],
  termBeyondConstitution: [12],
  beyondLoanLimit: [300, 100000n, 300000n, 250000n],
  repaidBeforeMade: ['2026-10-05'],
  moreThanOwed: [51000n],
  wholePrincipal: [70000n],
  moreThanOwedToBank: [1500000n],
  notReversible: ['LOAN_WRITE_OFF'],
  approvedLoanOnly: ['REQUESTED'],
  loanDecided: ['DECLINED'],
  everyMemberListed: ['m-17'],
  notAMemberOfGroupOn: ['2026-11-02'],
  grantCannot: ['REVOKED', 'RESUME'],
  requestIs: ['REJECTED', 'APPROVE'],
};
const deniedArgs: Samples<typeof denied> = {
  grantNotActive: ['EXPIRED'],
  scopeMissing: [['REPAYMENT_HISTORY', 'CREDIT_GRADE']],
  outOfRange: ['2026-09-22', '2026-11-22'],
};
const invalidArgs: Samples<typeof invalid> = {
  atMostChars: [200],
  atLeast: [1],
  atMost: [1000, '10% a month'],
  atMostMonths: [24],
  atMostGroups: [200],
  atMostListed: [60, 'meetings', 'ការប្រជុំ'],
};

function every<C extends Catalogue>(catalogue: C, args: Record<string, readonly unknown[]>): [string, Text][] {
  return Object.entries(catalogue).map(([name, entry]) => [
    name,
    typeof entry === 'function' ? (entry as (...a: unknown[]) => Text)(...args[name]!) : entry,
  ]);
}

describe('the message catalogue', () => {
  const all = [...every(say, sayArgs), ...every(denied, deniedArgs), ...every(invalid, invalidArgs)];

  it.each(all)('%s: Khmer that names everything the English does', (name, text) => {
    expect(text.en.trim(), name).not.toBe('');
    expectKhmerAsSpecific(text.en, text.km, name);
  });

  it('says what cannot be done in words, not codes', () => {
    expect(say.requestIs('PENDING', 'WITHDRAW').en).toBe('This request is pending (PENDING); it cannot be withdrawn.');
    expect(say.requestIs('APPROVED', 'REJECT').en).toMatch(/cannot be rejected\.$/);
    expect(say.grantCannot('REVOKED', 'RESUME').km).toMatch(/មិនអាចបន្តបានទេ/);
  });

  it('the check itself notices a Khmer message that drops a figure, a field or a code', () => {
    expect(specifics('input.amount: is more than the balance owed (51000) for SAVING on 2026-11-02')).toEqual(
      expect.arrayContaining(['51000', '2026-11-02', 'input.amount', 'SAVING']),
    );
    expect(() => expectKhmerAsSpecific('must be at most 200 characters', 'តម្លៃមិនត្រឹមត្រូវ')).toThrow();
    expect(() => expectKhmerAsSpecific('must be at most 200 characters', 'ត្រូវតែមិនលើសពី ២០០ តួអក្សរ')).not.toThrow();
  });
});

describe('validation speaks Khmer as precisely as English', () => {
  const refusal = (schema: z.ZodType, input: unknown): ValidationError => {
    try {
      parseInput(schema, input);
    } catch (e) {
      return e as ValidationError;
    }
    throw new Error('accepted');
  };

  it.each([
    ['a built-in type check (zod Khmer locale)', z.object({ n: z.number() }), { n: 'seven' }, 'input.n'],
    [
      'a built-in enum check',
      addMemberInputSchema,
      { idempotencyKey: 'k-12345678', groupId: 'g', name: 'Sokha', sex: 'X', joinedOn: '2026-01-01' },
      'input.sex',
    ],
    ['a length limit of our own', z.object({ name: textSchema(10) }), { name: 'abcdefghijkl' }, 'input.name'],
    ['an impossible date', z.object({ date: dateSchema }), { date: '2026-02-30' }, 'input.date'],
    ['an unknown place', z.object({ placeCode: placeCodeSchema }), { placeCode: '999999' }, 'input.placeCode'],
  ])('%s', (_what, schema, input, field) => {
    const e = refusal(schema as z.ZodType, input);
    expect(e.field).toBe(field);
    expect(e.messageKm.startsWith(`${field}៖ `)).toBe(true);
    expect(e.messageKm).not.toMatch(/តម្លៃមិនត្រឹមត្រូវ$/);
    expectKhmerAsSpecific(e.message, e.messageKm);
  });
});
