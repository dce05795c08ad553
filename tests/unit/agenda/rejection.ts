import { expect } from 'vitest';
import { RapportError, type ErrorCode } from '../../../shared/errors';

/** Awaits a call that must fail and returns its RapportError, checking the code. */
export async function rejection(promise: Promise<unknown>, code: ErrorCode): Promise<RapportError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RapportError);
    expect((error as RapportError).code).toBe(code);
    return error as RapportError;
  }
  throw new Error(`expected the call to fail with ${code}`);
}
