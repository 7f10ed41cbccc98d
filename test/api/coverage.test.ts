/** Integration tier: NGOs' services, coverage and gaps by place × sector, suppressed below 3 groups. */
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { handleStreamBatch } from '#aggregator/handler.ts';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { readWholeStream } from '../../dev/stream-poller.ts';
import { C } from '../helpers/coverage.ts';
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
  for (const [commune, n] of [['170403', 3], ['170404', 2]] as const) {
    for (let i = 0; i < n; i++) {
      const g = (await graphqlOk(env.app, world.token.admin, M.createGroup, {
        input: { idempotencyKey: ikey(), name: `G ${commune} ${i}`, placeCode: commune, currency: 'KHR', meetingSchedule: { frequency: 'MONTHLY', weekday: 'MONDAY' }, formedOn: '2022-01-03', federationId: world.ids.subFederation },
      })).createGroup.id;
      groupsIn[commune]!.push(g);
      const t = `cov-${ikey()}`;
      await graphqlOk(env.app, world.token.admin, M.createUser, { input: { idempotencyKey: ikey(), userId: t, displayName: 't' } });
      await graphqlOk(env.app, world.token.admin, M.appointOfficer, { input: { idempotencyKey: ikey(), groupId: g, userId: t, role: 'TREASURER', from: '2022-01-03' } });
      const tt = await env.tokenFor(t);
      for (let m = 0; m < 10; m++) await graphqlOk(env.app, tt, M.addMember, { input: { idempotencyKey: ikey(), groupId: g, name: 'ស', sex: 'FEMALE', joinedOn: '2022-01-03' } });
    }
  }
  const records = await readWholeStream(env.db.client, inject('dynamoEndpoint'), env.table);
  await handleStreamBatch(env.db, records, '2026-11-22');
  await graphqlOk(env.app, world.token.ngoStaff, C.sectors, { input: { idempotencyKey: ikey(), ngoId: world.ids.ngo, sectors: ['WATER_SANITATION_HYGIENE', 'HEALTH', 'HEALTH'] } });
  service = (await graphqlOk(env.app, world.token.ngoStaff, C.service, { input: { idempotencyKey: ikey(), ngoId: world.ids.ngo, name: 'Water filters', sector: 'WATER_SANITATION_HYGIENE' } })).registerService.id;
  for (const commune of ['170403', '170404']) {
    await graphqlOk(env.app, world.token.ngoStaff, C.deliver, { input: { idempotencyKey: ikey(), ngoId: world.ids.ngo, serviceId: service, date: '2026-06-10', communeCode: commune, participants: 40, women: 37 } });
  }
}, 120_000);

