import { uploadKinds } from '@nec/domain';
import { z } from 'zod';

/** The multipart text fields sent with the file. */
export const uploadFieldsSchema = z.strictObject({
  kind: z.enum(uploadKinds, { error: 'Indiquez le type de document.' }),
});
export type UploadFields = z.infer<typeof uploadFieldsSchema>;
