import { fieldIssueSchema } from '@nec/domain';
import { z } from 'zod';

/**
 * The API's one error body: a stable `error` code, a French `message`, and the `fields` at fault
 * (the domain's field issues: `path`, `code`, `message`). Some errors add facts of their own
 * (a 409 on a stale version carries the current one): the object is open to them.
 */
export const errorBodySchema = z.looseObject({
  error: z.string().min(1),
  message: z.string().min(1),
  fields: z.array(fieldIssueSchema),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
export type FieldError = z.infer<typeof fieldIssueSchema>;

/** The 409 of an optimistic lock: the version and content the server holds now. */
export const versionConflictSchema = errorBodySchema.extend({
  currentVersion: z.number().int().nullable(),
  content: z.record(z.string(), z.unknown()).nullable(),
});
export type VersionConflict = z.infer<typeof versionConflictSchema>;
