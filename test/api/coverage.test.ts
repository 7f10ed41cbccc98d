/** Integration tier: NGOs' services, coverage and gaps by place × sector, suppressed below 3 groups. */
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { coverageTouchedBy, handleStreamBatch } from '#aggregator/handler.ts';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { readWholeStream } from '../../dev/stream-poller.ts';
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { SECTORS } from '#core/coverage.ts';
import { recountAllCoverage, recountChangingCoverage, recountCommuneCoverage } from '#store/coverage-counts.ts';
import { keys } from '#store/keys.ts';
import { C, settleCoverage } from '../helpers/coverage.ts';
import { injectFaults } from '../helpers/faults.ts';
import { snapshot } from '../helpers/mutations.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';

let env: IntegrationEnv;
let world: World;
let service: string;
const groupsIn: Record<string, string[]> = { '170403': [], '170404': [] };

beforeAll(async () => {
  env = await integrationEnv();
  world = await buildWorld(env);
  // Kampong Kdei (170403): 3 groups; Khvav (170404): 2 groups; Chi Kraeng (170402): group A.
  for (const [commune, n] of [
    ['170403', 3],
    ['170404', 2],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const g = (
        await graphqlOk(env.app, world.token.admin, M.createGroup, {
          input: {
            idempotencyKey: ikey(),
            name: `G ${commune} ${i}`,
            placeCode: commune,
            currency: 'KHR',
            meetingSchedule: { frequency: 'MONTHLY', weekday: 'MONDAY' },
            formedOn: '2022-01-03',
            federationId: world.ids.subFederation,
          },
        })
      ).createGroup.id;
      groupsIn[commune]!.push(g);
      const t = `cov-${ikey()}`;
      await graphqlOk(env.app, world.token.admin, M.createUser, {
        input: { idempotencyKey: ikey(), userId: t, displayName: 't' },
      });
      await graphqlOk(env.app, world.token.admin, M.appointOfficer, {
        input: { idempotencyKey: ikey(), groupId: g, userId: t, role: 'TREASURER', from: '2022-01-03' },
      });
      const tt = await env.tokenFor(t);
      for (let m = 0; m < 10; m++)
        await graphqlOk(env.app, tt, M.addMember, {
          input: { idempotencyKey: ikey(), groupId: g, name: 'ស', sex: 'FEMALE', joinedOn: '2022-01-03' },
        });
    }
  }
  const records = await readWholeStream(env.db.client, inject('dynamoEndpoint'), env.table);
  await handleStreamBatch(env.db, records, '2026-11-22');
  await graphqlOk(env.app, world.token.ngoStaff, C.sectors, {
    input: { idempotencyKey: ikey(), ngoId: world.ids.ngo, sectors: ['WATER_SANITATION_HYGIENE', 'HEALTH', 'HEALTH'] },
  });
  service = (
    await graphqlOk(env.app, world.token.ngoStaff, C.service, {
      input: {
        idempotencyKey: ikey(),
        ngoId: world.ids.ngo,
        name: 'Water filters',
        sector: 'WATER_SANITATION_HYGIENE',
      },
    })
  ).registerService.id;
  for (const commune of ['170403', '170404']) {
    await graphqlOk(env.app, world.token.ngoStaff, C.deliver, {
      input: {
        idempotencyKey: ikey(),
        ngoId: world.ids.ngo,
        serviceId: service,
        date: '2026-06-10',
        communeCode: commune,
        participants: 40,
        women: 37,
      },
    });
  }
}, 120_000);

/** A read as the NGO sees it once the stream aggregator has recounted (seconds after a delivery). */
async function settledOk(token: string, document: string, variables: Record<string, unknown>) {
  await settleCoverage(env);
  return graphqlOk(env.app, token, document, variables);
}

