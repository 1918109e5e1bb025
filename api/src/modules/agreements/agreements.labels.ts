/** Seed 001 section 4: what a social-health base commits to, attached to every approved agreement. */
export const commitments: readonly { number: number; textFa: string; textEn: string }[] = [
  {
    number: 1,
    textFa: 'نیازسنجی و اولویت‌بندی مسائل و مشکلات اجتماعی در سطح محله با مشارکت مطلعان محلی',
    textEn: "Needs assessment and prioritisation of the neighbourhood's social problems with local informants",
  },
  { number: 2, textFa: 'شناسایی دارایی‌ها و ظرفیت‌های محلی', textEn: 'Identifying local assets and capacities' },
  {
    number: 3,
    textFa: 'ترسیم نقشهٔ آسیب‌های اجتماعی در سطح محله',
    textEn: "Drawing the neighbourhood's social-harm map",
  },
  {
    number: 4,
    textFa: 'تحلیل و برنامه‌ریزی مشارکتی با همراهی ذی‌نفعان',
    textEn: 'Participatory analysis and planning with stakeholders',
  },
  {
    number: 5,
    textFa: 'اجرای اقدامات جمعی و مشارکتی برای ارتقای سلامت اجتماعی و پیشگیری از آسیب‌ها',
    textEn: 'Collective, participatory actions for social health and harm prevention',
  },
  {
    number: 6,
    textFa: 'حمایت‌یابی و برقراری ارتباط با نهادهای محلی',
    textEn: 'Advocacy and resource mobilisation, and liaison with local institutions',
  },
];

export const agreementStateLabels: Record<string, { fa: string; en: string }> = {
  DRAFT: { fa: 'پیش‌نویس درخواست', en: 'Draft application' },
  SUBMITTED: { fa: 'ارسال‌شده', en: 'Submitted' },
  UNDER_REVIEW: { fa: 'در بررسی شهرستان', en: 'Under county review' },
  APPROVED: { fa: 'تأییدشده و امضاشده', en: 'Approved and signed' },
  ACTIVE: { fa: 'فعال', en: 'Active' },
  YEAR_END_REVIEW: { fa: 'بررسی پایان سال', en: 'Year-end review' },
  RENEWED: { fa: 'تمدیدشده', en: 'Renewed' },
  NOT_RENEWED: { fa: 'تمدیدنشده', en: 'Not renewed' },
  TERMINATED: { fa: 'خاتمهٔ پیش از موعد', en: 'Terminated early' },
};
