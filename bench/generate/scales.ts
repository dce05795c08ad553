export const SCALES = ['ten-year', 'small', 'one-client'] as const;
export type Scale = (typeof SCALES)[number];

export interface PracticeCounts {
  clients: number;
  sessions: number;
  goals: number;
  steps: number;
  commitments: number;
  assessments: number;
}

/**
 * The ten-year practice of issue 9; a small one for fast tests; and one client shaped like
 * an average client of the ten-year practice (30 sessions, 4 goals, 20 commitments…).
 */
export const SCALE_COUNTS: Record<Scale, PracticeCounts> = {
  'ten-year': { clients: 400, sessions: 12_000, goals: 1_600, steps: 8_000, commitments: 8_000, assessments: 4_000 },
  small: { clients: 10, sessions: 300, goals: 40, steps: 200, commitments: 200, assessments: 100 },
  'one-client': { clients: 1, sessions: 30, goals: 4, steps: 20, commitments: 20, assessments: 10 },
};

/** What one client is given; the generator fills in the rest. */
export interface ClientPlan {
  index: number;
  sessions: number;
  stepsPerGoal: number[];
  commitments: number;
  assessments: number;
  /** Still seeing the coach, with sessions planned after "now". */
  active: boolean;
}
