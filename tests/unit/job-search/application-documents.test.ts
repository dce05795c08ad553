// @vitest-environment happy-dom
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settle } from '../../helpers/mount';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { eventually, mountApp } from '../renderer/support';

const now = () => new Date('2026-03-02T09:00:00.000Z');

describe('the documents linked to a job application', () => {
  it('are named on the application, counted on its card, and open the Documents tab filtered to it', async () => {
    const workspace = await testWorkspace({ now });
    const amara = await workspace.clients.create({ name: 'Amara Okafor' });
    const northwind = await workspace.jobSearch.createApplication(amara.id, { organisation: 'Northwind Traders', role: 'Data lead' });
    const contoso = await workspace.jobSearch.createApplication(amara.id, { organisation: 'Contoso Pharma' });
    const fabrikam = await workspace.jobSearch.createApplication(amara.id, { organisation: 'Fabrikam' });
    const folder = await tempDir();
    const files = async (names: string[]) =>
      Promise.all(
        names.map(async (name) => {
          await writeFile(join(folder, name), `the text of ${name}`);
          return join(folder, name);
        }),
      );
    await workspace.documents.attach(amara.id, await files(['CV v3.txt', 'Cover letter.txt']), { applicationId: northwind.id });
    await workspace.documents.attach(amara.id, await files(['a.txt', 'b.txt', 'c.txt', 'd.txt']), { applicationId: contoso.id });
    await workspace.documents.attach(amara.id, await files(['Unlinked notes.txt']), {});

    const { wrapper, router } = await mountApp(workspace, `/clients/${amara.id}?tab=job-search`);
    await eventually(() => expect(wrapper.text()).toContain('Northwind Traders'));
    await settle();
    const card = (id: string) => wrapper.get(`.board-card[data-record-id="${id}"]`);
    expect(card(northwind.id).get('a.linked-documents').text()).toBe('2 documents');
    expect(card(contoso.id).get('a.linked-documents').text()).toBe('4 documents');
    expect(card(fabrikam.id).find('a.linked-documents').exists()).toBe(false);

    const open = async (id: string) => {
      await card(id).get('button.title').trigger('click');
      await settle();
      const detail = wrapper.get(`[data-testid="application-${id}"]`);
      const fact = detail.findAll('.facts dt').find((term) => term.text() === 'Documents');
      const value = fact?.element.nextElementSibling;
      expect(value?.tagName, 'a Documents fact').toBe('DD');
      return value as HTMLElement;
    };
    // Few: by name, newest first as the Documents tab lists them. Many: counted. None: said.
    expect((await open(contoso.id)).textContent?.trim()).toBe('4 documents');
    expect((await open(fabrikam.id)).textContent?.trim()).toBe('None linked yet');
    const link = (await open(northwind.id)).querySelector('a.linked-documents');
    expect(link?.textContent).toBe('Cover letter.txt, CV v3.txt');

    (link as HTMLAnchorElement).click();
    await eventually(() => expect(router.currentRoute.value.query).toMatchObject({ tab: 'documents', linked: northwind.id }));
    await eventually(() =>
      expect(wrapper.text()).toContain('Showing the documents linked to the application to Northwind Traders — Data lead'),
    );
    await settle();
    const listed = wrapper.findAll('.document-row .document-name > span:first-child').map((name) => name.text());
    expect(listed.sort()).toEqual(['CV v3.txt', 'Cover letter.txt']);
  });
});
