export { applyChanges } from './apply';
export { describeChange, type AgendaChange, type AgendaChangeKind } from './changes';
export { diffAgenda } from './diff';
export { exportAgendaText, type AgendaTextContext } from './export';
export { parseAgendaReply, type ParsedItem, type ParsedReply } from './parse';
export { timeBudget, type TimeBudget } from './time-budget';
