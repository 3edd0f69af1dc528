import { ref } from 'vue';
import { ApiError, RateLimitError } from '@nec/api-client/core';
import { describeError } from '../states/describe-error.js';

type ZodForm<T> = {
  validate: () => T | null;
  setServerErrors: (errors: Record<string, string>) => void;
};

/** The failure of a form's request in words: too many tries, or the API's own message. */
export function failureMessage(error: unknown): string {
  if (error instanceof RateLimitError) {
    return `Trop de tentatives : réessayez dans ${Math.max(1, Math.ceil(error.retryAfterSeconds / 60))} minute(s).`;
  }
  return describeError(error).message;
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
        failure.value = failureMessage(error);
      }
    } finally {
      pending.value = false;
    }
    // Once the form is usable again (its button enabled), so nothing re-rendered after takes it.
    if (refocus) focusKey.value += 1;
  }
  return { pending, failure, focusKey, run };
}
