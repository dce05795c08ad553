import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../electron/core/workspace';
import { rejection } from '../../helpers/rejection';
import { testWorkspace } from '../../helpers/workspace-api';
import { tempDir } from '../../helpers/temp-dir';

/** A clock the test moves forward, so that every stamp is known. */
function clock(start = '2026-03-02T09:00:00.000Z') {
  let at = Date.parse(start);
  return {
    now: () => new Date(at),
    advance(minutes: number) {
      at += minutes * 60_000;
    },
  };
}

async function setup() {
  const time = clock();
  const workspace = await testWorkspace({ now: time.now });
  const client = await workspace.clients.create({ name: 'Amara Okafor', status: 'active' });
  return { time, workspace, clientId: client.id };
}

/** Every byte of the data directory, to prove a refused call changed nothing. */
async function files(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const contents = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => `${entry.name}:${await readFile(join(entry.parentPath, entry.name), 'utf8')}`),
  );
  return contents.sort().join('\n');
}

describe('jobSearch applications', () => {
  it('creates an application at "interested" with its first move recorded, and reads it back after reopening', async () => {
    const dir = await tempDir();
    const time = clock();
    const first = await openWorkspace(dir, { now: time.now });
    const { id: clientId } = await first.clients.create({ name: 'Amara Okafor', status: 'active' });
    const created = await first.jobSearch.createApplication(clientId, {
      organisation: 'Northwind',
      role: 'Head of data',
      link: 'https://northwind.example/jobs/42',
      source: 'network',
    });
    expect(created).toMatchObject({
      organisation: 'Northwind',
      stage: 'interested',
      stageHistory: [{ stage: 'interested', at: '2026-03-02T09:00:00.000Z' }],
      contacts: [],
      nextAction: null,
      offer: null,
      notes: '',
    });
    await first.close();
    const second = await testWorkspace({ dir, now: time.now });
    expect((await second.jobSearch.get(clientId)).applications).toEqual([created]);
  });

  it('moves in one call, records every move with its time, and treats a move to the same stage as no change', async () => {
    const { time, workspace, clientId } = await setup();
    const { id } = await workspace.jobSearch.createApplication(clientId, { organisation: 'Northwind' });
    time.advance(60);
    await workspace.jobSearch.moveApplication(clientId, id, 'applied');
    time.advance(60);
    const same = await workspace.jobSearch.moveApplication(clientId, id, 'applied');
    time.advance(60);
    const moved = await workspace.jobSearch.moveApplication(clientId, id, 'interviews');
    expect(same.stageHistory).toHaveLength(2);
    expect(same.updatedAt).toBe('2026-03-02T10:00:00.000Z');
    expect(moved.stage).toBe('interviews');
    expect(moved.stageHistory).toEqual([
      { stage: 'interested', at: '2026-03-02T09:00:00.000Z' },
      { stage: 'applied', at: '2026-03-02T10:00:00.000Z' },
      { stage: 'interviews', at: '2026-03-02T12:00:00.000Z' },
    ]);
  });

  it('lists the most recently moved application first', async () => {
    const { time, workspace, clientId } = await setup();
    const a = await workspace.jobSearch.createApplication(clientId, { organisation: 'Alpha' });
    time.advance(1);
    const b = await workspace.jobSearch.createApplication(clientId, { organisation: 'Beta' });
    time.advance(1);
    await workspace.jobSearch.moveApplication(clientId, a.id, 'applied');
    expect((await workspace.jobSearch.get(clientId)).applications.map((app) => app.id)).toEqual([a.id, b.id]);
  });

  it('edits the fields but never the stage, and removes an application', async () => {
    const { workspace, clientId } = await setup();
    const { id } = await workspace.jobSearch.createApplication(clientId, { organisation: 'Northwind' });
    const edited = await workspace.jobSearch.updateApplication(clientId, id, { role: 'Analyst', notes: 'Met at a meetup' });
    expect(edited).toMatchObject({ organisation: 'Northwind', role: 'Analyst', notes: 'Met at a meetup' });
    await expect(workspace.jobSearch.updateApplication(clientId, id, { stage: 'offer' } as never)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await workspace.jobSearch.removeApplication(clientId, id);
    expect((await workspace.jobSearch.get(clientId)).applications).toEqual([]);
    await expect(workspace.jobSearch.removeApplication(clientId, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses bad input with a coded error at the field and changes nothing', async () => {
    const { workspace, clientId } = await setup();
    const { id } = await workspace.jobSearch.createApplication(clientId, { organisation: 'Northwind' });
    const before = await files(workspace.dataDir);
    const noName = await rejection(workspace.jobSearch.createApplication(clientId, { organisation: '  ' }), 'INVALID_INPUT');
    expect(noName.issues[0]).toMatchObject({ message: 'Please enter the organisation.' });
    const badLink = await rejection(workspace.jobSearch.updateApplication(clientId, id, { link: 'javascript:alert(1)' }), 'INVALID_INPUT');
    expect(badLink.issues[0].message).toMatch(/http/);
    await expect(workspace.jobSearch.moveApplication(clientId, id, 'hired' as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.jobSearch.completeNextAction(clientId, id, true)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.jobSearch.rateOffer(clientId, id, crypto.randomUUID(), 3)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.jobSearch.addCriterion(clientId, { label: 'Pay', weight: 9 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.jobSearch.moveApplication(clientId, crypto.randomUUID(), 'applied')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(workspace.jobSearch.get(crypto.randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await files(workspace.dataDir)).toBe(before);
  });
});

describe('jobSearch contacts and next action', () => {
  it('adds, edits and removes contacts', async () => {
    const { workspace, clientId } = await setup();
    const { id } = await workspace.jobSearch.createApplication(clientId, { organisation: 'Northwind' });
    const withContact = await workspace.jobSearch.addContact(clientId, id, { name: 'Priya Shah', email: 'priya@northwind.example' });
    const contactId = withContact.contacts[0].id;
    expect(withContact.contacts[0]).toMatchObject({ name: 'Priya Shah', role: '', email: 'priya@northwind.example', phone: '' });
    const edited = await workspace.jobSearch.updateContact(clientId, id, contactId, { role: 'Hiring manager' });
    expect(edited.contacts[0]).toMatchObject({ name: 'Priya Shah', role: 'Hiring manager' });
    await expect(workspace.jobSearch.updateContact(clientId, id, contactId, { email: 'not an email' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect((await workspace.jobSearch.removeContact(clientId, id, contactId)).contacts).toEqual([]);
    await expect(workspace.jobSearch.removeContact(clientId, id, contactId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('sets, completes, reopens and clears the next action; a new text starts open again', async () => {
    const { time, workspace, clientId } = await setup();
    const { id } = await workspace.jobSearch.createApplication(clientId, { organisation: 'Northwind' });
    await workspace.jobSearch.setNextAction(clientId, id, { text: 'Send the portfolio', dueDate: '2026-03-05' });
    time.advance(30);
    const done = await workspace.jobSearch.completeNextAction(clientId, id, true);
    expect(done.nextAction).toEqual({ text: 'Send the portfolio', dueDate: '2026-03-05', doneAt: '2026-03-02T09:30:00.000Z' });
    const redated = await workspace.jobSearch.setNextAction(clientId, id, { text: 'Send the portfolio', dueDate: '2026-03-06' });
    expect(redated.nextAction?.doneAt).toBe('2026-03-02T09:30:00.000Z');
    const next = await workspace.jobSearch.setNextAction(clientId, id, { text: 'Prepare for the interview', dueDate: null });
    expect(next.nextAction).toEqual({ text: 'Prepare for the interview', dueDate: null, doneAt: null });
    expect((await workspace.jobSearch.completeNextAction(clientId, id, false)).nextAction?.doneAt).toBeNull();
    expect((await workspace.jobSearch.clearNextAction(clientId, id)).nextAction).toBeNull();
    await expect(workspace.jobSearch.setNextAction(clientId, id, { text: '', dueDate: null })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

describe('jobSearch offers and criteria', () => {
  it('records an offer, rates it per criterion, keeps ratings when the terms change, and clears it', async () => {
    const { workspace, clientId } = await setup();
    const { id } = await workspace.jobSearch.createApplication(clientId, { organisation: 'Northwind', stage: 'offer' });
    const pay = await workspace.jobSearch.addCriterion(clientId, { label: 'Pay', weight: 5 });
    const terms = { salary: '£80,000', bonus: '10%', benefits: 'Pension', startDate: '2026-05-01', notes: '' };
    await workspace.jobSearch.setOffer(clientId, id, terms);
    await workspace.jobSearch.rateOffer(clientId, id, pay.id, 4);
    const retermed = await workspace.jobSearch.setOffer(clientId, id, { ...terms, salary: '£85,000' });
    expect(retermed.offer).toEqual({ ...terms, salary: '£85,000', ratings: [{ criterionId: pay.id, score: 4 }] });
    expect((await workspace.jobSearch.rateOffer(clientId, id, pay.id, null)).offer?.ratings).toEqual([]);
    await expect(workspace.jobSearch.rateOffer(clientId, id, pay.id, 6)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.jobSearch.rateOffer(clientId, id, crypto.randomUUID(), 2)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await workspace.jobSearch.clearOffer(clientId, id)).offer).toBeNull();
  });

  it('adds, edits and reorders criteria; removing one removes every rating on it', async () => {
    const { workspace, clientId } = await setup();
    const a = await workspace.jobSearch.createApplication(clientId, { organisation: 'Alpha', stage: 'offer' });
    const b = await workspace.jobSearch.createApplication(clientId, { organisation: 'Beta', stage: 'offer' });
    const pay = await workspace.jobSearch.addCriterion(clientId, { label: 'Pay', weight: 5 });
    const commute = await workspace.jobSearch.addCriterion(clientId, { label: 'Commute', weight: 2 });
    const terms = { salary: '', bonus: '', benefits: '', startDate: null, notes: '' };
    for (const app of [a, b]) {
      await workspace.jobSearch.setOffer(clientId, app.id, terms);
      await workspace.jobSearch.rateOffer(clientId, app.id, pay.id, 3);
      await workspace.jobSearch.rateOffer(clientId, app.id, commute.id, 5);
    }
    expect(await workspace.jobSearch.updateCriterion(clientId, commute.id, { weight: 3 })).toMatchObject({ label: 'Commute', weight: 3 });
    const reordered = await workspace.jobSearch.reorderCriteria(clientId, [commute.id, pay.id]);
    expect(reordered.map((criterion) => criterion.label)).toEqual(['Commute', 'Pay']);
    await expect(workspace.jobSearch.reorderCriteria(clientId, [commute.id])).rejects.toMatchObject({ code: 'CONFLICT' });
    await workspace.jobSearch.removeCriterion(clientId, pay.id);
    const after = await workspace.jobSearch.get(clientId);
    expect(after.criteria.map((criterion) => criterion.id)).toEqual([commute.id]);
    for (const app of after.applications) expect(app.offer?.ratings).toEqual([{ criterionId: commute.id, score: 5 }]);
  });
});
