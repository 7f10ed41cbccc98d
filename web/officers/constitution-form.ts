/**
 * A new version of the group's rules as the officer fills it in: prefilled from the version in
 * force, typed the way people write them (amounts in riel or dollars, interest as "5" or "2.5" per
 * cent a month, the largest loan as a percentage of her savings), and checked before it is sent —
 * each mistake named on its field. The API checks again. Pure: tested in
 * test/web/constitution-form.test.ts.
 */
import type {
  ConstitutionFieldsFragment,
  Currency,
  InterestMethod,
  MeetingFrequency,
  SetConstitutionInput,
  Weekday,
} from '../generated/graphql.ts';
import { amountText, parseAmount } from '../format.ts';
import { parseMinorUnits } from '#core/money.ts';
import { scheduleInput } from '../shell/schedule.ts';

export const MONEY_FIELDS = ['regularSaving', 'absenceFine', 'lateRepaymentFine', 'socialFundContribution'] as const;
export type MoneyField = (typeof MONEY_FIELDS)[number];

export interface RulesForm {
  effectiveFrom: string;
  frequency: MeetingFrequency;
  weekday: Weekday;
  /** "1"–"4", or "-1" for the last week; monthly meetings only. */
  weekOfMonth: string;
  regularSaving: string;
  absenceFine: string;
  lateRepaymentFine: string;
  socialFundContribution: string;
  /** Per cent a month, as typed: "5", "2.5". */
  interestPercent: string;
  interestMethod: InterestMethod;
  /** Per cent of her savings a member may owe: "300" is three times. */
  maxLoanToSavingsPercent: string;
  maxLoanTermMonths: string;
}

export type RulesField = keyof RulesForm;
/** What is wrong with a field, as a key of the message catalog. */
export type RulesProblem = 'errAmount' | 'errPercent' | 'errWholeNumber' | 'errDate';

/** "2.5" → 250 basis points; at most two decimals; null when it is not a percentage. */
export function parsePercent(text: string): number | null {
  const match = /^(\d{1,4})(?:[.,](\d{1,2}))?$/.exec(text.trim().replace(/%$/, '').trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 250 basis points → "2.5"; 500 → "5". */
export function percentText(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const cents = basisPoints % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

const amount = (value: string, currency: Currency) => amountText(parseMinorUnits(value) ?? 0n, currency);

/** The form for a new version, starting from the rules in force (or plain defaults for a group without any). */
export function rulesForm(current: ConstitutionFieldsFragment | null, currency: Currency, today: string): RulesForm {
  return {
    effectiveFrom: today,
    frequency: current?.meetingSchedule.frequency ?? 'MONTHLY',
    weekday: current?.meetingSchedule.weekday ?? 'TUESDAY',
    weekOfMonth: String(current?.meetingSchedule.weekOfMonth ?? 1),
    regularSaving: amount(current?.regularSaving ?? '0', currency),
    absenceFine: amount(current?.absenceFine ?? '0', currency),
    lateRepaymentFine: amount(current?.lateRepaymentFine ?? '0', currency),
    socialFundContribution: amount(current?.socialFundContribution ?? '0', currency),
    interestPercent: percentText(current?.monthlyInterestBasisPoints ?? 0),
    interestMethod: current?.interestMethod ?? 'FLAT',
    maxLoanToSavingsPercent: String(current?.maxLoanToSavingsPercent ?? 300),
    maxLoanTermMonths: String(current?.maxLoanTermMonths ?? 12),
  };
}

const wholeNumber = (text: string): number | null => (/^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : null);

/**
 * The form as `setConstitution`'s input, or what is wrong with each field. Bounds (a loan term of
 * at least a month, interest the constitution can hold) are the API's to enforce and explain.
 */
export function checkRules(
  form: RulesForm,
  groupId: string,
  currency: Currency,
  idempotencyKey: string,
):
  | { input: SetConstitutionInput; problems: null }
  | { input: null; problems: Partial<Record<RulesField, RulesProblem>> } {
  const problems: Partial<Record<RulesField, RulesProblem>> = {};
  const money = {} as Record<MoneyField, string>;
  for (const field of MONEY_FIELDS) {
    const minor = parseAmount(form[field], currency);
    if (minor === null) problems[field] = 'errAmount';
    else money[field] = minor.toString();
  }
  const interest = parsePercent(form.interestPercent);
  if (interest === null) problems.interestPercent = 'errPercent';
  const maxPercent = wholeNumber(form.maxLoanToSavingsPercent);
  if (maxPercent === null) problems.maxLoanToSavingsPercent = 'errWholeNumber';
  const maxTerm = wholeNumber(form.maxLoanTermMonths);
  if (maxTerm === null) problems.maxLoanTermMonths = 'errWholeNumber';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.effectiveFrom)) problems.effectiveFrom = 'errDate';
  if (Object.keys(problems).length > 0) return { input: null, problems };
  return {
    input: {
      idempotencyKey,
      groupId,
      effectiveFrom: form.effectiveFrom,
      meetingSchedule: scheduleInput(form),
      ...money,
      monthlyInterestBasisPoints: interest!,
      interestMethod: form.interestMethod,
      maxLoanToSavingsPercent: maxPercent!,
      maxLoanTermMonths: maxTerm!,
    },
    problems: null,
  };
}
