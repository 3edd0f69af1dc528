import { computed, reactive, ref, toRaw, type UnwrapRef } from 'vue';
import type { z } from 'zod';
import { fieldId, serverFieldErrors, validateWith, type FieldErrors } from './field-errors.js';

export type SummaryEntry = { path: string; id: string; message: string };

/**
 * A form validated by one of the domain's zod schemas: the browser says exactly what the API
 * would. Fields are checked when they change after a first submit attempt (not while the person
 * types their first character), and the whole form on submit. API field errors land on the same
 * fields through `setServerErrors`.
 */
export function useZodForm<S extends z.ZodType>(schema: S, initial: z.input<S>) {
  const values = reactive(structuredClone(initial) as object) as UnwrapRef<z.input<S>>;
  const errors = ref<FieldErrors>({});
  const submitted = ref(false);

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
    return result.success ? result.data : null;
  }

  function setServerErrors(
    input: Record<string, string> | readonly { field: string; message: string }[],
  ): void {
    submitted.value = true;
    errors.value = serverFieldErrors(input);
  }

  function errorOf(path: string): string | undefined {
    return errors.value[path];
  }

  const summary = computed<SummaryEntry[]>(() =>
    Object.entries(errors.value).map(([path, message]) => ({ path, id: fieldId(path), message })),
  );

  return { values, errors, summary, validate, revalidate, setServerErrors, errorOf, fieldId };
}
