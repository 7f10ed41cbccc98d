/** Shapes the access resolvers hand to GraphQL. */
import type { DataRange, Grant } from '#core/access.ts';
import type { Group } from '#core/groups.ts';

/** A group as a bank may see it, after the grant was checked and the read logged. */
export interface BankGroupViewModel {
  group: Group;
  grant: Grant;
  range: DataRange;
  asOf: string;
}

/** Each part of the bank view resolves from the same checked view. */
export type ViewPart = BankGroupViewModel;

export interface BankAccessModel {
  bankId: string;
}
