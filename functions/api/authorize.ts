/**
 * The bridge from resolvers to the policy: build the policy's view of a target (federation
 * chains come from the loaders) and turn a denial into an error.
 */
import { decide, type FederationTarget, type GroupTarget, type Permission } from '#auth/policy.ts';

import { ForbiddenError, NotFoundError } from '#core/errors.ts';
import { federationChain, type Federation, type Group } from '#core/groups.ts';
import type { Context } from '#api/context.ts';
import { say, type Thing } from '#core/messages.ts';

/** Throws FORBIDDEN with the policy's reason unless the viewer holds the permission. */
export function authorize(ctx: Context, permission: Permission): void {
  const decision = decide(ctx.viewer, permission);
  if (!decision.allowed) {
    throw new ForbiddenError(say.notAllowed(decision.reason));
  }
}

export function allowed(ctx: Context, permission: Permission): boolean {
  return decide(ctx.viewer, permission).allowed;
}

/** The federation and those above it, walked through the request's cached loader. */
export async function federationTarget(ctx: Context, federation: Federation): Promise<FederationTarget> {
  return {
    federationIds: (await federationChain(federation, (id) => ctx.loaders.federation.load(id))).map((f) => f.id),
  };
}

/**
 * The policy's view of a federation a request names: the one loaded (and those above it), or —
 * when none was found — just the id asked, so the policy decides before "not found" is said.
 */
export async function namedFederationTarget(
  ctx: Context,
  federation: Federation | undefined,
  askedId: string | null | undefined,
): Promise<FederationTarget | null> {
  if (federation) return federationTarget(ctx, federation);
  return askedId ? { federationIds: [askedId] } : null;
}

export async function groupTarget(ctx: Context, group: Group): Promise<GroupTarget> {
  const federation = group.federationId ? await ctx.loaders.federation.load(group.federationId) : undefined;
  return {
    groupId: group.id,
    federationIds: federation ? (await federationTarget(ctx, federation)).federationIds : [],
  };
}

/** The same answer for "does not exist" and "not yours", so guessing ids reveals nothing. */
export const notFound = (what: Thing, field?: string) => new NotFoundError(say.notVisible(what), field);

type GroupPermission = Extract<Permission, { group: GroupTarget }>['action'];

/**
 * Authorises an action on a group. Someone who may not even see the group gets NOT_FOUND, as if
 * it did not exist; someone who sees it (a bank in the directory) gets FORBIDDEN with the reason.
 */
export async function authorizeOnGroup(
  ctx: Context,
  group: Group,
  action: GroupPermission,
  field?: string,
): Promise<void> {
  const target = await groupTarget(ctx, group);
  if (allowed(ctx, { action, group: target } as Permission)) return;
  if (!allowed(ctx, { action: 'group.readProfile', group: target })) throw notFound('group', field);
  authorize(ctx, { action, group: target } as Permission);
}

/**
 * The group `groupId` names, once the viewer may do `action` on it: one who may not even see it
 * hears NOT_FOUND, one who sees it hears FORBIDDEN with the reason (see authorizeOnGroup).
 */
export async function groupFor(
  ctx: Context,
  groupId: string,
  action: GroupPermission,
  field = 'input.groupId',
): Promise<Group> {
  const group = await ctx.loaders.group.load(groupId);
  if (!group) throw notFound('group', field);
  await authorizeOnGroup(ctx, group, action, field);
  return group;
}