describe('coverage', () => {
  it('an NGO keeps its sectors and services', async () => {
    const ngo = await graphqlOk(
      env.app,
      world.token.ngoStaff,
      '{ ngos { nodes { id sectors services { name sector } } } }',
    );
    expect(ngo.ngos.nodes[0]).toMatchObject({
      sectors: ['HEALTH', 'WATER_SANITATION_HYGIENE'],
      services: [{ name: 'Water filters', sector: 'WATER_SANITATION_HYGIENE' }],
    });
  });

  it('counts groups and members reached, shown at exactly 3 groups', async () => {
    const kdei = (await settledOk(world.token.ngoStaff, C.coverage, { p: '170403', s: 'WATER_SANITATION_HYGIENE' }))
      .coverage;
    expect(kdei).toMatchObject({
      communesReached: 1,
      groupsReached: { suppressed: false, value: 3 },
      membersReached: { suppressed: false, value: 30 },
    });
    const district = (await settledOk(world.token.ngoStaff, C.coverage, { p: '1704', s: 'WATER_SANITATION_HYGIENE' }))
      .coverage;
    expect(district).toMatchObject({
      communesReached: 2,
      groupsReached: { suppressed: false, value: 5 },
      membersReached: { suppressed: false, value: 50 },
    });
  });

  it('suppresses counts of 1 or 2 groups: returned as suppressed, never as a number', async () => {
    const khvav = (await settledOk(world.token.ngoStaff, C.coverage, { p: '170404', s: 'WATER_SANITATION_HYGIENE' }))
      .coverage;
    expect(khvav).toMatchObject({
      communesReached: 1,
      groupsReached: { suppressed: true, value: null },
      membersReached: { suppressed: true, value: null },
    });
    const none = (await settledOk(world.token.ngoStaff, C.coverage, { p: '1704', s: 'HEALTH' })).coverage;
    expect(none).toMatchObject({ communesReached: 0, groupsReached: { suppressed: false, value: 0 } });
  });

  it('gaps: communes with active groups and no delivery of the sector in 12 months', async () => {
    const gaps = (await settledOk(world.token.ngoStaff, C.gaps, { p: '1704', s: 'WATER_SANITATION_HYGIENE' }))
      .coverageGaps;
    expect(gaps).toEqual([{ commune: { code: '170402' }, activeGroups: { suppressed: true, value: null } }]);
    const health = (await settledOk(world.token.ngoStaff, C.gaps, { p: '1704', s: 'HEALTH' })).coverageGaps;
    expect(health.map((g: any) => [g.commune.code, g.activeGroups])).toEqual([
      ['170402', { suppressed: true, value: null }],
      ['170403', { suppressed: false, value: 3 }],
      ['170404', { suppressed: true, value: null }],
    ]);
  });

  it('deliveries are checked: the NGO’s own service, a real commune, women ≤ participants', async () => {
    const bad = (patch: Record<string, unknown>) =>
      graphql(env.app, world.token.ngoStaff, C.deliver, {
        input: {
          idempotencyKey: ikey(),
          ngoId: world.ids.ngo,
          serviceId: service,
          date: '2026-06-10',
          communeCode: '170403',
          participants: 10,
          women: 5,
          ...patch,
        },
      });
    expect((await bad({ women: 11 })).errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.women',
    });
    expect((await bad({ communeCode: '179999' })).errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.communeCode',
    });
    expect((await bad({ serviceId: 'nope' })).errors![0]!.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.serviceId',
    });
  });

  it('only NGOs, federations and administrators read coverage; only an NGO’s staff record its deliveries', async () => {
    for (const t of [world.token.treasurerA, world.token.bankOfficer, world.token.nobody]) {
      expect((await graphql(env.app, t, C.coverage, { p: '1704', s: 'HEALTH' })).errors![0]!.extensions!.code).toBe(
        'FORBIDDEN',
      );
    }
    expect(
      (await graphql(env.app, world.token.coordinatorTop, C.coverage, { p: '1704', s: 'HEALTH' })).errors,
    ).toBeUndefined();
    for (const t of [world.token.treasurerA, world.token.bankOfficer, world.token.coordinatorTop]) {
      const r = await graphql(env.app, t, C.deliver, {
        input: {
          idempotencyKey: ikey(),
          ngoId: world.ids.ngo,
          serviceId: service,
          date: '2026-06-10',
          communeCode: '170403',
          participants: 1,
          women: 1,
        },
      });
      expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('a delivery to particular groups reaches those groups: counted once, their communes leave the gaps', async () => {
    const health = (
      await graphqlOk(env.app, world.token.ngoStaff, C.service, {
        input: { idempotencyKey: ikey(), ngoId: world.ids.ngo, name: 'Health talk', sector: 'HEALTH' },
      })
    ).registerService.id;
    const deliver = (groupIds: string[], sId = health) =>
      graphql(env.app, world.token.ngoStaff, C.deliver, {
        input: {
          idempotencyKey: ikey(),
          ngoId: world.ids.ngo,
          serviceId: sId,
          date: '2026-07-01',
          groupIds,
          participants: 12,
          women: 12,
        },
      });
    // Two groups of Khvav: 2 groups stand behind the count, so it is suppressed.
    const two = await deliver(groupsIn['170404']!);
    expect(two.data!.recordDelivery).toMatchObject({ communes: [{ code: '170404' }], groupIds: groupsIn['170404'] });
    expect((await settledOk(world.token.ngoStaff, C.coverage, { p: '1704', s: 'HEALTH' })).coverage).toMatchObject({
      communesReached: 0,
      groupsReached: { suppressed: true, value: null },
      membersReached: { suppressed: true, value: null },
    });
    // A third group, delivered to twice, makes 3 groups; its members count once.
    await deliver([groupsIn['170403']![0]!]);
    await deliver([groupsIn['170403']![0]!]);
    expect((await settledOk(world.token.ngoStaff, C.coverage, { p: '1704', s: 'HEALTH' })).coverage).toMatchObject({
      communesReached: 0,
      groupsReached: { suppressed: false, value: 3 },
      membersReached: { suppressed: false, value: 30 },
    });
    const gaps = (await settledOk(world.token.ngoStaff, C.gaps, { p: '1704', s: 'HEALTH' })).coverageGaps;
    expect(gaps.map((g: any) => g.commune.code)).toEqual(['170402']);
    // A group inside a commune reached as a whole is not counted again.
    await deliver([groupsIn['170403']![1]!], service);
    expect(
      (await settledOk(world.token.ngoStaff, C.coverage, { p: '170403', s: 'WATER_SANITATION_HYGIENE' })).coverage,
    ).toMatchObject({ groupsReached: { value: 3 }, membersReached: { value: 30 } });
    // The NGO sees its own deliveries, newest first.
    const listed = (await graphqlOk(env.app, world.token.ngoStaff, C.deliveries)).ngos.nodes.find(
      (n: any) => n.id === world.ids.ngo,
    ).deliveries;
    expect(listed.nodes[0]).toMatchObject({ date: '2026-07-01' });
    expect(listed.nodes.some((d: any) => d.groupIds.length === 2)).toBe(true);
  });

  it('a delivery names a commune or groups, never both or neither, and only groups that exist', async () => {
    const input = {
      idempotencyKey: ikey(),
      ngoId: world.ids.ngo,
      serviceId: service,
      date: '2026-06-10',
      participants: 1,
      women: 1,
    };
    const both = await graphql(env.app, world.token.ngoStaff, C.deliver, {
      input: { ...input, communeCode: '170403', groupIds: [world.ids.groupA] },
    });
    expect(both.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.communeCode' });
    const neither = await graphql(env.app, world.token.ngoStaff, C.deliver, { input: { ...input } });
    expect(neither.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.communeCode' });
    const twice = await graphql(env.app, world.token.ngoStaff, C.deliver, {
      input: { ...input, groupIds: [world.ids.groupA, world.ids.groupA] },
    });
    expect(twice.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.groupIds' });
    const unknown = await graphql(env.app, world.token.ngoStaff, C.deliver, {
      input: { ...input, groupIds: [world.ids.groupA, 'no-such-group'] },
    });
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.groupIds.1' });
  });

  it('an NGO’s deliveries are read by its own staff and administrators only', async () => {
    const q = '{ ngos { nodes { id deliveries { nodes { id } } } } }';
    for (const t of [world.token.treasurerA, world.token.bankOfficer, world.token.coordinatorTop]) {
      const r = await graphql(env.app, t, q);
      expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    expect((await graphql(env.app, world.token.admin, q)).errors).toBeUndefined();
  });
});

describe('correcting and withdrawing a delivery', () => {
  const DELIVERY = 'id date status corrects ending { by reason replacedBy } communes { code } groupIds participants';
  const withdraw = (token: string, d: { id: string; date: string }, reason = 'never happened: the road was flooded') =>
    graphql(
      env.app,
      token,
      `mutation($input: WithdrawDeliveryInput!) { withdrawDelivery(input: $input) { ${DELIVERY} } }`,
      {
        input: { idempotencyKey: ikey(), ngoId: world.ids.ngo, deliveryId: d.id, deliveryDate: d.date, reason },
      },
    );
  const correct = (token: string, d: { id: string; date: string }, patch: Record<string, unknown>) =>
    graphql(
      env.app,
      token,
      `mutation($input: CorrectDeliveryInput!) { correctDelivery(input: $input) { ${DELIVERY} } }`,
      {
        input: {
          idempotencyKey: ikey(),
          ngoId: world.ids.ngo,
          deliveryId: d.id,
          deliveryDate: d.date,
          serviceId: education,
          date: '2026-07-01',
          participants: 30,
          women: 25,
          reason: 'wrong commune written',
          ...patch,
        },
      },
    );
  let education: string;
  const deliver = async (input: Record<string, unknown>) =>
    (
      await graphqlOk(env.app, world.token.ngoStaff, C.deliver, {
        input: {
          idempotencyKey: ikey(),
          ngoId: world.ids.ngo,
          serviceId: education,
          date: '2026-07-01',
          participants: 30,
          women: 25,
          ...input,
        },
      })
    ).recordDelivery;
  const reached = async (p: string) =>
    (await settledOk(world.token.ngoStaff, C.coverage, { p, s: 'EDUCATION' })).coverage;
  const listed = async (id: string) =>
    (
      await graphqlOk(
        env.app,
        world.token.ngoStaff,
        '{ ngos(first: 2) { nodes { id deliveries(first: 20) { nodes { id status ending { by reason replacedBy } } } } } }',
      )
    ).ngos.nodes
      .find((n: any) => n.id === world.ids.ngo)
      .deliveries.nodes.find((d: any) => d.id === id);

  beforeAll(async () => {
    education = (
      await graphqlOk(env.app, world.token.ngoStaff, C.service, {
        input: { idempotencyKey: ikey(), ngoId: world.ids.ngo, name: 'Literacy class', sector: 'EDUCATION' },
      })
    ).registerService.id;
  });

  it('a withdrawn delivery stops counting: the commune is a gap again, and the NGO sees who withdrew it and why', async () => {
    const d = await deliver({ communeCode: '170403' });
    expect(await reached('170403')).toMatchObject({ communesReached: 1, groupsReached: { value: 3 } });
    const r = await withdraw(world.token.ngoStaff, d);
    expect(r.errors).toBeUndefined();
    expect(r.data!.withdrawDelivery).toMatchObject({
      id: d.id,
      status: 'WITHDRAWN',
      ending: { by: 'ngo-staff', reason: 'never happened: the road was flooded', replacedBy: null },
    });
    expect(await reached('170403')).toMatchObject({ communesReached: 0, groupsReached: { value: 0 } });
    const gaps = (await settledOk(world.token.ngoStaff, C.gaps, { p: '1704', s: 'EDUCATION' })).coverageGaps.map(
      (g: any) => g.commune.code,
    );
    expect(gaps).toContain('170403');
    expect(await listed(d.id)).toMatchObject({ status: 'WITHDRAWN' });
  });

  it('a correction replaces the delivery: the first stops counting, the second counts, each names the other', async () => {
    const d = await deliver({ communeCode: '170404' });
    const r = await correct(world.token.ngoStaff, d, { communeCode: '170403' });
    expect(r.errors).toBeUndefined();
    const replacement = r.data!.correctDelivery;
    expect(replacement).toMatchObject({ status: 'RECORDED', corrects: d.id, communes: [{ code: '170403' }] });
    expect(await listed(d.id)).toMatchObject({
      status: 'CORRECTED',
      ending: { by: 'ngo-staff', reason: 'wrong commune written', replacedBy: replacement.id },
    });
    expect(await reached('170404')).toMatchObject({ communesReached: 0 });
    expect(await reached('170403')).toMatchObject({ communesReached: 1, groupsReached: { value: 3 } });
    await withdraw(world.token.ngoStaff, replacement, 'tidy up');
  });

  it('a delivery to groups corrected to other groups: only the new groups count', async () => {
    const [g1, g2, g3] = groupsIn['170403']!;
    const d = await deliver({ groupIds: [g1, g2] });
    expect(await reached('170403')).toMatchObject({ groupsReached: { suppressed: true } });
    const r = await correct(world.token.ngoStaff, d, { groupIds: [g1, g2, g3] });
    expect(r.errors).toBeUndefined();
    expect(await reached('170403')).toMatchObject({
      communesReached: 0,
      groupsReached: { suppressed: false, value: 3 },
      membersReached: { value: 30 },
    });
    await withdraw(world.token.ngoStaff, r.data!.correctDelivery, 'tidy up');
    expect(await reached('170403')).toMatchObject({ groupsReached: { value: 0 } });
  });

  it('a delivery ends once: withdrawing or correcting it again is a CONFLICT that writes nothing; a retry replays', async () => {
    const d = await deliver({ communeCode: '170404' });
    const input = {
      idempotencyKey: ikey(),
      ngoId: world.ids.ngo,
      deliveryId: d.id,
      deliveryDate: d.date,
      reason: 'duplicate',
    };
    const doc = 'mutation($input: WithdrawDeliveryInput!) { withdrawDelivery(input: $input) { id status } }';
    const first = await graphqlOk(env.app, world.token.ngoStaff, doc, { input });
    expect(await graphqlOk(env.app, world.token.ngoStaff, doc, { input })).toEqual(first);
    const before = await snapshot(env);
    expect((await withdraw(world.token.ngoStaff, d)).errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.deliveryId',
    });
    expect((await correct(world.token.ngoStaff, d, { communeCode: '170403' })).errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.deliveryId',
    });
    expect(await snapshot(env)).toBe(before);
  });

  it('refuses an unknown delivery, a wrong date, a bad correction, and everyone but the NGO and administrators; nothing is written', async () => {
    const d = await deliver({ communeCode: '170404' });
    const otherStaff = `ngo2-${ikey()}`;
    const otherNgo = (
      await graphqlOk(env.app, world.token.admin, M.createNgo, { input: { idempotencyKey: ikey(), name: 'Other NGO' } })
    ).createNgo.id;
    await graphqlOk(env.app, world.token.admin, M.createUser, {
      input: { idempotencyKey: ikey(), userId: otherStaff, displayName: 'x' },
    });
    await graphqlOk(env.app, world.token.admin, M.assignRole, {
      input: { idempotencyKey: ikey(), userId: otherStaff, tenantType: 'NGO', tenantId: otherNgo, role: 'STAFF' },
    });
    const before = await snapshot(env);
    const code = async (r: Promise<{ errors?: readonly any[] }>) => (await r).errors![0]!.extensions;
    expect(await code(withdraw(world.token.ngoStaff, { id: 'no-such-delivery', date: d.date }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.deliveryId',
    });
    expect(await code(withdraw(world.token.ngoStaff, { id: d.id, date: '2026-07-02' }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.deliveryId',
    });
    expect(
      await code(correct(world.token.ngoStaff, d, { communeCode: '170403', groupIds: [groupsIn['170403']![0]] })),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.communeCode' });
    expect(await code(correct(world.token.ngoStaff, d, { communeCode: '170403', women: 31 }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.women',
    });
    expect(await code(correct(world.token.ngoStaff, d, { communeCode: '170403', reason: '' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });
    for (const t of [
      await env.tokenFor(otherStaff),
      world.token.bankOfficer,
      world.token.coordinatorTop,
      world.token.treasurerA,
      world.token.nobody,
    ]) {
      expect(await code(withdraw(t, d))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await code(correct(t, d, { communeCode: '170403' }))).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await snapshot(env)).toBe(before);
    expect((await withdraw(world.token.admin, d, 'recorded twice')).data!.withdrawDelivery).toMatchObject({
      status: 'WITHDRAWN',
      ending: { by: 'admin' },
    });
  });
});

describe('coverage kept per place and sector', () => {
  let service: string;
  const SECTOR = 'GENDER';
  const deliverTo = async (communeCode: string, date = '2026-07-01') =>
    (
      await graphqlOk(env.app, world.token.ngoStaff, C.deliver, {
        input: {
          idempotencyKey: ikey(),
          ngoId: world.ids.ngo,
          serviceId: service,
          date,
          communeCode,
          participants: 30,
          women: 25,
        },
      })
    ).recordDelivery;
  const versionOf = async (place: string) =>
    (await env.db.doc.send(new GetCommand({ TableName: env.table, Key: keys.coverage(place, SECTOR) }))).Item
      ?.version as number | undefined;
  const gridOf = async (p: string, s: string[]) =>
    (await graphqlOk(env.app, world.token.ngoStaff, C.grid, { p, s })).coverageGrid;

  beforeAll(async () => {
    service = (
      await graphqlOk(env.app, world.token.ngoStaff, C.service, {
        input: { idempotencyKey: ikey(), ngoId: world.ids.ngo, name: 'Women’s rights', sector: SECTOR },
      })
    ).registerService.id;
  });

  it('the grid: the place and each place one level down, a cell per sector asked, small counts suppressed', async () => {
    await settleCoverage(env);
    const district = await gridOf('1704', ['WATER_SANITATION_HYGIENE', 'HEALTH']);
    expect(district.sectors).toEqual(['WATER_SANITATION_HYGIENE', 'HEALTH']);
    expect(district.total[0]).toMatchObject({
      sector: 'WATER_SANITATION_HYGIENE',
      communesReached: 2,
      groupsReached: { suppressed: false, value: 5 },
      membersReached: { suppressed: false, value: 50 },
    });
    const row = (code: string) => district.rows.find((r: any) => r.place.code === code);
    expect(district.rows.map((r: any) => r.place.code)).toContain('170401');
    expect(row('170403').cells[0]).toMatchObject({ groupsReached: { suppressed: false, value: 3 } });
    expect(row('170404').cells[0]).toMatchObject({
      groupsReached: { suppressed: true, value: null },
      membersReached: { suppressed: true, value: null },
    });
    expect(row('170401').cells[0]).toMatchObject({ communesReached: 0, groupsReached: { value: 0 } });
    // The province's row for the district is the district's own figures.
    const province = await gridOf('17', ['WATER_SANITATION_HYGIENE']);
    expect(province.rows.find((r: any) => r.place.code === '1704').cells[0]).toEqual(district.total[0]);
    // A commune's grid has its own figures and no rows; every sector when none is named.
    const commune = (await graphqlOk(env.app, world.token.ngoStaff, C.grid, { p: '170403' })).coverageGrid;
    expect(commune.sectors).toHaveLength(16);
    expect(commune.rows).toEqual([]);
    expect(commune.total.find((c: any) => c.sector === 'WATER_SANITATION_HYGIENE')).toMatchObject({
      groupsReached: { value: 3 },
    });
    // The grid and `coverage` agree.
    const one = (await settledOk(world.token.ngoStaff, C.coverage, { p: '1704', s: 'WATER_SANITATION_HYGIENE' }))
      .coverage;
    expect(one).toEqual({ place: { code: '1704' }, ...district.total[0] });
  });

  it('a replayed stream record changes nothing: the recount finds the figures as they are and writes nothing', async () => {
    await deliverTo('170403');
    await settleCoverage(env);
    const [district, province] = [await versionOf('1704'), await versionOf('17')];
    expect(district).toBeGreaterThan(0);
    await settleCoverage(env);
    await settleCoverage(env);
    expect([await versionOf('1704'), await versionOf('17')]).toEqual([district, province]);
  });

  it('recounts of communes of one district at once never lose each other’s change', async () => {
    const sector = 'DISABILITY';
    const disability = (
      await graphqlOk(env.app, world.token.ngoStaff, C.service, {
        input: { idempotencyKey: ikey(), ngoId: world.ids.ngo, name: 'Wheelchairs', sector },
      })
    ).registerService.id;
    for (const communeCode of ['170403', '170404'])
      await graphqlOk(env.app, world.token.ngoStaff, C.deliver, {
        input: {
          idempotencyKey: ikey(),
          ngoId: world.ids.ngo,
          serviceId: disability,
          date: '2026-09-01',
          communeCode,
          participants: 5,
          women: 3,
        },
      });
    // Both communes at once, three times over, as parallel aggregator invocations would.
    await Promise.all(
      ['170403', '170404', '170403', '170404', '170403', '170404'].map((c) =>
        recountCommuneCoverage(env.db, sector, c, '2026-11-22'),
      ),
    );
    const grid = await gridOf('17', [sector]);
    expect(grid.total[0]).toMatchObject({
      communesReached: 2,
      groupsReached: { value: 5 },
      membersReached: { value: 50 },
    });
  });

  it('a recount that fails reports that commune’s records for retry, and the retry counts them', async () => {
    const sector = 'FORESTRY';
    const trees = (
      await graphqlOk(env.app, world.token.ngoStaff, C.service, {
        input: { idempotencyKey: ikey(), ngoId: world.ids.ngo, name: 'Community forests', sector },
      })
    ).registerService.id;
    for (const communeCode of ['170403', '170404'])
      await graphqlOk(env.app, world.token.ngoStaff, C.deliver, {
        input: {
          idempotencyKey: ikey(),
          ngoId: world.ids.ngo,
          serviceId: trees,
          date: '2026-09-01',
          communeCode,
          participants: 5,
          women: 3,
        },
      });
    const records = (await readWholeStream(env.db.client, inject('dynamoEndpoint'), env.table)).filter(
      (r) => coverageTouchedBy(r)?.sector === sector,
    );
    const communeOf = (sequence: string) =>
      coverageTouchedBy(records.find((r) => r.dynamodb?.SequenceNumber === sequence)!)!.communeCode;
    // DynamoDB throttles the first read of the first commune's recount (after the SDK's own retries).
    const faults = injectFaults(env.db);
    faults.arm(1, 'throttled');
    const first = await handleStreamBatch(env.db, records, '2026-11-22').finally(() => {
      faults.disarm();
      faults.stop();
    });
    const reported = first.batchItemFailures.map((f) => f.itemIdentifier);
    expect(reported.length).toBeGreaterThan(0);
    // Exactly one commune's records come back, all of them; the other commune was counted.
    const failedCommunes = new Set(reported.map(communeOf));
    expect(failedCommunes.size).toBe(1);
    const failedCommune = [...failedCommunes][0]!;
    expect(reported.sort()).toEqual(
      records
        .filter((r) => coverageTouchedBy(r)!.communeCode === failedCommune)
        .map((r) => r.dynamodb!.SequenceNumber!)
        .sort(),
    );
    expect((await gridOf('1704', [sector])).total[0]).toMatchObject({ communesReached: 1 });
    // Lambda hands the reported records back; this time they count.
    const retry = await handleStreamBatch(
      env.db,
      records.filter((r) => reported.includes(r.dynamodb!.SequenceNumber!)),
      '2026-11-22',
    );
    expect(retry.batchItemFailures).toEqual([]);
    expect((await gridOf('1704', [sector])).total[0]).toMatchObject({
      communesReached: 2,
      groupsReached: { value: 5 },
    });
  });

  it('a delivery counts for 12 months: the nightly recount takes it out the day after, and only then', async () => {
    const sector = 'MINE_ACTION';
    const mines = (
      await graphqlOk(env.app, world.token.ngoStaff, C.service, {
        input: { idempotencyKey: ikey(), ngoId: world.ids.ngo, name: 'Mine risk education', sector },
      })
    ).registerService.id;
    await graphqlOk(env.app, world.token.ngoStaff, C.deliver, {
      input: {
        idempotencyKey: ikey(),
        ngoId: world.ids.ngo,
        serviceId: mines,
        date: '2025-12-01',
        communeCode: '170403',
        participants: 5,
        women: 3,
      },
    });
    await settleCoverage(env);
    const reached = async () => (await gridOf('1704', [sector])).total[0];
    expect(await reached()).toMatchObject({ communesReached: 1, groupsReached: { value: 3 } });
    expect(await recountChangingCoverage(env.db, '2026-11-30')).toBe(0);
    expect(await recountChangingCoverage(env.db, '2026-12-01')).toBeGreaterThan(0);
    expect(await reached()).toMatchObject({ communesReached: 1, groupsReached: { value: 3 } });
    await recountChangingCoverage(env.db, '2026-12-02');
    expect(await reached()).toMatchObject({
      communesReached: 0,
      groupsReached: { value: 0 },
      membersReached: { value: 0 },
    });
    expect((await gridOf('17', [sector])).total[0]).toMatchObject({ communesReached: 0, groupsReached: { value: 0 } });
    // Nothing left to change with the calendar in this sector: the nightly list no longer names the district.
    expect(await recountChangingCoverage(env.db, '2026-12-03')).toBe(0);
  });

  it('the maintenance recount rebuilds the kept coverage from the deliveries alone', async () => {
    await deliverTo('170404', '2026-10-01');
    await settleCoverage(env);
    const before = await gridOf('17', [SECTOR, 'WATER_SANITATION_HYGIENE', 'EDUCATION', 'HEALTH']);
    for (const place of ['17', '1704'])
      for (const s of [SECTOR, 'WATER_SANITATION_HYGIENE', 'EDUCATION', 'HEALTH'])
        await env.db.doc.send(new DeleteCommand({ TableName: env.table, Key: keys.coverage(place, s) }));
    expect((await gridOf('17', [SECTOR])).total[0]).toMatchObject({ communesReached: 0 });
    expect(await recountAllCoverage(env.db, SECTORS, '2026-11-22')).toBeGreaterThanOrEqual(3);
    expect(await gridOf('17', [SECTOR, 'WATER_SANITATION_HYGIENE', 'EDUCATION', 'HEALTH'])).toEqual(before);
  });
});
