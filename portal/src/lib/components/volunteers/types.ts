import type { HoursStatus$options, SignupStatus$options, VolunteerSkill$options } from '$houdini';

/** One day of hours logged on a sign-up. */
export interface HoursEntry {
  id: string;
  day: string;
  hours: number;
  status: HoursStatus$options;
}

export interface Signup {
  id: string;
  slotTitle: string;
  taskTitle: string;
  planId: string;
  volunteerName: string;
  status: SignupStatus$options;
  note: string | null;
  confirmedHours: number;
  hours: readonly HoursEntry[];
}

/** What everyone may read about a slot, and the viewer's own sign-up. */
export interface Slot {
  id: string;
  taskId: string;
  taskTitle: string;
  title: string;
  peopleNeeded: number;
  signedUp: number;
  confirmed: number;
  full: boolean;
  skills: readonly VolunteerSkill$options[];
  startsOn: string;
  endsOn: string;
  hoursEach: number;
  mySignup: Signup | null;
}

/** A sign-up as the plan's staff see it, with the volunteer's contacts. */
export interface StaffSignup extends Signup {
  contact: { email: string; phone: string | null } | null;
}

export interface StaffSlot extends Slot {
  signups: readonly StaffSignup[];
}
