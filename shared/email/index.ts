export {
  CLIPBOARD_HINT,
  MAX_MAILTO_LENGTH,
  composeEmail,
  encodeMailtoValue,
  mailtoUrl,
  type ComposedEmail,
  type EmailMessage,
} from './mailto';
export { emailMessage, placeholderValues, type MessageContext } from './message';
export { GOAL_MET_LABELS, buildRecap, recapHeadings, recapText, type Recap, type RecapInput } from './recap';
export {
  DEFAULT_EMAIL_WORDING,
  EMAIL_KIND_LABELS,
  PLACEHOLDERS,
  PLACEHOLDER_NAMES,
  effectiveWording,
  emailTemplateIssues,
  fillTemplate,
  placeholderProblem,
  type Placeholder,
  type PlaceholderValues,
} from './templates';
