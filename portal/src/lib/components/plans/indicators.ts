import type { CreateActionPlan$input } from '$houdini';

type IndicatorInput = NonNullable<CreateActionPlan$input['input']['indicators']>[number];

/** One indicator row of the plan form, as typed. */
export interface IndicatorRow {
  key: number;
  name: string;
  target: string;
}

/** Rows with a name, as the API takes them; empty rows are left out. */
export function indicatorInputs(rows: readonly IndicatorRow[]): IndicatorInput[] {
  return rows
    .filter((row) => row.name.trim())
    .map((row) => ({ name: row.name.trim(), target: row.target.trim() || null }));
}
