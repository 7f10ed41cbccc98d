/**
 * Listing keys for items written before their listing existed: people (administrators' `people`)
 * and federations (`federations`). New items get their keys when written; this adds them to old
 * ones. Safe to run again and alongside traffic: each update is conditional on the key still being
 * absent, and sets only the listing attributes.
 */
import { ScanCommand, UpdateCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db.ts';
import { keys } from './keys.ts';

export async function backfillListings(db: Db): Promise<{ people: number; federations: number }> {
  const done = { people: 0, federations: 0 };
  let start: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await db.doc.send(
      new ScanCommand({
        TableName: db.table,
        FilterExpression:
          '(entity = :user AND attribute_not_exists(gsi1pk)) OR (entity = :federation AND attribute_not_exists(gsi2pk))',
        ExpressionAttributeValues: { ':user': 'User', ':federation': 'Federation' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const user = item.entity === 'User';
      const listing: Record<string, string> = user
        ? keys.userListing(item.id as string)
        : keys.federationListing(item.placeCode as string, item.id as string);
      const [partition, sort] = Object.keys(listing) as [string, string];
      try {
        await db.doc.send(
          new UpdateCommand({
            TableName: db.table,
            Key: { pk: item.pk, sk: item.sk },
            UpdateExpression: 'SET #p = :p, #s = :s',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#p)',
            ExpressionAttributeNames: { '#p': partition, '#s': sort },
            ExpressionAttributeValues: { ':p': listing[partition], ':s': listing[sort] },
          }),
        );
        done[user ? 'people' : 'federations']++;
      } catch (error) {
        // Someone else set it meanwhile (another run): nothing left to do for this item.
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return done;
}
