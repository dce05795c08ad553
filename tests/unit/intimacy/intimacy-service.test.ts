import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WAY_OUT, MAX_PLANNED_QUESTIONS } from '../../../shared/model/intimacy';
import { STARTER_QUESTIONS } from '../../../shared/questions/starter';
import { MISSING_ID } from '../trust/api-helpers';
import { rejection } from '../../helpers/rejection';
import { workspaceWithSessions } from './support';

const HARD = 'starter-hard-02';
const EVERYDAY = 'starter-know-01';
const textOf = (id: string) => STARTER_QUESTIONS.find((question) => question.id === id)?.text;

async function clientFile(dataDir: string, clientId: string) {
  return JSON.parse(await readFile(join(dataDir, 'clients', `${clientId}.json`), 'utf8'));
}

describe('question bank marks', () => {
  it('marks personal starter questions and lets the coach change any mark', async () => {
    const { workspace } = await workspaceWithSessions();
    const bank = await workspace.questions.list();
    expect(bank.filter((question) => question.group === 'hard-conversations').every((question) => question.personal)).toBe(true);
    expect(bank.find((question) => question.id === EVERYDAY)?.personal).toBe(false);
    expect(await workspace.questions.setPersonal(EVERYDAY, true)).toMatchObject({ id: EVERYDAY, personal: true });
    expect(await workspace.questions.setPersonal(HARD, false)).toMatchObject({ id: HARD, personal: false });
    const mine = await workspace.questions.create({ text: 'What do you keep to yourself at work?', group: 'values-and-motivation' });
    expect(mine.personal).toBe(false);
    expect(await workspace.questions.setPersonal(mine.id, true)).toMatchObject({ personal: true });
    // Marking a starter question back to its own mark leaves no mark behind.
    await workspace.questions.setPersonal(HARD, true);
    const practice = JSON.parse(await readFile(join(workspace.dataDir, 'practice.json'), 'utf8'));
    expect(practice.questionMarks).toEqual([
      { questionId: EVERYDAY, personal: true },
      { questionId: mine.id, personal: true },
    ]);
    await expect(workspace.questions.setPersonal('starter-none-99', true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.questions.setPersonal(EVERYDAY, 'yes' as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('preparing a session', () => {
  it('plans bank and client questions, keeps phrasings per client, and offers the way out', async () => {
    const { workspace, clientId, heldId, nextId } = await workspaceWithSessions();
    let view = await workspace.intimacy.forSession(clientId, nextId);
    expect(view).toMatchObject({ sessionId: nextId, startsAt: '2026-07-07T10:00:00.000Z', planned: [], firstMove: '', reflectedAt: null });
    expect(view.choices.length).toBe(STARTER_QUESTIONS.length);

    view = await workspace.intimacy.planQuestion(clientId, nextId, HARD);
    view = await workspace.intimacy.planQuestion(clientId, nextId, EVERYDAY);
    view = await workspace.intimacy.planQuestion(clientId, nextId, HARD);
    expect(view.planned.map((question) => [question.questionId, question.personal, question.wayOut])).toEqual([
      [HARD, true, DEFAULT_WAY_OUT],
      [EVERYDAY, false, ''],
    ]);
    expect(view.choices.some((choice) => choice.questionId === HARD)).toBe(false);

    view = await workspace.intimacy.createClientQuestion(clientId, nextId, {
      text: '  What did the redundancy cost you?  ',
      personal: true,
    });
    const own = view.planned[2];
    expect(own).toMatchObject({ text: 'What did the redundancy cost you?', origin: 'client', personal: true, wayOut: DEFAULT_WAY_OUT });

    const prepared = await workspace.intimacy.savePhrasings(clientId, HARD, {
      versions: ['  Which question would you rather I skipped?  ', 'What would you hope I leave alone?'],
      chosen: 1,
      wayOut: 'Say “pass” and I will move on — no reason needed.',
    });
    expect(prepared).toMatchObject({
      text: textOf(HARD),
      versions: ['Which question would you rather I skipped?', 'What would you hope I leave alone?'],
      chosen: 1,
      wayOut: 'Say “pass” and I will move on — no reason needed.',
      wayOutAdapted: true,
    });
    // Phrasings belong to the client, not to one session: the held session shows them when the question is planned there.
    const other = await workspace.intimacy.planQuestion(clientId, heldId, HARD);
    expect(other.planned[0]).toMatchObject({ versions: prepared.versions, chosen: 1 });
    // An emptied way-out line goes back to the usual one.
    expect(await workspace.intimacy.savePhrasings(clientId, HARD, { versions: prepared.versions, chosen: 0, wayOut: '  ' })).toMatchObject({
      wayOut: DEFAULT_WAY_OUT,
      wayOutAdapted: false,
      chosen: 0,
    });

    view = await workspace.intimacy.saveFirstMove(clientId, nextId, { firstMove: 'How I froze in my first panel interview.' });
    expect(view.firstMove).toBe('How I froze in my first panel interview.');
    view = await workspace.intimacy.unplanQuestion(clientId, nextId, EVERYDAY);
    expect(view.planned.map((question) => question.questionId)).toEqual([HARD, own.questionId]);

    const file = await clientFile(workspace.dataDir, clientId);
    expect(file.intimacy.clientQuestions).toEqual([expect.objectContaining({ text: 'What did the redundancy cost you?', personal: true })]);
    expect(file.intimacy.phrasings).toEqual([expect.objectContaining({ questionId: HARD, chosen: 0, wayOut: null })]);
    expect(file.intimacy.sessions.find((entry: { sessionId: string }) => entry.sessionId === nextId)).toMatchObject({
      firstMove: 'How I froze in my first panel interview.',
      questions: [
        { questionId: HARD, asked: false, wayOutGiven: false },
        { questionId: own.questionId, asked: false, wayOutGiven: false },
      ],
    });
  });

  it('refuses bad input with a clear code and changes nothing', async () => {
    const { workspace, clientId, nextId } = await workspaceWithSessions();
    await workspace.intimacy.planQuestion(clientId, nextId, HARD);
    const before = await readFile(join(workspace.dataDir, 'clients', `${clientId}.json`), 'utf8');
    const invalid = [
      workspace.intimacy.savePhrasings(clientId, HARD, { versions: ['One way'], chosen: 1, wayOut: null }),
      workspace.intimacy.savePhrasings(clientId, HARD, { versions: ['a', 'b', 'c', 'd', 'e', 'f'], chosen: null, wayOut: null }),
      workspace.intimacy.savePhrasings(clientId, HARD, { versions: ['   '], chosen: null, wayOut: null }),
      workspace.intimacy.savePhrasings(clientId, HARD, { versions: ['x'.repeat(201)], chosen: null, wayOut: null }),
      workspace.intimacy.savePhrasings(clientId, HARD, { versions: [], chosen: null, wayOut: 'x'.repeat(201) }),
      workspace.intimacy.createClientQuestion(clientId, nextId, { text: ' ', personal: false }),
      workspace.intimacy.createClientQuestion(clientId, nextId, { text: 'Why?' } as never),
      workspace.intimacy.saveFirstMove(clientId, nextId, { firstMove: 5 } as never),
      workspace.intimacy.saveReflection(clientId, nextId, {
        questions: [],
        firstMoveMade: 'yes',
        clientResponse: '',
        heldBack: false,
        heldBackWhy: '',
      } as never),
      workspace.intimacy.planQuestion('not-a-uuid', nextId, HARD),
    ];
    for (const call of invalid) await expect(call).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const missing = [
      workspace.intimacy.planQuestion(clientId, nextId, 'starter-none-99'),
      workspace.intimacy.planQuestion(clientId, MISSING_ID, HARD),
      workspace.intimacy.forSession(MISSING_ID, nextId),
      workspace.intimacy.unplanQuestion(clientId, nextId, EVERYDAY),
      workspace.intimacy.savePhrasings(clientId, MISSING_ID, { versions: [], chosen: null, wayOut: null }),
      workspace.intimacy.saveReflection(clientId, nextId, {
        questions: [{ questionId: EVERYDAY, asked: true, wayOutGiven: false }],
        firstMoveMade: false,
        clientResponse: '',
        heldBack: false,
        heldBackWhy: '',
      }),
    ];
    for (const call of missing) await expect(call).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await readFile(join(workspace.dataDir, 'clients', `${clientId}.json`), 'utf8')).toBe(before);
  });

  it(`plans at most ${MAX_PLANNED_QUESTIONS} questions for one session`, async () => {
    const { workspace, clientId, nextId } = await workspaceWithSessions();
    for (const question of STARTER_QUESTIONS.slice(0, MAX_PLANNED_QUESTIONS))
      await workspace.intimacy.planQuestion(clientId, nextId, question.id);
    const error = await rejection(workspace.intimacy.planQuestion(clientId, nextId, STARTER_QUESTIONS[MAX_PLANNED_QUESTIONS].id));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: `Plan at most ${MAX_PLANNED_QUESTIONS} questions for one session.` });
    expect((await workspace.intimacy.forSession(clientId, nextId)).planned).toHaveLength(MAX_PLANNED_QUESTIONS);
  });
});

describe('looking back on a session', () => {
  it('records what was asked and how, the first move and what was held back, and feeds the evidence', async () => {
    const { workspace, clientId, heldId } = await workspaceWithSessions();
    await workspace.intimacy.planQuestion(clientId, heldId, HARD);
    await workspace.intimacy.planQuestion(clientId, heldId, 'starter-values-07');
    await workspace.intimacy.planQuestion(clientId, heldId, EVERYDAY);
    await workspace.intimacy.saveFirstMove(clientId, heldId, { firstMove: 'That I changed careers at 40.' });
    const view = await workspace.intimacy.saveReflection(clientId, heldId, {
      questions: [
        { questionId: HARD, asked: true, wayOutGiven: true },
        { questionId: 'starter-values-07', asked: true, wayOutGiven: false },
        { questionId: EVERYDAY, asked: false, wayOutGiven: true },
      ],
      firstMoveMade: true,
      clientResponse: 'Told me about the year she nearly quit.',
      heldBack: true,
      heldBackWhy: 'Worried it would sound like advice.',
    });
    expect(view.reflectedAt).toBe('2026-06-30T12:00:00.000Z');
    expect(view.planned.map((question) => [question.questionId, question.asked, question.wayOutGiven])).toEqual([
      [HARD, true, true],
      ['starter-values-07', true, false],
      // A way out offered with a question never asked is not kept.
      [EVERYDAY, false, false],
    ]);

    // Bank questions asked in the session now count as asked of the client, at the session's time.
    const asked = (await workspace.questions.forClient(clientId)).asked;
    expect(asked.map((entry) => [entry.questionId, entry.askedAt]).sort()).toEqual([
      [HARD, '2026-06-23T10:00:00.000Z'],
      ['starter-values-07', '2026-06-23T10:00:00.000Z'],
    ]);

    await workspace.assessments.create(clientId, {
      date: '2026-06-29',
      source: 'coach',
      credibility: 6,
      reliability: 6,
      intimacy: 7,
      selfOrientation: 4,
      note: '',
    });
    const evidence = await workspace.intimacy.evidence(clientId);
    expect(evidence.ratings).toEqual({ coach: 7, client: null });
    const byId = Object.fromEntries(evidence.indicators.map((indicator) => [indicator.id, indicator]));
    expect(byId['questions-with-way-out']).toMatchObject({
      numerator: 1,
      denominator: 2,
      text: '1 of 2 personal questions asked with a way out',
    });
    expect(byId['first-moves-made']).toMatchObject({
      numerator: 1,
      denominator: 1,
      text: 'You went first in 1 of 1 session you looked back on',
    });
    expect(byId['held-back']).toMatchObject({ numerator: 1, denominator: 1 });
    expect(evidence.firstMoves).toEqual([
      {
        sessionId: heldId,
        startsAt: '2026-06-23T10:00:00.000Z',
        offered: 'That I changed careers at 40.',
        made: true,
        response: 'Told me about the year she nearly quit.',
      },
    ]);
    // The trust panel shows the same evidence beside the rating, which stays as the coach gave it.
    const panel = await workspace.trust.forClient(clientId);
    expect(panel.evidence.filter((indicator) => indicator.component === 'intimacy')).toEqual(evidence.indicators);
    expect(panel.latest.coach?.components.intimacy).toBe(7);

    // Deleting the session deletes its intimacy record with it.
    await workspace.sessions.remove(clientId, heldId);
    expect((await clientFile(workspace.dataDir, clientId)).intimacy.sessions).toEqual([]);
  });

  it('lists what the client brought: their agenda items from 90 days ago on', async () => {
    const { workspace, clientId, heldId, nextId } = await workspaceWithSessions();
    await workspace.agendas.save(clientId, heldId, {
      goals: [],
      items: [
        { title: 'My manager’s feedback', minutes: 15, proposedBy: 'client' },
        { title: 'CV', minutes: 15, proposedBy: 'coach' },
      ],
    });
    await workspace.agendas.save(clientId, nextId, { goals: [], items: [{ title: 'Salary talk', minutes: 10, proposedBy: 'client' }] });
    const old = await workspace.sessions.create(clientId, { startsAt: '2026-03-01T10:00:00.000Z', mode: 'video' });
    await workspace.agendas.save(clientId, old.id, { goals: [], items: [{ title: 'Too long ago', minutes: 10, proposedBy: 'client' }] });
    const evidence = await workspace.intimacy.evidence(clientId);
    expect(evidence.clientBrought).toEqual([
      { sessionId: nextId, startsAt: '2026-07-07T10:00:00.000Z', title: 'Salary talk' },
      { sessionId: heldId, startsAt: '2026-06-23T10:00:00.000Z', title: 'My manager’s feedback' },
    ]);
    expect(evidence.indicators.find((indicator) => indicator.id === 'client-proposed-items')).toMatchObject({
      numerator: 2,
      denominator: 3,
    });
  });
});
