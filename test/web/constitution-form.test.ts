/** Unit tier: a new version of the rules as the officer types it becomes setConstitution's input, checked first. */
import { describe, expect, it } from 'vitest';
import { checkRules, parsePercent, percentText, rulesForm } from '../../web/officers/constitution-form.ts';

const inForce = {
  effectiveFrom: '2024-01-01',
  meetingSchedule: {
    frequency: 'MONTHLY' as const,
    weekday: 'TUESDAY' as const,
    weekOfMonth: 1,
    description: 'first Tuesday of the month',
    descriptionKm: '',
  },
  regularSaving: '5000',
  monthlyInterestBasisPoints: 250,
  interestMethod: 'DECLINING_BALANCE' as const,
  maxLoanToSavingsPercent: 300,
  maxLoanTermMonths: 12,
  absenceFine: '1000',
  lateRepaymentFine: '2000',
  socialFundContribution: '500',
};

describe('percentages as people type them', () => {
  it.each([
    ['5', 500],
    ['2.5', 250],
    ['2,5', 250],
    ['0.25', 25],
    ['3 %', 300],
    ['0', 0],
  ])('%s is %i basis points', (text, bps) => expect(parsePercent(text)).toBe(bps));

  it.each(['', 'five', '2.555', '-1', '1e2', '5..0'])('refuses %j', (text) => expect(parsePercent(text)).toBeNull());

  it.each([
    [500, '5'],
    [250, '2.5'],
    [25, '0.25'],
    [0, '0'],
  ])('%i basis points are written %s, and read back the same', (bps, text) => {
    expect(percentText(bps)).toBe(text);
    expect(parsePercent(percentText(bps))).toBe(bps);
  });
});

describe('a new version of the rules', () => {
  it('starts from the rules in force, from today, and sends them back unchanged if nothing is changed', () => {
    const form = rulesForm(inForce, 'KHR', '2026-11-23');
    expect(form).toMatchObject({ effectiveFrom: '2026-11-23', regularSaving: '5000', interestPercent: '2.5' });
    const { input } = checkRules(form, 'g1', 'KHR', 'key-1');
    const { effectiveFrom: _from, meetingSchedule, ...rules } = inForce;
    const { description: _d, descriptionKm: _k, ...schedule } = meetingSchedule;
    expect(input).toEqual({
      idempotencyKey: 'key-1',
      groupId: 'g1',
      effectiveFrom: '2026-11-23',
      meetingSchedule: schedule,
      ...rules,
    });
  });

  it('reads amounts with separators and currency signs, dollars in cents', () => {
    const form = { ...rulesForm(inForce, 'USD', '2026-11-23'), regularSaving: '$1.25', absenceFine: '1,000' };
    expect(checkRules(form, 'g1', 'USD', 'k').input).toMatchObject({ regularSaving: '125', absenceFine: '100000' });
  });

  it('names every field that is wrong, and sends nothing', () => {
    const form = {
      ...rulesForm(inForce, 'KHR', '2026-11-23'),
      regularSaving: '5000.5',
      interestPercent: 'five',
      maxLoanToSavingsPercent: '3x',
      maxLoanTermMonths: '',
      effectiveFrom: '',
    };
    expect(checkRules(form, 'g1', 'KHR', 'k')).toEqual({
      input: null,
      problems: {
        regularSaving: 'errAmount',
        interestPercent: 'errPercent',
        maxLoanToSavingsPercent: 'errWholeNumber',
        maxLoanTermMonths: 'errWholeNumber',
        effectiveFrom: 'errDate',
      },
    });
  });

  it('weekly and fortnightly meetings have no week of the month', () => {
    const form = {
      ...rulesForm(inForce, 'KHR', '2026-11-23'),
      frequency: 'WEEKLY' as const,
      weekday: 'FRIDAY' as const,
    };
    expect(checkRules(form, 'g1', 'KHR', 'k').input?.meetingSchedule).toEqual({
      frequency: 'WEEKLY',
      weekday: 'FRIDAY',
      weekOfMonth: null,
    });
  });

  it('a group with no rules yet starts from plain defaults', () => {
    expect(rulesForm(null, 'KHR', '2026-11-23')).toMatchObject({
      frequency: 'MONTHLY',
      regularSaving: '0',
      interestPercent: '0',
      maxLoanToSavingsPercent: '300',
    });
  });
});
