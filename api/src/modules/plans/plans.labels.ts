import type { Lang } from '../../server/errors.js';
import { PlanStatus, ResourceKind, TaskStatus } from './plans.entity.js';

/** Labels for exports made on the server; the portal has the same in its catalogue. */
export const taskStatusLabels: Record<TaskStatus, Record<Lang, string>> = {
  [TaskStatus.PLANNED]: { fa: 'برنامه‌ریزی‌شده', en: 'Planned' },
  [TaskStatus.IN_PROGRESS]: { fa: 'در حال انجام', en: 'In progress' },
  [TaskStatus.DONE]: { fa: 'انجام‌شده', en: 'Done' },
  [TaskStatus.BLOCKED]: { fa: 'متوقف', en: 'Blocked' },
  [TaskStatus.CANCELLED]: { fa: 'لغوشده', en: 'Cancelled' },
};

export const planStatusLabels: Record<PlanStatus, Record<Lang, string>> = {
  [PlanStatus.DRAFT]: { fa: 'پیش‌نویس', en: 'Draft' },
  [PlanStatus.ACTIVE]: { fa: 'در حال اجرا', en: 'Active' },
  [PlanStatus.COMPLETED]: { fa: 'پایان‌یافته', en: 'Completed' },
  [PlanStatus.CANCELLED]: { fa: 'لغوشده', en: 'Cancelled' },
};

export const resourceKindLabels: Record<ResourceKind, Record<Lang, string>> = {
  [ResourceKind.CASH]: { fa: 'نقدی (ریال)', en: 'Cash (rials)' },
  [ResourceKind.IN_KIND]: { fa: 'غیرنقدی', en: 'In kind' },
  [ResourceKind.VOLUNTEER_HOURS]: { fa: 'ساعت داوطلبانه', en: 'Volunteer hours' },
};
