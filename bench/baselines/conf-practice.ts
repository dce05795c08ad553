import Conf from 'conf';
import type { ClientDocument, PracticeDocument } from '../../shared/model/documents';
import type { PracticeData } from './physical-read';

interface ConfShape extends Record<string, unknown> {
  practice: PracticeDocument;
  clients: Record<string, ClientDocument>;
}

/** The whole practice in one `conf` store (what electron-store is built on), clients keyed by id. */
export class ConfPractice {
  private constructor(private readonly conf: Conf<ConfShape>) {}

  static create(dir: string, data: PracticeData): ConfPractice {
    const conf = new Conf<ConfShape>({ cwd: dir, configName: 'practice' });
    conf.store = { practice: data.practice, clients: Object.fromEntries(data.clients.map((document) => [document.client.id, document])) };
    return new ConfPractice(conf);
  }

  /** One `conf.set` of the changed part of a client: conf reads the file, applies it and writes the file atomically. */
  set(clientId: string, key: keyof ClientDocument, value: unknown): void {
    this.conf.set(`clients.${clientId}.${key}`, value);
  }
}
