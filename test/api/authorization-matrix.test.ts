/**
 * Integration tier: the authorisation matrix, generated from the schema. Every query, every
 * mutation and every field of Group × every role × own or other tenant, plus the bank view × every
 * grant state. The expected answers are written here independently of the policy module. A denied
 * case must answer with an error code (or null, for lookups that hide existence), return no data,
 * write nothing and log no read (the write recorder sees every write DynamoDB accepted). A schema field without a probe fails the test, so new API surface
 * cannot skip the matrix.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { A } from '../helpers/access.ts';
import { L } from '../helpers/bank-loans.ts';
import { C } from '../helpers/coverage.ts';
import { B, constitution } from '../helpers/books.ts';
import { ikey, integrationEnv, testClock, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';
import { expectReadableError } from '../helpers/khmer.ts';
import { recordWrites, type WriteRecorder } from '../helpers/writes.ts';

const ROLES = ['admin', 'coordinator', 'treasurer', 'president', 'secretary', 'bank', 'ngo', 'nobody'] as const;
type Role = (typeof ROLES)[number];
type Rel = 'own' | 'other';
const OFFICERS: Role[] = ['treasurer', 'president', 'secretary'];

let env: IntegrationEnv;
let world: World;
const clock = testClock('2026-03-01T02:00:00.000Z');
let otherBank: string;
let writes: WriteRecorder;
let members: { A: string[]; B: string[] };

const token = (role: Role) =>
  ({
    admin: world.token.admin,
    coordinator: world.token.coordinatorTop,
    treasurer: world.token.treasurerA,
    president: world.token.presidentA,
    secretary: world.token.secretaryA,
    bank: world.token.bankOfficer,
    ngo: world.token.ngoStaff,
    nobody: world.token.nobody,
  })[role];
const group = (rel: Rel) => (rel === 'own' ? world.ids.groupA : world.ids.groupB);
const treasurerOf = (rel: Rel) => (rel === 'own' ? world.token.treasurerA : world.token.treasurerB);
const attendance = (rel: Rel) =>
  members[rel === 'own' ? 'A' : 'B'].map((memberId) => ({ memberId, status: 'PRESENT' }));
let dayCounter = 0;
/** A fresh past date for each posting, so no two meetings share one. */
const nextDate = () =>
  new Date(Date.parse('2021-01-01T00:00:00Z') + dayCounter++ * 86_400_000).toISOString().slice(0, 10);

/** The bank's pending request to the group: the one waiting (a bank has one at a time), or a new one. */
async function pendingRequest(rel: Rel): Promise<string> {
  const side = await graphqlOk(
    env.app,
    treasurerOf(rel),
    'query($g: ID!) { group(id: $g) { accessRequests { id state bank { id } } } }',
    { g: group(rel) },
  );
  const waiting = side.group.accessRequests.find((r: any) => r.state === 'PENDING' && r.bank.id === world.ids.bank);
  if (waiting) return waiting.id;
  const r = await graphqlOk(env.app, world.token.bankOfficer, A.requestAccess, {
    input: {
      idempotencyKey: ikey(),
      groupId: group(rel),
      purpose: 'LOAN_MONITORING',
      scopes: ['SAVINGS_SUMMARY'],
      dataRange: { from: '2020-01-01', to: '2027-12-31' },
      durationMonths: 12,
    },
  });
  return r.requestAccess.id;
}
/** A loan group A's treasurer asked of `bankId`, approved by that bank if `approved`. */
async function bankLoanAsked(bankId: string, approved = false): Promise<string> {
  const id = (
    await graphqlOk(env.app, world.token.treasurerA, L.apply, {
      input: { idempotencyKey: ikey(), groupId: world.ids.groupA, bankId, amount: '1000', termMonths: 2, purpose: 'x' },
    })
  ).applyForBankLoan.id;
  if (approved) {
    const officer = bankId === world.ids.bank ? world.token.bankOfficer : await env.tokenFor('other-bank-officer');
    await graphqlOk(env.app, officer, L.decide, {
      input: {
        idempotencyKey: ikey(),
        groupId: world.ids.groupA,
        bankLoanId: id,
        approve: true,
        reasons: 'ok',
        monthlyInterestBasisPoints: 100,
      },
    });
  }
  return id;
}
let otherNgo: string;
const ngoFor = (rel: Rel) => (rel === 'own' ? world.ids.ngo : otherNgo);
let appointDay = 0;
/** Appointment dates rise case by case (a term must start after the one it ends) and stay in the past. */
let invitedPhones = 0;
const nextAppointmentDate = () =>
  new Date(Date.parse('2023-01-01T00:00:00Z') + appointDay++ * 86_400_000).toISOString().slice(0, 10);
/** A delivery recorded (by an administrator) for the NGO of `rel`, with the service it delivered. */
async function deliveryOf(rel: Rel): Promise<{ id: string; date: string; serviceId: string }> {
  const serviceId = (
    await graphqlOk(env.app, world.token.admin, C.service, {
      input: { idempotencyKey: ikey(), ngoId: ngoFor(rel), name: 'S', sector: 'HEALTH' },
    })
  ).registerService.id;
  const d = (
    await graphqlOk(env.app, world.token.admin, C.deliver, {
      input: {
        idempotencyKey: ikey(),
        ngoId: ngoFor(rel),
        serviceId,
        date: '2026-02-01',
        communeCode: '170403',
        participants: 5,
        women: 5,
      },
    })
  ).recordDelivery;
  return { id: d.id, date: d.date, serviceId };
}
async function activeGrant(rel: Rel): Promise<string> {
  const requestId = await pendingRequest(rel);
  return (
    await graphqlOk(env.app, treasurerOf(rel), A.approve, {
      input: { idempotencyKey: ikey(), groupId: group(rel), requestId },
    })
  ).approveAccessRequest.id;
}

