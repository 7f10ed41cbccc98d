/** Unit tier: corrections of a member and of a meeting keep what they replace, and refuse to change nothing. */
import { describe, expect, it } from 'vitest';
import { correctMeetingAttendance, emptyActivity, addMeeting } from '#core/activity.ts';
import { ValidationError } from '#core/errors.ts';
import { correctMember, MAX_CORRECTIONS, type Member } from '#core/groups.ts';
import {
  correctedRecords,
  correctionsWithBefore,
  MAX_MEETING_CORRECTIONS,
  planMeetingCorrection,
  type Journal,
} from '#core/meetings.ts';

const member: Member = {
  id: 'm',
  groupId: 'g',
  name: 'សុខ',
  sex: 'FEMALE',
  phone: '+855 12 000 111',
  joinedOn: '2021-01-01',
  leftOn: null,
  createdAt: '2021-01-01T00:00:00Z',
};
const input = (over: Record<string, unknown>) => ({
  idempotencyKey: 'k'.repeat(16),
  groupId: 'g',
  memberId: 'm',
  reason: 'typo',
  ...over,
});

describe('correctMember', () => {
  it('changes only what differs, and records was/now for each', () => {
    const after = correctMember(
      member,
      input({ name: 'សុខា', sex: 'FEMALE', phone: undefined }),
      't',
      '2026-11-22T03:00:00Z',
    );
    expect(after).toMatchObject({ name: 'សុខា', sex: 'FEMALE', phone: '+855 12 000 111' });
    expect(after.corrections).toEqual([
      {
        number: 1,
        changes: [{ field: 'NAME', was: 'សុខ', now: 'សុខា' }],
        reason: 'typo',
        correctedBy: 't',
        correctedAt: '2026-11-22T03:00:00Z',
      },
    ]);
  });

  it('null takes the phone away; null name or sex means unchanged', () => {
    const after = correctMember(member, input({ name: null, sex: null, phone: null }), 't', 'x');
    expect(after.phone).toBeNull();
    expect(after.corrections![0]!.changes).toEqual([{ field: 'PHONE', was: '+855 12 000 111', now: null }]);
  });

  it('refuses a correction that changes nothing, and one past the most kept', () => {
    expect(() => correctMember(member, input({ name: 'សុខ' }), 't', 'x')).toThrow(ValidationError);
    const full = {
      ...member,
      corrections: Array.from({ length: MAX_CORRECTIONS }, (_, i) => ({
        number: i + 1,
        changes: [],
        reason: 'r',
        correctedBy: 't',
        correctedAt: 'x',
      })),
    };
    expect(() => correctMember(full, input({ name: 'new' }), 't', 'x')).toThrow(/50 times/);
  });
});

const line = (memberId: string, status: 'PRESENT' | 'ABSENT' | 'REPRESENTED') => ({ memberId, status });
const journal = (over: Partial<Journal> = {}): Journal => {
  const recorded = {
    attendance: [line('a', 'PRESENT'), line('b', 'ABSENT')],
    minutes: [{ agendaItem: 'x', discussed: true, decision: null }],
  };
  return {
    groupId: 'g',
    journalId: 'M-2026-01-06',
    kind: 'MEETING',
    date: '2026-01-06',
    entries: [],
    ...recorded,
    asRecorded: recorded,
    corrections: [],
    sequence: 1,
    recordedBy: 't',
    recordedAt: 'x',
    reversed: {},
    ...over,
  };
};
const meetingInput = (over: Record<string, unknown>) => ({
  idempotencyKey: 'k'.repeat(16),
  groupId: 'g',
  date: '2026-01-06',
  reason: 'late',
  ...over,
});

describe('meeting corrections', () => {
  it('a part counts as corrected only if it differs; attendance in another order is the same', () => {
    const j = journal();
    expect(() =>
      planMeetingCorrection(j, meetingInput({ attendance: [line('b', 'ABSENT'), line('a', 'PRESENT')] }), 't', 'x'),
    ).toThrow(ValidationError);
    const c = planMeetingCorrection(
      j,
      meetingInput({
        attendance: [line('a', 'PRESENT'), line('b', 'PRESENT')],
        minutes: [{ agendaItem: 'x', discussed: true }],
      }),
      't',
      'x',
    );
    expect(c).toMatchObject({ number: 1, attendance: [line('a', 'PRESENT'), line('b', 'PRESENT')], minutes: null });
  });

  it('the records as they stand apply corrections in order; each correction knows what it replaced', () => {
    const first = {
      number: 1,
      attendance: [line('a', 'PRESENT'), line('b', 'PRESENT')],
      minutes: null,
      reason: 'r',
      correctedBy: 't',
      correctedAt: 'x',
    };
    const second = {
      number: 2,
      attendance: null,
      minutes: [{ agendaItem: 'y', discussed: false, decision: null }],
      reason: 'r',
      correctedBy: 't',
      correctedAt: 'x',
    };
    const j = journal({ corrections: [first, second] });
    expect(correctedRecords(j.asRecorded, j.corrections)).toEqual({
      attendance: first.attendance,
      minutes: second.minutes,
    });
    const withBefore = correctionsWithBefore(j);
    expect(withBefore[0]!.before).toEqual(j.asRecorded);
    expect(withBefore[1]!.before).toEqual({ attendance: first.attendance, minutes: j.asRecorded.minutes });
  });

  it('refuses past the most kept', () => {
    const many = Array.from({ length: MAX_MEETING_CORRECTIONS }, (_, i) => ({
      number: i + 1,
      attendance: null,
      minutes: [],
      reason: 'r',
      correctedBy: 't',
      correctedAt: 'x',
    }));
    expect(() =>
      planMeetingCorrection(
        journal({ corrections: many }),
        meetingInput({ minutes: [{ agendaItem: 'z', discussed: true }] }),
        't',
        'x',
      ),
    ).toThrow(ValidationError);
  });

  it("corrected attendance moves the month's counts and the recent meeting's figures", () => {
    let activity = addMeeting(emptyActivity(), { date: '2026-01-06', listed: 2, present: 1, recordedAfterDays: 0 });
    activity = addMeeting(activity, { date: '2026-01-20', listed: 2, present: 2, recordedAfterDays: 0 });
    const next = correctMeetingAttendance(activity, '2026-01-06', { listed: 2, present: 1 }, { listed: 2, present: 2 });
    expect(next.months['2026-01']).toMatchObject({ meetings: 2, listed: 4, present: 4 });
    expect(next.recentMeetings.map((m) => m.present)).toEqual([2, 2]);
    expect(activity.months['2026-01']!.present).toBe(3);
    // A meeting older than what is kept changes nothing kept.
    expect(
      correctMeetingAttendance(activity, '2019-01-01', { listed: 2, present: 1 }, { listed: 2, present: 2 }),
    ).toEqual(activity);
  });
});
