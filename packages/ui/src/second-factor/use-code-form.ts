import { computed, ref } from 'vue';
import { secondFactorCodeSchema } from '@nec/contracts';
import { useZodForm } from '../forms/use-zod-form.js';
import { codeFailure, compactCode, frenchTime } from './second-factor.js';

/**
 * The code form of both screens (sign-in and enrolment): checked with the contract's schema,
 * sent through the app's callback; a refused code lands on the field, a 429 above the form with
 * the time to try again.
 */
export function useCodeForm() {
  const form = useZodForm(secondFactorCodeSchema, { code: '' });
  const busy = ref(false);
  const alert = ref<string | null>(null);
  const retryAt = ref<Date | null>(null);

  const retryText = computed(() =>
    retryAt.value ? `Vous pourrez réessayer à partir de ${frenchTime(retryAt.value)}.` : null,
  );

  /** Validates, then sends; true when the callback went through. */
  async function submit(send: (code: string) => Promise<unknown>): Promise<boolean> {
    if (busy.value) return false;
    alert.value = null;
    const data = form.validate();
    if (!data) return false;
    busy.value = true;
    try {
      await send(compactCode(data.code));
      retryAt.value = null;
      return true;
    } catch (error) {
      const failure = codeFailure(error);
      if (failure.field) form.setServerErrors({ code: failure.field });
      alert.value = failure.alert;
      retryAt.value = failure.retryAt;
      return false;
    } finally {
      busy.value = false;
    }
  }

  /** Switching between the app's code and a recovery code starts the field afresh. */
  function reset(): void {
    form.reset();
    alert.value = null;
  }

  return { form, busy, alert, retryText, submit, reset };
}
