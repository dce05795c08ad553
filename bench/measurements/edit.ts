import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Workspace } from '../../electron/core/workspace';
import type { ClientDocument } from '../../shared/model/documents';
import { ConfPractice } from '../baselines/conf-practice';
import { LowdbPractice } from '../baselines/lowdb-practice';
import type { PracticeData } from '../baselines/physical-read';
import { measurement, series, type Measurement } from '../harness/results';
import { timeAlternately, timeOnce, timeRepeatedly } from '../harness/timing';
import { chooseEditAction } from './edit-action';

export interface EditSubjects {
  tenYear: Workspace;
  tenYearData: PracticeData;
  oneClient: Workspace;
  oneClientData: PracticeData;
  scratchDir: string;
}

export interface EditRounds {
  workspace: number;
  singleFile: number;
}

function closestInSize(clients: readonly ClientDocument[], sessions: number): ClientDocument {
  return clients.reduce((best, candidate) =>
    Math.abs(candidate.sessions.length - sessions) < Math.abs(best.sessions.length - sessions) ? candidate : best,
  );
}

function largest(clients: readonly ClientDocument[]): ClientDocument {
  return clients.reduce((best, candidate) => (candidate.sessions.length > best.sessions.length ? candidate : best));
}

const bytesOf = (document: ClientDocument) => Buffer.byteLength(JSON.stringify(document));
const describeClient = (document: ClientDocument) => `${document.sessions.length} sessions, ${(bytesOf(document) / 1024).toFixed(0)} KiB`;

/**
 * One durable edit to a client of the ten-year practice against the same edit on the
 * one-client practice (a client of the same size), and against the whole practice held in
 * one lowdb JSONFile and in one conf store.
 */
export async function measureEdits(subjects: EditSubjects, rounds: EditRounds): Promise<Measurement[]> {
  const only = subjects.oneClientData.clients[0];
  const peer = closestInSize(subjects.tenYearData.clients, only.sessions.length);
  const biggest = largest(subjects.tenYearData.clients);
  const action = chooseEditAction(peer);
  const editIn = (workspace: Workspace, document: ClientDocument) => async (round: number) =>
    (await timeOnce(() => action.viaWorkspace(workspace, document, round))).ms;

  const versusOneClient = await timeAlternately(rounds.workspace, 3, editIn(subjects.tenYear, peer), editIn(subjects.oneClient, only));
  const biggestVersusOneClient = await timeAlternately(
    rounds.workspace,
    3,
    editIn(subjects.tenYear, biggest),
    editIn(subjects.oneClient, only),
  );

  await mkdir(join(subjects.scratchDir, 'lowdb'), { recursive: true });
  const lowdb = await LowdbPractice.create(join(subjects.scratchDir, 'lowdb'), subjects.tenYearData);
  const lowdbSamples = await timeRepeatedly(rounds.singleFile, 1, async (round) => {
    const timestamp = new Date().toISOString();
    return (await timeOnce(() => lowdb.editClient(peer.client.id, (document) => action.onDocument(document, round, timestamp)))).ms;
  });

  const confPractice = ConfPractice.create(join(subjects.scratchDir, 'conf'), subjects.tenYearData);
  const confCopy = structuredClone(peer);
  const confSamples = await timeRepeatedly(rounds.singleFile, 1, async (round) => {
    const key = action.onDocument(confCopy, round, new Date().toISOString());
    return (await timeOnce(async () => confPractice.set(peer.client.id, key, confCopy[key]))).ms;
  });

  const tenYear = series(`ten-year, client of ${describeClient(peer)}`, versusOneClient.subject);
  const edit = `The edit: ${action.description}.`;
  return [
    measurement({
      id: 'edit-vs-one-client',
      label: 'edit, ten-year vs one-client',
      subject: tenYear,
      baseline: series(`one-client practice (${describeClient(only)})`, versusOneClient.baseline),
      target: { kind: 'max-ratio', value: 1.5 },
      note: `${edit} Ten-year client: ${describeClient(peer)}; the one client: ${describeClient(only)}.`,
    }),
    measurement({
      id: 'edit-vs-lowdb',
      label: 'edit, ten-year vs lowdb single file',
      subject: tenYear,
      baseline: series('lowdb JSONFile, whole practice', lowdbSamples),
      target: { kind: 'min-speedup', value: 20 },
      note: 'lowdb’s JSONFile (steno) writes a temp file and renames it without fsync; Rapport fsyncs the file and the directory.',
    }),
    measurement({
      id: 'edit-vs-conf',
      label: 'edit, ten-year vs conf',
      subject: tenYear,
      baseline: series('conf.set, whole practice', confSamples),
      target: { kind: 'min-speedup', value: 20 },
      note: 'conf re-reads and parses its file on every set, then writes it atomically with fsync (atomically).',
    }),
    measurement({
      id: 'edit-largest-client',
      label: 'edit, largest client vs one-client',
      subject: series(`ten-year, largest client (${describeClient(biggest)})`, biggestVersusOneClient.subject),
      baseline: series('one-client practice', biggestVersusOneClient.baseline),
      target: null,
      note: 'For information: an edit rewrites and revalidates the one client file, so its cost follows that client’s size.',
    }),
  ];
}
