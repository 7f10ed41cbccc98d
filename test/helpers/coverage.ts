/** GraphQL documents for NGOs and coverage. */
export const C = {
  sectors: 'mutation($input: SetNgoSectorsInput!) { setNgoSectors(input: $input) { id sectors } }',
  service: 'mutation($input: RegisterServiceInput!) { registerService(input: $input) { id name sector } }',
  deliver:
    'mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { id sector date communes { code } groupIds participants women } }',
  correctDelivery:
    'mutation($input: CorrectDeliveryInput!) { correctDelivery(input: $input) { id status corrects communes { code } groupIds } }',
  withdrawDelivery:
    'mutation($input: WithdrawDeliveryInput!) { withdrawDelivery(input: $input) { id status ending { by reason replacedBy } } }',
  coverage:
    'query($p: String!, $s: Sector!) { coverage(placeCode: $p, sector: $s) { place { code } sector communesReached groupsReached { suppressed value } membersReached { suppressed value } } }',
  deliveries:
    'query { ngos { nodes { id deliveries(first: 10) { nodes { id date groupIds communes { code } } pageInfo { hasNextPage } } } } }',
  gaps: 'query($p: String!, $s: Sector!) { coverageGaps(placeCode: $p, sector: $s) { commune { code } activeGroups { suppressed value } } }',
};
