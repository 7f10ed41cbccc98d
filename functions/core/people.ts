/**
 * Inviting a person: who she is (a name and a mobile number she signs in with) and the role she
 * is given. Pure: the identity provider and the store are the API's business.
 */
import * as z from 'zod';
import { invalid } from './messages.ts';
import { ROLE_NAMES, TENANT_TYPES } from './roles.ts';
import { dateSchema, idempotencyKeySchema, idSchema, says, textSchema } from './validation.ts';

/**
 * A mobile number in international form (E.164): what Cognito takes as a username and sends its
 * invitation SMS to. People write Cambodian numbers the local way ("012 345 678", "+855 12 345
 * 678", "855-12-345-678"); all of them are the same person, so all become "+85512345678".
 * Numbers of other countries must be written with their "+".
 */
export function internationalPhone(written: string): string | null {
  const compact = written.replace(/[\s().-]/g, '');
  let e164: string;
  if (/^\+\d+$/.test(compact)) e164 = compact;
  else if (/^855\d+$/.test(compact)) e164 = `+${compact}`;
  else if (/^0\d+$/.test(compact)) e164 = `+855${compact.slice(1)}`;
  else return null;
  // Cambodia's mobile numbers are 8 or 9 digits after 855 and never begin with 0 there.
  if (e164.startsWith('+855')) return /^\+855[1-9]\d{7,8}$/.test(e164) ? e164 : null;
  return /^\+[1-9]\d{7,14}$/.test(e164) ? e164 : null;
}

export const mobilePhoneSchema = z.string().transform((written, ctx) => {
  const phone = internationalPhone(written);
  if (phone === null) {
    ctx.addIssue({ code: 'custom', message: says(invalid.mobilePhone) });
    return z.NEVER;
  }
  return phone;
});

export const invitePersonInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  displayName: textSchema(120),
  phone: mobilePhoneSchema,
  tenantType: z.enum(TENANT_TYPES),
  tenantId: idSchema,
  role: z.enum(ROLE_NAMES),
  from: dateSchema.nullish(),
});

export type InvitePersonInput = z.infer<typeof invitePersonInputSchema>;
