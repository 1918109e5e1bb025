import type { Lang } from '../../server/errors.js';
import { NeedCategory } from './assessments.entity.js';

/** Category names for exports made on the server; the portal has the same in its catalogue. */
export const needCategoryLabels: Record<NeedCategory, Record<Lang, string>> = {
  [NeedCategory.ADDICTION]: { fa: 'اعتیاد و مصرف مواد', en: 'Addiction and substance use' },
  [NeedCategory.FAMILY_CONFLICT]: { fa: 'تعارض خانوادگی و طلاق', en: 'Family conflict and divorce' },
  [NeedCategory.DOMESTIC_VIOLENCE]: { fa: 'کودک‌آزاری و همسرآزاری', en: 'Child and spouse abuse' },
  [NeedCategory.CHILD_PROTECTION]: {
    fa: 'کودکان بدسرپرست، بی‌سرپرست و طلاق',
    en: 'Children without fit guardians or of divorce',
  },
  [NeedCategory.STREET_WORKING_CHILDREN]: { fa: 'کودکان کار و خیابان', en: 'Street and working children' },
  [NeedCategory.SCHOOL_DROPOUT]: { fa: 'بازماندگی از تحصیل', en: 'School drop-out' },
  [NeedCategory.EARLY_CHILDHOOD]: { fa: 'کودکان زیر ۶ سال', en: 'Children under six' },
  [NeedCategory.WOMEN_AT_RISK]: { fa: 'زنان و دختران در معرض آسیب', en: 'Women and girls at risk' },
  [NeedCategory.MENTAL_HEALTH_SUICIDE]: {
    fa: 'سلامت روان و پیشگیری از خودکشی',
    en: 'Mental health and suicide prevention',
  },
  [NeedCategory.RUNAWAY_YOUTH]: { fa: 'دختران و پسران فراری', en: 'Runaway girls and boys' },
  [NeedCategory.LIFE_SKILLS]: { fa: 'مهارت‌های زندگی', en: 'Life skills' },
  [NeedCategory.DISABILITY_SCREENING]: {
    fa: 'پیشگیری از معلولیت و غربالگری',
    en: 'Disability prevention and screening',
  },
  [NeedCategory.LIVELIHOOD]: { fa: 'اشتغال و معیشت', en: 'Jobs and livelihood' },
  [NeedCategory.UNSAFE_SPACES]: { fa: 'فضاهای ناامن محله', en: 'Unsafe places in the neighbourhood' },
  [NeedCategory.SOCIAL_COHESION]: { fa: 'همبستگی و مشارکت اجتماعی', en: 'Social cohesion and participation' },
  [NeedCategory.OTHER]: { fa: 'سایر', en: 'Other' },
};

/** The four criteria users know from the matrix method, with equal-ish default weights. */
export const defaultCriteria = [
  { key: 'severity', label: null, weight: '3' },
  { key: 'prevalence', label: null, weight: '2' },
  { key: 'urgency', label: null, weight: '2' },
  { key: 'feasibility', label: null, weight: '1' },
];

export const criterionLabels: Record<string, Record<Lang, string>> = {
  severity: { fa: 'شدت', en: 'Severity' },
  prevalence: { fa: 'شیوع', en: 'Prevalence' },
  urgency: { fa: 'فوریت', en: 'Urgency' },
  feasibility: { fa: 'توان و امکان اقدام محلی', en: 'Community capacity and feasibility' },
};
