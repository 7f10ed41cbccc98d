/**
 * Credit profiles and scorecards, pure. A profile is computed from what the books keep on every
 * posting (balances, the last 25 months, the last 12 meetings), so its cost does not grow with
 * the years of history. Scorecards are versioned; every indicator shows its value, points, maximum
 * and a one-line reason in English and Khmer, and every answer names the scorecard and version.
 *
 * Points are whole numbers: the bank-linkage card scores out of 100, the VSLA card out of 100
 * hundredths (its 0.20 is 20 here), so no floats enter a decision.
 */
import type { Activity, MonthActivity } from './activity.ts';
import { emptyMonth } from './activity.ts';
import type { Constitution } from './constitution.ts';
import { addMonths, daysBetween, daysInArrears, par30BasisPoints, schedule } from './loans.ts';
import type { Books } from './ledger.ts';
import type { Frequency } from './schedule.ts';

export interface CreditFacts {
  asOf: string;
  formedOn: string;
  firstPostedOn: string | null;
  lastPostedOn: string | null;
  memberCount: number;
  frequency: Frequency;
  constitution: Pick<Constitution, 'regularSaving' | 'maxLoanToSavingsPercent'> | undefined;
  totalSavings: bigint;
  loansOutstanding: bigint;
  par30BasisPoints: number;
  /** Outstanding principal of loans more than 90 days late: what the group is likely to lose. */
  atRisk90: bigint;
  activity: Activity;
  /** How the group repaid bank loans before: NONE, NEVER_LATE, EVER_LATE, DEFAULTED_90 (worst first wins). */
  bankLoanRecord: 'NONE' | 'NEVER_LATE' | 'EVER_LATE' | 'DEFAULTED_90';
  /**
   * The data range the reader was granted, when one limits what the facts may rest on: then
   * `activity` holds only months wholly inside it and meetings dated inside it, and history counts
   * from its start.
   */
  range: DataRange | null;
}

export interface DataRange {
  from: string;
  to: string;
}

