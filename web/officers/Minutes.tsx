/**
 * The minutes book, newest meeting first: for each meeting who came and the minutes in the
 * guide's columns (agenda item, discussed, decision), printable for the group's shelf. The
 * secretary (or the treasurer) corrects a meeting's attendance or minutes with a reason; what was
 * recorded is kept and the corrections are listed under the meeting. The president reads it.
 */
import { useState } from 'preact/hooks';
import { send } from '../graphql/client.ts';
import {
  CorrectMeetingDocument,
  MinutesBookDocument,
  type AttendanceStatus,
  type MinutesBookQuery,
} from '../generated/graphql.ts';
import { date } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { useOnline } from '../shell/hooks.ts';
import { Icon } from '../shell/Icon.tsx';
import { FromPhone, Loading, Problem, Refusal } from '../shell/Status.tsx';
import { useChange } from '../shell/useChange.ts';
import { useQuery } from '../shell/useQuery.ts';
import { AttendanceChoice, MinutesLines, STATUS_WORD } from './MeetingParts.tsx';
import type { MinutesLine } from './meeting-draft.ts';

type Meeting = NonNullable<MinutesBookQuery['group']>['meetings']['nodes'][number];

export function Minutes({ groupId }: { groupId: string }) {
  const t = useT();
  // Pages go back in time; the cursors of the pages before this one, to come forward again.
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const after = pages[pages.length - 1] ?? null;
  const answer = useQuery(MinutesBookDocument, { groupId, after });
  const group = answer.data?.group;
  if (answer.error && !group) return <Problem error={answer.error} retry={answer.reload} />;
  if (!group) return <Loading />;
  const { nodes, pageInfo } = group.meetings;
  // The guide gives the registers to the treasurer and the secretary: they correct them; the
  // president reads (the API refuses anyone else too).
  const keepsRecords = answer.data!.viewer.roles.some(
    (r) => r.tenantType === 'GROUP' && r.tenantId === groupId && (r.role === 'TREASURER' || r.role === 'SECRETARY'),
  );
  return (
    <>
      <h1>{t('minutesBook')}</h1>
      <FromPhone shown={answer.fromPhone} />
      <p class="print-only">{group.name}</p>
      {nodes.length === 0 && <p class="note">{t('noMeetingYet')}</p>}
      {nodes.map((m) => (
        <MeetingMinutes key={m.id} groupId={groupId} meeting={m} corrects={keepsRecords} corrected={answer.reload} />
      ))}
      <div class="actions no-print">
        {pages.length > 1 && (
          <button type="button" class="button" onClick={() => setPages(pages.slice(0, -1))}>
            {t('newerMeetings')}
          </button>
        )}
        {pageInfo.hasNextPage && (
          <button type="button" class="button" onClick={() => setPages([...pages, pageInfo.endCursor])}>
            {t('olderMeetings')}
          </button>
        )}
        <button type="button" class="button" onClick={() => window.print()}>
          <Icon name="print" /> {t('print')}
        </button>
      </div>
    </>
  );
}

