/** Unit tier: input validation names the field at fault. */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#core/errors.ts';
import { addMemberInputSchema, checkJoinDate, createGroupInputSchema } from '#core/groups.ts';
import { cambodiaDate, dateSchema, parseInput } from '#core/validation.ts';

const group = {
  idempotencyKey: 'abcdefgh-1',
  name: 'ក្រុមតាតោក',
  placeCode: '020901',
  currency: 'KHR',
  meetingSchedule: { frequency: 'MONTHLY', weekday: 'TUESDAY' },
  formedOn: '2011-03-01',
};

describe('parseInput', () => {
  it('returns clean data, defaulting a monthly meeting to the first week', () => {
    const data = parseInput(createGroupInputSchema, group);
    expect(data.meetingSchedule).toEqual({ frequency: 'MONTHLY', weekday: 'TUESDAY', weekOfMonth: 1 });
  });

  it('names the nested field at fault', () => {
    try {
      parseInput(createGroupInputSchema, {
        ...group,
        meetingSchedule: { frequency: 'MONTHLY', weekday: 'TUESDAY', weekOfMonth: 9 },
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).field).toBe('input.meetingSchedule.weekOfMonth');
    }
  });

  it('keeps Khmer text exactly as given', () => {
    const name = 'ស្រី\u200bមុំ'; // with a zero-width space, as Khmer typing often has
    expect(
      parseInput(addMemberInputSchema, {
        idempotencyKey: 'abcdefgh-2',
        groupId: 'g1',
        name,
        sex: 'FEMALE',
        joinedOn: '2020-01-01',
      }).name,
    ).toBe(name);
  });
});

describe('dates', () => {
  it.each(['2024-02-29', '2011-03-01'])('accepts %s', (d) => expect(dateSchema.safeParse(d).success).toBe(true));
  it.each(['2023-02-29', '2021-13-01', '2021-1-1', '1899-01-01', '2021-01-01T00:00:00Z'])('refuses %s', (d) =>
    expect(dateSchema.safeParse(d).success).toBe(false),
  );
  it('Cambodia’s day turns at 17:00 UTC', () => {
    expect(cambodiaDate(new Date('2026-11-22T16:59:59Z'))).toBe('2026-11-22');
    expect(cambodiaDate(new Date('2026-11-22T17:00:00Z'))).toBe('2026-11-23');
  });
  it('a member joins between the group’s forming and today', () => {
    expect(checkJoinDate({ formedOn: '2020-01-01' }, '2020-01-01', '2026-11-22')).toBeNull();
    expect(checkJoinDate({ formedOn: '2020-01-01' }, '2019-12-31', '2026-11-22')?.en).toMatch(
      /before the group was formed/,
    );
    expect(checkJoinDate({ formedOn: '2020-01-01' }, '2026-11-23', '2026-11-22')?.en).toMatch(/future/);
  });
});