/** True when every day of the month (YYYY-MM) lies inside the range. */
export function monthWithin(month: string, range: DataRange): boolean {
  const first = `${month}-01`;
  const last = new Date(Date.parse(`${addMonths(first, 1)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return first >= range.from && last <= range.to;
}

/** A bank loan lies in the range when it was paid out by its end and not repaid before its start. */
export function bankLoanWithin(
  loan: { disbursedOn: string | null; repaidOn: string | null },
  range: DataRange,
): boolean {
  return (
    loan.disbursedOn !== null && loan.disbursedOn <= range.to && (loan.repaidOn === null || loan.repaidOn >= range.from)
  );
}

/**
 * The activity a reader granted `range` may see: months wholly inside it (a month that began
 * before the range would carry days the group never granted) and meetings dated inside it.
 */
export function activityWithin(activity: Activity, range: DataRange): Activity {
  return {
    months: Object.fromEntries(Object.entries(activity.months).filter(([month]) => monthWithin(month, range))),
    recentMeetings: activity.recentMeetings.filter((m) => m.date >= range.from && m.date <= range.to),
  };
}

export interface Indicator {
  key: string;
  value: string;
  points: number;
  max: number;
  reason: { en: string; km: string };
}

export type Grade = 'A' | 'B' | 'C';
export type Decision = 'DECLINE' | 'APPROVE_AT_70_PERCENT' | 'APPROVE';

export interface ScorecardResult {
  scorecard: string;
  version: number;
  /** False when the group has too little history to be graded; then no grade is given. */
  eligible: boolean;
  notEligibleReason: { en: string; km: string } | null;
  indicators: Indicator[];
  points: number;
  maxPoints: number;
  grade: Grade | null;
  decision: Decision | null;
  /** VSLA: the most a bank should lend (before the decision's 70%). */
  loanCap: bigint | null;
}

/** The facts a profile needs, from the books and the group's records as of `asOf`. */
export function creditFacts(input: {
  books: Books;
  formedOn: string;
  memberCount: number;
  frequency: Frequency;
  constitution: Constitution | undefined;
  bankLoanRecord?: CreditFacts['bankLoanRecord'];
  asOf: string;
  /** The granted data range: every figure then rests only on data dated inside it. */
  range?: DataRange;
}): CreditFacts {
  const range = input.range ?? null;
  const first = input.books.firstPostedOn ?? null;
  const last = input.books.lastPostedOn;
  const loans = Object.values(input.books.loans).map((l) => ({
    outstanding: l.principal - l.principalPaid,
    daysInArrears: daysInArrears(l, l, input.asOf),
  }));
  return {
    asOf: input.asOf,
    formedOn: input.formedOn,
    // History in Krom counts from the later of the first posting and the range's start.
    firstPostedOn: first && range && range.from > first ? range.from : first,
    lastPostedOn: last && range && last > range.to ? range.to : last,
    memberCount: input.memberCount,
    frequency: input.frequency,
    constitution: input.constitution,
    totalSavings: input.books.balances.savings,
    loansOutstanding: input.books.balances.loansOutstanding,
    par30BasisPoints: par30BasisPoints(loans),
    atRisk90: loans.filter((l) => l.daysInArrears > 90).reduce((s, l) => s + l.outstanding, 0n),
    activity: range ? activityWithin(input.books.activity, range) : input.books.activity,
    bankLoanRecord: input.bankLoanRecord ?? 'NONE',
    range,
  };
}

/** The `n` calendar months ending with the month before `asOf`'s (complete months only). */
export function lastMonths(asOf: string, n: number, offset = 0): string[] {
  const first = addMonths(`${asOf.slice(0, 7)}-01`, -(n + offset));
  return Array.from({ length: n }, (_, i) => addMonths(first, i).slice(0, 7));
}

export function sumMonths(activity: Activity, months: string[]): MonthActivity {
  const total = emptyMonth();
  for (const m of months) {
    const a = activity.months[m];
    if (!a) continue;
    total.saved += a.saved;
    total.withdrawn += a.withdrawn;
    total.lent += a.lent;
    total.repaid += a.repaid;
    total.interest += a.interest;
    total.meetings += a.meetings;
    total.listed += a.listed;
    total.present += a.present;
    total.writtenOff += a.writtenOff;
  }
  return total;
}

const PER_MONTH: Record<Frequency, number> = { MONTHLY: 1, FORTNIGHTLY: 2, WEEKLY: 52 / 12 };

export function expectedMeetings(frequency: Frequency, months: number): number {
  return Math.round(PER_MONTH[frequency] * months);
}

/** Whole months of books kept in Krom by `asOf`. */
export function monthsOfBooks(f: Pick<CreditFacts, 'firstPostedOn' | 'asOf'>): number {
  if (!f.firstPostedOn) return 0;
  let months = 0;
  while (addMonths(f.firstPostedOn, months + 1) <= f.asOf) months++;
  return months;
}

/**
 * a / b in basis points, rounded down (0 when b is 0): a value just under a band's threshold
 * never rounds up into the band.
 */
export function ratioBp(a: bigint | number, b: bigint | number): number {
  const x = BigInt(a);
  const y = BigInt(b);
  if (y <= 0n) return 0;
  const q = (x * 10000n) / y;
  return Number(x * 10000n < q * y ? q - 1n : q); // floor for negatives too
}

const pct = (bp: number) => `${(bp / 100).toFixed(1)}%`;

/** Points for a value by bands: the first band whose threshold the value reaches wins. */
function band(value: number, bands: [threshold: number, points: number][], otherwise: number): number {
  for (const [threshold, points] of bands) if (value >= threshold) return points;
  return otherwise;
}

/** The answer for a group with too little history: the reason, and no grade or decision. */
function notEnoughHistory(
  base: Pick<ScorecardResult, 'scorecard' | 'version' | 'maxPoints' | 'loanCap'>,
  kept: number,
  needed: number,
  f: CreditFacts,
): ScorecardResult {
  // When the granted range, not the group's books, is what is short, say so: the group may well
  // have the history, and a wider grant is what would let the bank grade it.
  const rangeIsShort = f.range !== null && f.firstPostedOn === f.range.from;
  return {
    ...base,
    eligible: false,
    notEligibleReason: rangeIsShort
      ? {
          en: `Not enough history in the range you were granted: ${kept} month(s) from ${f.range!.from}; at least ${needed} are needed.`,
          km: `ប្រវត្តិមិនគ្រប់គ្រាន់ក្នុងរយៈពេលដែលអ្នកត្រូវបានអនុញ្ញាត៖ ${kept} ខែ ចាប់ពី ${f.range!.from} ត្រូវការយ៉ាងហោចណាស់ ${needed} ខែ។`,
        }
      : {
          en: `Not enough history: ${kept} month(s) of books in Krom; at least ${needed} are needed.`,
          km: `ប្រវត្តិមិនទាន់គ្រប់គ្រាន់៖ មានបញ្ជី ${kept} ខែ ត្រូវការយ៉ាងហោចណាស់ ${needed} ខែ។`,
        },
    indicators: [],
    points: 0,
    grade: null,
    decision: null,
  };
}

// ——— Bank-linkage eligibility (India's SHG–bank linkage norms), version 1 ———

function bankLinkageV1(f: CreditFacts): ScorecardResult {
  const base = { scorecard: 'BANK_LINKAGE', version: 1, maxPoints: 100, loanCap: null };
  const kept = monthsOfBooks(f);
  if (kept < 6) return notEnoughHistory(base, kept, 6, f);
  const six = lastMonths(f.asOf, 6);
  const recent = sumMonths(f.activity, six);
  const expected = expectedMeetings(f.frequency, 6);
  const meetingsBp = ratioBp(recent.meetings, expected);
  const allowedSavings = (f.constitution?.regularSaving ?? 0n) * BigInt(f.memberCount) * BigInt(recent.meetings);
  const savingsBp = allowedSavings > 0n ? ratioBp(recent.saved, allowedSavings) : 0;
  const utilisationBp = ratioBp(f.loansOutstanding, f.totalSavings);
  const medianLag = median(f.activity.recentMeetings.map((m) => m.recordedAfterDays)) ?? Number.POSITIVE_INFINITY;
  const staleDays = f.lastPostedOn ? daysBetween(f.lastPostedOn, f.asOf) : Number.POSITIVE_INFINITY;

  const indicators: Indicator[] = [
    {
      key: 'REGULAR_MEETINGS',
      value: `${recent.meetings} of ${expected} meetings in 6 months (${pct(meetingsBp)})`,
      points: band(
        meetingsBp,
        [
          [9000, 20],
          [7500, 15],
          [5000, 10],
        ],
        0,
      ),
      max: 20,
      reason: {
        en: 'Meets as its constitution says: 90% of meetings for full marks.',
        km: 'ប្រជុំតាមលក្ខន្តិកៈ៖ ៩០% នៃការប្រជុំទទួលពិន្ទុពេញ។',
      },
    },
    {
      key: 'REGULAR_SAVINGS',
      value: `${recent.saved} of ${allowedSavings} expected (${pct(savingsBp)})`,
      points: band(
        savingsBp,
        [
          [9000, 20],
          [7500, 15],
          [5000, 10],
        ],
        0,
      ),
      max: 20,
      reason: {
        en: 'Members save the agreed amount at each meeting: 90% for full marks.',
        km: 'សមាជិកសន្សំតាមចំនួនកំណត់៖ ៩០% ទទួលពិន្ទុពេញ។',
      },
    },
    {
      key: 'INTERNAL_LENDING',
      value: `${pct(utilisationBp)} of savings lent out`,
      points: band(
        utilisationBp,
        [
          [6000, 20],
          [4000, 15],
          [2000, 10],
        ],
        0,
      ),
      max: 20,
      reason: {
        en: 'Savings are lent to members, not left idle: 60% lent for full marks.',
        km: 'ប្រាក់សន្សំត្រូវបានឱ្យសមាជិកខ្ចី៖ ៦០% ទទួលពិន្ទុពេញ។',
      },
    },
    {
      key: 'TIMELY_REPAYMENT',
      value: f.loansOutstanding > 0n ? `PAR30 ${pct(f.par30BasisPoints)}` : 'no loans outstanding',
      points:
        f.loansOutstanding > 0n
          ? band(
              -f.par30BasisPoints,
              [
                [-500, 20],
                [-1000, 15],
                [-2000, 10],
              ],
              0,
            )
          : 10,
      max: 20,
      reason: {
        en: 'Loans are repaid on time: PAR30 of 5% or less for full marks.',
        km: 'សងប្រាក់កម្ចីទាន់ពេល៖ PAR30 មិនលើស ៥% ទទួលពិន្ទុពេញ។',
      },
    },
    {
      key: 'BOOKS_UP_TO_DATE',
      value: Number.isFinite(medianLag)
        ? `meetings recorded ${medianLag} day(s) after (median); last entry ${staleDays} day(s) ago`
        : 'no meetings recorded',
      points:
        staleDays > 45
          ? 0
          : band(
              -medianLag,
              [
                [-7, 20],
                [-30, 15],
                [-60, 10],
              ],
              0,
            ),
      max: 20,
      reason: {
        en: 'Books are written within a week of each meeting and kept current.',
        km: 'កត់ត្រាបញ្ជីក្នុងរយៈពេលមួយសប្តាហ៍បន្ទាប់ពីប្រជុំ។',
      },
    },
  ];
  const points = indicators.reduce((s, i) => s + i.points, 0);
  const grade: Grade = points >= 85 ? 'A' : points >= 75 ? 'B' : 'C';
  return { ...base, eligible: true, notEligibleReason: null, indicators, points, grade, decision: null };
}

// ——— The VSLA scorecard (Barclays, Grameen Foundation and CARE, Uganda), version 1 ———

function vslaV1(f: CreditFacts, requested: bigint | null): ScorecardResult {
  const base = { scorecard: 'VSLA', version: 1, maxPoints: 100 };
  const kept = monthsOfBooks(f);
  const twelve = lastMonths(f.asOf, 12);
  const cycle = sumMonths(f.activity, twelve);
  const previous = sumMonths(f.activity, lastMonths(f.asOf, 12, 12));
  if (kept < 3) return notEnoughHistory({ ...base, loanCap: null }, kept, 3, f);
  const attendanceBp = ratioBp(cycle.present, cycle.listed);
  const cycleMonths = Math.min(kept, 12);
  const members = BigInt(Math.max(1, f.memberCount));
  const perMember = cycle.saved / members;
  const perMemberBefore = previous.saved / members;
  const allowed = (f.constitution?.regularSaving ?? 0n) * members * BigInt(cycle.meetings);
  const savingsRateBp = allowed > 0n ? ratioBp(cycle.saved, allowed) : 0;
  // Lost: written off this cycle, plus what is more than 90 days late and likely to be.
  const lossBp = ratioBp(cycle.writtenOff + f.atRisk90, f.loansOutstanding + cycle.writtenOff);

  let shareOutPoints: number;
  let shareOutValue: string;
  if (kept < 12) [shareOutPoints, shareOutValue] = [0, 'first cycle'];
  else if (kept < 24) [shareOutPoints, shareOutValue] = [5, 'second cycle'];
  else {
    const changeBp = perMemberBefore > 0n ? ratioBp(perMember - perMemberBefore, perMemberBefore) : 10000;
    shareOutValue = `${perMember} per member against ${perMemberBefore} the cycle before`;
    shareOutPoints = changeBp < -500 ? 10 : changeBp <= 500 ? 15 : 20;
  }

  const bankPoints = { NONE: 0, DEFAULTED_90: 7, EVER_LATE: 14, NEVER_LATE: 20 }[f.bankLoanRecord];
  const indicators: Indicator[] = [
    {
      key: 'ATTENDANCE',
      value: cycleMonths < 3 ? `cycle of ${cycleMonths} month(s)` : `${pct(attendanceBp)} average attendance`,
      points:
        cycleMonths < 3
          ? 0
          : band(
              attendanceBp,
              [
                [7500, 20],
                [5000, 14],
              ],
              7,
            ),
      max: 20,
      reason: {
        en: 'Average attendance this cycle: 75% or more for full marks.',
        km: 'វត្តមានជាមធ្យមក្នុងវដ្តនេះ៖ ៧៥% ឬលើសទទួលពិន្ទុពេញ។',
      },
    },
    {
      key: 'SHARE_OUT_GROWTH',
      value: shareOutValue,
      points: shareOutPoints,
      max: 20,
      reason: {
        en: 'Savings per member against the previous cycle: higher earns full marks.',
        km: 'ប្រាក់សន្សំក្នុងម្នាក់ធៀបនឹងវដ្តមុន៖ ខ្ពស់ជាងទទួលពិន្ទុពេញ។',
      },
    },
    {
      key: 'SAVINGS_RATE',
      value: `${pct(savingsRateBp)} of the allowed savings saved`,
      points: band(
        savingsRateBp,
        [
          [7000, 20],
          [5000, 15],
          [3000, 10],
          [1000, 5],
        ],
        0,
      ),
      max: 20,
      reason: {
        en: 'Share of the savings the constitution allows that members saved: 70% for full marks.',
        km: 'ភាគរយនៃប្រាក់សន្សំដែលបានសន្សំ៖ ៧០% ទទួលពិន្ទុពេញ។',
      },
    },
    {
      key: 'LOAN_LOSS',
      value: `${pct(lossBp)} of loans written off or more than 90 days late`,
      points: lossBp > 1000 ? 5 : lossBp > 500 ? 10 : lossBp > 300 ? 15 : 20,
      max: 20,
      reason: {
        en: 'Loans lost (written off, or over 90 days late): 3% or less for full marks.',
        km: 'ប្រាក់កម្ចីបាត់បង់ ឬហួសកាលកំណត់លើស ៩០ ថ្ងៃ៖ មិនលើស ៣% ទទួលពិន្ទុពេញ។',
      },
    },
    {
      key: 'PREVIOUS_BANK_LOAN',
      value: f.bankLoanRecord.toLowerCase().replace(/_/g, ' '),
      points: bankPoints,
      max: 20,
      reason: {
        en: 'Repayment of the previous bank loan: never late earns full marks.',
        km: 'ការសងប្រាក់កម្ចីធនាគារលើកមុន៖ មិនដែលយឺតទទួលពិន្ទុពេញ។',
      },
    },
  ];
  const points = indicators.reduce((s, i) => s + i.points, 0);
  const decision: Decision = points <= 40 ? 'DECLINE' : points <= 75 ? 'APPROVE_AT_70_PERCENT' : 'APPROVE';
  const sixMonthDeposits = sumMonths(f.activity, lastMonths(f.asOf, 6)).saved;
  const fiveTimesAverage = (5n * sixMonthDeposits) / 6n;
  const loanCap = requested !== null && requested < fiveTimesAverage ? requested : fiveTimesAverage;
  return { ...base, eligible: true, notEligibleReason: null, indicators, points, grade: null, decision, loanCap };
}

export const SCORECARDS = ['BANK_LINKAGE', 'VSLA'] as const;
export type ScorecardName = (typeof SCORECARDS)[number];

/** Scores the facts on the named scorecard (latest version unless one is asked for). */
export function score(
  f: CreditFacts,
  name: ScorecardName,
  options: { version?: number; requestedAmount?: bigint | null } = {},
): ScorecardResult {
  if (options.version !== undefined && options.version !== 1)
    throw new RangeError(`${name} has no version ${options.version}`);
  return name === 'BANK_LINKAGE' ? bankLinkageV1(f) : vslaV1(f, options.requestedAmount ?? null);
}

/** Above this PAR30 no loan is suggested, whatever the grade: the group's own loans are not coming back. */
export const SUGGESTION_MAX_PAR30_BP = 1000;

export interface SuggestedLoan {
  /** False for "not yet": then the amount is zero and `toImprove` says what would change it. */
  ready: boolean;
  amount: bigint;
  multiple: number;
  rule: { en: string; km: string };
  /** Why not yet (null when ready). */
  notYet: { en: string; km: string } | null;
  /** The scorecard's indicators that lost marks, weakest first: what to work on. */
  toImprove: Indicator[];
}

const LINKAGE_RULE = {
  en: 'Bank-linkage norm: lend 2 to 4 times the group’s savings — 4× for grade A, 2× for B; not yet for grade C (not ready for linkage), without a grade, or with PAR30 above 10%.',
  km: 'ប្រាក់កម្ចីពី ២ ដល់ ៤ ដងនៃប្រាក់សន្សំ៖ ៤ ដងសម្រាប់ថ្នាក់ A, ២ ដងសម្រាប់ថ្នាក់ B; មិនទាន់សម្រាប់ថ្នាក់ C (មិនទាន់ត្រៀមភ្ជាប់ធនាគារ) គ្មានថ្នាក់ ឬ PAR30 លើស ១០%។',
};

/**
 * The suggested size of a first bank loan under NABARD's bank-linkage rating: 4× savings for an A,
 * 2× for a B. A C group is not yet ready for linkage, and a group whose PAR30 is above 10% is not
 * lent to whatever its grade: both get "not yet" with the indicators that lost marks.
 */
export function suggestedLoan(
  totalSavings: bigint,
  result: Pick<ScorecardResult, 'grade' | 'indicators' | 'notEligibleReason'>,
  par30Bp: number,
): SuggestedLoan {
  const toImprove = result.indicators
    .filter((i) => i.points < i.max)
    .sort((a, b) => a.points / a.max - b.points / b.max);
  const notYet = (why: { en: string; km: string }): SuggestedLoan => ({
    ready: false,
    amount: 0n,
    multiple: 0,
    rule: LINKAGE_RULE,
    notYet: why,
    toImprove,
  });
  if (!result.grade) return notYet(result.notEligibleReason ?? { en: 'No grade yet.', km: 'មិនទាន់មានថ្នាក់។' });
  if (par30Bp > SUGGESTION_MAX_PAR30_BP) {
    return notYet({
      en: `Not yet: ${pct(par30Bp)} of the group's loans are more than 30 days late (PAR30 above ${pct(SUGGESTION_MAX_PAR30_BP)}); bring repayments up to date first.`,
      km: `មិនទាន់៖ ប្រាក់កម្ចី ${pct(par30Bp)} របស់ក្រុមយឺតជាង ៣០ ថ្ងៃ (PAR30 លើស ${pct(SUGGESTION_MAX_PAR30_BP)}) សូមធ្វើឱ្យការសងប្រាក់ទាន់ពេលជាមុនសិន។`,
    });
  }
  if (result.grade === 'C') {
    return notYet({
      en: 'Not yet: grade C groups are not ready for bank linkage; work on the indicators that lost marks and ask again.',
      km: 'មិនទាន់៖ ក្រុមថ្នាក់ C មិនទាន់ត្រៀមភ្ជាប់ជាមួយធនាគារ សូមកែលម្អសូចនាករដែលបាត់ពិន្ទុ ហើយស្នើម្តងទៀត។',
    });
  }
  const multiple = result.grade === 'A' ? 4 : 2;
  return {
    ready: true,
    amount: totalSavings * BigInt(multiple),
    multiple,
    rule: LINKAGE_RULE,
    notYet: null,
    toImprove,
  };
}

