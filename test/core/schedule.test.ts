/** Unit tier: meeting schedules in English and Khmer. */
import { describe, expect, it } from 'vitest';
import { describeSchedule } from '#core/schedule.ts';

describe('describeSchedule', () => {
  it('the first Tuesday of the month (the STREAM guide’s example)', () => {
    expect(describeSchedule({ frequency: 'MONTHLY', weekday: 'TUESDAY', weekOfMonth: 1 })).toEqual({
      en: 'the first Tuesday of the month',
      km: 'ថ្ងៃអង្គារទីមួយ នៃខែ',
    });
  });
  it('the last Saturday', () => {
    expect(describeSchedule({ frequency: 'MONTHLY', weekday: 'SATURDAY', weekOfMonth: -1 }).en).toBe(
      'the last Saturday of the month',
    );
  });
  it('weekly and fortnightly', () => {
    expect(describeSchedule({ frequency: 'WEEKLY', weekday: 'FRIDAY', weekOfMonth: null }).en).toBe('every Friday');
    expect(describeSchedule({ frequency: 'FORTNIGHTLY', weekday: 'MONDAY', weekOfMonth: null }).en).toBe(
      'every other Monday',
    );
  });
});
