/** Unit tier: exact money. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMoney, MAX_MONEY, parseMinorUnits, toMinorUnits } from '#core/money.ts';
import { MoneyScalar } from '#api/scalars.ts';
import { Kind } from 'graphql';

describe('parseMinorUnits', () => {
  it.each([
    ['1248000', 1248000n],
    ['0', 0n],
    ['-5', -5n],
    ['9007199254740993', 9007199254740993n], // beyond a double's exact range
  ])('%s', (text, value) => expect(parseMinorUnits(text)).toBe(value));

  it.each(['', '1.5', '1e6', '01', '-0x1', ' 12', '12 ', '+3', '1,000', (MAX_MONEY + 1n).toString()])(
    'refuses %j',
    (text) => expect(parseMinorUnits(text)).toBeNull(),
  );

  it('round-trips every bigint in range', () => {
    fc.assert(fc.property(fc.bigInt({ min: -MAX_MONEY, max: MAX_MONEY }), (v) => parseMinorUnits(v.toString()) === v));
  });
});

describe('toMinorUnits', () => {
  it('accepts safe integers from DynamoDB and refuses inexact numbers', () => {
    expect(toMinorUnits(2943700)).toBe(2943700n);
    expect(() => toMinorUnits(1.5)).toThrow(RangeError);
    expect(() => toMinorUnits(2 ** 60)).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it.each([
    [1248000n, 'KHR', '1,248,000 ៛'],
    [234000n, 'KHR', '234,000 ៛'],
    [1250n, 'USD', '$12.50'],
    [5n, 'USD', '$0.05'],
    [-73600n, 'USD', '-$736.00'],
    [3_000_000_000n, 'KHR', '3,000,000,000 ៛'],
  ] as const)('%s %s → %s', (amount, currency, text) => expect(formatMoney(amount, currency)).toBe(text));
});

describe('the Money scalar', () => {
  it('serialises bigints beyond 32 bits as strings', () => {
    expect(MoneyScalar.serialize(12_000_000_000n)).toBe('12000000000');
  });
  it('parses strings and safe integer literals, refuses fractions', () => {
    expect(MoneyScalar.parseValue('1248000')).toBe(1248000n);
    expect(MoneyScalar.parseLiteral({ kind: Kind.INT, value: '234000' })).toBe(234000n);
    expect(() => MoneyScalar.parseValue('12.5')).toThrow(/whole number/);
    expect(() => MoneyScalar.parseValue(1.5)).toThrow(/whole number/);
    expect(() => MoneyScalar.parseLiteral({ kind: Kind.FLOAT, value: '1.5' })).toThrow();
  });
});
