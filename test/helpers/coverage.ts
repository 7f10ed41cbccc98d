/** GraphQL documents for NGOs and coverage, and what the stream aggregator does after deliveries. */
import { inject } from 'vitest';
import { coverageTouchedBy, handleStreamBatch } from '#aggregator/handler.ts';
import { cambodiaDate } from '#core/validation.ts';
import { readWholeStream } from '../../dev/stream-poller.ts';
import type { IntegrationEnv } from './integration.ts';

/**
 * Lets the stream aggregator recount the coverage of every commune a delivery's reach touched, as
 * it does within seconds in AWS and under \`npm start\` (only reach records: rollups stay as the
 * test left them).
 */
export async function settleCoverage(env: IntegrationEnv, asOf = cambodiaDate(env.clock.now())): Promise<void> {
  const records = await readWholeStream(env.db.client, inject('dynamoEndpoint'), env.table);
  const { batchItemFailures } = await handleStreamBatch(
    env.db,
    records.filter((r) => coverageTouchedBy(r)),
    asOf,
  );
  if (batchItemFailures.length) throw new Error(`coverage recount failed for ${batchItemFailures.length} records`);
}

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
  grid: 'query($p: String!, $s: [Sector!]) { coverageGrid(placeCode: $p, sectors: $s) { place { code } sectors total { sector communesReached groupsReached { suppressed value } membersReached { suppressed value } } rows { place { code } cells { sector communesReached groupsReached { suppressed value } membersReached { suppressed value } } } } }',
  gaps: 'query($p: String!, $s: Sector!) { coverageGaps(placeCode: $p, sector: $s) { commune { code } activeGroups { suppressed value } } }',
};
