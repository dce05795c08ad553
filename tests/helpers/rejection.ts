import { expect } from 'vitest';
import { RapportError, type ErrorCode } from '../../shared/errors';

/**
 * The RapportError a call fails with, for tests that check more than its code (message,
 * field issues); a test that checks only the code says
 * `await expect(call).rejects.toMatchObject({ code })`.
 */
export async function rejection(promise: Promise<unknown>, code?: ErrorCode): Promise<RapportError> {
  const error = await promise.then(
    () => expect.fail(`expected the call to fail${code ? ` with ${code}` : ''}`),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(RapportError);
  if (code) expect((error as RapportError).code).toBe(code);
  return error as RapportError;
}