interface Op {
  query: string;
  variables?: Record<string, unknown>;
}
interface Probe {
  name: string;
  allowed: (role: Role, rel: Rel) => boolean;
  make: (role: Role, rel: Rel) => Promise<Op> | Op;
  /** A lookup that answers null, not an error, when the viewer may not see the thing. */
  deniedAsNull?: (data: any) => boolean;
  /** syncMeetings answers per record rather than with an error. */
  deniedInBody?: (data: any) => boolean;
  /** For a field of Group: its name, so a denial is checked on the field rather than the group. */
  field?: string;
  /** Puts things back after an allowed case (a moved office). */
  cleanup?: (rel: Rel) => Promise<void>;
}

const anyone = () => true;
const withRole = (role: Role) => role !== 'nobody';
const adminOnly = (role: Role) => role === 'admin';
const ownOfficer = (role: Role, rel: Rel) => rel === 'own' && OFFICERS.includes(role);
const ownTreasurer = (role: Role, rel: Rel) => rel === 'own' && role === 'treasurer';
/** The NGO's own staff, or an administrator. */
const ngoOrAdmin = (role: Role, rel: Rel) => role === 'admin' || (role === 'ngo' && rel === 'own');
const groupVisible = (role: Role, rel: Rel) =>
  role === 'admin' ||
  role === 'bank' ||
  role === 'ngo' ||
  (rel === 'own' && (role === 'coordinator' || OFFICERS.includes(role)));
const inGroup =
  (field: string) =>
  (_role: Role, rel: Rel): Op => ({
    query: `query($id: ID!) { group(id: $id) { id ${field} } }`,
    variables: { id: group(rel) },
  });

const queryProbes: Record<string, Probe> = {
  viewer: { name: 'viewer', allowed: anyone, make: () => ({ query: '{ viewer { id roles { role } } }' }) },
  place: { name: 'place', allowed: anyone, make: () => ({ query: '{ place(code: "020901") { nameEn } }' }) },
  provinces: { name: 'provinces', allowed: anyone, make: () => ({ query: '{ provinces { code } }' }) },
  group: {
    name: 'group',
    allowed: groupVisible,
    make: (_r, rel) => inGroup('name')(_r, rel),
    deniedAsNull: (d) => d?.group === null,
  },
  myGroups: { name: 'myGroups', allowed: anyone, make: () => ({ query: '{ myGroups { id } }' }) },
  groupDirectory: {
    name: 'groupDirectory',
    allowed: (role) => ['admin', 'coordinator', 'bank', 'ngo'].includes(role),
    make: (_r, rel) => ({ query: `{ groupDirectory(placeCode: "${rel === 'own' ? '17' : '02'}") { nodes { id } } }` }),
  },
  federation: {
    name: 'federation',
    allowed: (role, rel) => role === 'admin' || (role === 'coordinator' && rel === 'own'),
    make: (_r, rel) => ({
      query: 'query($id: ID!) { federation(id: $id) { id name } }',
      variables: { id: rel === 'own' ? world.ids.subFederation : world.ids.otherFederation },
    }),
    deniedAsNull: (d) => d?.federation === null,
  },
  myFederations: { name: 'myFederations', allowed: anyone, make: () => ({ query: '{ myFederations { id } }' }) },
  coverage: {
    name: 'coverage',
    allowed: (role) => ['admin', 'coordinator', 'ngo'].includes(role),
    make: (_r, rel) => ({ query: C.coverage, variables: { p: rel === 'own' ? '17' : '02', s: 'HEALTH' } }),
  },
  coverageGrid: {
    name: 'coverageGrid',
    allowed: (role) => ['admin', 'coordinator', 'ngo'].includes(role),
    make: (_r, rel) => ({ query: C.grid, variables: { p: rel === 'own' ? '1704' : '0209', s: ['HEALTH'] } }),
  },
  coverageGaps: {
    name: 'coverageGaps',
    allowed: (role) => ['admin', 'coordinator', 'ngo'].includes(role),
    make: (_r, rel) => ({ query: C.gaps, variables: { p: rel === 'own' ? '1704' : '0209', s: 'HEALTH' } }),
  },
  placeRollup: {
    name: 'placeRollup',
    allowed: (role) => role === 'admin' || role === 'coordinator',
    make: (_r, rel) => ({
      query: `{ placeRollup(code: "${rel === 'own' ? '17' : '02'}") { groups byCurrency { savings } } }`,
    }),
  },
  people: {
    name: 'people',
    allowed: adminOnly,
    make: () => ({ query: '{ people(first: 5) { nodes { id displayName } } }' }),
  },
  federations: {
    name: 'federations',
    allowed: adminOnly,
    make: (_r, rel) => ({
      query: `{ federations(placeCode: "${rel === 'own' ? '17' : '02'}") { nodes { id name } } }`,
    }),
  },
  person: {
    name: 'person',
    allowed: adminOnly,
    make: (_r, rel) => ({ query: M.person, variables: { id: rel === 'own' ? 'bank-officer' : 'treasurer-b' } }),
  },
  banks: { name: 'banks', allowed: withRole, make: () => ({ query: '{ banks { nodes { id } } }' }) },
  ngos: { name: 'ngos', allowed: withRole, make: () => ({ query: '{ ngos { nodes { id } } }' }) },
  ngo: {
    name: 'ngo',
    allowed: withRole,
    make: () => ({ query: 'query($id: ID!) { ngo(id: $id) { id name } }', variables: { id: world.ids.ngo } }),
  },
  bankView: {
    name: 'bankView',
    allowed: (role, rel) => role === 'bank' && rel === 'own',
    make: (_r, rel) => ({ query: A.viewSavings, variables: { g: group(rel), from: '2021-01-01', to: '2026-03-01' } }),
  },
  myBankAccess: {
    name: 'myBankAccess',
    allowed: (role, rel) => role === 'bank' && rel === 'own',
    make: (_r, rel) => ({
      query: 'query($b: ID) { myBankAccess(bankId: $b) { requests { id } } }',
      variables: { b: rel === 'own' ? world.ids.bank : otherBank },
    }),
  },
};

