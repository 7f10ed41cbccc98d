/**
 * `npm run bootstrap-admin -- --table <TableName> --user <cognito sub> --name "<display name>" [--region ap-southeast-1]`
 *
 * Makes the first platform administrator of a deployed Krom: writes the person and an ADMIN role
 * (the two items the demo seed writes locally). Everyone else is then created through the API.
 * Uses the AWS credentials of the shell; with --endpoint it targets DynamoDB Local instead.
 */
import { parseArgs } from 'node:util';
import { PLATFORM_ID } from '#core/roles.ts';
import { createDb, transactWrite } from '#store/db.ts';
import { putRoleWrite, putUserWrite } from '#store/users.ts';

const { values } = parseArgs({
  options: {
    table: { type: 'string' },
    user: { type: 'string' },
    name: { type: 'string' },
    region: { type: 'string' },
    endpoint: { type: 'string' },
  },
});

if (!values.table || !values.user || !values.name) {
  console.error(
    'usage: npm run bootstrap-admin -- --table <TableName> --user <cognito sub> --name "<display name>" [--region <region>] [--endpoint <url>]',
  );
  process.exit(2);
}

const db = createDb({ table: values.table, region: values.region, endpoint: values.endpoint });
const now = new Date();
await transactWrite(db, [
  putUserWrite(db, { id: values.user, displayName: values.name, createdAt: now.toISOString() }).write,
  putRoleWrite(db, values.user, { tenantType: 'PLATFORM', tenantId: PLATFORM_ID, role: 'ADMIN' }, now).write,
]);
console.log(`${values.user} is now a platform administrator of ${values.table}.`);
