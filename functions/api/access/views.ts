/** What the access resolvers hand to GraphQL: each `<Type>Model` is the value behind the GraphQL type <Type> (dev/codegen.ts maps them by name). */
import type { AccessRequest, DataRange, Grant } from '#core/access.ts';
import type { Group } from '#core/groups.ts';
import type { ReadLogEntry } from '#store/access.ts';
import type { Organisation } from '#store/organisations.ts';

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

export type BankModel = Organisation;
export type AccessRequestModel = AccessRequest;
export type GrantModel = Grant;
export type ReadLogEntryModel = ReadLogEntry;
export type SavingsSummaryModel = ViewPart;
export type LoanBookQualityModel = ViewPart;
export type MeetingDisciplineModel = ViewPart;
