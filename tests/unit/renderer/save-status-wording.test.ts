import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSaveStatus } from '../../../renderer/src/components/common/use-save-status';

/**
 * A form that refuses to save says so in its save status line (SaveIndicator), beside the save
 * button at the foot of the form. Its words point at the marked fields, so they must point the
 * way the fields are: up.
 */
const RENDERER = join(__dirname, '../../../renderer/src');

describe('the refused-save message', () => {
  it('points up, at the fields above the save button', () => {
    const status = useSaveStatus();
    status.invalid();
    expect(status.message.value).toBe('Nothing was saved yet. Please correct the fields marked above.');
  });

  it('is shown below every field of its form, so "above" is true wherever a form uses it', () => {
    const forms = readdirSync(RENDERER, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.vue'))
      .map((name) => ({ name, source: readFileSync(join(RENDERER, name), 'utf8') }))
      .filter(({ source }) => source.includes('<SaveIndicator'));
    expect(forms.length).toBeGreaterThan(5);
    const fieldAfterStatus = forms.filter(({ source }) => {
      const template = source.slice(source.indexOf('<template>'));
      const status = template.indexOf('<SaveIndicator');
      const lastField = Math.max(template.lastIndexOf('<FormField'), template.lastIndexOf('class="field'));
      return lastField > status;
    });
    expect(fieldAfterStatus.map(({ name }) => name)).toEqual([]);
  });
});