const meetingInput = (rel: Rel) => ({
  idempotencyKey: ikey(),
  groupId: group(rel),
  date: nextDate(),
  attendance: attendance(rel),
  minutes: [],
  entries: [],
});
const mutationProbes: Record<string, Probe> = {
  createUser: {
    name: 'createUser',
    allowed: adminOnly,
    make: () => ({
      query: M.createUser,
      variables: { input: { idempotencyKey: ikey(), userId: `m-${ikey()}`, displayName: 'x' } },
    }),
  },
  revokeRole: {
    name: 'revokeRole',
    allowed: adminOnly,
    make: async (_r, rel) => {
      const userId = `r-${ikey()}`;
      await graphqlOk(env.app, world.token.admin, M.createUser, {
        input: { idempotencyKey: ikey(), userId, displayName: 'x' },
      });
      const bankId = rel === 'own' ? world.ids.bank : otherBank;
      await graphqlOk(env.app, world.token.admin, M.assignRole, {
        input: { idempotencyKey: ikey(), userId, tenantType: 'BANK', tenantId: bankId, role: 'LOAN_OFFICER' },
      });
      return {
        query: M.revokeRole,
        variables: {
          input: {
            idempotencyKey: ikey(),
            userId,
            tenantType: 'BANK',
            tenantId: bankId,
            role: 'LOAN_OFFICER',
            reason: 'left the bank',
          },
        },
      };
    },
  },
  assignRole: {
    name: 'assignRole',
    allowed: adminOnly,
    make: async (_r, rel) => {
      const userId = `a-${ikey()}`;
      await graphqlOk(env.app, world.token.admin, M.createUser, {
        input: { idempotencyKey: ikey(), userId, displayName: 'x' },
      });
      return {
        query: M.assignRole,
        variables: {
          input: {
            idempotencyKey: ikey(),
            userId,
            tenantType: 'BANK',
            tenantId: rel === 'own' ? world.ids.bank : otherBank,
            role: 'LOAN_OFFICER',
          },
        },
      };
    },
  },
  createFederation: {
    name: 'createFederation',
    allowed: adminOnly,
    make: () => ({
      query: M.createFederation,
      variables: { input: { idempotencyKey: ikey(), name: 'F', placeCode: '17' } },
    }),
  },
  createGroup: {
    name: 'createGroup',
    allowed: (role, rel) => role === 'admin' || (role === 'coordinator' && rel === 'own'),
    make: (_r, rel) => ({
      query: M.createGroup,
      variables: {
        input: {
          idempotencyKey: ikey(),
          name: 'G',
          placeCode: '170402',
          currency: 'KHR',
          meetingSchedule: { frequency: 'MONTHLY', weekday: 'MONDAY' },
          formedOn: '2021-01-01',
          federationId: rel === 'own' ? world.ids.subFederation : world.ids.otherFederation,
        },
      },
    }),
  },
  addMember: {
    name: 'addMember',
    allowed: ownOfficer,
    make: (_r, rel) => ({
      query: M.addMember,
      variables: {
        input: { idempotencyKey: ikey(), groupId: group(rel), name: 'x', sex: 'FEMALE', joinedOn: '2026-02-02' },
      },
    }),
  },
  createBank: {
    name: 'createBank',
    allowed: adminOnly,
    make: () => ({ query: M.createBank, variables: { input: { idempotencyKey: ikey(), name: 'B' } } }),
  },
  createNgo: {
    name: 'createNgo',
    allowed: adminOnly,
    make: () => ({ query: M.createNgo, variables: { input: { idempotencyKey: ikey(), name: 'N' } } }),
  },
  recordMeeting: {
    name: 'recordMeeting',
    allowed: ownOfficer,
    make: (_r, rel) => ({ query: B.recordMeeting, variables: { input: meetingInput(rel) } }),
  },
  syncMeetings: {
    name: 'syncMeetings',
    allowed: ownOfficer,
    make: (_r, rel) => ({ query: B.syncMeetings, variables: { input: { meetings: [meetingInput(rel)] } } }),
    deniedInBody: (d) =>
      d?.syncMeetings?.results?.[0]?.status === 'REJECTED' &&
      ['NOT_FOUND', 'FORBIDDEN'].includes(d.syncMeetings.results[0].error.code),
  },
  correctMeeting: {
    name: 'correctMeeting',
    allowed: (role, rel) => rel === 'own' && (role === 'treasurer' || role === 'secretary'),
    make: async (_r, rel) => {
      const recorded = meetingInput(rel);
      await graphqlOk(env.app, treasurerOf(rel), B.recordMeeting, { input: recorded });
      return {
        query: B.correctMeeting,
        variables: {
          input: {
            idempotencyKey: ikey(),
            groupId: group(rel),
            date: recorded.date,
            minutes: [{ agendaItem: 'x', discussed: false }],
            reason: 'forgotten',
          },
        },
      };
    },
  },
  recordEntries: {
    name: 'recordEntries',
    allowed: ownOfficer,
    make: (_r, rel) => ({
      query: B.recordEntries,
      variables: {
        input: {
          idempotencyKey: ikey(),
          groupId: group(rel),
          date: nextDate(),
          entries: [{ id: 'i', kind: 'OTHER_INCOME', amount: '100' }],
        },
      },
    }),
  },
  reverseEntry: {
    name: 'reverseEntry',
    allowed: ownOfficer,
    make: async (_r, rel) => {
      const date = nextDate();
      const posted = await graphqlOk(env.app, treasurerOf(rel), B.recordEntries, {
        input: {
          idempotencyKey: ikey(),
          groupId: group(rel),
          date,
          entries: [{ id: 'i', kind: 'OTHER_INCOME', amount: '100' }],
        },
      });
      return {
        query: B.reverseEntry,
        variables: {
          input: {
            idempotencyKey: ikey(),
            groupId: group(rel),
            entryRef: posted.recordEntries.entries[0].ref,
            date,
            reason: 'x',
          },
        },
      };
    },
  },
  setConstitution: {
    name: 'setConstitution',
    allowed: ownOfficer,
    make: (_r, rel) => ({
      query: B.setConstitution,
      variables: { input: constitution(group(rel), ikey(), { effectiveFrom: nextDate() }) },
    }),
  },
  appointOfficer: {
    name: 'appointOfficer',
    allowed: (role, rel) => role === 'admin' || (rel === 'own' && (role === 'coordinator' || role === 'president')),
    make: async (_r, rel) => {
      const userId = `o-${ikey()}`;
      await graphqlOk(env.app, world.token.admin, M.createUser, {
        input: { idempotencyKey: ikey(), userId, displayName: 'x' },
      });
      return {
        query: M.appointOfficer,
        variables: {
          input: {
            idempotencyKey: ikey(),
            groupId: group(rel),
            userId,
            role: 'SECRETARY',
            from: nextAppointmentDate(),
          },
        },
      };
    },
    // Give group A's office back to its secretary, so her own cases that follow still hold.
    cleanup: async (rel) => {
      if (rel === 'other') return;
      const r = await graphql(env.app, world.token.admin, M.appointOfficer, {
        input: {
          idempotencyKey: ikey(),
          groupId: group(rel),
          userId: 'secretary-a',
          role: 'SECRETARY',
          from: nextAppointmentDate(),
        },
      });
      if (r.errors && r.errors[0]!.extensions!.code !== 'CONFLICT') throw new Error(JSON.stringify(r.errors));
    },
  },
  invitePerson: {
    name: 'invitePerson',
    allowed: (role, rel) => role === 'admin' || (rel === 'own' && (role === 'coordinator' || role === 'president')),
    make: (_r, rel) => ({
      query: M.invitePerson,
      variables: {
        input: {
          idempotencyKey: ikey(),
          displayName: 'x',
          phone: `+8551${String(++invitedPhones).padStart(7, '0')}`,
          tenantType: 'GROUP',
          tenantId: group(rel),
          role: 'SECRETARY',
          from: nextAppointmentDate(),
        },
      },
    }),
    // As for appointOfficer: give group A's office back to its secretary, a day later.
    cleanup: async (rel) => {
      if (rel === 'other') return;
      const r = await graphql(env.app, world.token.admin, M.appointOfficer, {
        input: {
          idempotencyKey: ikey(),
          groupId: group(rel),
          userId: 'secretary-a',
          role: 'SECRETARY',
          from: nextAppointmentDate(),
        },
      });
      if (r.errors && r.errors[0]!.extensions!.code !== 'CONFLICT') throw new Error(JSON.stringify(r.errors));
    },
  },
  recordMemberLeft: {
    name: 'recordMemberLeft',
    allowed: ownOfficer,
    make: async (_r, rel) => {
      const added = await graphqlOk(env.app, treasurerOf(rel), M.addMember, {
        input: { idempotencyKey: ikey(), groupId: group(rel), name: 'x', sex: 'MALE', joinedOn: '2021-01-01' },
      });
      return {
        query: 'mutation($input: RecordMemberLeftInput!) { recordMemberLeft(input: $input) { id } }',
        variables: {
          input: { idempotencyKey: ikey(), groupId: group(rel), memberId: added.addMember.id, leftOn: '2026-02-01' },
        },
      };
    },
  },
  correctMember: {
    name: 'correctMember',
    allowed: (role, rel) => rel === 'own' && (role === 'treasurer' || role === 'secretary'),
    make: async (_r, rel) => {
      const added = await graphqlOk(env.app, treasurerOf(rel), M.addMember, {
        input: { idempotencyKey: ikey(), groupId: group(rel), name: 'x', sex: 'MALE', joinedOn: '2021-01-01' },
      });
      return {
        query: M.correctMember,
        variables: {
          input: {
            idempotencyKey: ikey(),
            groupId: group(rel),
            memberId: added.addMember.id,
            name: 'y',
            reason: 'spelling',
          },
        },
      };
    },
  },
  requestAccess: {
    name: 'requestAccess',
    allowed: (role, rel) => role === 'bank' && rel === 'own',
    // "other" for a bank is asking on behalf of a bank she is not an officer of.
    make: (_r, rel) => ({
      query: A.requestAccess,
      variables: {
        input: {
          idempotencyKey: ikey(),
          groupId: world.ids.groupB,
          bankId: rel === 'own' ? world.ids.bank : otherBank,
          purpose: 'LOAN_ASSESSMENT',
          scopes: ['SAVINGS_SUMMARY'],
          dataRange: { from: '2025-01-01', to: '2026-01-01' },
          durationMonths: 1,
        },
      },
    }),
  },
  approveAccessRequest: {
    name: 'approveAccessRequest',
    allowed: ownTreasurer,
    make: async (_r, rel) => ({
      query: A.approve,
      variables: { input: { idempotencyKey: ikey(), groupId: group(rel), requestId: await pendingRequest(rel) } },
    }),
  },
  rejectAccessRequest: {
    name: 'rejectAccessRequest',
    allowed: ownTreasurer,
    make: async (_r, rel) => ({
      query: A.reject,
      variables: {
        input: { idempotencyKey: ikey(), groupId: group(rel), requestId: await pendingRequest(rel), reason: 'no' },
      },
    }),
  },
  withdrawAccessRequest: {
    name: 'withdrawAccessRequest',
    allowed: (role, rel) => role === 'bank' && rel === 'own',
    // "other": a request another bank made to the same group.
    make: async (_r, rel) => {
      if (rel === 'own')
        return {
          query: A.withdraw,
          variables: {
            input: {
              idempotencyKey: ikey(),
              groupId: world.ids.groupA,
              requestId: await pendingRequest('own'),
              reason: 'mistake',
            },
          },
        };
      const side = await graphqlOk(
        env.app,
        world.token.treasurerA,
        'query($g: ID!) { group(id: $g) { accessRequests { id state bank { id } } } }',
        { g: world.ids.groupA },
      );
      const waiting = side.group.accessRequests.find((r: any) => r.state === 'PENDING' && r.bank.id === otherBank)?.id;
      const theirs =
        waiting ??
        (
          await graphqlOk(env.app, await env.tokenFor('other-bank-officer'), A.requestAccess, {
            input: {
              idempotencyKey: ikey(),
              groupId: world.ids.groupA,
              bankId: otherBank,
              purpose: 'LOAN_ASSESSMENT',
              scopes: ['SAVINGS_SUMMARY'],
              dataRange: { from: '2025-01-01', to: '2026-01-01' },
              durationMonths: 1,
            },
          })
        ).requestAccess.id;
      return {
        query: A.withdraw,
        variables: {
          input: { idempotencyKey: ikey(), groupId: world.ids.groupA, requestId: theirs, reason: 'mistake' },
        },
      };
    },
  },
  pauseGrant: {
    name: 'pauseGrant',
    allowed: ownTreasurer,
    make: async (_r, rel) => ({
      query: A.pause,
      variables: {
        input: { idempotencyKey: ikey(), groupId: group(rel), grantId: await activeGrant(rel), reason: 'x' },
      },
    }),
  },
  resumeGrant: {
    name: 'resumeGrant',
    allowed: ownTreasurer,
    make: async (_r, rel) => {
      const grantId = await activeGrant(rel);
      await graphqlOk(env.app, treasurerOf(rel), A.pause, {
        input: { idempotencyKey: ikey(), groupId: group(rel), grantId, reason: 'x' },
      });
      return {
        query: A.resume,
        variables: { input: { idempotencyKey: ikey(), groupId: group(rel), grantId, reason: 'x' } },
      };
    },
  },
  applyForBankLoan: {
    name: 'applyForBankLoan',
    allowed: ownTreasurer,
    make: (_r, rel) => ({
      query: L.apply,
      variables: {
        input: {
          idempotencyKey: ikey(),
          groupId: group(rel),
          bankId: world.ids.bank,
          amount: '1000',
          termMonths: 2,
          purpose: 'x',
        },
      },
    }),
  },
  decideBankLoan: {
    name: 'decideBankLoan',
    // "own" for a bank: a loan asked of her bank; "other": a loan asked of another bank.
    allowed: (role, rel) => role === 'bank' && rel === 'own',
    make: async (_r, rel) => ({
      query: L.decide,
      variables: {
        input: {
          idempotencyKey: ikey(),
          groupId: world.ids.groupA,
          bankLoanId: await bankLoanAsked(rel === 'own' ? world.ids.bank : otherBank),
          approve: false,
          reasons: 'no',
        },
      },
    }),
  },
  disburseBankLoan: {
    name: 'disburseBankLoan',
    allowed: (role, rel) => role === 'bank' && rel === 'own',
    make: async (_r, rel) => {
      const bankLoanId = await bankLoanAsked(rel === 'own' ? world.ids.bank : otherBank, true);
      return {
        query: L.disburse,
        variables: { input: { idempotencyKey: ikey(), groupId: world.ids.groupA, bankLoanId, date: '2026-02-01' } },
      };
    },
  },
  moveGroupToFederation: {
    name: 'moveGroupToFederation',
    // own: group A between federations the coordinator reaches; other: group B out of a federation she does not.
    allowed: (role, rel) => role === 'admin' || (role === 'coordinator' && rel === 'own'),
    make: (_r, rel) => ({
      query: 'mutation($input: MoveGroupInput!) { moveGroupToFederation(input: $input) { id } }',
      variables: {
        input: {
          idempotencyKey: ikey(),
          groupId: group(rel),
          federationId: world.ids.topFederation,
          from: nextAppointmentDate(),
        },
      },
    }),
    // Put the group back where the rest of the matrix expects it.
    cleanup: async (rel) => {
      const home = rel === 'own' ? world.ids.subFederation : world.ids.otherFederation;
      await graphqlOk(
        env.app,
        world.token.admin,
        'mutation($input: MoveGroupInput!) { moveGroupToFederation(input: $input) { id } }',
        {
          input: { idempotencyKey: ikey(), groupId: group(rel), federationId: home, from: nextAppointmentDate() },
        },
      );
    },
  },
  moveFederation: {
    name: 'moveFederation',
    // own: a fresh federation under the top one leaves it (the top's coordinator lets it go);
    // other: a fresh federation under another joins the top one without its parent's consent.
    allowed: (role, rel) => role === 'admin' || (role === 'coordinator' && rel === 'own'),
    make: async (_r, rel) => {
      const parentId = rel === 'own' ? world.ids.topFederation : world.ids.otherFederation;
      const id = (
        await graphqlOk(env.app, world.token.admin, M.createFederation, {
          input: { idempotencyKey: ikey(), name: 'Movable', placeCode: '17', parentId },
        })
      ).createFederation.id;
      return {
        query: 'mutation($input: MoveFederationInput!) { moveFederation(input: $input) { id } }',
        variables: {
          input: {
            idempotencyKey: ikey(),
            federationId: id,
            parentId: rel === 'own' ? null : world.ids.topFederation,
            from: clock.now().toISOString().slice(0, 10),
          },
        },
      };
    },
  },
  setNgoSectors: {
    name: 'setNgoSectors',
    allowed: ngoOrAdmin,
    make: (_r, rel) => ({
      query: C.sectors,
      variables: { input: { idempotencyKey: ikey(), ngoId: ngoFor(rel), sectors: ['HEALTH'] } },
    }),
  },
  registerService: {
    name: 'registerService',
    allowed: ngoOrAdmin,
    make: (_r, rel) => ({
      query: C.service,
      variables: { input: { idempotencyKey: ikey(), ngoId: ngoFor(rel), name: 'S', sector: 'HEALTH' } },
    }),
  },
  recordDelivery: {
    name: 'recordDelivery',
    allowed: ngoOrAdmin,
    make: async (_r, rel) => {
      const serviceId = (
        await graphqlOk(env.app, world.token.admin, C.service, {
          input: { idempotencyKey: ikey(), ngoId: ngoFor(rel), name: 'S', sector: 'HEALTH' },
        })
      ).registerService.id;
      return {
        query: C.deliver,
        variables: {
          input: {
            idempotencyKey: ikey(),
            ngoId: ngoFor(rel),
            serviceId,
            date: '2026-02-01',
            communeCode: '170403',
            participants: 5,
            women: 5,
          },
        },
      };
    },
  },
  correctDelivery: {
    name: 'correctDelivery',
    allowed: ngoOrAdmin,
    make: async (_r, rel) => {
      const d = await deliveryOf(rel);
      return {
        query: C.correctDelivery,
        variables: {
          input: {
            idempotencyKey: ikey(),
            ngoId: ngoFor(rel),
            deliveryId: d.id,
            deliveryDate: d.date,
            serviceId: d.serviceId,
            date: d.date,
            communeCode: '170404',
            participants: 5,
            women: 5,
            reason: 'wrong commune',
          },
        },
      };
    },
  },
  withdrawDelivery: {
    name: 'withdrawDelivery',
    allowed: ngoOrAdmin,
    make: async (_r, rel) => {
      const d = await deliveryOf(rel);
      return {
        query: C.withdrawDelivery,
        variables: {
          input: {
            idempotencyKey: ikey(),
            ngoId: ngoFor(rel),
            deliveryId: d.id,
            deliveryDate: d.date,
            reason: 'did not happen',
          },
        },
      };
    },
  },
  revokeGrant: {
    name: 'revokeGrant',
    allowed: ownTreasurer,
    make: async (_r, rel) => ({
      query: A.revoke,
      variables: {
        input: { idempotencyKey: ikey(), groupId: group(rel), grantId: await activeGrant(rel), reason: 'x' },
      },
    }),
  },
};

