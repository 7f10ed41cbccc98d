/**
 * The "bare yoga" baseline of the throughput benchmarks: Krom's own SDL, no auth, no policy, no
 * plugins, one resolver answering the trivial query with the same data Krom's does.
 */
import { createSchema, createYoga } from 'graphql-yoga';
import { allProvinces } from '#core/places.ts';
import { typeDefs } from '#api/generated/schema.ts';

export const bareYoga = () =>
  createYoga({
    schema: createSchema({ typeDefs, resolvers: { Query: { provinces: () => [...allProvinces()] } } }),
    logging: false,
  });
