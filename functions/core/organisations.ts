/** Banks and NGOs as recorded by the platform. */
import * as z from 'zod';
import { idempotencyKeySchema, textSchema } from './validation.ts';

export const createOrganisationInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  name: textSchema(160),
});
