/** Integration tier: groups join and leave federations with history, and rollups follow through the stream. */
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { handleStreamBatch } from '#aggregator/handler.ts';
import { getRollup } from '#store/rollups.ts';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { readWholeStream } from '../../dev/stream-poller.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';

let env: IntegrationEnv;
let world: World;
const MOVE = 'mutation($input: MoveGroupInput!) { moveGroupToFederation(input: $input) { id federationId } }';
const HISTORY = 'query($id: ID!) { group(id: $id) { federationId federationHistory { federationId from until } } }';
const aggregate = async () =>
  handleStreamBatch(env.db, await readWholeStream(env.db.client, inject('dynamoEndpoint'), env.table), '2026-11-22');

beforeAll(async () => {
  env = await integrationEnv();
  world = await buildWorld(env);
});

describe('moving a group between federations', () => {
  it('needs the coordinators of both sides, or an administrator', async () => {
    const input = {
      idempotencyKey: ikey(),
      groupId: world.ids.groupA,
      federationId: world.ids.otherFederation,
      from: '2024-01-02',
    };
    expect((await graphql(env.app, world.token.coordinatorTop, MOVE, { input })).errors![0]!.extensions!.code).toBe(
      'FORBIDDEN',
    );
    expect((await graphql(env.app, world.token.coordinatorOther, MOVE, { input })).errors![0]!.extensions!.code).toBe(
      'NOT_FOUND',
    );
    expect((await graphql(env.app, world.token.treasurerA, MOVE, { input })).errors![0]!.extensions!.code).toBe(
      'FORBIDDEN',
    );
  });

  it('keeps the history, re-lists the group, and moves its figures between rollups', async () => {
    await aggregate();
    const subBefore = await getRollup(env.db, `FED#${world.ids.subFederation}`);
    const topBefore = await getRollup(env.db, `FED#${world.ids.topFederation}`);
    const otherBefore = await getRollup(env.db, `FED#${world.ids.otherFederation}`);
    expect(subBefore.groups).toBe(1n);
    await graphqlOk(env.app, world.token.admin, MOVE, {
      input: {
        idempotencyKey: ikey(),
        groupId: world.ids.groupA,
        federationId: world.ids.otherFederation,
        from: '2024-01-02',
      },
    });
    const h = await graphqlOk(env.app, world.token.treasurerA, HISTORY, { id: world.ids.groupA });
    expect(h.group).toEqual({
      federationId: world.ids.otherFederation,
      federationHistory: [
        { federationId: world.ids.subFederation, from: '2020-01-07', until: '2024-01-02' },
        { federationId: world.ids.otherFederation, from: '2024-01-02', until: null },
      ],
    });
    const listed = await graphqlOk(
      env.app,
      world.token.coordinatorOther,
      'query($id: ID!) { federation(id: $id) { groups { nodes { id } } } }',
      { id: world.ids.otherFederation },
    );
    expect(listed.federation.groups.nodes.map((n: any) => n.id)).toContain(world.ids.groupA);
    await aggregate();
    expect((await getRollup(env.db, `FED#${world.ids.subFederation}`)).groups).toBe(subBefore.groups - 1n);
    expect((await getRollup(env.db, `FED#${world.ids.topFederation}`)).groups).toBe(topBefore.groups - 1n);
    expect((await getRollup(env.db, `FED#${world.ids.otherFederation}`)).groups).toBe(otherBefore.groups + 1n);
    // The coordinator it left no longer sees it.
    const gone = await graphql(env.app, world.token.coordinatorSub, 'query($id: ID!) { group(id: $id) { name } }', {
      id: world.ids.groupA,
    });
    expect(gone.data!.group).toBeNull();
  });

  it('a group can leave any federation, and the move date must follow its joining', async () => {
    const early = await graphql(env.app, world.token.admin, MOVE, {
      input: { idempotencyKey: ikey(), groupId: world.ids.groupA, federationId: null, from: '2023-06-01' },
    });
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.from' });
    await graphqlOk(env.app, world.token.admin, MOVE, {
      input: { idempotencyKey: ikey(), groupId: world.ids.groupA, federationId: null, from: '2025-01-02' },
    });
    const h = await graphqlOk(env.app, world.token.treasurerA, HISTORY, { id: world.ids.groupA });
    expect(h.group.federationId).toBeNull();
    expect(h.group.federationHistory.at(-1)).toEqual({
      federationId: world.ids.otherFederation,
      from: '2024-01-02',
      until: '2025-01-02',
    });
  });
});

