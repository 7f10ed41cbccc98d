/**
 * A meeting as the officer fills it in, and the rules that turn it into `recordMeeting`'s input:
 * prefilled from the constitution and the loan schedules, checked against the constitution before
 * it is saved (the API checks again when it arrives), with the cash box before and after. Pure:
 * tested without a browser in test/web/meeting-draft.test.ts.
 */
import type { AttendanceStatus, Currency, PayoutReason, RecordMeetingInput } from '../generated/graphql.ts';
import { money, parseAmount } from '../format.ts';
import { dueBy, type ScheduledLoan } from './loans.ts';

export interface SetupMember {
  id: string;
  name: string;
  savings: string;
  leftOn: string | null;
}
export interface SetupLoan extends ScheduledLoan {
  id: string;
  outstanding: string;
  member: { id: string };
}
export interface SetupRules {
  regularSaving: string;
  socialFundContribution: string;
  absenceFine: string;
  maxLoanToSavingsPercent: number;
  maxLoanTermMonths: number;
}
export interface Setup {
  groupId: string;
  currency: Currency;
  cash: string;
  members: SetupMember[];
  loans: SetupLoan[];
  rules: SetupRules | null;
}

export interface MemberLine {
  status: AttendanceStatus;
  saving: string;
  fine: string;
  social: string;
}
export interface NewLoan {
  id: string;
  memberId: string;
  amount: string;
  term: string;
}
export interface Payout {
  id: string;
  memberId: string;
  amount: string;
  reason: PayoutReason;
}
export interface MinutesLine {
  agendaItem: string;
  discussed: boolean;
  decision: string;
}

export interface Draft {
  key: string;
  date: string;
  lines: Record<string, MemberLine>;
  /** Repayment typed for each open loan, by loan id. */
  repayments: Record<string, string>;
  loans: NewLoan[];
  payouts: Payout[];
  minutes: MinutesLine[];
}

/** Amounts for people to read back and correct: minor units as typed, without separators. */
const typed = (minor: bigint, currency: Currency) =>
  currency === 'USD' ? `${minor / 100n}.${(minor % 100n).toString().padStart(2, '0')}` : minor.toString();

/** Members on the meeting's day: joined (the API knows when) and not left. */
export const membersOn = (setup: Setup, date: string) => setup.members.filter((m) => !m.leftOn || m.leftOn > date);

/** A new meeting: everyone present, saving the regular saving and the social fund; repayments as scheduled. */
export function newDraft(setup: Setup, key: string, date: string): Draft {
  const rules = setup.rules;
  const lines: Record<string, MemberLine> = {};
  for (const m of membersOn(setup, date))
    lines[m.id] = {
      status: 'PRESENT',
      saving: rules ? typed(BigInt(rules.regularSaving), setup.currency) : '0',
      fine: '0',
      social: rules ? typed(BigInt(rules.socialFundContribution), setup.currency) : '0',
    };
  const repayments: Record<string, string> = {};
  for (const loan of setup.loans) repayments[loan.id] = typed(dueBy(loan, date), setup.currency);
  return { key, date, lines, repayments, loans: [], payouts: [], minutes: [] };
}

/**
 * Marking a member absent: she saves nothing and pays the absence fine, unless the officer typed
 * otherwise; marking her back present restores the regular amounts.
 */
export function withStatus(setup: Setup, line: MemberLine, status: AttendanceStatus): MemberLine {
  const rules = setup.rules;
  const regular = rules ? typed(BigInt(rules.regularSaving), setup.currency) : '0';
  const social = rules ? typed(BigInt(rules.socialFundContribution), setup.currency) : '0';
  if (status === 'ABSENT')
    return { status, saving: '0', social: '0', fine: rules ? typed(BigInt(rules.absenceFine), setup.currency) : '0' };
  if (line.status === 'ABSENT') return { status, saving: regular, social, fine: '0' };
  return { ...line, status };
}

/** What is wrong, by the field's name on the screen ("saving:<memberId>", "loan:<id>:amount", …). */
export type Problems = Record<string, { key: ProblemKey; value?: string | number }>;
export type ProblemKey =
  | 'errAmount'
  | 'errLoanTooBig'
  | 'errLoanTerm'
  | 'errCashShort'
  | 'errNoBorrower'
  | 'errAgendaItem';

export interface Checked {
  input: RecordMeetingInput;
  cashBefore: bigint;
  cashIn: bigint;
  cashOut: bigint;
  cashAfter: bigint;
  problems: Problems;
}

