import { randomUUID } from 'node:crypto';
import type { ClientDocument } from '../../../shared/model/documents';
import type { Application, ApplicationStage, NextAction, Offer } from '../../../shared/model/job-search';
import { clientDocument as trustClientDocument } from '../trust/fixtures';

/** An application that moved through `moves` (stage and ISO time), oldest first. */
export function application(
  organisation: string,
  moves: [ApplicationStage, string][],
  extra: { nextAction?: NextAction | null; offer?: Offer | null } = {},
): Application {
  const [first] = moves;
  const last = moves[moves.length - 1];
  return {
    id: randomUUID(),
    createdAt: first[1],
    updatedAt: last[1],
    organisation,
    role: 'Head of data',
    link: '',
    source: 'posting',
    notes: '',
    stage: last[0],
    stageHistory: moves.map(([stage, at]) => ({ stage, at })),
    contacts: [],
    nextAction: extra.nextAction ?? null,
    cvDocumentId: null,
    coverLetterDocumentId: null,
    offer: extra.offer ?? null,
  };
}

export function clientWithApplications(
  name: string,
  applications: Application[],
  status: ClientDocument['client']['status'] = 'active',
): ClientDocument {
  const document = trustClientDocument({ jobSearch: { applications, criteria: [] } });
  document.client.name = name;
  document.client.status = status;
  return document;
}
