import { computed, reactive, ref, toRaw, watch, type UnwrapRef } from 'vue';
import type { z } from 'zod';
import { fieldId, serverFieldErrors, validateWith, type FieldErrors } from './field-errors.js';

export type SummaryEntry = { path: string; id: string; message: string };

/**
 * A form validated by one of the domain's zod schemas: the browser says exactly what the API
 * would. After a first submit attempt, fields are re-checked as they are typed (not on blur:
 * a message vanishing on blur moves the submit button under the pointer); the summary at the
 * top keeps the last submit's list. API field errors land on the same fields.
 */
export function useZodForm<S extends z.ZodType>(schema: S, initial: z.input<S>) {
  const values = reactive(structuredClone(initial) as object) as UnwrapRef<z.input<S>>;
  const errors = ref<FieldErrors>({});
  const submitted = ref(false);
  const summaryErrors = ref<FieldErrors>({});

  function current(): unknown {
    return structuredClone(toRaw(values));
  }

  /** Re-checks after an edit, once the person has tried to submit. */
  function revalidate(): void {
    if (submitted.value) errors.value = validateWith(schema, current());
  }

  /** Checks everything; returns the parsed value, or null with the errors shown. */
  function validate(): z.output<S> | null {
    submitted.value = true;
    const result = schema.safeParse(current());
    errors.value = result.success ? {} : validateWith(schema, current());
    summaryErrors.value = errors.value;
    return result.success ? result.data : null;
  }

  function setServerErrors(
    input: Record<string, string> | readonly { field: string; message: string }[],
  ): void {
    submitted.value = true;
    errors.value = serverFieldErrors(input);
    summaryErrors.value = errors.value;
  }

  /** Back to a blank form: the given values, no error, not yet submitted. */
  function reset(next: z.input<S> = initial): void {
    Object.assign(values as object, structuredClone(next));
    submitted.value = false;
    errors.value = {};
    summaryErrors.value = {};
  }

  function errorOf(path: string): string | undefined {
    return errors.value[path];
  }

  watch(() => JSON.stringify(values), revalidate);

  const summary = computed<SummaryEntry[]>(() =>
    Object.entries(summaryErrors.value).map(([path, message]) => ({
      path,
      id: fieldId(path),
      message,
    })),
  );

  return {
    values,
    errors,
    summary,
    validate,
    revalidate,
    setServerErrors,
    reset,
    errorOf,
    fieldId,
  };
}
