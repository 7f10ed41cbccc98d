/**
 * Integration tier: every mutation, sent twice with the same idempotency key, gives the same answer
 * and writes once (the table holds exactly the items the first call wrote, plus nothing).
 */
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#store/keys.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { B, constitution } from '../helpers/books.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { mutationCases, snapshot as snapshotOf, type MutationCase, type MutationWorld } from '../helpers/mutations.ts';
import { buildWorld, type World } from '../helpers/world.ts';

let env: IntegrationEnv;
let world: World;
beforeAll(async () => {
  env = await integrationEnv();
  world = await buildWorld(env);
  await graphqlOk(env.app, world.token.treasurerA, B.setConstitution, {
    input: constitution(world.ids.groupA, ikey(), { effectiveFrom: '2020-01-07' }),
  });
});

const ctx = {} as MutationWorld;
const cases: MutationCase[] = mutationCases(ctx);
const snapshot = () => snapshotOf(env);
beforeAll(() => {
  ctx.env = env;
  ctx.world = world;
});

describe(`every mutation is idempotent (${new Set(cases.map((c) => c[0])).size + 1} mutations, ${cases.length + 1} cases)`, () => {
  it('the cases cover every mutation in the schema', async () => {
    const r = await graphqlOk(env.app, world.token.admin, '{ __schema { mutationType { fields { name } } } }');
    const inSchema = r.__schema.mutationType.fields.map((f: any) => f.name).sort();
    expect([...new Set([...cases.map((c) => c[0]), 'syncMeetings'])].sort()).toEqual(inSchema);
  });

  it.each(cases)('%s: the same key gives the same answer and writes once', async (_name, token, document, build) => {
    const input = { ...(await build()), idempotencyKey: ikey() };
    const first = await graphql(env.app, token(), document, { input });
    expect(first.errors).toBeUndefined();
    const afterFirst = await snapshot();
    const second = await graphql(env.app, token(), document, { input });
    expect(second).toEqual(first);
    expect(await snapshot()).toBe(afterFirst);
  });

  it('syncMeetings: a replayed batch writes nothing and answers the same', async () => {
    const members = (
      await graphqlOk(
        env.app,
        world.token.treasurerB,
        'query($id: ID!) { group(id: $id) { members { nodes { id } } } }',
        { id: world.ids.groupB },
      )
    ).group.members.nodes;
    const meeting = (date: string) => ({
      idempotencyKey: ikey(),
      groupId: world.ids.groupB,
      date,
      attendance: members.map((m: any) => ({ memberId: m.id, status: 'PRESENT' })),
      minutes: [],
      entries: [{ id: 's', kind: 'SAVING', amount: '1000', memberId: world.ids.memberB }],
    });
    const input = { meetings: [meeting('2023-05-02'), meeting('2023-06-06')] };
    const first = await graphqlOk(env.app, world.token.treasurerB, B.syncMeetings, { input });
    const afterFirst = await snapshot();
    expect(await graphqlOk(env.app, world.token.treasurerB, B.syncMeetings, { input })).toEqual(first);
    expect(await snapshot()).toBe(afterFirst);
  });
});

describe('a record made by a request is named by the request', () => {
  const ADD = 'mutation($input: AddMemberInput!) { addMember(input: $input) { id } }';
  const input = () => ({ groupId: world.ids.groupA, name: 'ស៊ុន ម៉ាលី', sex: 'FEMALE', joinedOn: '2024-01-02' });

  it('a retry after its idempotency record expired meets the record it made, and adds no second member', async () => {
    const key = ikey();
    const first = await graphqlOk(env.app, world.token.treasurerA, ADD, { input: { ...input(), idempotencyKey: key } });
    // The record expires (TTL) — as if the phone retried weeks later.
    await env.db.doc.send(new DeleteCommand({ TableName: env.db.table, Key: keys.idempotency('treasurer-a', key) }));
    const before = await snapshot();
    const again = await graphql(env.app, world.token.treasurerA, ADD, { input: { ...input(), idempotencyKey: key } });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT' });
    expect(await snapshot()).toBe(before);
    expect(first.addMember.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('different keys, or the same key from another person, make different records', async () => {
    const key = ikey();
    const a = await graphqlOk(env.app, world.token.treasurerA, ADD, { input: { ...input(), idempotencyKey: key } });
    const b = await graphqlOk(env.app, world.token.treasurerA, ADD, { input: { ...input(), idempotencyKey: ikey() } });
    const c = await graphqlOk(env.app, world.token.presidentA, ADD, { input: { ...input(), idempotencyKey: key } });
    expect(new Set([a.addMember.id, b.addMember.id, c.addMember.id]).size).toBe(3);
  });
});
