import type { PlanStatus$options, ResourceKind$options, TaskStatus$options } from '$houdini';

import { m } from '$lib/paraglide/messages';

// Objects keep their key order, so these also fix the order of the choices in the forms.
export const planStatusLabels: Record<PlanStatus$options, () => string> = {
  DRAFT: m.plan_status_draft,
  ACTIVE: m.plan_status_active,
  COMPLETED: m.plan_status_completed,
  CANCELLED: m.plan_status_cancelled,
};

export const PLAN_STATUSES = Object.keys(planStatusLabels) as PlanStatus$options[];

/** A new plan starts as a draft (kept internal) or active (public). */
export const NEW_PLAN_STATUSES: readonly PlanStatus$options[] = ['ACTIVE', 'DRAFT'];

export const taskStatusLabels: Record<TaskStatus$options, () => string> = {
  PLANNED: m.plan_task_status_planned,
  IN_PROGRESS: m.plan_task_status_in_progress,
  BLOCKED: m.plan_task_status_blocked,
  DONE: m.plan_task_status_done,
  CANCELLED: m.plan_task_status_cancelled,
};

export const TASK_STATUSES = Object.keys(taskStatusLabels) as TaskStatus$options[];

export const resourceKindLabels: Record<ResourceKind$options, () => string> = {
  CASH: m.plan_resource_cash,
  IN_KIND: m.plan_resource_in_kind,
  VOLUNTEER_HOURS: m.plan_resource_volunteer_hours,
};

export const RESOURCE_KINDS = Object.keys(resourceKindLabels) as ResourceKind$options[];
