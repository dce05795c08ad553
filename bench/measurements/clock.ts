import type { WorkspaceOptions } from '../../electron/core/workspace';
import { PRACTICE_NOW } from '../generate/calendar';

/** Workspaces in the benchmark see the generated practice's "now". */
export const WORKSPACE_OPTIONS: WorkspaceOptions = { now: () => new Date(PRACTICE_NOW), appVersion: 'bench' };
