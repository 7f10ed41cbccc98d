/**
 * Parts of a meeting that are filled in the same way when it is recorded and when its record is
 * corrected: a member's attendance, tapped, and the lines of the minutes book (agenda item,
 * discussed, decision — the guide's columns; the date is the meeting's).
 */
import type { ComponentChildren } from 'preact';
import type { AttendanceStatus } from '../generated/graphql.ts';
import { useT } from '../i18n/i18n.tsx';
import { Icon } from '../shell/Icon.tsx';
import type { MinutesLine } from './meeting-draft.ts';

const STATUSES: AttendanceStatus[] = ['PRESENT', 'ABSENT', 'REPRESENTED'];
export const STATUS_WORD = { PRESENT: 'present', ABSENT: 'absent', REPRESENTED: 'represented' } as const;

/** Present, absent or represented, as three big toggles named for her. */
export function AttendanceChoice({
  group,
  name,
  status,
  onChange,
}: {
  /** Distinguishes one form's radio groups from another's on the same page. */
  group: string;
  name: string;
  status: AttendanceStatus;
  onChange: (status: AttendanceStatus) => void;
}) {
  const t = useT();
  return (
    <fieldset class="attendance">
      <legend>{t.say('attendanceOf')(name)}</legend>
      {STATUSES.map((s) => (
        <label key={s} class={status === s ? `toggle on ${s.toLowerCase()}` : 'toggle'}>
          <input type="radio" name={group} checked={status === s} onChange={() => onChange(s)} />
          {t(STATUS_WORD[s])}
        </label>
      ))}
    </fieldset>
  );
}

/** The minutes' lines, each editable, and a button for one more. */
export function MinutesLines({
  lines,
  onChange,
  problem,
}: {
  lines: MinutesLine[];
  onChange: (lines: MinutesLine[]) => void;
  /** What is wrong with line i, shown under its agenda item. */
  problem?: (i: number) => ComponentChildren;
}) {
  const t = useT();
  return (
    <>
      {lines.map((line, i) => {
        const setLine = (change: Partial<MinutesLine>) =>
          onChange(lines.map((l, j) => (j === i ? { ...l, ...change } : l)));
        return (
          <div key={i} class="entry-card">
            <label class="field">
              <span>{t('agendaItem')}</span>
              <input value={line.agendaItem} onInput={(e) => setLine({ agendaItem: e.currentTarget.value })} />
            </label>
            {problem?.(i)}
            <label class="check">
              <input
                type="checkbox"
                checked={line.discussed}
                onChange={(e) => setLine({ discussed: e.currentTarget.checked })}
              />
              {t('discussed')}
            </label>
            <label class="field">
              <span>{t('decision')}</span>
              <input value={line.decision} onInput={(e) => setLine({ decision: e.currentTarget.value })} />
            </label>
          </div>
        );
      })}
      <button
        type="button"
        class="button"
        onClick={() => onChange([...lines, { agendaItem: '', discussed: true, decision: '' }])}
      >
        <Icon name="plus" /> {t('addMinutesLine')}
      </button>
    </>
  );
}
