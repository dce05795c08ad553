import { z } from 'zod';

export const Id = z.uuid({ error: 'This reference is not valid.' });
export const Timestamp = z.iso.datetime({ offset: true, error: 'Please enter a valid date and time.' });
export const IsoDate = z.iso.date({ error: 'Please enter a valid date.' });

export const MAX_SHORT_TEXT = 200;
export const MAX_LONG_TEXT = 50_000;

export const ShortText = z
  .string()
  .max(MAX_SHORT_TEXT, { error: `Please keep this under ${MAX_SHORT_TEXT} characters.` });
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
