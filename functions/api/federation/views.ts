/** What the federation resolvers hand to GraphQL: each `<Type>Model` is the value behind the GraphQL type <Type> (dev/codegen.ts maps them by name). */
import type { GroupSummary } from '#core/attention.ts';
import type { Federation, Group } from '#core/groups.ts';
import type { RollupView } from '#core/rollups.ts';

export type FederationModel = Federation;

export interface RollupModel {
  scope: string;
  /** The figures as this reader may see them (suppressed where they would single a group out). */
  view: RollupView;
}

export interface GroupSummaryModel {
  group: Group;
  summary: GroupSummary;
}
