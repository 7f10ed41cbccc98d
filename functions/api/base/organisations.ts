/** Banks and NGOs: registered by administrators, listed to anyone who holds a role. */
import { createOrganisationInputSchema } from '#core/organisations.ts';
import { parseInput } from '#core/validation.ts';
import { listOrganisations, planCreateOrganisation, type OrganisationType } from '#store/organisations.ts';
import { authorize } from '#api/authorize.ts';
import { commit, newId } from '#api/mutation.ts';
import { connection, pageArgs } from '#api/pagination.ts';
import type { Context } from '#api/context.ts';
import type { Resolvers } from '#api/generated/schema.ts';

async function list(ctx: Context, type: OrganisationType, args: { first?: number | null; after?: string | null }) {
  authorize(ctx, { action: 'organisation.read' });
  const { limit, cursor } = pageArgs(args);
  return connection(await listOrganisations(ctx.db, type, limit, cursor));
}

async function create(ctx: Context, type: OrganisationType, input: unknown) {
  const data = parseInput(createOrganisationInputSchema, input);
  authorize(ctx, { action: 'platform.administer' });
  return commit(ctx, `create${type}`, data, () =>
    planCreateOrganisation(ctx.db, {
      id: newId(ctx, data.idempotencyKey),
      type,
      name: data.name,
      createdAt: ctx.now().toISOString(),
    }),
  );
}

export const organisationResolvers: Resolvers = {
  Query: {
    banks: (_p, args, ctx) => list(ctx, 'BANK', args),
    ngos: (_p, args, ctx) => list(ctx, 'NGO', args),
    ngo: async (_p, { id }, ctx) => {
      authorize(ctx, { action: 'organisation.read' });
      return (await ctx.loaders.ngo.load(id)) ?? null;
    },
  },
  Mutation: {
    createBank: (_p, { input }, ctx) => create(ctx, 'BANK', input),
    createNgo: (_p, { input }, ctx) => create(ctx, 'NGO', input),
  },
};
