import { expect, type Locator } from '@playwright/test';

/** Every field of the client form, as a coach types it. */
export interface ClientFormValues {
  name: string;
  preferredName: string;
  pronouns: string;
  email: string;
  phone: string;
  currentRole: string;
  targetRole: string;
  organisation: string;
  /** The status's visible label, e.g. "Active". */
  status: string;
  /** Comma-separated, as in the form. */
  tags: string;
  /** yyyy-mm-dd, as a date input holds it. */
  startDate: string;
  background: string;
}

const TEXT_FIELDS = [
  ['name', 'Name'],
  ['preferredName', 'Preferred name'],
  ['pronouns', 'Pronouns'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['currentRole', 'Current role'],
  ['targetRole', 'Target role'],
  ['organisation', 'Organisation'],
  ['tags', 'Tags'],
  ['startDate', 'Start date'],
  ['background', 'Background'],
] as const;

/** Fills the form inside `scope` (the main area: the sidebar has a "Status" filter of its own). */
export async function fillClientForm(scope: Locator, values: ClientFormValues): Promise<void> {
  for (const [field, label] of TEXT_FIELDS) {
    await scope.getByLabel(label, { exact: true }).fill(values[field]);
  }
  await scope.getByLabel('Status', { exact: true }).selectOption({ label: values.status });
}

export async function expectClientForm(scope: Locator, values: ClientFormValues): Promise<void> {
  for (const [field, label] of TEXT_FIELDS) {
    await expect(scope.getByLabel(label, { exact: true }), label).toHaveValue(values[field]);
  }
  const status = scope.getByLabel('Status', { exact: true });
  await expect(status.locator('option:checked')).toHaveText(values.status);
}
