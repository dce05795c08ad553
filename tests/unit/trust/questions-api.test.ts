import { beforeEach, describe, expect, it } from 'vitest';
import { QUESTION_GROUPS } from '../../../shared/model/practice';
import { suggestQuestions, type Question } from '../../../shared/questions/bank';
import { STARTER_QUESTIONS } from '../../../shared/questions/starter';
import { testWorkspace } from '../../helpers/workspace-api';
import { MISSING_ID } from './api-helpers';

let clock = new Date('2026-06-30T12:00:00.000Z');
const now = () => clock;
beforeEach(() => {
  clock = new Date('2026-06-30T12:00:00.000Z');
});

describe('starter question set', () => {
  it('has at least 40 questions with unique stable ids in every group', () => {
    expect(STARTER_QUESTIONS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(STARTER_QUESTIONS.map((question) => question.id)).size).toBe(STARTER_QUESTIONS.length);
    expect(new Set(STARTER_QUESTIONS.map((question) => question.text)).size).toBe(STARTER_QUESTIONS.length);
    for (const group of QUESTION_GROUPS) {
      expect(STARTER_QUESTIONS.filter((question) => question.group === group).length).toBeGreaterThanOrEqual(8);
    }
    expect(STARTER_QUESTIONS[0].id).toBe('starter-know-01');
    expect(STARTER_QUESTIONS.filter((question) => question.text.length > 200 || !/[?.]$/.test(question.text))).toEqual([]);
  });
});

describe('suggestQuestions', () => {
  const question = (id: string, group: Question['group'], hidden = false): Question => ({
    id,
    text: id,
    group,
    origin: 'custom',
    edited: false,
    hidden,
    personal: false,
  });
  const bank = [
    question('k1', 'getting-to-know-you'),
    question('k2', 'getting-to-know-you'),
    question('w1', 'work-history'),
    question('w2', 'work-history', true),
    question('v1', 'values-and-motivation'),
  ];

  it('skips asked and hidden questions and starts with the groups asked least', () => {
    const asked = [{ id: MISSING_ID, questionId: 'k1', askedAt: '2026-06-01T10:00:00.000Z', note: '' }];
    expect(suggestQuestions(bank, asked, 5).map((entry) => entry.id)).toEqual(['w1', 'v1', 'k2']);
    expect(suggestQuestions(bank, [], 2).map((entry) => entry.id)).toEqual(['k1', 'w1']);
  });
});

describe('questions API', () => {
  it('lists the starter set, adds, rewords and hides questions', async () => {
    const workspace = await testWorkspace({ now });
    const all = await workspace.questions.list();
    expect(all).toHaveLength(STARTER_QUESTIONS.length);
    expect(all[0]).toEqual({ ...STARTER_QUESTIONS[0], origin: 'starter', edited: false, hidden: false });

    const mine = await workspace.questions.create({
      text: '  What would your best friend hire you for?  ',
      group: 'values-and-motivation',
    });
    expect(mine).toMatchObject({ text: 'What would your best friend hire you for?', origin: 'custom', hidden: false });

    const reworded = await workspace.questions.update('starter-know-01', { text: 'How do you spend a good Saturday?' });
    expect(reworded).toMatchObject({ id: 'starter-know-01', text: 'How do you spend a good Saturday?', edited: true });
    expect(await workspace.questions.update(mine.id, { text: 'Why would a friend hire you?' })).toMatchObject({
      text: 'Why would a friend hire you?',
    });
    const restored = await workspace.questions.update('starter-know-01', { text: STARTER_QUESTIONS[0].text });
    expect(restored.edited).toBe(false);

    expect(await workspace.questions.setHidden('starter-work-01', true)).toMatchObject({ hidden: true });
    expect(await workspace.questions.setHidden('starter-work-01', true)).toMatchObject({ hidden: true });
    const list = await workspace.questions.list();
    expect(list).toHaveLength(STARTER_QUESTIONS.length + 1);
    expect(list.filter((entry) => entry.hidden).map((entry) => entry.id)).toEqual(['starter-work-01']);
    expect(await workspace.questions.setHidden('starter-work-01', false)).toMatchObject({ hidden: false });
  });

  it('marks questions asked per client and suggests only what has not been asked', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Amara' });
    clock = new Date('2026-06-02T10:00:00.000Z');
    const first = await workspace.questions.markAsked(client.id, 'starter-know-01', { note: 'Loves hill walking' });
    clock = new Date('2026-06-09T10:00:00.000Z');
    const second = await workspace.questions.markAsked(client.id, 'starter-work-03', {});
    expect(first).toMatchObject({ questionId: 'starter-know-01', askedAt: '2026-06-02T10:00:00.000Z', note: 'Loves hill walking' });

    const view = await workspace.questions.forClient(client.id);
    expect(view.asked.map((entry) => [entry.id, entry.text])).toEqual([
      [second.id, STARTER_QUESTIONS.find((question) => question.id === 'starter-work-03')?.text],
      [first.id, STARTER_QUESTIONS[0].text],
    ]);
    const suggested = view.suggestions.map((entry) => entry.id);
    expect(suggested).toHaveLength(5);
    expect(suggested).not.toContain('starter-know-01');
    expect(suggested).not.toContain('starter-work-03');
    // Groups never asked come first: values, working together, hard conversations.
    expect(view.suggestions.slice(0, 3).map((entry) => entry.group)).toEqual([
      'values-and-motivation',
      'working-together',
      'hard-conversations',
    ]);

    await workspace.questions.unmarkAsked(client.id, first.id);
    expect((await workspace.questions.forClient(client.id)).asked.map((entry) => entry.id)).toEqual([second.id]);
  });

  it('refuses empty, overlong and ill-formed input', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Ben' });
    const invalid = [
      workspace.questions.create({ text: '   ', group: 'work-history' }),
      workspace.questions.create({ text: 'x'.repeat(201), group: 'work-history' }),
      workspace.questions.create({ text: 'Why?', group: 'gossip' as never }),
      workspace.questions.update('starter-know-01', { text: '' }),
      workspace.questions.update('starter-know-01', { text: 'Why?', group: 'work-history' } as never),
      workspace.questions.setHidden('starter-know-01', 'yes' as never),
      workspace.questions.markAsked('not-a-uuid', 'starter-know-01', {}),
      workspace.questions.markAsked(client.id, 'starter-know-01', { note: 5 } as never),
      workspace.questions.unmarkAsked(client.id, 'nope'),
      workspace.questions.forClient(''),
    ];
    for (const call of invalid) await expect(call).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await workspace.questions.list()).toHaveLength(STARTER_QUESTIONS.length);
  });

  it('answers NOT_FOUND for unknown questions, clients and asked records', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Cara' });
    const missing = [
      workspace.questions.update('starter-none-99', { text: 'Why?' }),
      workspace.questions.setHidden(MISSING_ID, true),
      workspace.questions.markAsked(client.id, 'starter-none-99', {}),
      workspace.questions.markAsked(MISSING_ID, 'starter-know-01', {}),
      workspace.questions.unmarkAsked(client.id, MISSING_ID),
      workspace.questions.forClient(MISSING_ID),
    ];
    for (const call of missing) await expect(call).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await workspace.questions.forClient(client.id)).asked).toEqual([]);
  });
});
