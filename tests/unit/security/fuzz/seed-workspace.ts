import type { Workspace } from '../../../../electron/core/workspace';

/** Every record id one client's file holds, whatever its kind. */
export interface SeededClient {
  clientId: string;
  recordIds: string[];
}

async function seedClient(workspace: Workspace, name: string): Promise<SeededClient> {
  const client = await workspace.clients.create({ name, email: 'client@example.com' });
  const clientId = client.id;
  const session = await workspace.sessions.create(clientId, { startsAt: '2026-12-01T10:00:00.000Z', mode: 'video' });
  await workspace.sessions.saveReflection(clientId, session.id, { signs: [], habits: [], text: 'Clear goals' });
  const goal = await workspace.goals.create(clientId, { title: 'Lead a team' });
  const [step] = (await workspace.goals.createStep(clientId, goal.id, { text: 'Ask for a stretch project', owner: 'client' })).steps;
  const agenda = await workspace.agendas.save(clientId, session.id, {
    goals: [{ text: 'Decide on next role' }],
    items: [{ title: 'Review CV', minutes: 15, proposedBy: 'coach', goalId: goal.id }],
  });
  const commitment = await workspace.commitments.create(clientId, { text: 'Send CV', owner: 'client', sessionId: session.id });
  const note = await workspace.notes.create(clientId, 'Prefers mornings');
  const term = await workspace.terminology.create(clientId, { term: 'stretch', meaning: 'a bigger role' });
  const assessment = await workspace.assessments.create(clientId, {
    date: '2026-11-20',
    source: 'coach',
    credibility: 7,
    reliability: 6,
    intimacy: 5,
    selfOrientation: 3,
  });
  const questions = await workspace.questions.list();
  const asked = await workspace.questions.markAsked(clientId, questions[0].id, { note: 'Good answer' });
  const criterion = await workspace.jobSearch.addCriterion(clientId, { label: 'Pay', weight: 4 });
  const application = await workspace.jobSearch.createApplication(clientId, { organisation: 'Northwind', stage: 'offer' });
  await workspace.jobSearch.setOffer(clientId, application.id, { salary: '£80,000', bonus: '', benefits: '', startDate: null, notes: '' });
  await workspace.jobSearch.rateOffer(clientId, application.id, criterion.id, 4);
  const [contact] = (await workspace.jobSearch.addContact(clientId, application.id, { name: 'Priya Shah' })).contacts;
  const cv = Buffer.from(`CV of ${name}: SQL, stakeholder management`);
  const upload = await workspace.documents.beginUpload(clientId, { name: 'CV.txt', size: cv.byteLength });
  await workspace.documents.uploadChunk(upload, cv.toString('base64'));
  const attached = await workspace.documents.finishUpload(upload, { label: 'cv', applicationId: application.id });
  return {
    clientId,
    recordIds: [
      session.id,
      goal.id,
      step.id,
      agenda.id,
      ...agenda.goals.map((g) => g.id),
      ...agenda.items.map((i) => i.id),
      commitment.id,
      note.id,
      term.id,
      assessment.id,
      asked.id,
      criterion.id,
      application.id,
      contact.id,
      attached.id,
    ],
  };
}

/** Two clients with a session, reflection, agenda, goal with a step, commitment, note, term, assessment and asked question, job-search application with contact and rated offer, and an attached CV each, and a template. */
export async function seedWorkspace(workspace: Workspace): Promise<SeededClient[]> {
  const clients = [await seedClient(workspace, 'Amara Okafor'), await seedClient(workspace, 'Tom Reyes')];
  await workspace.settings.update({ coachName: 'Sam' });
  return clients;
}
