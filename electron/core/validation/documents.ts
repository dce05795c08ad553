import { ClientDocument, PracticeDocument } from '../../../shared/model/documents';
import { compileChecker } from './compile-checker';
import { fastValidator } from './validate';

/** The validators of the two document kinds, compiled once for the store and for restores. */
export const validateClientDocument = fastValidator(ClientDocument);
export const validatePracticeDocument = fastValidator(PracticeDocument);

/**
 * True when a document read from a file or a backup can be used exactly as it is: valid at the
 * current version with every id canonical, so that migrating it would return it unchanged. Any
 * other document goes through migrations.ts and then validation.
 */
export const usableAsReadClient = compileChecker(ClientDocument, { canonicalIds: true });
export const usableAsReadPractice = compileChecker(PracticeDocument, { canonicalIds: true });
