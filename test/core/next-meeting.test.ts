/** Unit tier: when a group meets next, from its schedule. */
import { describe, expect, it } from 'vitest';
import { nextMeetingOn } from '#core/schedule.ts';

describe('nextMeetingOn', () => {
  const firstTuesday = { frequency: 'MONTHLY', weekday: 'TUESDAY', weekOfMonth: 1 } as const;

  it('finds the first Tuesday of this month, or of the next once it has passed', () => {
    expect(nextMeetingOn(firstTuesday, '2026-03-01')).toBe('2026-03-03');
    expect(nextMeetingOn(firstTuesday, '2026-03-03')).toBe('2026-03-03');
    expect(nextMeetingOn(firstTuesday, '2026-03-04')).toBe('2026-04-07');
    expect(nextMeetingOn(firstTuesday, '2026-12-09')).toBe('2027-01-05');
  });

  it('finds the last Friday of the month', () => {
    const lastFriday = { frequency: 'MONTHLY', weekday: 'FRIDAY', weekOfMonth: -1 } as const;
    expect(nextMeetingOn(lastFriday, '2026-02-01')).toBe('2026-02-27');
    expect(nextMeetingOn(lastFriday, '2026-02-28')).toBe('2026-03-27');
  });

  it('finds the next weekday for weekly meetings, today included', () => {
    const weekly = { frequency: 'WEEKLY', weekday: 'SUNDAY', weekOfMonth: null } as const;
    expect(nextMeetingOn(weekly, '2026-11-22')).toBe('2026-11-22');
    expect(nextMeetingOn(weekly, '2026-11-23')).toBe('2026-11-29');
  });

  it('counts fortnights from the last meeting', () => {
    const fortnightly = { frequency: 'FORTNIGHTLY', weekday: 'MONDAY', weekOfMonth: null } as const;
    expect(nextMeetingOn(fortnightly, '2026-11-20', '2026-11-09')).toBe('2026-11-23');
    expect(nextMeetingOn(fortnightly, '2026-11-24', '2026-11-09')).toBe('2026-12-07');
    expect(nextMeetingOn(fortnightly, '2026-11-20')).toBe('2026-11-23');
  });
});
