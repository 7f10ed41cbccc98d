/**
 * A group's constitution: the rules it agreed for saving, lending, fines and its social fund.
 * Versioned: each version applies from its date until the next one.
 */
import * as z from 'zod';
import { INTEREST_METHODS, type InterestMethod } from './loans.ts';
import type { MeetingSchedule } from './schedule.ts';
import { meetingScheduleSchema } from './groups.ts';
import { dateSchema, idempotencyKeySchema, nonNegativeMoneySchema, says } from './validation.ts';
import { invalid } from './messages.ts';

export interface Constitution {
  groupId: string;
  effectiveFrom: string;
  meetingSchedule: MeetingSchedule;
  /** What each member is expected to save at each meeting. */
  regularSaving: bigint;
  /** Interest on member loans, per month, in basis points (500 = 5% a month). */
  monthlyInterestBasisPoints: number;
  interestMethod: InterestMethod;
  /** A member may owe at most this share of her savings, in percent (300 = 3× savings). */
  maxLoanToSavingsPercent: number;
  maxLoanTermMonths: number;
  absenceFine: bigint;
  lateRepaymentFine: bigint;
  /** What each member pays into the social fund at each meeting. */
  socialFundContribution: bigint;
  recordedBy: string;
  recordedAt: string;
}

export const setConstitutionInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  groupId: z.string(),
  effectiveFrom: dateSchema,
  meetingSchedule: meetingScheduleSchema,
  regularSaving: nonNegativeMoneySchema,
  monthlyInterestBasisPoints: z
    .number()
    .int()
    .min(0, says(invalid.notNegative))
    .max(2000, says(invalid.atMost(2000, '20% a month'))),
  interestMethod: z.enum(INTEREST_METHODS),
  maxLoanToSavingsPercent: z
    .number()
    .int()
    .min(0, says(invalid.notNegative))
    .max(1000, says(invalid.atMost(1000, '10× savings'))),
  maxLoanTermMonths: z
    .number()
    .int()
    .min(1, says(invalid.atLeast(1)))
    .max(60, says(invalid.atMost(60))),
  absenceFine: nonNegativeMoneySchema,
  lateRepaymentFine: nonNegativeMoneySchema,
  socialFundContribution: nonNegativeMoneySchema,
});
export type SetConstitutionInput = z.infer<typeof setConstitutionInputSchema>;

/** The version in force on `date`: the latest whose effectiveFrom is on or before it. */
export function constitutionOn<T extends { effectiveFrom: string }>(versions: T[], date: string): T | undefined {
  return versions
    .filter((v) => v.effectiveFrom <= date)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
}
