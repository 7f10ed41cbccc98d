/** Unit tier: the mobile number an invited person signs in with, however it was written. */
import { describe, expect, it } from 'vitest';
import { internationalPhone, invitePersonInputSchema } from '#core/people.ts';

describe('internationalPhone', () => {
  it.each([
    ['012 345 678', '+85512345678'],
    ['012345678', '+85512345678'],
    ['+855 12 345 678', '+85512345678'],
    ['855-12-345-678', '+85512345678'],
    ['(097) 7123 456', '+855977123456'],
    ['+66 81 234 5678', '+66812345678'],
  ])('%s is %s', (written, e164) => {
    expect(internationalPhone(written)).toBe(e164);
  });

  it.each([
    ['', 'nothing'],
    ['12 345 678', 'no leading 0, 855 or +'],
    ['+855 012 345 678', 'a 0 after the country code'],
    ['012 34', 'too short'],
    ['012 345 678 901', 'too long for Cambodia'],
    ['+0 123 456 789', 'no country starts with 0'],
    ['012-ABC-678', 'letters'],
  ])('refuses %j (%s)', (written) => {
    expect(internationalPhone(written)).toBeNull();
  });
});

describe('invitePersonInputSchema', () => {
  const input = {
    idempotencyKey: 'invite-0001',
    displayName: 'សុខា',
    phone: '012 345 678',
    tenantType: 'GROUP',
    tenantId: 'g-1',
    role: 'SECRETARY',
  };

  it('keeps the number in international form', () => {
    expect(invitePersonInputSchema.parse(input).phone).toBe('+85512345678');
  });

  it('names the phone field, in both languages, when the number is not a mobile number', () => {
    const r = invitePersonInputSchema.safeParse({ ...input, phone: '12' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['phone']);
    expect(r.error!.issues[0]!.message).toContain('mobile number');
  });

  it('refuses a blank name and an unknown role', () => {
    expect(invitePersonInputSchema.safeParse({ ...input, displayName: '  ' }).success).toBe(false);
    expect(invitePersonInputSchema.safeParse({ ...input, role: 'KING' }).success).toBe(false);
  });
});
