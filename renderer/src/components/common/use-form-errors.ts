import { computed, nextTick, ref, type Ref } from 'vue';

/** A field-level problem, from zod (`error.issues`) or from main (`RapportError.issues`). */
export interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * One message per field, in the form's own field order. Issues from the shared zod schemas
 * and from main's answer land in the same place, so the coach sees one kind of message
 * whichever side found the problem.
 */
export function useFormErrors<Field extends string>(fields: readonly Field[]) {
  const errors = ref({}) as Ref<Partial<Record<Field, string>>>;

  function fieldOf(path: readonly PropertyKey[]): Field | null {
    const head = path[0];
    return typeof head === 'string' && (fields as readonly string[]).includes(head) ? (head as Field) : null;
  }

  function firstMessages(issues: readonly IssueLike[]): Partial<Record<Field, string>> {
    const messages: Partial<Record<Field, string>> = {};
    for (const issue of issues) {
      const field = fieldOf(issue.path);
      if (field && !messages[field]) messages[field] = issue.message;
    }
    return messages;
  }

  /** Shows these issues and clears every other field; returns messages that belong to no field. */
  function showAll(issues: readonly IssueLike[]): string[] {
    errors.value = firstMessages(issues);
    return issues.filter((issue) => fieldOf(issue.path) === null).map((issue) => issue.message);
  }

  /** Updates one field only (validation on blur), leaving the others as they are. */
  function showFor(field: Field, issues: readonly IssueLike[]): void {
    const message = firstMessages(issues)[field];
    const next = { ...errors.value };
    if (message) next[field] = message;
    else delete next[field];
    errors.value = next;
  }

  function clear(): void {
    errors.value = {};
  }

  const firstInvalid = computed(() => fields.find((field) => errors.value[field]) ?? null);
  const hasErrors = computed(() => firstInvalid.value !== null);

  /** Moves focus to the first field with a message, once the messages are rendered. */
  async function focusFirstInvalid(idOf: (field: Field) => string): Promise<void> {
    await nextTick();
    const field = firstInvalid.value;
    if (field) document.getElementById(idOf(field))?.focus();
  }

  return { errors, showAll, showFor, clear, firstInvalid, hasErrors, focusFirstInvalid };
}
