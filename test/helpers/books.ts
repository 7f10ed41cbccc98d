/** GraphQL documents and input builders for the group books. */
export const B = {
  setConstitution:
    'mutation($input: SetConstitutionInput!) { setConstitution(input: $input) { effectiveFrom monthlyInterestBasisPoints maxLoanToSavingsPercent } }',
  recordMeeting: `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) {
    id date presentCount minutes { agendaItem discussed decision }
    attendance { member { id } status }
    entries { ref id kind amount cashIn cashOut interest principal loanId member { id } } } }`,
  syncMeetings: `mutation($input: SyncMeetingsInput!) { syncMeetings(input: $input) {
    applied rejected results { idempotencyKey date status meeting { id entries { id kind amount } } error { code field message messageKm } } } }`,
  correctMeeting:
    'mutation($input: CorrectMeetingInput!) { correctMeeting(input: $input) { id presentCount corrections { number attendance { status } minutes { agendaItem } } } }',
  recordEntries:
    'mutation($input: RecordEntriesInput!) { recordEntries(input: $input) { id kind date sequence entries { ref id kind amount interest principal } } }',
  reverseEntry:
    'mutation($input: ReverseEntryInput!) { reverseEntry(input: $input) { id kind entries { id kind amount reverses } } }',
  books: `query($id: ID!) { group(id: $id) { books { balances { cash bank savings loansOutstanding socialFund interestIncome fineIncome otherIncome otherExpense writtenOff } lastPostedOn par30BasisPoints loansInArrears } } }`,
  cashBook: `query($id: ID!, $from: Date!, $to: Date!, $first: Int, $after: String) { group(id: $id) { cashBook(from: $from, to: $to, first: $first, after: $after) {
    entries { ref id date kind amount cashIn cashOut reversedBy reverses } totalIn totalOut pageInfo { endCursor hasNextPage } } } }`,
  loans: `query($id: ID!) { group(id: $id) { loans { id status principal principalPaid interestPaid outstanding interestDue daysInArrears atRisk member { id } schedule { number dueOn total } } } }`,
  passbook: `query($id: ID!, $member: ID!, $after: String) { group(id: $id) { passbook(memberId: $member, after: $after) { savings member { id name } loans { id outstanding } entries { kind amount date } pageInfo { endCursor hasNextPage } } } }`,
  meetings: `query($id: ID!, $from: Date, $to: Date) { group(id: $id) { meetings(from: $from, to: $to) { nodes { id date presentCount attendance { member { name } status } minutes { agendaItem discussed decision } } } } }`,
};

export const constitution = (groupId: string, key: string, over: Record<string, unknown> = {}) => ({
  idempotencyKey: key,
  groupId,
  effectiveFrom: '2020-01-07',
  meetingSchedule: { frequency: 'MONTHLY', weekday: 'TUESDAY', weekOfMonth: 1 },
  regularSaving: '5000',
  monthlyInterestBasisPoints: 500,
  interestMethod: 'FLAT',
  maxLoanToSavingsPercent: 300,
  maxLoanTermMonths: 12,
  absenceFine: '1000',
  lateRepaymentFine: '2000',
  socialFundContribution: '500',
  ...over,
});
