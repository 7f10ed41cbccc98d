/** GraphQL documents for bank access. */
export const A = {
  requestAccess:
    'mutation($input: RequestAccessInput!) { requestAccess(input: $input) { id state scopes dataRange { from to } durationMonths bank { id } history { from to by reason } } }',
  approve:
    'mutation($input: DecideAccessRequestInput!) { approveAccessRequest(input: $input) { id state scopes dataRange { from to } validFrom validUntil bank { id } history { from to by } } }',
  reject:
    'mutation($input: DecideAccessRequestInput!) { rejectAccessRequest(input: $input) { id state history { to reason } } }',
  withdraw:
    'mutation($input: WithdrawAccessRequestInput!) { withdrawAccessRequest(input: $input) { id state history { from to by reason } } }',
  pause: 'mutation($input: ChangeGrantInput!) { pauseGrant(input: $input) { id state history { from to by reason } } }',
  resume: 'mutation($input: ChangeGrantInput!) { resumeGrant(input: $input) { id state } }',
  revoke: 'mutation($input: ChangeGrantInput!) { revokeGrant(input: $input) { id state } }',
  view: `query($g: ID!, $from: Date!, $to: Date!) { bankView(groupId: $g, from: $from, to: $to) {
    groupId grantId savingsSummary { totalSavings memberCount averageSavingsPerMember } loanBookQuality { loansOutstanding par30BasisPoints } } }`,
  viewSavings: `query($g: ID!, $from: Date!, $to: Date!) { bankView(groupId: $g, from: $from, to: $to) { savingsSummary { totalSavings } } }`,
  viewMeetings: `query($g: ID!, $from: Date!, $to: Date!) { bankView(groupId: $g, from: $from, to: $to) { meetingDiscipline { meetingsHeld averageAttendanceBasisPoints } } }`,
  groupSide: `query($g: ID!) { group(id: $g) { accessRequests { id state } grants { id state } readLog { nodes { grantId officerId scopes at } } } }`,
  bankSide: `{ myBankAccess { bank { id } requests { id groupId state } grants { id state } readLog { nodes { groupId scopes } } } }`,
};
