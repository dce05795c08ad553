import { z } from 'zod';

/**
 * Ids have one form, the lower-case UUID: it names client files, the restore journal and every
 * lookup. Upper-case hex would pass z.uuid() alone and then match nothing, so it is refused here
 * (documents read from disk or a backup are brought to this form first, see migrations.ts).
 */
export const CANONICAL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const Id = z.uuid({ error: 'This reference is not valid.' }).regex(CANONICAL_ID, { error: 'This reference is not valid.' });
export const Timestamp = z.iso.datetime({ offset: true, error: 'Please enter a valid date and time.' });
export const IsoDate = z.iso.date({ error: 'Please enter a valid date.' });

export const MAX_SHORT_TEXT = 200;
export const MAX_LONG_TEXT = 50_000;

export const ShortText = z.string().max(MAX_SHORT_TEXT, { error: `Please keep this under ${MAX_SHORT_TEXT} characters.` });
export const LongText = z
  .string()
  .max(MAX_LONG_TEXT, { error: `Please keep this under ${MAX_LONG_TEXT.toLocaleString('en')} characters.` });

export const Owner = z.enum(['coach', 'client']);
export type Owner = z.infer<typeof Owner>;

/** Fields every stored record carries. */
export const recordFields = {
  id: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
};