/** Group's fields: public facts go with the group's visibility; the rest have their own rules. */
const PUBLIC_GROUP_FIELDS = [
  'id',
  'name',
  'placeCode',
  'currency',
  'formedOn',
  'ageInMonths',
  'memberCount',
  'federationId',
];
const groupFieldRules: Record<string, { allowed: (role: Role, rel: Rel) => boolean; selection: string }> = {
  place: { allowed: groupVisible, selection: 'place { code }' },
  meetingSchedule: { allowed: groupVisible, selection: 'meetingSchedule { description }' },
  members: { allowed: ownOfficer, selection: 'members { nodes { name } }' },
  books: { allowed: ownOfficer, selection: 'books { balances { cash } }' },
  cashBook: { allowed: ownOfficer, selection: 'cashBook(from: "2020-01-01", to: "2026-03-01") { totalIn }' },
  meetings: { allowed: ownOfficer, selection: 'meetings { nodes { id } }' },
  loans: { allowed: ownOfficer, selection: 'loans { id }' },
  passbook: { allowed: ownOfficer, selection: 'PASSBOOK' },
  constitution: { allowed: ownOfficer, selection: 'constitution { effectiveFrom }' },
  constitutionHistory: { allowed: ownOfficer, selection: 'constitutionHistory { effectiveFrom }' },
  officers: {
    allowed: (role, rel) => role === 'admin' || (rel === 'own' && (role === 'coordinator' || OFFICERS.includes(role))),
    selection: 'officers { role }',
  },
  officerHistory: {
    allowed: (role, rel) => role === 'admin' || (rel === 'own' && (role === 'coordinator' || OFFICERS.includes(role))),
    selection: 'officerHistory { role }',
  },
  accessRequests: { allowed: ownOfficer, selection: 'accessRequests { id }' },
  grants: { allowed: ownOfficer, selection: 'grants { id }' },
  readLog: { allowed: ownOfficer, selection: 'readLog { nodes { id } }' },
  bankLoans: { allowed: ownOfficer, selection: 'bankLoans { id }' },
  federationHistory: {
    allowed: (role, rel) => role === 'admin' || (rel === 'own' && (role === 'coordinator' || OFFICERS.includes(role))),
    selection: 'federationHistory { from }',
  },
};
for (const f of PUBLIC_GROUP_FIELDS) groupFieldRules[f] = { allowed: groupVisible, selection: f };
const fieldProbes: Record<string, Probe> = Object.fromEntries(
  Object.entries(groupFieldRules).map(([field, rule]) => [
    `Group.${field}`,
    {
      name: `Group.${field}`,
      allowed: rule.allowed,
      make: (role: Role, rel: Rel) =>
        inGroup(
          rule.selection === 'PASSBOOK'
            ? `passbook(memberId: "${members[rel === 'own' ? 'A' : 'B'][0]}") { savings }`
            : rule.selection,
        )(role, rel),
      deniedAsNull: (d: any) => d?.group === null,
      field,
    },
  ]),
);

