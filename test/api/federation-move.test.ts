/** Integration tier: groups join and leave federations with history, and rollups follow through the stream. */
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { handleStreamBatch } from '#aggregator/handler.ts';
import { getRollup } from '#store/rollups.ts';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { readWholeStream } from '../../dev/stream-poller.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, type World } from '../helpers/world.ts';

let env: IntegrationEnv;
let world: World;
const MOVE = 'mutation($input: MoveGroupInput!) { moveGroupToFederation(input: $input) { id federationId } }';
const HISTORY = 'query($id: ID!) { group(id: $id) { federationId federationHistory { federationId from until } } }';
const aggregate = async () => handleStreamBatch(env.db, await readWholeStream(env.db.client, inject('dynamoEndpoint'), env.table), '2026-11-22');

beforeAll(async () => {
  env = await integrationEnv();
  world = await buildWorld(env);
});

describe('moving a group between federations', () => {
  it('needs the coordinators of both sides, or an administrator', async () => {
    const input = { idempotencyKey: ikey(), groupId: world.ids.groupA, federationId: world.ids.otherFederation, from: '2024-01-02' };
    expect((await graphql(env.app, world.token.coordinatorTop, MOVE, { input })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await graphql(env.app, world.token.coordinatorOther, MOVE, { input })).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await graphql(env.app, world.token.treasurerA, MOVE, { input })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('keeps the history, re-lists the group, and moves its figures between rollups', async () => {
    await aggregate();
    const subBefore = await getRollup(env.db, `FED#${world.ids.subFederation}`);
    const topBefore = await getRollup(env.db, `FED#${world.ids.topFederation}`);
    const otherBefore = await getRollup(env.db, `FED#${world.ids.otherFederation}`);
    expect(subBefore.groups).toBe(1n);
    await graphqlOk(env.app, world.token.admin, MOVE, { input: { idempotencyKey: ikey(), groupId: world.ids.groupA, federationId: world.ids.otherFederation, from: '2024-01-02' } });
    const h = await graphqlOk(env.app, world.token.treasurerA, HISTORY, { id: world.ids.groupA });
    expect(h.group).toEqual({
      federationId: world.ids.otherFederation,
      federationHistory: [
        { federationId: world.ids.subFederation, from: '2020-01-07', until: '2024-01-02' },
        { federationId: world.ids.otherFederation, from: '2024-01-02', until: null },
      ],
    });
    const listed = await graphqlOk(env.app, world.token.coordinatorOther, 'query($id: ID!) { federation(id: $id) { groups { nodes { id } } } }', { id: world.ids.otherFederation });
    expect(listed.federation.groups.nodes.map((n: any) => n.id)).toContain(world.ids.groupA);
    await aggregate();
    expect((await getRollup(env.db, `FED#${world.ids.subFederation}`)).groups).toBe(subBefore.groups - 1n);
    expect((await getRollup(env.db, `FED#${world.ids.topFederation}`)).groups).toBe(topBefore.groups - 1n);
    expect((await getRollup(env.db, `FED#${world.ids.otherFederation}`)).groups).toBe(otherBefore.groups + 1n);
    // The coordinator it left no longer sees it.
    const gone = await graphql(env.app, world.token.coordinatorSub, 'query($id: ID!) { group(id: $id) { name } }', { id: world.ids.groupA });
    expect(gone.data!.group).toBeNull();
  });

  it('a group can leave any federation, and the move date must follow its joining', async () => {
    const early = await graphql(env.app, world.token.admin, MOVE, { input: { idempotencyKey: ikey(), groupId: world.ids.groupA, federationId: null, from: '2023-06-01' } });
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.from' });
    await graphqlOk(env.app, world.token.admin, MOVE, { input: { idempotencyKey: ikey(), groupId: world.ids.groupA, federationId: null, from: '2025-01-02' } });
    const h = await graphqlOk(env.app, world.token.treasurerA, HISTORY, { id: world.ids.groupA });
    expect(h.group.federationId).toBeNull();
    expect(h.group.federationHistory.at(-1)).toEqual({ federationId: world.ids.otherFederation, from: '2024-01-02', until: '2025-01-02' });
  });
});
