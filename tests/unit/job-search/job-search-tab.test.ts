// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { testWorkspace } from '../../helpers/workspace-api';
import { eventually, mountApp } from '../renderer/support';

const now = () => new Date('2026-03-02T09:00:00.000Z');

describe('the Job search tab', () => {
  it('shows each client’s applications under their own name, and a search hit opens the tab at the application', async () => {
    const workspace = await testWorkspace({ now });
    const amara = await workspace.clients.create({ name: 'Amara Okafor' });
    const bruno = await workspace.clients.create({ name: 'Bruno Silva' });
    await workspace.jobSearch.createApplication(amara.id, { organisation: 'Northwind Traders' });
    const contoso = await workspace.jobSearch.createApplication(bruno.id, { organisation: 'Contoso Pharma' });
    const { wrapper, router } = await mountApp(workspace, `/clients/${bruno.id}?tab=job-search`);
    await eventually(() => expect(wrapper.text()).toContain('Contoso Pharma'));

    await router.push(`/clients/${amara.id}?tab=job-search`);
    await eventually(() => expect(wrapper.text()).toContain('Northwind Traders'));
    expect(wrapper.text()).not.toContain('Contoso Pharma');

    const [hit] = await workspace.search.query('contoso');
    expect(hit.target).toEqual({ tab: 'job-search', id: contoso.id });
    await router.push(`/clients/${bruno.id}?tab=${hit.target.tab}&focus=${hit.target.id}`);
    await eventually(() => expect(wrapper.get('header h1').text()).toBe('Bruno Silva'));
    await eventually(() => expect(wrapper.find(`[data-record-id="${contoso.id}"]`).exists()).toBe(true));
    expect(wrapper.text()).not.toContain('Northwind Traders');
  });

  it('tells a new coach what to do when the client has no applications', async () => {
    const workspace = await testWorkspace({ now });
    const amara = await workspace.clients.create({ name: 'Amara Okafor' });
    const { wrapper } = await mountApp(workspace, `/clients/${amara.id}?tab=job-search`);
    await eventually(() => expect(wrapper.text()).toContain('No applications yet.'));
    expect(wrapper.text()).toContain('New application');
  });

  it('gives each board card a short "Move…" menu that lists only the other stages', async () => {
    const workspace = await testWorkspace({ now });
    const amara = await workspace.clients.create({ name: 'Amara Okafor' });
    const northwind = await workspace.jobSearch.createApplication(amara.id, { organisation: 'Northwind Traders', stage: 'applied' });
    const { wrapper } = await mountApp(workspace, `/clients/${amara.id}?tab=job-search`);
    await eventually(() => expect(wrapper.find(`[data-record-id="${northwind.id}"]`).exists()).toBe(true));

    const menu = wrapper.get(`[data-record-id="${northwind.id}"] select`).element as HTMLSelectElement;
    expect(menu.selectedOptions[0].textContent?.trim()).toBe('Move…');
    const labels = [...menu.options].map((option) => option.textContent?.trim());
    expect(labels[0]).toBe('Move…');
    expect(labels).toContain('Move to Interested');
    expect(labels).toContain('Move to Screening');
    expect(labels).not.toContain('Move to Applied');
  });
});
