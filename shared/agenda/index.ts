export { applyChanges } from './apply';
export { beforeAfter, describeChange, type AgendaChange, type AgendaChangeKind } from './changes';
export { diffAgenda } from './diff';
export { exportAgendaText, firstName, sessionDateText, signOffLines, type AgendaTextContext } from './export';
export { parseAgendaReply, type ParseOptions, type ParsedComment, type ParsedItem, type ParsedReply } from './parse';
export { agendaRef, findReference, mismatch, referenceLine, type ReplyReference } from './reference';
export { timeBudget, type TimeBudget } from './time-budget';
