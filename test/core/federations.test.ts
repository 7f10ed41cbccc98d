/** Unit tier: federation chains are walked safely, and moves cannot make cycles or over-deep trees. */
import { describe, expect, it } from 'vitest';
import { checkFederationMove, federationChain, MAX_FEDERATION_DEPTH, type Federation } from '#core/groups.ts';

const fed = (id: string, parentId: string | null): Federation => ({
  id,
  name: id,
  placeCode: '17',
  parentId,
  createdAt: '2025-01-01T00:00:00Z',
});

function loaderOf(feds: Federation[]) {
  const byId = new Map(feds.map((f) => [f.id, f]));
  return async (id: string) => byId.get(id);
}

describe('federationChain', () => {
  it('walks from the federation to the top, itself first', async () => {
    const feds = [fed('top', null), fed('cluster', 'top'), fed('village', 'cluster')];
    expect((await federationChain(feds[2]!, loaderOf(feds))).map((f) => f.id)).toEqual(['village', 'cluster', 'top']);
  });

  it('stops at a missing parent', async () => {
    expect((await federationChain(fed('orphan', 'gone'), loaderOf([]))).map((f) => f.id)).toEqual(['orphan']);
  });

  it('never loops, even over a cycle that writes would have refused', async () => {
    const feds = [fed('a', 'b'), fed('b', 'a')];
    expect((await federationChain(feds[0]!, loaderOf(feds))).map((f) => f.id)).toEqual(['a', 'b']);
  });

  it('is bounded for an over-deep chain', async () => {
    const feds = Array.from({ length: 40 }, (_, i) => fed(`f${i}`, i === 39 ? null : `f${i + 1}`));
    expect((await federationChain(feds[0]!, loaderOf(feds))).length).toBe(MAX_FEDERATION_DEPTH * 2);
  });
});

describe('checkFederationMove', () => {
  const chain = (...ids: string[]) => ids.map((id, i) => fed(id, ids[i + 1] ?? null));
  it('allows a move that keeps the tree shallow and acyclic', () => {
    expect(checkFederationMove('x', chain('p', 'top'), 2)).toBeNull();
    expect(checkFederationMove('x', [], 8)).toBeNull();
  });
  it('refuses the federation itself or one below it as the new parent', () => {
    expect(checkFederationMove('x', chain('x'), 1)?.en).toMatch(/itself/);
    expect(checkFederationMove('x', chain('child', 'x', 'top'), 1)?.en).toMatch(/itself/);
  });
  it('refuses nesting more than 8 deep, exactly at the boundary', () => {
    expect(checkFederationMove('x', chain('a', 'b', 'c', 'd', 'e', 'f', 'g'), 1)).toBeNull();
    expect(checkFederationMove('x', chain('a', 'b', 'c', 'd', 'e', 'f', 'g'), 2)?.en).toMatch(/8 deep/);
    expect(checkFederationMove('x', chain('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), 1)?.en).toMatch(/8 deep/);
  });
});
