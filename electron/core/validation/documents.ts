import { ClientDocument, PracticeDocument } from '../../../shared/model/documents';
import { fastValidator } from './validate';

/** The validators of the two document kinds, compiled once for the store and for restores. */
export const validateClientDocument = fastValidator(ClientDocument);
export const validatePracticeDocument = fastValidator(PracticeDocument);
