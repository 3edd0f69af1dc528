import { ref } from 'vue';
import { ApiError, RateLimitError } from '@nec/api-client/core';
import { describeError } from '../states/describe-error.js';

type ZodForm<T> = {
  validate: () => T | null;
  setServerErrors: (errors: Record<string, string>) => void;
};

/**
 * The failure of a request in words: too many tries, the API's own message, or the service
 * down — and then, for a form (`typed`), that what the person typed is still in it.
 */
export function failureMessage(error: unknown, options: { typed?: boolean } = {}): string {
  if (error instanceof RateLimitError) {
    return `Trop de tentatives : réessayez dans ${Math.max(1, Math.ceil(error.retryAfterSeconds / 60))} minute(s).`;
  }
  const described = describeError(error);
  if (!described.unavailable || options.typed !== true) return described.message;
  return `${described.message} Ce que vous avez saisi reste dans le formulaire.`;
}

/**
 * Submits a form: checks it with its schema first (the error summary takes focus on failure),
 * then calls the API; API field errors land on the fields, other failures in `failure`.
 */
export function useSubmit() {
  const pending = ref(false);
  const failure = ref<string | null>(null);
  const focusKey = ref(0);

  async function run<T>(form: ZodForm<T>, action: (data: T) => Promise<void>): Promise<void> {
    failure.value = null;
    const data = form.validate();
    if (data === null) {
      focusKey.value += 1;
      return;
    }
    pending.value = true;
    let refocus = false;
    try {
      await action(data);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
        form.setServerErrors(error.fieldErrors);
        refocus = true;
      } else {
        failure.value = failureMessage(error, { typed: true });
      }
    } finally {
      pending.value = false;
    }
    // Once the form is usable again (its button enabled), so nothing re-rendered after takes it.
    if (refocus) focusKey.value += 1;
  }
  return { pending, failure, focusKey, run };
}
