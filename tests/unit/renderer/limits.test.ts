// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { maxLengthOf } from '../../../renderer/src/composables/limits';
import { CommitmentCreateInput } from '../../../shared/api/commitments';
import { ClientQuestionInput, PhrasingsInput } from '../../../shared/api/intimacy';
import { TermInput } from '../../../shared/api/terminology';
import { AgendaItem, AgendaTemplate, MeetingGoal } from '../../../shared/model/agenda';
import { clientProfileFields } from '../../../shared/model/client';
import { MAX_LONG_TEXT, MAX_SHORT_TEXT } from '../../../shared/model/primitives';
import { testWorkspace } from '../../helpers/workspace-api';
import { eventually, mountApp } from './support';

describe('input limits come from the shared schemas', () => {
  it('reads a schema’s maximum length through optional and nullable wrappers', () => {
    expect(maxLengthOf(z.string().max(12))).toBe(12);
    expect(maxLengthOf(z.string().max(12).optional().nullable())).toBe(12);
    expect(maxLengthOf(z.string())).toBeUndefined();
    expect(maxLengthOf(z.number())).toBeUndefined();
    expect(maxLengthOf(TermInput.shape.term)).toBe(MAX_SHORT_TEXT);
    expect(maxLengthOf(CommitmentCreateInput.shape.text)).toBe(maxLengthOf(clientProfileFields.name));
  });

  it('finds the limits the agenda and intimacy inputs use (they were typed as 200 by hand)', () => {
    expect(maxLengthOf(AgendaItem.shape.title)).toBe(MAX_SHORT_TEXT);
    expect(maxLengthOf(MeetingGoal.shape.text)).toBe(MAX_SHORT_TEXT);
    expect(maxLengthOf(AgendaTemplate.shape.name)).toBe(MAX_SHORT_TEXT);
    expect(maxLengthOf(ClientQuestionInput.shape.text)).toBe(200);
    expect(maxLengthOf(PhrasingsInput.shape.versions.element)).toEqual(expect.any(Number));
    expect(maxLengthOf(PhrasingsInput.shape.wayOut)).toBe(MAX_SHORT_TEXT);
  });

  it('stops typing in the client form and the notes panels at the schema’s limits', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Amara Okafor' });
    const { wrapper, router } = await mountApp(workspace, `/clients/${client.id}?tab=profile`);
    await eventually(() => expect(wrapper.find('#client-name').exists()).toBe(true));
    expect(wrapper.get('#client-name').attributes('maxlength')).toBe(String(MAX_SHORT_TEXT));
    expect(wrapper.get('#client-targetRole').attributes('maxlength')).toBe(String(MAX_SHORT_TEXT));
    expect(wrapper.get('#client-background').attributes('maxlength')).toBe(String(MAX_LONG_TEXT));

    await router.push(`/clients/${client.id}?tab=terminology`);
    await eventually(() => expect(wrapper.find('#new-term').exists()).toBe(true));
    expect(wrapper.get('#new-term').attributes('maxlength')).toBe(String(MAX_SHORT_TEXT));
  });
});
