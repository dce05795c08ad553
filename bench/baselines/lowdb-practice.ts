import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { ClientDocument } from '../../shared/model/documents';
import type { PracticeData } from './physical-read';

/** The whole practice in one file with lowdb's default JSONFile adapter, as a naive app would keep it. */
export class LowdbPractice {
  private constructor(private readonly db: Low<PracticeData>) {}

  static async create(dir: string, data: PracticeData): Promise<LowdbPractice> {
    const db = new Low<PracticeData>(new JSONFile<PracticeData>(join(dir, 'db.json')), structuredClone(data));
    await db.write();
    return new LowdbPractice(db);
  }

  /** Changes one client in memory, then writes the whole file, as lowdb does. */
  async editClient(clientId: string, change: (document: ClientDocument) => void): Promise<void> {
    const document = this.db.data.clients.find((candidate) => candidate.client.id === clientId);
    if (!document) throw new Error(`No client ${clientId} in the lowdb practice.`);
    change(document);
    await this.db.write();
  }
}