function MeetingMinutes({
  groupId,
  meeting,
  corrects,
  corrected,
}: {
  groupId: string;
  meeting: Meeting;
  /** Whether she keeps the registers, and so may correct them. */
  corrects: boolean;
  corrected: () => void;
}) {
  const t = useT();
  const [correcting, setCorrecting] = useState(false);
  const headingId = `meeting-${meeting.date}`;
  const day = date(meeting.date, t.language);
  const away = meeting.attendance.filter((a) => a.status !== 'PRESENT');
  return (
    <article class="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.say('meetingOf')(day)}</h2>
      <p>
        {t.say('presentOf')(meeting.presentCount, meeting.attendance.length)}
        {away.length > 0 && ` · ${away.map((a) => `${a.member.name} (${t(STATUS_WORD[a.status])})`).join(', ')}`}
      </p>
      {meeting.minutes.length > 0 && (
        <table class="ledger">
          <thead>
            <tr>
              <th scope="col">{t('agendaItem')}</th>
              <th scope="col">{t('discussed')}</th>
              <th scope="col">{t('decision')}</th>
            </tr>
          </thead>
          <tbody>
            {meeting.minutes.map((line, i) => (
              <tr key={i}>
                <td>{line.agendaItem}</td>
                <td>{line.discussed ? t('yes') : t('no')}</td>
                <td>{line.decision ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {meeting.corrections.length > 0 && (
        <ul class="note">
          {meeting.corrections.map((c) => (
            <li key={c.number}>{t.say('correctedBecause')(c.number, c.reason)}</li>
          ))}
        </ul>
      )}
      {correcting ? (
        <CorrectMeeting
          groupId={groupId}
          meeting={meeting}
          day={day}
          done={() => {
            setCorrecting(false);
            corrected();
          }}
          cancel={() => setCorrecting(false)}
        />
      ) : (
        corrects && (
          <button type="button" class="button no-print" onClick={() => setCorrecting(true)}>
            {t.say('correctMeetingOf')(day)}
          </button>
        )
      )}
    </article>
  );
}

const lineOf = (m: Meeting['minutes'][number]): MinutesLine => ({
  agendaItem: m.agendaItem,
  discussed: m.discussed,
  decision: m.decision ?? '',
});
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function CorrectMeeting({
  groupId,
  meeting,
  day,
  done,
  cancel,
}: {
  groupId: string;
  meeting: Meeting;
  day: string;
  done: () => void;
  cancel: () => void;
}) {
  const t = useT();
  const online = useOnline();
  const recordedAttendance = meeting.attendance.map((a) => ({ memberId: a.member.id, status: a.status }));
  const recordedMinutes = meeting.minutes.map(lineOf);
  const [attendance, setAttendance] = useState(recordedAttendance);
  const [minutes, setMinutes] = useState(recordedMinutes);
  const [reason, setReason] = useState('');
  const [key] = useState(() => crypto.randomUUID());
  const change = useChange();
  const attendanceChanged = !same(attendance, recordedAttendance);
  const minutesChanged = !same(minutes, recordedMinutes);
  const setStatus = (memberId: string, status: AttendanceStatus) =>
    setAttendance(attendance.map((a) => (a.memberId === memberId ? { ...a, status } : a)));

  async function submit(e: Event) {
    e.preventDefault();
    await change.run(
      () =>
        send(CorrectMeetingDocument, {
          input: {
            idempotencyKey: key,
            groupId,
            date: meeting.date,
            // Only what changed is sent: the correction records exactly that, and what it was before.
            ...(attendanceChanged ? { attendance } : {}),
            ...(minutesChanged
              ? {
                  minutes: minutes.map((l) => ({
                    agendaItem: l.agendaItem.trim(),
                    discussed: l.discussed,
                    decision: l.decision.trim() || null,
                  })),
                }
              : {}),
            reason: reason.trim(),
          },
        }),
      done,
    );
  }

  return (
    <form class="no-print" onSubmit={submit} aria-label={t.say('correctMeetingOf')(day)}>
      <h3>{t('attendance')}</h3>
      {meeting.attendance.map((a) => (
        <AttendanceChoice
          key={a.member.id}
          group={`correct-${meeting.date}-${a.member.id}`}
          name={a.member.name}
          status={attendance.find((x) => x.memberId === a.member.id)!.status}
          onChange={(s) => setStatus(a.member.id, s)}
        />
      ))}
      <h3>{t('minutes')}</h3>
      <MinutesLines lines={minutes} onChange={setMinutes} />
      <label class="field">
        <span>{t('reasonRequired')}</span>
        <input required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <Refusal error={change.error} />
      <div class="actions">
        <button
          type="submit"
          class="button primary"
          disabled={!online || change.busy || !reason.trim() || !(attendanceChanged || minutesChanged)}
        >
          {t('saveCorrection')}
        </button>
        <button type="button" class="button" onClick={cancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