beforeAll(async () => {
  env = await integrationEnv({ clock });
  world = await buildWorld(env);
  otherBank = (
    await graphqlOk(env.app, world.token.admin, M.createBank, { input: { idempotencyKey: ikey(), name: 'Other Bank' } })
  ).createBank.id;
  otherNgo = (
    await graphqlOk(env.app, world.token.admin, M.createNgo, { input: { idempotencyKey: ikey(), name: 'Other NGO' } })
  ).createNgo.id;
  await graphqlOk(env.app, world.token.admin, M.createUser, {
    input: { idempotencyKey: ikey(), userId: 'other-bank-officer', displayName: 'O' },
  });
  await graphqlOk(env.app, world.token.admin, M.assignRole, {
    input: {
      idempotencyKey: ikey(),
      userId: 'other-bank-officer',
      tenantType: 'BANK',
      tenantId: otherBank,
      role: 'LOAN_OFFICER',
    },
  });
  const ids = async (t: string, g: string) =>
    (
      await graphqlOk(env.app, t, 'query($id: ID!) { group(id: $id) { members { nodes { id } } } }', { id: g })
    ).group.members.nodes.map((n: any) => n.id);
  members = {
    A: await ids(world.token.treasurerA, world.ids.groupA),
    B: await ids(world.token.treasurerB, world.ids.groupB),
  };
  for (const rel of ['own', 'other'] as const)
    await graphqlOk(env.app, treasurerOf(rel), B.setConstitution, { input: constitution(group(rel), ikey()) });
  await activeGrant('own'); // the bank's grant on group A: "own" for a bank
  writes = recordWrites(env.db.client);
}, 300_000);

