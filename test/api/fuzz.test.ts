/**
 * Integration tier: fuzzing every mutation. fast-check takes a valid input of each mutation and
 * replaces one part of it with something hostile — huge strings, wrong types, Khmer and emoji
 * text, control characters, negative and overflowing money, impossible dates, unknown and foreign
 * ids, missing and extra fields, lists empty or of thousands. Whatever comes back: never an
 * internal error; and when the input is refused, nothing is written (the one exception being the
 * idempotency record that remembers a posting's refusal, so a replay answers the same).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { B, constitution } from '../helpers/books.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { mutationCases, type MutationWorld } from '../helpers/mutations.ts';
import { buildWorld } from '../helpers/world.ts';
import { expectReadableError } from '../helpers/khmer.ts';
import { recordWrites, type WriteRecorder } from '../helpers/writes.ts';

const RUNS_PER_MUTATION = Number(process.env.FUZZ_RUNS ?? 75);

let env: IntegrationEnv;
const ctx = {} as MutationWorld;
const cases = mutationCases(ctx);
const tally = { cases: 0, refused: 0, accepted: 0 };

beforeAll(async () => {
  env = await integrationEnv();
  ctx.env = env;
  ctx.world = await buildWorld(env);
  await graphqlOk(env.app, ctx.world.token.treasurerA, B.setConstitution, {
    input: constitution(ctx.world.ids.groupA, ikey(), { effectiveFrom: '2020-01-07' }),
  });
  writes = recordWrites(env.db.client);
}, 60_000);

let writes: WriteRecorder;

const khmer = ['ក្រុមជួយខ្លួនឯងតាតោក', 'សុខ ស្រីមុំ', '១២៣៤៥', 'ប្រាក់សន្សំ'];
const hostileStrings = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202e\u0007',
    "' OR 1=1 --",
    '{"$gt":""}',
    'GROUP#x',
    'FED#',
    '../../etc',
    '#',
    '%00',
    '<script>alert(1)</script>',
    '👩🏽‍🌾💰🏦',
    ...khmer,
  ),
  fc.constantFrom('x'.repeat(100_000), 'ក'.repeat(20_000), '😀'.repeat(10_000)),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const hostileNumbers = fc.constantFrom(-1, 0, 1.5, 2 ** 31 - 1, -(2 ** 31), 2 ** 53, -1e308, 1e308);
const hostileMoney = fc.constantFrom(
  '-1',
  '0',
  '1.5',
  '1e9',
  '0x10',
  ' 100',
  '１００',
  '99999999999999999999999999999',
  '-99999999999999999999',
  'NaN',
  '',
);
const hostileDates = fc.constantFrom(
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '2026-13-01',
  '26-01-01',
  '2026-11-23',
  '2099-01-01',
  '1900-01-01',
  '2026-1-1',
  'yesterday',
);
const hostileIds = () =>
  fc.constantFrom(
    'no-such-id',
    'a'.repeat(65),
    'x#y',
    'GROUP#1',
    '',
    ctx.world.ids.groupB,
    ctx.world.ids.groupA,
    ctx.world.ids.ngo,
    ctx.world.ids.bank,
    ctx.world.ids.otherFederation,
    ctx.world.ids.memberB,
  );
const wrongTypes = fc.constantFrom(null, true, false, [], {}, 12345, 'text', [1, 2, 3], { nested: { deep: 1 } });

/** Every path to a leaf (and to each list and object) of a JSON value. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (value && typeof value === 'object')
    return [...(prefix.length ? [prefix] : []), ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}

function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (!path.length) return replacement;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  if (replacement === undefined && rest.length === 0) delete copy[head!];
  else copy[head!] = setAt(copy[head!], rest, replacement);
  return copy;
}

/** A hostile value fit to replace `original`: of its own kind mostly, of a wrong kind sometimes. */
function hostileFor(key: string | number | undefined, original: unknown): fc.Arbitrary<unknown> {
  const name = String(key ?? '');
  const own = Array.isArray(original)
    ? fc.oneof(fc.constant([]), fc.constant(Array.from({ length: 2000 }, () => original[0] ?? 'x')))
    : /amount|regularSaving|Fine|Contribution|requestedAmount/i.test(name)
      ? hostileMoney
      : /date|On$|^from$|^to$|effectiveFrom|leftOn|joinedOn/i.test(name)
        ? hostileDates
        : /Id$|^id$|Ids$|entryRef/.test(name)
          ? hostileIds()
          : typeof original === 'number'
            ? hostileNumbers
            : hostileStrings;
  return fc.oneof(
    { weight: 6, arbitrary: own },
    { weight: 2, arbitrary: wrongTypes },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

describe(`fuzzing every mutation with hostile inputs (${cases.length} mutations × ${RUNS_PER_MUTATION} runs)`, () => {
  it.each(cases)(
    '%s: never an internal error; a refusal writes nothing',
    async (name, token, document, build) => {
      const base = { ...(await build()), idempotencyKey: ikey() } as Record<string, unknown>;
      const targets = paths(base).filter((p) => p.length > 0);
      const mutation = fc.integer({ min: 0, max: targets.length + 1 }).chain((i) => {
        if (i === targets.length)
          return fc.record({
            path: fc.constant(['unexpectedField'] as (string | number)[]),
            value: hostileStrings as fc.Arbitrary<unknown>,
          });
        if (i === targets.length + 1)
          return fc.record({
            path: fc.constant([] as (string | number)[]),
            value: wrongTypes as fc.Arbitrary<unknown>,
          });
        const path = targets[i]!;
        const original = path.reduce<any>((v, k) => v?.[k], base);
        return fc.record({ path: fc.constant(path), value: hostileFor(path.at(-1), original) });
      });
      await fc.assert(
        fc.asyncProperty(mutation, async ({ path, value }) => {
          const input = setAt({ ...base, idempotencyKey: ikey() }, path, value);
          writes.take();
          const r = await graphql(env.app, token(), document, { input });
          tally.cases++;
          for (const e of r.errors ?? []) {
            expect(e.extensions?.code, `${name} ${JSON.stringify(path)} → ${e.message.slice(0, 200)}`).not.toBe(
              'INTERNAL_SERVER_ERROR',
            );
            expect(e.extensions?.code, e.message.slice(0, 200)).toBeTruthy();
            expectReadableError(e);
          }
          if (r.errors) {
            tally.refused++;
            expect(
              writes.written().filter((k) => !k.startsWith('IDEM#')),
              `${name}: refused ${JSON.stringify(path)} yet wrote`,
            ).toEqual([]);
          } else {
            tally.accepted++;
            // The recorder sees writes: an accepted change wrote more than its idempotency record.
            expect(
              writes.written().some((k) => !k.startsWith('IDEM#')),
              `${name}: accepted but no write recorded`,
            ).toBe(true);
          }
        }),
        { numRuns: RUNS_PER_MUTATION, seed: Number(process.env.FUZZ_SEED ?? 20261122) },
      );
    },
    300_000,
  );

  it('reports how many cases ran', () => {
    console.log(
      `fuzzing: ${tally.cases} hostile inputs to ${cases.length} mutations; ${tally.refused} refused, ${tally.accepted} accepted as valid`,
    );
    expect(tally.cases).toBe(cases.length * RUNS_PER_MUTATION);
  });
});
