/**
 * The one table's shape: generic key attributes and the indexes, each named after the access
 * pattern it serves. Infra builds the CDK table from this and dev/tests create DynamoDB Local's
 * table from it, so the two cannot drift. What goes into the attributes is built only in keys.ts.
 */
export const KEY = { partition: 'pk', sort: 'sk' } as const;

export const INDEXES = {
  /** Children of a parent: groups of a federation, holders of a tenant's roles. */
  byParent: { partition: 'gsi1pk', sort: 'gsi1sk' },
  /** The group directory by place: province partition, sorted by commune/village code. */
  byPlace: { partition: 'gsi2pk', sort: 'gsi2sk' },
} as const;

export type IndexName = keyof typeof INDEXES;

/** Epoch-seconds attribute DynamoDB's TTL deletes by (idempotency records). */
export const TTL_ATTRIBUTE = 'expiresAt';

/** Every key attribute is a string. */
export const KEY_ATTRIBUTES: string[] = [
  KEY.partition,
  KEY.sort,
  ...Object.values(INDEXES).flatMap((i) => [i.partition, i.sort]),
];
