/** When a group meets — "the first Tuesday of the month" — as three choices, for every form that sets it. */
import type { MeetingFrequency, Weekday } from '../generated/graphql.ts';
import { useT } from '../i18n/i18n.tsx';
import type { Schedule } from './schedule.ts';

const FREQUENCIES: MeetingFrequency[] = ['MONTHLY', 'FORTNIGHTLY', 'WEEKLY'];
const WEEKDAYS: Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const WEEKS = [1, 2, 3, 4, -1];

export function ScheduleFields({ value, set }: { value: Schedule; set: (patch: Partial<Schedule>) => void }) {
  const t = useT();
  return (
    <>
      <label class="field">
        <span>{t('frequency')}</span>
        <select value={value.frequency} onChange={(e) => set({ frequency: e.currentTarget.value as MeetingFrequency })}>
          {FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {t(f)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('weekday')}</span>
        <select value={value.weekday} onChange={(e) => set({ weekday: e.currentTarget.value as Weekday })}>
          {WEEKDAYS.map((d) => (
            <option key={d} value={d}>
              {t(d)}
            </option>
          ))}
        </select>
      </label>
      {value.frequency === 'MONTHLY' && (
        <label class="field">
          <span>{t('weekOfMonth')}</span>
          <select value={value.weekOfMonth} onChange={(e) => set({ weekOfMonth: e.currentTarget.value })}>
            {WEEKS.map((w) => (
              <option key={w} value={String(w)}>
                {t.say('weekNumber')(w)}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}