describe('moving a federation under another parent', () => {
  const FED_MOVE =
    'mutation($input: MoveFederationInput!) { moveFederation(input: $input) { id parent { id } parentHistory { federationId from until } } }';
  const CREATE = 'mutation($input: CreateFederationInput!) { createFederation(input: $input) { id } }';
  const GROUP = 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }';
  /** Federations are created on the clock's day, which their first membership starts on: make them in 2025. */
  const fed = async (name: string, parentId?: string) => {
    env.clock.set('2025-01-01T03:00:00Z');
    try {
      return (
        await graphqlOk(env.app, world.token.admin, CREATE, {
          input: { idempotencyKey: ikey(), name, placeCode: '17', parentId },
        })
      ).createFederation.id as string;
    } finally {
      env.clock.set('2026-11-22T03:00:00Z');
    }
  };
  const move = (token: string, federationId: string, parentId: string | null, from = '2025-06-01') =>
    graphql(env.app, token, FED_MOVE, { input: { idempotencyKey: ikey(), federationId, parentId, from } });
  const groupIn = async (federationId: string) =>
    (
      await graphqlOk(env.app, world.token.admin, GROUP, {
        input: {
          idempotencyKey: ikey(),
          name: 'ក្រុម',
          placeCode: '170403',
          currency: 'KHR',
          meetingSchedule: { frequency: 'MONTHLY', weekday: 'TUESDAY' },
          formedOn: '2024-01-02',
          federationId,
        },
      })
    ).createGroup.id as string;

  it('moves everything below it: the new parent coordinator sees the grandchildren, the old one no longer does, and the rollups follow', async () => {
    // cluster → village organisation → group, all under the top federation's sub-federation.
    const cluster = await fed('Cluster', world.ids.subFederation);
    const village = await fed('Village organisation', cluster);
    const deepGroup = await groupIn(village);
    await aggregate();
    const subBefore = await getRollup(env.db, `FED#${world.ids.subFederation}`);
    const otherBefore = await getRollup(env.db, `FED#${world.ids.otherFederation}`);
    const FED_READ = 'query($id: ID!) { federation(id: $id) { id } }';
    expect((await graphqlOk(env.app, world.token.coordinatorSub, FED_READ, { id: village })).federation).toEqual({
      id: village,
    });
    expect((await graphqlOk(env.app, world.token.coordinatorOther, FED_READ, { id: village })).federation).toBeNull();

    const moved = await graphqlOk(env.app, world.token.admin, FED_MOVE, {
      input: { idempotencyKey: ikey(), federationId: cluster, parentId: world.ids.otherFederation, from: '2025-06-01' },
    });
    expect(moved.moveFederation.parentHistory).toEqual([
      { federationId: world.ids.subFederation, from: '2025-01-01', until: '2025-06-01' },
      { federationId: world.ids.otherFederation, from: '2025-06-01', until: null },
    ]);
    // Access follows at once: chains are walked, not copied, so the grandchild moved with it.
    expect((await graphqlOk(env.app, world.token.coordinatorOther, FED_READ, { id: village })).federation).toEqual({
      id: village,
    });
    expect(
      (
        await graphqlOk(env.app, world.token.coordinatorOther, 'query($id: ID!) { group(id: $id) { id } }', {
          id: deepGroup,
        })
      ).group,
    ).toEqual({ id: deepGroup });
    expect((await graphqlOk(env.app, world.token.coordinatorSub, FED_READ, { id: village })).federation).toBeNull();
    expect(
      (
        await graphqlOk(env.app, world.token.coordinatorSub, 'query($id: ID!) { group(id: $id) { id } }', {
          id: deepGroup,
        })
      ).group,
    ).toBeNull();

    await aggregate();
    expect((await getRollup(env.db, `FED#${world.ids.subFederation}`)).groups).toBe(subBefore.groups - 1n);
    expect((await getRollup(env.db, `FED#${world.ids.topFederation}`)).groups).toBe(
      (await getRollup(env.db, `FED#${world.ids.subFederation}`)).groups,
    );
    expect((await getRollup(env.db, `FED#${world.ids.otherFederation}`)).groups).toBe(otherBefore.groups + 1n);
    expect((await getRollup(env.db, `FED#${cluster}`)).groups).toBe(1n);
    // Delivered twice, the stream counts the move once.
    await aggregate();
    expect((await getRollup(env.db, `FED#${world.ids.otherFederation}`)).groups).toBe(otherBefore.groups + 1n);
  });

  it('refuses a federation under itself or one below it, and nesting deeper than 8', async () => {
    const a = await fed('A');
    const b = await fed('B', a);
    const c = await fed('C', b);
    for (const target of [a, c]) {
      const r = await move(world.token.admin, a, target);
      expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    }
    let chain = c;
    for (let depth = 4; depth <= 8; depth++) chain = await fed(`L${depth}`, chain);
    const tooDeep = await graphql(env.app, world.token.admin, CREATE, {
      input: { idempotencyKey: ikey(), name: 'L9', placeCode: '17', parentId: chain },
    });
    expect(tooDeep.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    // A two-level federation under the 7th level would make 9.
    const x = await fed('X');
    await fed('Y', x);
    const seventh = (
      await graphqlOk(env.app, world.token.admin, 'query($id: ID!) { federation(id: $id) { parent { id } } }', {
        id: chain,
      })
    ).federation.parent.id;
    const deep = await move(world.token.admin, x, seventh);
    expect(deep.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    expect((await move(world.token.admin, x, chain)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('two crossing moves cannot make a cycle: one of them loses', async () => {
    const p = await fed('P');
    const q = await fed('Q');
    const [one, two] = await Promise.all([move(world.token.admin, p, q), move(world.token.admin, q, p)]);
    expect([one.errors, two.errors].filter(Boolean)).toHaveLength(1);
    const read = async (id: string) =>
      (await graphqlOk(env.app, world.token.admin, 'query($id: ID!) { federation(id: $id) { parent { id } } }', { id }))
        .federation.parent?.id ?? null;
    const parents = [await read(p), await read(q)];
    expect(parents.filter(Boolean)).toHaveLength(1);
  });

  it('needs the side it leaves and the side it joins; the wrong coordinator changes nothing', async () => {
    const lone = await fed('Lone');
    await graphqlOk(env.app, world.token.admin, M.createUser, {
      input: { idempotencyKey: ikey(), userId: 'coord-lone', displayName: 'coord-lone' },
    });
    await graphqlOk(env.app, world.token.admin, M.assignRole, {
      input: {
        idempotencyKey: ikey(),
        userId: 'coord-lone',
        tenantType: 'FEDERATION',
        tenantId: lone,
        role: 'COORDINATOR',
      },
    });
    const coordLone = await env.tokenFor('coord-lone');
    // The top federation's coordinator cannot pull a federation in that has not agreed.
    const pulled = await move(world.token.coordinatorTop, lone, world.ids.topFederation);
    expect(pulled.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    // Lone's coordinator cannot join a federation whose coordinators have not agreed.
    expect((await move(coordLone, lone, world.ids.topFederation)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    for (const token of [world.token.treasurerA, world.token.bankOfficer, world.token.ngoStaff]) {
      expect((await move(token, lone, world.ids.topFederation)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    }
    expect(
      (
        await graphqlOk(
          env.app,
          world.token.admin,
          'query($id: ID!) { federation(id: $id) { parent { id } parentHistory { from } } }',
          { id: lone },
        )
      ).federation,
    ).toEqual({ parent: null, parentHistory: [] });
    // A sub-federation's own coordinator cannot take it out of its parent; the parent's can.
    const child = await fed('Child', world.ids.topFederation);
    expect((await move(world.token.coordinatorSub, child, null)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const out = await move(world.token.coordinatorTop, child, null);
    expect(out.errors).toBeUndefined();
  });
});
