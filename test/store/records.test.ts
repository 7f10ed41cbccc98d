/** Unit tier: records are read back through their entity's schema, never by a blind cast. */
import { describe, expect, it } from 'vitest';
import { keys } from '#store/keys.ts';
import { groupRecord, memberRecord, readRecord } from '#store/records.ts';

const member = {
  id: 'm',
  groupId: 'g',
  name: 'សុខ',
  sex: 'FEMALE',
  phone: null,
  joinedOn: '2021-01-01',
  leftOn: null,
  createdAt: '2021-01-01T00:00:00Z',
};

describe('readRecord', () => {
  it('gives the entity without its keys and tag', () => {
    expect(readRecord(memberRecord, { ...keys.member('g', 'm'), entity: 'Member', ...member })).toEqual(member);
  });

  it('refuses an item that is not the entity, naming its key, the attribute and what is wrong', () => {
    const item = { ...keys.group('g'), entity: 'Group', id: 'g', name: 'x', placeCode: '020901', currency: 'EUR' };
    expect(() => readRecord(groupRecord, item)).toThrow(/GROUP#g \/ GROUP is not a valid Group: currency/);
    expect(() => readRecord(memberRecord, { ...keys.member('g', 'm'), entity: 'Member', ...member, sex: 'F' })).toThrow(
      /sex/,
    );
  });
});
