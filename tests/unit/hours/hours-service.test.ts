import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spreadsheetSafe } from '../../../electron/core/hours-csv';
import { testWorkspace } from '../../helpers/workspace-api';
import { local } from '../today/support';

const BOM = '\uFEFF';
const HEADER = 'Client Name,Contact Information,Individual/Group,Number in Group,Start Date,End Date,Paid Hours,Pro-bono Hours';

async function practice() {
  const workspace = await testWorkspace({ now: () => local(2026, 6, 1, 9) });
  const held = async (
    clientId: string,
    at: Date,
    extra: { durationMinutes?: number; billing?: 'paid' | 'pro-bono'; groupSize?: number } = {},
  ) => {
    const session = await workspace.sessions.create(clientId, { startsAt: at.toISOString(), mode: 'video', durationMinutes: 60, ...extra });
    return workspace.sessions.setStatus(clientId, session.id, 'held');
  };
  return { workspace, held };
}

describe('hours service', () => {
  it('logs held sessions with the client’s billing and each session’s override, archived clients included', async () => {
    const { workspace, held } = await practice();
    const paid = await workspace.clients.create({ name: 'Zoë Müller', email: 'zoe@example.com', billing: 'paid' });
    const volunteer = await workspace.clients.create({ name: 'Ben Okafor', phone: '+234 801 234 5678', billing: 'pro-bono' });
    await held(paid.id, local(2026, 2, 3, 10), { durationMinutes: 90 });
    const override = await held(paid.id, local(2026, 2, 10, 10));
    await workspace.sessions.update(paid.id, override.id, { billing: 'pro-bono' });
    await held(volunteer.id, local(2025, 11, 5, 18), { groupSize: 4 });
    await workspace.sessions.create(volunteer.id, { startsAt: local(2026, 7, 1, 9).toISOString(), mode: 'phone' });
    const cancelled = await held(volunteer.id, local(2026, 3, 1, 9));
    await workspace.sessions.setStatus(volunteer.id, cancelled.id, 'cancelled');
    await workspace.clients.archive(volunteer.id);

    const log = await workspace.hours.log();
    expect(
      log.entries.map(({ clientName, contact, date, hours, kind, groupSize, billing }) => [
        clientName,
        contact,
        date,
        hours,
        kind,
        groupSize,
        billing,
      ]),
    ).toEqual([
      ['Ben Okafor', '+234 801 234 5678', '2025-11-05', 1, 'group', 4, 'pro-bono'],
      ['Zoë Müller', 'zoe@example.com', '2026-02-03', 1.5, 'individual', 1, 'paid'],
      ['Zoë Müller', 'zoe@example.com', '2026-02-10', 1, 'individual', 1, 'pro-bono'],
    ]);
    expect(log.totals).toEqual({ sessions: 3, hours: 3.5, paidHours: 1.5, proBonoHours: 2, clients: 5 });
    expect(log.credentials[0].left).toEqual({ hours: 96.5, paidHours: 73.5, clients: 3 });

    const year = await workspace.hours.log({ year: 2026 });
    expect(year.entries.map((entry) => entry.date)).toEqual(['2026-02-03', '2026-02-10']);
    expect({ ...year, entries: [] }).toEqual({ ...log, entries: [] });
  });

  it('exports the ICF log columns as CSV with a byte-order mark, quoting and ISO dates', async () => {
    const { workspace, held } = await practice();
    const client = await workspace.clients.create({ name: 'Okafor, "Ben"', email: 'ben@example.com' });
    await held(client.id, local(2026, 2, 3, 10), { durationMinutes: 50 });
    await held(client.id, local(2025, 12, 3, 10), { billing: 'pro-bono', groupSize: 3 });

    const all = await workspace.hours.csv();
    expect(all.fileName).toBe('coaching-log.csv');
    expect(all.text).toBe(
      `${BOM}${HEADER}\r\n` +
        '"Okafor, ""Ben""",ben@example.com,Group,3,2025-12-03,2025-12-03,,1.00\r\n' +
        '"Okafor, ""Ben""",ben@example.com,Individual,1,2026-02-03,2026-02-03,0.83,\r\n',
    );
    const year = await workspace.hours.csv({ year: 2026 });
    expect(year.fileName).toBe('coaching-log-2026.csv');
    expect(year.text.split('\r\n')).toHaveLength(3);
    expect((await workspace.hours.csv({ year: 2024 })).text).toBe(`${BOM}${HEADER}\r\n`);
  });

  it('keeps a client name from running as a spreadsheet formula', async () => {
    const { workspace, held } = await practice();
    for (const name of ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2', '@SUM(A1)']) {
      const client = await workspace.clients.create({ name });
      await held(client.id, local(2026, 2, 3, 10));
    }
    const rows = (await workspace.hours.csv()).text.slice(1).split('\r\n').slice(1, -1);
    expect(rows.map((row) => row.slice(0, row.indexOf(',,Individual')))).toEqual(
      expect.arrayContaining(['"\'=HYPERLINK(""http://evil.example"",""x"")"', "'+1+1", "'-2", "'@SUM(A1)"]),
    );
    expect(rows).toHaveLength(4);
    expect(spreadsheetSafe('Ada')).toBe('Ada');
    expect(spreadsheetSafe('\tcmd')).toBe("'\tcmd");
  });

  it('refuses a bad year, and a bad billing or group size on a session, changing nothing', async () => {
    const { workspace, held } = await practice();
    const client = await workspace.clients.create({ name: 'Ada' });
    const session = await held(client.id, local(2026, 2, 3, 10));
    const file = join(workspace.dataDir, 'clients', `${client.id}.json`);
    const before = await readFile(file, 'utf8');
    await expect(workspace.hours.csv({ year: 20.5 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.hours.log({ year: '2026' as unknown as number })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.sessions.update(client.id, session.id, { groupSize: 0 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.sessions.update(client.id, session.id, { groupSize: 2.5 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.sessions.update(client.id, session.id, { billing: 'free' as unknown as 'paid' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('saves a session’s billing and group size on create and update, back to the client’s with null', async () => {
    const { workspace } = await practice();
    const client = await workspace.clients.create({ name: 'Ada', billing: 'pro-bono' });
    const session = await workspace.sessions.create(client.id, {
      startsAt: local(2026, 2, 3, 10).toISOString(),
      mode: 'video',
      billing: 'paid',
      groupSize: 5,
    });
    expect(session).toMatchObject({ billing: 'paid', groupSize: 5 });
    await workspace.sessions.update(client.id, session.id, { billing: null, groupSize: 1 });
    const stored = JSON.parse(await readFile(join(workspace.dataDir, 'clients', `${client.id}.json`), 'utf8')) as {
      sessions: { billing: unknown; groupSize: unknown }[];
    };
    expect(stored.sessions[0]).toMatchObject({ billing: null, groupSize: 1 });
  });
});