describe('coverage', () => {
  it('an NGO keeps its sectors and services', async () => {
    const ngo = await graphqlOk(env.app, world.token.ngoStaff, '{ ngos { nodes { id sectors services { name sector } } } }');
    expect(ngo.ngos.nodes[0]).toMatchObject({ sectors: ['HEALTH', 'WATER_SANITATION_HYGIENE'], services: [{ name: 'Water filters', sector: 'WATER_SANITATION_HYGIENE' }] });
  });

  it('counts groups and members reached, shown at exactly 3 groups', async () => {
    const kdei = (await graphqlOk(env.app, world.token.ngoStaff, C.coverage, { p: '170403', s: 'WATER_SANITATION_HYGIENE' })).coverage;
    expect(kdei).toMatchObject({ communesReached: 1, groupsReached: { suppressed: false, value: 3 }, membersReached: { suppressed: false, value: 30 } });
    const district = (await graphqlOk(env.app, world.token.ngoStaff, C.coverage, { p: '1704', s: 'WATER_SANITATION_HYGIENE' })).coverage;
    expect(district).toMatchObject({ communesReached: 2, groupsReached: { suppressed: false, value: 5 }, membersReached: { suppressed: false, value: 50 } });
  });

  it('suppresses counts of 1 or 2 groups: returned as suppressed, never as a number', async () => {
    const khvav = (await graphqlOk(env.app, world.token.ngoStaff, C.coverage, { p: '170404', s: 'WATER_SANITATION_HYGIENE' })).coverage;
    expect(khvav).toMatchObject({ communesReached: 1, groupsReached: { suppressed: true, value: null }, membersReached: { suppressed: true, value: null } });
    const none = (await graphqlOk(env.app, world.token.ngoStaff, C.coverage, { p: '1704', s: 'HEALTH' })).coverage;
    expect(none).toMatchObject({ communesReached: 0, groupsReached: { suppressed: false, value: 0 } });
  });

  it('gaps: communes with active groups and no delivery of the sector in 12 months', async () => {
    const gaps = (await graphqlOk(env.app, world.token.ngoStaff, C.gaps, { p: '1704', s: 'WATER_SANITATION_HYGIENE' })).coverageGaps;
    expect(gaps).toEqual([{ commune: { code: '170402' }, activeGroups: { suppressed: true, value: null } }]);
    const health = (await graphqlOk(env.app, world.token.ngoStaff, C.gaps, { p: '1704', s: 'HEALTH' })).coverageGaps;
    expect(health.map((g: any) => [g.commune.code, g.activeGroups])).toEqual([
      ['170402', { suppressed: true, value: null }],
      ['170403', { suppressed: false, value: 3 }],
      ['170404', { suppressed: true, value: null }],
    ]);
  });

  it('deliveries are checked: the NGO’s own service, a real commune, women ≤ participants', async () => {
    const bad = (patch: Record<string, unknown>) =>
      graphql(env.app, world.token.ngoStaff, C.deliver, { input: { idempotencyKey: ikey(), ngoId: world.ids.ngo, serviceId: service, date: '2026-06-10', communeCode: '170403', participants: 10, women: 5, ...patch } });
    expect((await bad({ women: 11 })).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.women' });
    expect((await bad({ communeCode: '179999' })).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.communeCode' });
    expect((await bad({ serviceId: 'nope' })).errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.serviceId' });
  });

  it('only NGOs, federations and administrators read coverage; only an NGO’s staff record its deliveries', async () => {
    for (const t of [world.token.treasurerA, world.token.bankOfficer, world.token.nobody]) {
      expect((await graphql(env.app, t, C.coverage, { p: '1704', s: 'HEALTH' })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    expect((await graphql(env.app, world.token.coordinatorTop, C.coverage, { p: '1704', s: 'HEALTH' })).errors).toBeUndefined();
    for (const t of [world.token.treasurerA, world.token.bankOfficer, world.token.coordinatorTop]) {
      const r = await graphql(env.app, t, C.deliver, { input: { idempotencyKey: ikey(), ngoId: world.ids.ngo, serviceId: service, date: '2026-06-10', communeCode: '170403', participants: 1, women: 1 } });
      expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('a delivery to particular groups reaches those groups: counted once, their communes leave the gaps', async () => {
    const health = (await graphqlOk(env.app, world.token.ngoStaff, C.service, { input: { idempotencyKey: ikey(), ngoId: world.ids.ngo, name: 'Health talk', sector: 'HEALTH' } })).registerService.id;
    const deliver = (groupIds: string[], sId = health) =>
      graphql(env.app, world.token.ngoStaff, C.deliver, { input: { idempotencyKey: ikey(), ngoId: world.ids.ngo, serviceId: sId, date: '2026-07-01', groupIds, participants: 12, women: 12 } });
    // Two groups of Khvav: 2 groups stand behind the count, so it is suppressed.
    const two = await deliver(groupsIn['170404']!);
    expect(two.data!.recordDelivery).toMatchObject({ communes: [{ code: '170404' }], groupIds: groupsIn['170404'] });
    expect((await graphqlOk(env.app, world.token.ngoStaff, C.coverage, { p: '1704', s: 'HEALTH' })).coverage).toMatchObject({
      communesReached: 0,
      groupsReached: { suppressed: true, value: null },
      membersReached: { suppressed: true, value: null },
    });
    // A third group, delivered to twice, makes 3 groups; its members count once.
    await deliver([groupsIn['170403']![0]!]);
    await deliver([groupsIn['170403']![0]!]);
    expect((await graphqlOk(env.app, world.token.ngoStaff, C.coverage, { p: '1704', s: 'HEALTH' })).coverage).toMatchObject({
      communesReached: 0,
      groupsReached: { suppressed: false, value: 3 },
      membersReached: { suppressed: false, value: 30 },
    });
    const gaps = (await graphqlOk(env.app, world.token.ngoStaff, C.gaps, { p: '1704', s: 'HEALTH' })).coverageGaps;
    expect(gaps.map((g: any) => g.commune.code)).toEqual(['170402']);
    // A group inside a commune reached as a whole is not counted again.
    await deliver([groupsIn['170403']![1]!], service);
    expect((await graphqlOk(env.app, world.token.ngoStaff, C.coverage, { p: '170403', s: 'WATER_SANITATION_HYGIENE' })).coverage).toMatchObject({ groupsReached: { value: 3 }, membersReached: { value: 30 } });
    // The NGO sees its own deliveries, newest first.
    const listed = (await graphqlOk(env.app, world.token.ngoStaff, C.deliveries)).ngos.nodes.find((n: any) => n.id === world.ids.ngo).deliveries;
    expect(listed.nodes[0]).toMatchObject({ date: '2026-07-01' });
    expect(listed.nodes.some((d: any) => d.groupIds.length === 2)).toBe(true);
  });

  it('a delivery names a commune or groups, never both or neither, and only groups that exist', async () => {
    const input = { idempotencyKey: ikey(), ngoId: world.ids.ngo, serviceId: service, date: '2026-06-10', participants: 1, women: 1 };
    const both = await graphql(env.app, world.token.ngoStaff, C.deliver, { input: { ...input, communeCode: '170403', groupIds: [world.ids.groupA] } });
    expect(both.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.communeCode' });
    const neither = await graphql(env.app, world.token.ngoStaff, C.deliver, { input: { ...input } });
    expect(neither.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.communeCode' });
    const twice = await graphql(env.app, world.token.ngoStaff, C.deliver, { input: { ...input, groupIds: [world.ids.groupA, world.ids.groupA] } });
    expect(twice.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.groupIds' });
    const unknown = await graphql(env.app, world.token.ngoStaff, C.deliver, { input: { ...input, groupIds: [world.ids.groupA, 'no-such-group'] } });
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
