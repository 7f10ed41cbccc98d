/** Unit tier: codegen finds each GraphQL type's model by name in its area's views.ts, and stops on a stray one. */
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { mappersByConvention, readSdl } from '../../dev/codegen.ts';

const typeNames = new Set(Object.keys(buildSchema(readSdl()).getTypeMap()));

describe('mappers by convention', () => {
  it('maps each <Type>Model of an area to its GraphQL type', () => {
    const mappers = mappersByConvention(typeNames);
    expect(mappers).toMatchObject({
      Group: '../groups/views.ts#GroupModel',
      Meeting: '../ledger/views.ts#MeetingModel',
      SyncRecordResult: '../ledger/views.ts#SyncRecordResultModel',
      BankGroupView: '../access/views.ts#BankGroupViewModel',
    });
    for (const type of Object.keys(mappers)) expect(typeNames.has(type)).toBe(true);
  });

  it('stops on a model of no GraphQL type, so a renamed type cannot leave its model behind unnoticed', () => {
    expect(() => mappersByConvention(new Set(['Query']))).toThrow(/models no GraphQL type/);
  });
});
