/** Commands about people: inviting one (her sign-in, her registration and her role in one step). */
import { ConflictError, ValidationError, type DomainError } from '#core/errors.ts';
import type { InvitePersonInput } from '#core/people.ts';
import { isRoleOfTenant, PLATFORM_ID, ROLES_BY_TENANT, type GroupOfficerRole, type TenantType } from '#core/roles.ts';
import { cambodiaDate } from '#core/validation.ts';
import { appointmentWrites, listOfficerTerms, type OfficerTerm } from '#store/officers.ts';
import { getOrganisation } from '#store/organisations.ts';
import { getUser, newPersonWrites, phoneRegistered, putRoleWrite, roleChangeWrite, type User } from '#store/users.ts';
import { authorize, groupFor, notFound } from '#api/authorize.ts';
import type { Context } from '#api/context.ts';
import { commit } from '#api/mutation.ts';
import { say } from '#core/messages.ts';

/** Refuses a tenant that does not exist (asked only of someone allowed to assign its roles). */
export async function tenantMustExist(ctx: Context, tenantType: Exclude<TenantType, 'GROUP'>, tenantId: string) {
  switch (tenantType) {
    case 'PLATFORM':
      if (tenantId !== PLATFORM_ID) throw notFound('tenant', 'input.tenantId');
      return;
    case 'FEDERATION':
      if (!(await ctx.loaders.federation.load(tenantId))) throw notFound('federation', 'input.tenantId');
      return;
    case 'BANK':
    case 'NGO':
      if (!(await getOrganisation(ctx.db, tenantType, tenantId))) throw notFound('organisation', 'input.tenantId');
      return;
  }
}

const phoneTaken = (): DomainError => ConflictError.at('input.phone', say.phoneRegistered);

/**
 * Invites a person. Who may: for a group's office, whoever may appoint its officers (its
 * president, its federations' coordinators, administrators); for any other role, administrators.
 * The identity provider is asked only after every check that can refuse, and answers the same
 * subject when asked again, so a refused or retried invitation leaves no second person behind.
 */
export async function invitePerson(ctx: Context, data: InvitePersonInput): Promise<User> {
  if (!isRoleOfTenant(data.tenantType, data.role)) {
    throw ValidationError.at('input.role', say.roleOfTenant(data.tenantType, ROLES_BY_TENANT[data.tenantType]));
  }
  const grant = { tenantType: data.tenantType, tenantId: data.tenantId, role: data.role };
  const group =
    data.tenantType === 'GROUP' ? await groupFor(ctx, data.tenantId, 'group.appointOfficers', 'input.tenantId') : null;
  if (data.tenantType !== 'GROUP') {
    // Authorise before looking the tenant up, so the answer tells nobody unauthorised which exist.
    authorize(ctx, { action: 'role.assign', tenantType: data.tenantType, tenantId: data.tenantId });
    await tenantMustExist(ctx, data.tenantType, data.tenantId);
  }

  const today = cambodiaDate(ctx.now());
  const from = data.from ?? today;
  if (group && (from < group.formedOn || from > today)) {
    throw ValidationError.at('input.from', say.betweenFormingAndToday(group.formedOn));
  }

  return commit(ctx, 'invitePerson', data, async () => {
    if (await phoneRegistered(ctx.db, data.phone)) throw phoneTaken();
    const now = ctx.now();
    let ending: OfficerTerm[] = [];
    if (group) {
      const current = (await listOfficerTerms(ctx.db, group.id)).filter(
        (t) => t.until === null && t.role === data.role,
      );
      const tooEarly = current.find((t) => t.from >= from);
      if (tooEarly) throw ValidationError.at('input.from', say.afterTermBegan(tooEarly.from));
      ending = current;
    }
    const userId = await ctx.identities.invite({ phone: data.phone, displayName: data.displayName });
    // Her identity may already be registered in Krom under another number (an old registration).
    if (await getUser(ctx.db, userId)) throw phoneTaken();
    const user = { id: userId, displayName: data.displayName, phone: data.phone, createdAt: now.toISOString() };
    if (group) {
      const term: OfficerTerm = {
        groupId: group.id,
        role: data.role as GroupOfficerRole,
        userId,
        from,
        until: null,
      };
      return {
        writes: [...newPersonWrites(ctx.db, user, 1, phoneTaken), ...appointmentWrites(ctx.db, term, ending, now)],
        result: user,
      };
    }
    const change = {
      action: 'ASSIGNED' as const,
      ...grant,
      by: ctx.viewer.userId,
      at: now.toISOString(),
      reason: null,
    };
    return {
      writes: [
        ...newPersonWrites(ctx.db, user, 1, phoneTaken),
        putRoleWrite(ctx.db, userId, grant, now),
        roleChangeWrite(ctx.db, userId, change, 1),
      ],
      result: user,
    };
  });
}