/** What active loans should have paid by `asOf` (principal and interest due) and have not. */
export function overdueAmount(books: Books, asOf: string): bigint {
  let overdue = 0n;
  for (const loan of Object.values(books.loans)) {
    const due = schedule(loan)
      .filter((i) => i.dueOn <= asOf)
      .reduce((sum, i) => sum + i.principal + i.interest, 0n);
    const short = due - loan.principalPaid - loan.interestPaid;
    if (short > 0n) overdue += short;
  }
  return overdue;
}

/** Repaid over repaid plus overdue, in basis points; 10,000 when nothing was due. */
export function repaymentRateBp(repaid: bigint, overdue: bigint): number {
  return repaid + overdue === 0n ? 10000 : ratioBp(repaid, repaid + overdue);
}

/** The median of whole numbers, or null for none. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * How a group repaid its bank loans, worst first: DEFAULTED_90 if any was ever more than 90 days
 * late, EVER_LATE if any was late at all, NEVER_LATE if it had loans and never was; NONE without.
 */
export function bankLoanRecord(
  loans: { disbursed: boolean; maxDaysLate: number; daysLateNow: number }[],
): CreditFacts['bankLoanRecord'] {
  const made = loans.filter((l) => l.disbursed);
  if (!made.length) return 'NONE';
  const worst = Math.max(...made.map((l) => Math.max(l.maxDaysLate, l.daysLateNow)));
  return worst > 90 ? 'DEFAULTED_90' : worst > 0 ? 'EVER_LATE' : 'NEVER_LATE';
}