const cases: { probe: Probe; role: Role; rel: Rel }[] = [];
for (const probe of [...Object.values(queryProbes), ...Object.values(mutationProbes), ...Object.values(fieldProbes)]) {
  for (const role of ROLES) for (const rel of ['own', 'other'] as const) cases.push({ probe, role, rel });
}

async function runCase(probe: Probe, role: Role, rel: Rel) {
  const op = await probe.make(role, rel);
  writes.take();
  const r = await graphql(env.app, token(role), op.query, op.variables);
  for (const e of r.errors ?? []) expectReadableError(e);
  if (probe.allowed(role, rel)) {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    if (probe.deniedAsNull) expect(probe.deniedAsNull(r.data)).toBe(false);
    if (probe.deniedInBody) expect(probe.deniedInBody(r.data)).toBe(false);
    await probe.cleanup?.(rel);
    return;
  }
  if (probe.deniedInBody) {
    expect(probe.deniedInBody(r.data)).toBe(true);
  } else if (probe.deniedAsNull && !r.errors) {
    expect(probe.deniedAsNull(r.data)).toBe(true);
  } else {
    expect(r.errors, `expected ${probe.name} to be refused for ${role}/${rel}`).toBeDefined();
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(r.errors![0]!.extensions!.code);
    // No data: the root is null, or for a Group field, the field (its group may still show public facts).
    const root = Object.values(r.data ?? {})[0] as Record<string, unknown> | null | undefined;
    expect(probe.field && root ? (root[probe.field] ?? null) : (root ?? null)).toBeNull();
  }
  // Nothing written — not even an idempotency record — and no read logged.
  expect(writes.calls()).toEqual([]);
}

