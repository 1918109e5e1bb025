import type { ReportState$options } from '$houdini';

import { m } from '$lib/paraglide/messages';

/** Seed 003's nine counts that staff enter, in the order of the paper form. */
export const STAFF_FIGURES = [
  { key: 'interviews', label: m.agr_fig_interviews },
  { key: 'homeVisits', label: m.agr_fig_home_visits },
  { key: 'individualEmployment', label: m.agr_fig_individual_employment },
  { key: 'groupEmployment', label: m.agr_fig_group_employment },
  { key: 'jobPlacements', label: m.agr_fig_job_placements },
  { key: 'helperGroupsFormed', label: m.agr_fig_helper_groups_formed },
  { key: 'groupSessions', label: m.agr_fig_group_sessions },
  { key: 'trainingsHeld', label: m.agr_fig_trainings_held },
  { key: 'clientsExited', label: m.agr_fig_clients_exited },
] as const;

/** What the platform counted for the quarter on its own. */
export const PLATFORM_FIGURES = [
  { key: 'assessmentsHeld', label: m.agr_fig_assessments_held },
  { key: 'featuresAdded', label: m.agr_fig_features_added },
  { key: 'featuresConfirmed', label: m.agr_fig_features_confirmed },
  { key: 'plansStarted', label: m.agr_fig_plans_started },
  { key: 'tasksDone', label: m.agr_fig_tasks_done },
  { key: 'volunteers', label: m.agr_fig_volunteers },
  { key: 'volunteerHours', label: m.agr_fig_volunteer_hours },
  { key: 'receipts', label: m.agr_fig_receipts },
  { key: 'receivedRials', label: m.agr_fig_received_rials },
] as const;

const reportStates: Record<ReportState$options, () => string> = {
  DRAFT: m.agr_report_state_draft,
  SUBMITTED: m.agr_report_state_submitted,
  RETURNED: m.agr_report_state_returned,
  ACCEPTED: m.agr_report_state_accepted,
};

export function reportStateLabel(state: string): string {
  return state in reportStates ? reportStates[state as ReportState$options]() : state;
}

const seasons: Record<number, () => string> = {
  1: m.agr_quarter_1,
  2: m.agr_quarter_2,
  3: m.agr_quarter_3,
  4: m.agr_quarter_4,
};

/** "بهار" / "Q1 (spring)"; the number itself for anything out of range. */
export function quarterName(quarter: number): string {
  return seasons[quarter]?.() ?? String(quarter);
}
