import { localIsoDate } from '../dates';
import type { Billing } from '../model/client';
import type { ClientDocument } from '../model/documents';
import { byStartTime } from '../model/session';
import { ICF_CREDENTIALS, type Credential } from './credentials';

/** One held session, as a credential log lists it. */
export interface HoursEntry {
  clientId: string;
  sessionId: string;
  clientName: string;
  /** The client's email, else their phone, else empty. */
  contact: string;
  /** The local calendar date the session started on (YYYY-MM-DD). */
  date: string;
  startsAt: string;
  endsAt: string;
  minutes: number;
  /** The length in hours, to two decimals. */
  hours: number;
  kind: 'individual' | 'group';
  /** How many people took part; 1 for individual coaching. */
  groupSize: number;
  /** The session's own setting, else the client's. */
  billing: Billing;
}

export interface HoursTotals {
  sessions: number;
  hours: number;
  paidHours: number;
  proBonoHours: number;
  /**
   * Clients as the ICF counts them: each client with a held session, and each other member of
   * the largest group that client was coached in (every member of a group is a client).
   */
  clients: number;
}

export interface ClientHours extends HoursTotals {
  clientId: string;
  clientName: string;
}

export interface YearHours extends HoursTotals {
  year: number;
}

export interface CredentialProgress {
  credential: Credential;
  name: string;
  required: { hours: number; paidHours: number; clients: number };
  /** What is still missing; zero where the requirement is met. */
  left: { hours: number; paidHours: number; clients: number };
  met: boolean;
}

export interface HoursLog {
  /** Every held session, earliest first. */
  entries: HoursEntry[];
  totals: HoursTotals;
  /** By client name. */
  byClient: ClientHours[];
  /** Latest year first. */
  byYear: YearHours[];
  /** ACC, PCC and MCC, in that order, against all the hours logged. */
  credentials: CredentialProgress[];
}

/** Minutes to hours with two decimals; totals are summed in minutes first so rounding never adds up. */
export const hoursOf = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

const MINUTE_MS = 60_000;

/** The log entries of one client's held sessions; planned, confirmed, cancelled and no-show sessions never count. */
export function hoursEntriesOf(document: ClientDocument): HoursEntry[] {
  const { client } = document;
  return document.sessions
    .filter((session) => session.status === 'held')
    .sort(byStartTime)
    .map((session) => {
      const start = Date.parse(session.startsAt);
      return {
        clientId: client.id,
        sessionId: session.id,
        clientName: client.name,
        contact: client.email || client.phone,
        date: localIsoDate(start),
        startsAt: session.startsAt,
        endsAt: new Date(start + session.durationMinutes * MINUTE_MS).toISOString(),
        minutes: session.durationMinutes,
        hours: hoursOf(session.durationMinutes),
        kind: session.groupSize > 1 ? 'group' : 'individual',
        groupSize: session.groupSize,
        billing: session.billing ?? client.billing,
      };
    });
}

/** Totals of a set of entries. */
export function totalsOf(entries: readonly HoursEntry[]): HoursTotals {
  let minutes = 0;
  let paidMinutes = 0;
  const largestGroup = new Map<string, number>();
  for (const entry of entries) {
    minutes += entry.minutes;
    if (entry.billing === 'paid') paidMinutes += entry.minutes;
    largestGroup.set(entry.clientId, Math.max(largestGroup.get(entry.clientId) ?? 1, entry.groupSize));
  }
  let clients = 0;
  for (const size of largestGroup.values()) clients += size;
  return {
    sessions: entries.length,
    hours: hoursOf(minutes),
    paidHours: hoursOf(paidMinutes),
    proBonoHours: hoursOf(minutes - paidMinutes),
    clients,
  };
}

const twoDecimals = (value: number) => Math.round(value * 100) / 100;

/** How far the totals are from each ICF credential's experience requirement. */
export function credentialProgress(totals: HoursTotals): CredentialProgress[] {
  return ICF_CREDENTIALS.map(({ credential, name, hours, paidHours, clients }) => {
    const left = {
      hours: twoDecimals(Math.max(0, hours - totals.hours)),
      paidHours: twoDecimals(Math.max(0, paidHours - totals.paidHours)),
      clients: Math.max(0, clients - totals.clients),
    };
    return {
      credential,
      name,
      required: { hours, paidHours, clients },
      left,
      met: left.hours === 0 && left.paidHours === 0 && left.clients === 0,
    };
  });
}

function groupTotals<K>(entries: readonly HoursEntry[], keyOf: (entry: HoursEntry) => K): Map<K, HoursEntry[]> {
  const groups = new Map<K, HoursEntry[]>();
  for (const entry of entries) {
    const key = keyOf(entry);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return groups;
}

/** The hours log of a practice: every held session of every client, archived ones included (the hours were coached). */
export function buildHoursLog(documents: readonly ClientDocument[]): HoursLog {
  const entries = documents
    .flatMap(hoursEntriesOf)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.clientName.localeCompare(b.clientName));
  const totals = totalsOf(entries);
  const byClient = [...groupTotals(entries, (entry) => entry.clientId).values()]
    .map((clientEntries) => ({ clientId: clientEntries[0].clientId, clientName: clientEntries[0].clientName, ...totalsOf(clientEntries) }))
    .sort((a, b) => a.clientName.localeCompare(b.clientName) || a.clientId.localeCompare(b.clientId));
  const byYear = [...groupTotals(entries, (entry) => Number(entry.date.slice(0, 4))).entries()]
    .map(([year, yearEntries]) => ({ year, ...totalsOf(yearEntries) }))
    .sort((a, b) => b.year - a.year);
  return { entries, totals, byClient, byYear, credentials: credentialProgress(totals) };
}
