import { z } from 'zod';
import { ShortText, recordFields } from './primitives';

export const PaperSize = z.enum(['A4', 'Letter']);
export type PaperSize = z.infer<typeof PaperSize>;

export const BackupSettings = z.strictObject({
  /** How many automatic backups to keep. */
  keep: z.number().int().min(1, { error: 'Keep at least one backup.' }).max(365, { error: 'Keep at most 365 backups.' }),
  automatic: z.boolean(),
});

export const MAX_SIGN_OFF = 300;
const MAX_SIGN_OFF_LINES = 6;

/** The closing lines of a shared agenda; empty means "See you then," and the coach's first name. */
export const SignOff = z
  .string()
  .max(MAX_SIGN_OFF, { error: `Please keep the sign-off under ${MAX_SIGN_OFF} characters.` })
  // A pattern, not a refinement: the compiled checker for stored documents takes patterns only.
  .regex(new RegExp(`^[^\\n]*(?:\\n[^\\n]*){0,${MAX_SIGN_OFF_LINES - 1}}$`, 'u'), {
    error: `Please keep the sign-off to at most ${MAX_SIGN_OFF_LINES} lines.`,
  });

/** The messages Rapport prepares for the coach's own mail program (version 3). */
export const EMAIL_KINDS = ['agenda', 'materials', 'reconfirm', 'recap'] as const;
export const EmailKind = z.enum(EMAIL_KINDS);
export type EmailKind = z.infer<typeof EmailKind>;

export const MAX_EMAIL_BODY = 5000;
/** One message's wording, with placeholders; empty fields use Rapport's own wording. */
export const EmailTemplate = z.strictObject({
  subject: ShortText,
  body: z.string().max(MAX_EMAIL_BODY, { error: `Please keep the message under ${MAX_EMAIL_BODY.toLocaleString('en')} characters.` }),
});
export type EmailTemplate = z.infer<typeof EmailTemplate>;

export const EmailTemplates = z.strictObject({
  agenda: EmailTemplate,
  materials: EmailTemplate,
  reconfirm: EmailTemplate,
  recap: EmailTemplate,
});
export type EmailTemplates = z.infer<typeof EmailTemplates>;

export function defaultEmailTemplates(): EmailTemplates {
  const blank = (): EmailTemplate => ({ subject: '', body: '' });
  return { agenda: blank(), materials: blank(), reconfirm: blank(), recap: blank() };
}

export const settingsFields = {
  coachName: ShortText,
  businessName: ShortText,
  contactLine: ShortText,
  defaultSessionMinutes: z
    .number({ error: 'Please enter minutes as a number.' })
    .int({ error: 'Please enter whole minutes.' })
    .min(5, { error: 'A session lasts at least 5 minutes.' })
    .max(600, { error: 'A session lasts at most 10 hours.' }),
  /** Days without a session or note before Today lists a client as not heard from. */
  noContactDays: z
    .number({ error: 'Please enter a number of days.' })
    .int({ error: 'Please enter whole days.' })
    .min(1, { error: 'Use at least 1 day.' })
    .max(365, { error: 'Use at most 365 days.' }),
  paperSize: PaperSize,
  /** How the shared agenda text ends (version 2); empty for the usual sign-off. */
  signOff: SignOff,
  backup: BackupSettings,
  emailTemplates: EmailTemplates,
};

export const Settings = z.strictObject(settingsFields);
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = z.strictObject(settingsFields).partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = {
  coachName: '',
  businessName: '',
  contactLine: '',
  defaultSessionMinutes: 60,
  noContactDays: 21,
  paperSize: 'A4',
  signOff: '',
  backup: { keep: 14, automatic: true },
  emailTemplates: defaultEmailTemplates(),
};

export const QUESTION_GROUPS = [
  'getting-to-know-you',
  'work-history',
  'values-and-motivation',
  'working-together',
  'hard-conversations',
] as const;
export const QuestionGroup = z.enum(QUESTION_GROUPS);
export type QuestionGroup = z.infer<typeof QuestionGroup>;

/** A question the coach wrote themself; the starter set ships in code. */
export const CustomQuestion = z.strictObject({
  ...recordFields,
  text: ShortText.min(1, { error: 'Please write the question.' }),
  group: QuestionGroup,
});
export type CustomQuestion = z.infer<typeof CustomQuestion>;