/** The draft as `recordMeeting` takes it, the cash it moves, and what must be fixed first. */
export function checkDraft(setup: Setup, draft: Draft): Checked {
  const problems: Problems = {};
  const amount = (field: string, text: string): bigint => {
    const value = parseAmount(text, setup.currency);
    if (value === null) {
      problems[field] = { key: 'errAmount' };
      return 0n;
    }
    return value;
  };
  const entries: RecordMeetingInput['entries'] = [];
  let cashIn = 0n;
  let cashOut = 0n;
  const savedNow = new Map<string, bigint>();
  const members = membersOn(setup, draft.date);

  members.forEach((m, i) => {
    const line = draft.lines[m.id];
    if (!line) return;
    const saving = amount(`saving:${m.id}`, line.saving);
    const fine = amount(`fine:${m.id}`, line.fine);
    const social = amount(`social:${m.id}`, line.social);
    savedNow.set(m.id, saving);
    if (saving > 0n) entries.push({ id: `s${i}`, kind: 'SAVING', amount: saving.toString(), memberId: m.id });
    if (fine > 0n) entries.push({ id: `f${i}`, kind: 'FINE', amount: fine.toString(), memberId: m.id });
    if (social > 0n)
      entries.push({ id: `c${i}`, kind: 'SOCIAL_FUND_CONTRIBUTION', amount: social.toString(), memberId: m.id });
    cashIn += saving + fine + social;
  });

  setup.loans.forEach((loan, i) => {
    const paid = amount(`repayment:${loan.id}`, draft.repayments[loan.id] ?? '0');
    if (paid > 0n) {
      entries.push({
        id: `r${i}`,
        kind: 'REPAYMENT',
        amount: paid.toString(),
        memberId: loan.member.id,
        loanId: loan.id,
      });
      cashIn += paid;
    }
  });

  for (const loan of draft.loans) {
    const value = amount(`loan:${loan.id}:amount`, loan.amount);
    const term = Number(loan.term);
    const member = members.find((m) => m.id === loan.memberId);
    if (!member) problems[`loan:${loan.id}:member`] = { key: 'errNoBorrower' };
    if (setup.rules && (!Number.isInteger(term) || term < 1 || term > setup.rules.maxLoanTermMonths))
      problems[`loan:${loan.id}:term`] = { key: 'errLoanTerm', value: setup.rules.maxLoanTermMonths };
    if (member && setup.rules) {
      const savings = BigInt(member.savings) + (savedNow.get(member.id) ?? 0n);
      const owed = setup.loans
        .filter((l) => l.member.id === member.id)
        .reduce((sum, l) => sum + BigInt(l.outstanding), 0n);
      const others = draft.loans
        .filter((l) => l !== loan && l.memberId === member.id)
        .reduce((sum, l) => sum + (parseAmount(l.amount, setup.currency) ?? 0n), 0n);
      const max = (savings * BigInt(setup.rules.maxLoanToSavingsPercent)) / 100n - owed - others;
      if (value > max)
        problems[`loan:${loan.id}:amount`] = {
          key: 'errLoanTooBig',
          value: money(max > 0n ? max : 0n, setup.currency),
        };
    }
    if (value > 0n)
      entries.push({
        id: loan.id,
        kind: 'LOAN_DISBURSEMENT',
        amount: value.toString(),
        memberId: loan.memberId,
        termMonths: term,
      });
    cashOut += value;
  }

  for (const payout of draft.payouts) {
    const value = amount(`payout:${payout.id}:amount`, payout.amount);
    if (!members.some((m) => m.id === payout.memberId))
      problems[`payout:${payout.id}:member`] = { key: 'errNoBorrower' };
    if (value > 0n)
      entries.push({
        id: payout.id,
        kind: 'SOCIAL_FUND_PAYOUT',
        amount: value.toString(),
        memberId: payout.memberId,
        payoutReason: payout.reason,
      });
    cashOut += value;
  }

  draft.minutes.forEach((line, i) => {
    if (!line.agendaItem.trim()) problems[`minutes:${i}`] = { key: 'errAgendaItem' };
  });

  const cashBefore = BigInt(setup.cash);
  const cashAfter = cashBefore + cashIn - cashOut;
  if (cashAfter < 0n) problems.cash = { key: 'errCashShort' };

  return {
    input: {
      idempotencyKey: draft.key,
      groupId: setup.groupId,
      date: draft.date,
      attendance: members.map((m) => ({ memberId: m.id, status: draft.lines[m.id]?.status ?? 'ABSENT' })),
      minutes: draft.minutes.map((l) => ({
        agendaItem: l.agendaItem.trim(),
        discussed: l.discussed,
        decision: l.decision.trim() || null,
      })),
      entries,
    },
    cashBefore,
    cashIn,
    cashOut,
    cashAfter,
    problems,
  };
}
