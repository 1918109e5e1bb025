import type { BilingualName } from '$lib/i18n/locale';

/** One pilot neighbourhood in figures, as `pilotDashboard` and `neighbourhoodDashboard` give it. */
export interface PilotFigures {
  neighbourhood: BilingualName & { id: string; slug: string };
  county: BilingualName & { id: string };
  assessments: number;
  closedAssessments: number;
  needs: number;
  plans: number;
  activePlans: number;
  tasksTotal: number;
  tasksDone: number;
  tasksOverdue: number;
  progress: number;
  budgetRials: string;
  pledgedRials: string;
  receivedRials: string;
  lastUpdateOn: string | null;
}
