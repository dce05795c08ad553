import { ref } from 'vue';
import { RapportError } from '../../../../shared/errors';

/** Messages for the form's own fields, and a message for the whole form for anything else. */
export function useFormErrors(formFields: readonly string[]) {
  const fields = ref<Record<string, string>>({});
  const form = ref('');

  function clear() {
    fields.value = {};
    form.value = '';
  }

  function show(error: unknown) {
    const rapportError = RapportError.from(error);
    const next: Record<string, string> = {};
    for (const issue of rapportError.issues) {
      const field = issue.path.at(-1);
      if (typeof field === 'string' && formFields.includes(field) && !(field in next)) next[field] = issue.message;
    }
    fields.value = next;
    form.value = Object.keys(next).length > 0 ? '' : rapportError.message;
  }

  return { fields, form, clear, show };
}
