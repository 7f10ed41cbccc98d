/** Unit tier: the separation of duties between group offices and every other role. */
import { describe, expect, it } from 'vitest';
import { dutyConflict, type RoleGrant } from '#core/roles.ts';

const office = (groupId: string, role: RoleGrant['role'] = 'TREASURER'): RoleGrant => ({
  tenantType: 'GROUP',
  tenantId: groupId,
  role,
});
const outside: RoleGrant[] = [
  { tenantType: 'PLATFORM', tenantId: 'platform', role: 'ADMIN' },
  { tenantType: 'FEDERATION', tenantId: 'f', role: 'COORDINATOR' },
  { tenantType: 'BANK', tenantId: 'b', role: 'LOAN_OFFICER' },
  { tenantType: 'NGO', tenantId: 'n', role: 'STAFF' },
];

describe('dutyConflict', () => {
  it.each(outside)('refuses a group office to a $role of a $tenantType, and the reverse', (role) => {
    expect(dutyConflict([role], office('g'))?.en).toMatch(/hold no platform, federation, bank or NGO role/);
    expect(dutyConflict([office('g')], role)?.en).toMatch(/is TREASURER of a group/);
    expect(dutyConflict([office('g')], role)?.km).toBeTruthy();
  });

  it('lets anyone with no role take either, an officer take another office, and outside roles combine', () => {
    expect(dutyConflict([], office('g'))).toBeNull();
    expect(dutyConflict([], outside[0]!)).toBeNull();
    expect(dutyConflict([office('g', 'SECRETARY')], office('h', 'PRESIDENT'))).toBeNull();
    expect(dutyConflict([outside[1]!], outside[2]!)).toBeNull();
  });
});
