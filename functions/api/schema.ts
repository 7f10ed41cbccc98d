/** The executable schema: the generated SDL with the resolvers of every area. Built once. */
import { createSchema } from 'graphql-yoga';
import { typeDefs, type Resolvers } from '#api/generated/schema.ts';
import type { Context } from '#api/context.ts';
import { DateScalar, DateTimeScalar, MoneyScalar } from '#api/scalars.ts';
import { baseResolvers } from '#api/base/resolvers.ts';
import { federationResolvers } from '#api/federation/resolvers.ts';
import { groupResolvers } from '#api/groups/resolvers.ts';
import { organisationResolvers } from '#api/base/organisations.ts';
import { ledgerResolvers } from '#api/ledger/resolvers.ts';
import { accessResolvers } from '#api/access/resolvers.ts';
import { bankLoanResolvers } from '#api/credit/resolvers.ts';
import { coverageResolvers } from '#api/coverage/resolvers.ts';

const areas: Resolvers[] = [
  baseResolvers,
  groupResolvers,
  federationResolvers,
  organisationResolvers,
  ledgerResolvers,
  accessResolvers,
  bankLoanResolvers,
  coverageResolvers,
];

/** Merges each area's resolvers type by type; an area never silently replaces another's field. */
function merge(list: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const resolvers of list) {
    for (const [type, fields] of Object.entries(resolvers)) {
      merged[type] ??= {};
      for (const [field, resolver] of Object.entries(fields as object)) {
        if (field in merged[type]!) throw new Error(`resolver ${type}.${field} is defined twice`);
        merged[type]![field] = resolver;
      }
    }
  }
  return merged as Resolvers;
}

export const schema = createSchema<Context>({
  typeDefs,
  // The SDL is validated where it is written (codegen, and the schema test builds it with every
  // check); re-validating it on every cold start cost ~16 ms of the API's init.
  assumeValidSDL: true,
  // The schema is built here from the SDL and shared with nobody, so resolvers are attached to it
  // in place; the default copies every type through mapSchema, ~30 ms of each cold start.
  updateResolversInPlace: true,
  resolvers: { ...merge(areas), Money: MoneyScalar, Date: DateScalar, DateTime: DateTimeScalar },
});
