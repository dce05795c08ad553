import { ref } from 'vue';
import { RapportError } from '../../../../shared/errors';
import { isSaveShortcut } from './keyboard';
import { useFormErrors, type IssueLike } from './use-form-errors';
import { useSaveStatus } from './use-save-status';

/** The shape of a zod `safeParse` result. */
export type Validation<Values> = { success: true; data: Values } | { success: false; error: { issues: readonly IssueLike[] } };

export interface ValidatedFormOptions<Field extends string, Values> {
  /** In the order the form shows them; the first invalid one gets focus. */
  fields: readonly Field[];
  /** The id of each field's control (its error message is `<id>-error`). */
  idOf: (field: Field) => string;
  /** Checks the whole form with the shared schema. */
  validate: () => Validation<Values>;
  /** Sends valid values to main; a RapportError's issues land on the fields they name. */
  save: (values: Values) => Promise<void>;
}

/**
 * How every Rapport form behaves: validate on submit, and on leaving a field the coach has
 * edited; show main's refusals at the same fields; focus the first problem; never save while
 * invalid; say "Saving…", "Saved" or what went wrong; Ctrl/Cmd+S submits.
 * Bind `onEdit` to input and change, `onBlur` to focusout, `onKeydown` and `submit` on the form.
 */
export function useValidatedForm<Field extends string, Values>(options: ValidatedFormOptions<Field, Values>) {
  const { fields, idOf, validate, save } = options;
  const { errors, showAll, showFor, clear, focusFirstInvalid } = useFormErrors(fields);
  const saveStatus = useSaveStatus();
  const touched = new Set<Field>();
  const submitted = ref(false);

  function fieldOf(target: EventTarget | null): Field | undefined {
    const id = target instanceof HTMLElement ? target.id : '';
    return fields.find((field) => idOf(field) === id);
  }

  function onEdit(event: Event): void {
    const field = fieldOf(event.target);
    if (field) touched.add(field);
    saveStatus.reset();
  }

  function onBlur(event: FocusEvent): void {
    const field = fieldOf(event.target);
    if (!field || (!touched.has(field) && !submitted.value)) return;
    // Going to the submit button: the submit validates anyway, and a message appearing now
    // would push the button away from under the pointer, losing the click.
    const next = event.relatedTarget;
    if (next instanceof HTMLButtonElement && next.type === 'submit') return;
    const result = validate();
    showFor(field, result.success ? [] : result.error.issues);
  }

  async function submit(): Promise<void> {
    if (saveStatus.state.value === 'saving') return;
    submitted.value = true;
    const result = validate();
    if (!result.success) {
      showAll(result.error.issues);
      saveStatus.invalid();
      await focusFirstInvalid(idOf);
      return;
    }
    clear();
    saveStatus.saving();
    try {
      await save(result.data);
      saveStatus.saved();
    } catch (error) {
      showAll(RapportError.from(error).issues);
      saveStatus.failed(error);
      await focusFirstInvalid(idOf);
    }
  }

  function onKeydown(event: KeyboardEvent): void {
    if (!isSaveShortcut(event)) return;
    event.preventDefault();
    void submit();
  }

  return { errors, saveStatus, onEdit, onBlur, onKeydown, submit };
}