describe('the matrix covers the whole schema', () => {
  it('every query, mutation and Group field has a probe', async () => {
    const schema = await graphqlOk(
      env.app,
      world.token.admin,
      '{ q: __type(name: "Query") { fields { name } } m: __type(name: "Mutation") { fields { name } } g: __type(name: "Group") { fields { name } } }',
    );
    expect(schema.q.fields.map((f: any) => f.name).sort()).toEqual(Object.keys(queryProbes).sort());
    expect(schema.m.fields.map((f: any) => f.name).sort()).toEqual(Object.keys(mutationProbes).sort());
    expect(schema.g.fields.map((f: any) => `Group.${f.name}`).sort()).toEqual(Object.keys(fieldProbes).sort());
  });
});

describe(`authorisation matrix: operations × roles × own/other tenant (${cases.length} cases)`, () => {
  it.each(
    cases.map((c) => ({
      ...c,
      label: `${c.probe.name} as ${c.role} on ${c.rel}: ${c.probe.allowed(c.role, c.rel) ? 'allowed' : 'refused'}`,
    })),
  )('$label', async ({ probe, role, rel }) => runCase(probe, role, rel));
});

const GRANT_STATES = [
  'none',
  'pending',
  'active',
  'paused',
  'revoked',
  'expired',
  'wrong scope',
  'outside range',
] as const;
const grantCases = GRANT_STATES.flatMap((state) =>
  ROLES.map((role) => ({ state, role, allowed: role === 'bank' && state === 'active' })),
);

