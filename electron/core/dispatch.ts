import { CHANNELS } from '../../shared/api';
import { RapportError, type Envelope } from '../../shared/errors';
import { toRapportError } from './io-errors';

/** More arguments than any method of the contract takes; a longer list is refused before it is spread into a call. */
const MAX_ARGUMENTS = 16;

export type Dispatch = (channel: unknown, args: unknown) => Promise<Envelope<unknown>>;

function failure(error: RapportError): Envelope<never> {
  return { ok: false, error: error.toData() };
}

/**
 * The one entry point for calls from a renderer, shared by the Electron IPC layer and the
 * browser test host: it accepts only the given channels (by default the workspace contract's)
 * and never throws.
 */
export function createDispatcher(api: object, channels: readonly string[] = CHANNELS): Dispatch {
  const known = new Set<string>(channels);
  return async (channel, args) => {
    if (typeof channel !== 'string' || !known.has(channel)) {
      return failure(new RapportError('INVALID_INPUT', 'Rapport received a request it does not know.'));
    }
    if (!Array.isArray(args) || args.length > MAX_ARGUMENTS) {
      return failure(new RapportError('INVALID_INPUT', 'Rapport received a malformed request.'));
    }
    const [namespace, method] = channel.split(':');
    const methods = (api as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>)[namespace];
    try {
      return { ok: true, value: await methods[method](...(args as unknown[])) };
    } catch (error) {
      return failure(toRapportError(error));
    }
  };
}
