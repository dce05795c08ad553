import { CHANNELS, type RapportApi } from '../../shared/api';
import { RapportError, type Envelope } from '../../shared/errors';
import { toRapportError } from './io-errors';

export type Dispatch = (channel: unknown, args: unknown) => Promise<Envelope<unknown>>;

const KNOWN_CHANNELS = new Set<string>(CHANNELS);

function failure(error: RapportError): Envelope<never> {
  return { ok: false, error: error.toData() };
}

/**
 * The one entry point for calls from a renderer, shared by the Electron IPC layer and the
 * browser test host: it accepts only channels of the contract and never throws.
 */
export function createDispatcher(api: RapportApi): Dispatch {
  return async (channel, args) => {
    if (typeof channel !== 'string' || !KNOWN_CHANNELS.has(channel)) {
      return failure(new RapportError('INVALID_INPUT', 'Rapport received a request it does not know.'));
    }
    if (!Array.isArray(args)) {
      return failure(new RapportError('INVALID_INPUT', 'Rapport received a malformed request.'));
    }
    const [namespace, method] = channel.split(':');
    const methods = api[namespace as keyof RapportApi] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    try {
      return { ok: true, value: await methods[method](...args) };
    } catch (error) {
      return failure(toRapportError(error));
    }
  };
}
