/**
 * Bare graphql-yoga for the throughput benchmark: Krom's own SDL, no auth, no policy, no plugins,
 * and one resolver answering the trivial query with the same data Krom's does.
 */
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import { allProvinces } from '#core/places.ts';
import { typeDefs } from '#api/generated/schema.ts';

const yoga = createYoga({ schema: createSchema({ typeDefs, resolvers: { Query: { provinces: () => allProvinces() } } }), logging: false });
const server = createServer(yoga);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
