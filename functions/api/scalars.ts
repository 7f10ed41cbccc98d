/**
 * Custom scalars. Money crosses the wire as a decimal string of minor units and lives in the
 * code as bigint; a bad literal or variable is a client error naming the value.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { parseMinorUnits } from '#core/money.ts';
import { dateSchema } from '#core/validation.ts';

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

function parseMoney(value: unknown): bigint {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  const parsed = typeof text === 'string' ? parseMinorUnits(text) : null;
  if (parsed === null) throw badInput(`Money must be a whole number of minor units as a string, like "1248000"; got ${JSON.stringify(value)}.`);
  return parsed;
}

export const MoneyScalar = new GraphQLScalarType<bigint, string>({
  name: 'Money',
  description: 'Integer minor units as a decimal string.',
  serialize: (value) => {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    throw new TypeError(`Money cannot represent ${String(value)}`);
  },
  parseValue: parseMoney,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parseMoney(ast.value);
    throw badInput('Money must be a string of digits, like "1248000".');
  },
});

function parseDate(value: unknown): string {
  const result = dateSchema.safeParse(value);
  if (!result.success) throw badInput(`Date ${result.error.issues[0]!.message}; got ${JSON.stringify(value)}.`);
  return result.data;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return parseDate(ast.value);
    throw badInput('Date must be a string, YYYY-MM-DD.');
  },
});

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'ISO 8601 in UTC.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw badInput('DateTime must be ISO 8601.');
    return new Date(value).toISOString();
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || Number.isNaN(Date.parse(ast.value))) throw badInput('DateTime must be ISO 8601.');
    return new Date(ast.value).toISOString();
  },
});
