/** What the federation resolvers hand to GraphQL: each `<Type>Model` is the value behind the GraphQL type <Type> (dev/codegen.ts maps them by name). */
import type { GroupSummary } from '#core/attention.ts';
import type { Federation, Group } from '#core/groups.ts';
import type { RollupView } from '#core/rollups.ts';

export type FederationModel = Federation;

/**
 * What this reader may read anyway of the groups behind a rollup, to decide what to suppress:
 * everything ('all': a federation's rollup, to its readers), a place's federated groups
 * ('federated': administrators), or the shares of that place under her top federations.
 */
export type Readable = 'all' | 'federated' | { targets: string[] };

export interface RollupModel {
  scope: string;
  /** The rollup's own target (FED#… or PLACE#…), for its history. */
  target: string;
  readable: Readable;
  /** The figures as this reader may see them (suppressed where they would single a group out). */
  view: RollupView;
}

export interface RollupMonthModel {
  month: string;
  /** Null before the rollup's history begins. */
  view: RollupView | null;
}

export interface GroupSummaryModel {
  group: Group;
  summary: GroupSummary;
}
