import type { RapportApi } from '../../../../shared/api';
import type { EmailMessage } from '../../../../shared/email/mailto';
import { emailMessage } from '../../../../shared/email/message';
import { buildRecap, recapText, type Recap } from '../../../../shared/email/recap';
import { RapportError } from '../../../../shared/errors';
import type { EmailKind, Settings } from '../../../../shared/model/practice';

/** The recap of a session as the print sheet and the email show it, with the settings for the letterhead. */
export async function loadRecap(api: RapportApi, clientId: string, sessionId: string): Promise<{ recap: Recap; settings: Settings }> {
  const [client, sessions, agenda, commitments, settings] = await Promise.all([
    api.clients.get(clientId),
    api.sessions.list(clientId),
    api.agendas.get(clientId, sessionId),
    api.commitments.list(clientId),
    api.settings.get(),
  ]);
  const session = sessions.find((candidate) => candidate.id === sessionId);
  if (!session) throw new RapportError('NOT_FOUND', 'That session no longer exists. It may have been deleted.');
  return { recap: buildRecap({ client, session, sessions, agenda, commitments, coachName: settings.coachName }), settings };
}

/** One of Rapport's messages for a session, in the coach's wording, read fresh from main. */
export async function prepareEmail(
  api: RapportApi,
  kind: EmailKind,
  clientId: string,
  sessionId: string,
): Promise<EmailMessage & { clientName: string }> {
  const [client, sessions, commitments, settings] = await Promise.all([
    api.clients.get(clientId),
    api.sessions.list(clientId),
    api.commitments.list(clientId),
    api.settings.get(),
  ]);
  const session = sessions.find((candidate) => candidate.id === sessionId);
  if (!session) throw new RapportError('NOT_FOUND', 'That session no longer exists. It may have been deleted.');
  const agendaText = kind === 'agenda' ? (await api.agendas.shareText(clientId, sessionId)).text : undefined;
  const recap = kind === 'recap' ? recapText((await loadRecap(api, clientId, sessionId)).recap) : undefined;
  const message = emailMessage(kind, {
    client,
    session,
    settings,
    commitments,
    ...(agendaText === undefined ? {} : { agendaText }),
    ...(recap === undefined ? {} : { recapText: recap }),
  });
  return { ...message, clientName: client.preferredName.trim() || client.name };
}
