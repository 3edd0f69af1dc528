import { int4Max, withoutUnsafeText } from '@nec/domain';
import { z } from 'zod';

/**
 * The body of a draft save (dossier, bilan): the version the client started from and the content
 * as typed. Nothing typed is refused as a whole: values that cannot be stored (text holding a NUL
 * or a lone surrogate) are left out of `content` and listed in `unsaved`, path by path, so the
 * rest of the draft is saved and the client knows which fields were not, and why.
 */
export function draftBodySchema(messages: { version: string; content: string }, minVersion: 0 | 1) {
  return z
    .strictObject({
      version: versionField(messages.version, minVersion),
      content: z.record(z.string(), z.unknown(), { error: messages.content }),
    })
    .transform(({ version, content }) => {
      const { value, removed } = withoutUnsafeText(content);
      return { version, content: value, unsaved: removed };
    });
}

/** The version a write starts from (optimistic lock): a whole number an integer column holds. */
export function versionField(missing: string, min: 0 | 1) {
  return z
    .number({ error: missing })
    .int({ error: 'La version doit être un nombre entier.' })
    .min(min, {
      error:
        min === 0
          ? 'La version doit être un nombre entier positif ou nul.'
          : 'La version doit être un nombre entier positif.',
    })
    .max(int4Max, { error: 'Cette version n’existe pas : rechargez le dossier.' });
}
