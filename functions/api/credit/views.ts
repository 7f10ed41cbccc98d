/** What the credit resolvers hand to GraphQL: each `<Type>Model` is the value behind the GraphQL type <Type> (dev/codegen.ts maps them by name). */
import type { BankGroupViewModel } from '#api/access/views.ts';
import type { CreditFacts, Indicator, ScorecardResult, suggestedLoan } from '#core/credit.ts';
import type { BankLoanState, Books } from '#core/ledger.ts';
import type { BankLoanRecord } from '#store/bank-loans.ts';

/** A credit profile: the facts, computed once, and the scorecard asked for. */
export interface CreditProfileModel {
  view: BankGroupViewModel;
  facts: CreditFacts;
  books: Books;
  scorecard: ScorecardResult;
  bankLoans: BankLoanView[];
}

export type SuggestedLoanModel = ReturnType<typeof suggestedLoan>;

/** A bank loan as it stands on `asOf`: its record, with live progress from the books while disbursed. */
export interface BankLoanView {
  record: BankLoanRecord;
  live: BankLoanState | undefined;
  asOf: string;
}

export interface ProfileBankLoansModel {
  record: CreditFacts['bankLoanRecord'];
  loans: BankLoanView[];
}

export type ProfileSavingsModel = CreditProfileModel;
export type ProfileLoanBookModel = CreditProfileModel;
export type ProfileMeetingsModel = CreditProfileModel;
export type ScorecardModel = ScorecardResult;
export type IndicatorModel = Indicator;
export type BankLoanModel = BankLoanView;
