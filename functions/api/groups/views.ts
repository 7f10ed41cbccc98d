/** What the groups resolvers hand to GraphQL: each `<Type>Model` is the value behind the GraphQL type <Type> (dev/codegen.ts maps them by name). */
import type { Group, Member } from '#core/groups.ts';
import type { MeetingSchedule } from '#core/schedule.ts';

export type GroupModel = Group;
export type MemberModel = Member;
export type MeetingScheduleModel = MeetingSchedule;