describe(`bank reads × grant state × role (${grantCases.length} cases)`, () => {
  it.each(grantCases)('bankView, grant $state, as $role: allowed=$allowed', async ({ state, role, allowed }) => {
    // A fresh group per case, so grants of one case cannot answer for another.
    const groupId = (
      await graphqlOk(env.app, world.token.admin, M.createGroup, {
        input: {
          idempotencyKey: ikey(),
          name: 'Matrix',
          placeCode: '170403',
          currency: 'KHR',
          meetingSchedule: { frequency: 'MONTHLY', weekday: 'MONDAY' },
          formedOn: '2021-01-01',
        },
      })
    ).createGroup.id;
    const treasurer = `mt-${ikey()}`;
    await graphqlOk(env.app, world.token.admin, M.createUser, {
      input: { idempotencyKey: ikey(), userId: treasurer, displayName: 't' },
    });
    await graphqlOk(env.app, world.token.admin, M.appointOfficer, {
      input: { idempotencyKey: ikey(), groupId, userId: treasurer, role: 'TREASURER', from: '2021-01-01' },
    });
    const tt = await env.tokenFor(treasurer);
    const scopes = state === 'wrong scope' ? ['LOAN_BOOK_QUALITY'] : ['SAVINGS_SUMMARY'];
    const dataRange =
      state === 'outside range' ? { from: '2025-06-01', to: '2025-12-31' } : { from: '2021-01-01', to: '2027-12-31' };
    let grantId: string | undefined;
    if (state !== 'none') {
      const requestId = (
        await graphqlOk(env.app, world.token.bankOfficer, A.requestAccess, {
          input: { idempotencyKey: ikey(), groupId, purpose: 'LOAN_ASSESSMENT', scopes, dataRange, durationMonths: 1 },
        })
      ).requestAccess.id;
      if (state !== 'pending')
        grantId = (await graphqlOk(env.app, tt, A.approve, { input: { idempotencyKey: ikey(), groupId, requestId } }))
          .approveAccessRequest.id;
    }
    if (state === 'paused')
      await graphqlOk(env.app, tt, A.pause, { input: { idempotencyKey: ikey(), groupId, grantId, reason: 'x' } });
    if (state === 'revoked')
      await graphqlOk(env.app, tt, A.revoke, { input: { idempotencyKey: ikey(), groupId, grantId, reason: 'x' } });
    const now = clock.now();
    if (state === 'expired') clock.advance(32 * 86_400_000);
    try {
      writes.take();
      const r = await graphql(env.app, token(role), A.viewSavings, {
        g: groupId,
        from: '2024-01-01',
        to: '2026-01-01',
      });
      if (allowed) {
        expect(r.errors).toBeUndefined();
        expect(r.data!.bankView.savingsSummary.totalSavings).toBe('0');
      } else {
        expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
        expect(r.data).toBeNull();
        expect(writes.calls()).toEqual([]);
      }
    } finally {
      clock.set(now.toISOString());
    }
  });
});
