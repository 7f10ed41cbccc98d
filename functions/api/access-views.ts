/** Shapes the access resolvers hand to GraphQL. */
import type { DataRange, Grant } from '#core/access.ts';
import type { Group } from '#core/groups.ts';

/** A group as a bank may see it, after the grant was checked and the read logged. */
export interface BankGroupViewModel {
  group: Group;
  grant: Grant;
  range: DataRange;
  asOf: string;
}

/** Each part of the bank view resolves from the same checked view. */
export type ViewPart = BankGroupViewModel;

export interface BankAccessModel {
  bankId: string;
}

/** A credit profile: the facts, computed once, and the scorecard asked for. */
export interface CreditProfileModel {
  view: BankGroupViewModel;
  facts: import('#core/credit.ts').CreditFacts;
  books: import('#core/ledger.ts').Books;
  scorecard: import('#core/credit.ts').ScorecardResult;
  bankLoans: BankLoanView[];
}

export type SuggestedLoanModel = ReturnType<typeof import('#core/credit.ts').suggestedLoan>;

/** A bank loan as it stands on `asOf`: its record, with live progress from the books while disbursed. */
export interface BankLoanView {
  record: import('#store/bank-loans.ts').BankLoanRecord;
  live: import('#core/ledger.ts').BankLoanState | undefined;
  asOf: string;
}

export interface ProfileBankLoansModel {
  record: import('#core/credit.ts').CreditFacts['bankLoanRecord'];
  loans: BankLoanView[];
}

export interface RollupModel {
  scope: string;
  /** The figures as this reader may see them (suppressed where they would single a group out). */
  view: import('#core/rollups.ts').RollupView;
}

export interface GroupSummaryModel {
  group: import('#core/groups.ts').Group;
  summary: import('#core/attention.ts').GroupSummary;
}
