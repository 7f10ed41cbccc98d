/**
 * Custom scalars. Money crosses the wire as a decimal string of minor units and lives in the
 * code as bigint; a bad literal or variable is a client error naming the value.
 *
 * They throw ValidationErrors (plain errors, not GraphQLErrors) on purpose: graphql-js then wraps
 * them with where they were — the variable's path, or the literal's node — and the boundary
 * (`errors.ts`) turns both into the same answer: BAD_USER_INPUT, the field, English and Khmer.
 */
import { GraphQLScalarType, Kind } from 'graphql';
import { ValidationError } from '#core/errors.ts';
import { parseMinorUnits } from '#core/money.ts';
import { dateSchema, textOfIssue } from '#core/validation.ts';
import { say } from '#core/messages.ts';

function parseMoney(value: unknown): bigint {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  const parsed = typeof text === 'string' ? parseMinorUnits(text) : null;
  if (parsed === null) throw new ValidationError(say.moneyFormat(JSON.stringify(value)));
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
    if (ast.kind === Kind.STRING) return parseMoney(ast.value);
    // As a number, so `amount: 12.5` in the text is refused in the same words as 12.5 in a variable.
    if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return parseMoney(Number(ast.value));
    throw new ValidationError(say.moneyLiteral);
  },
});

const DATE_NOT_STRING = () => new ValidationError(say.dateNotString);

function parseDate(value: unknown): string {
  if (typeof value !== 'string') throw DATE_NOT_STRING();
  const result = dateSchema.safeParse(value);
  if (!result.success)
    throw new ValidationError(say.dateValue(textOfIssue(result.error.issues[0]!), JSON.stringify(value)));
  return result.data;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return parseDate(ast.value);
    throw DATE_NOT_STRING();
  },
});

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'ISO 8601 in UTC.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
      throw new ValidationError(say.dateTimeFormat(JSON.stringify(value)));
    return new Date(value).toISOString();
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || Number.isNaN(Date.parse(ast.value)))
      throw new ValidationError(say.dateTimeFormat(ast.kind === Kind.STRING ? JSON.stringify(ast.value) : ast.kind));
    return new Date(ast.value).toISOString();
  },
});
