/** GraphQL documents for bank loans to groups. */
export const L = {
  apply: 'mutation($input: ApplyForBankLoanInput!) { applyForBankLoan(input: $input) { id status amount } }',
  decide:
    'mutation($input: DecideBankLoanInput!) { decideBankLoan(input: $input) { id status reasons monthlyInterestBasisPoints history { from to by reason } } }',
  disburse:
    'mutation($input: DisburseBankLoanInput!) { disburseBankLoan(input: $input) { id status disbursedOn outstanding schedule { dueOn total } } }',
  groupLoans:
    'query($g: ID!) { group(id: $g) { bankLoans { id status reasons outstanding daysInArrears maxDaysLate } books { balances { cash bankLoansOutstanding bankInterestExpense } } } }',
  bankLoans:
    '{ myBankAccess { loans { id status principalPaid interestPaid outstanding daysInArrears maxDaysLate } } }',
  profile: `query($g: ID!) { bankView(groupId: $g, from: "2025-01-01", to: "2026-12-31") { creditProfile(scorecard: VSLA) { bankLoans { record loans { id status maxDaysLate } } grade { indicators { key points } } } } }`,
};
