import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { isoDayOf, parseDay, todayInTehran } from '../../server/days.js';
import { parsePhone } from '../../server/digits.js';
import { AppError, badInput, notFound, type FieldProblem } from '../../server/errors.js';
import { User } from '../accounts/accounts.entity.js';
import type { AuditChange } from '../audit/audit.service.js';
import { Neighbourhood } from '../geography/geography.entity.js';
import { isUuid } from '../geography/geography.service.js';
import { NotificationKind } from '../notifications/notifications.entity.js';
import { notify, staffOfNeighbourhood } from '../notifications/notifications.service.js';
import { PlanStatus, PlanTask, TaskStatus } from '../plans/plans.entity.js';
import {
  HoursLog,
  HoursStatus,
  SignupStatus,
  SlotSignup,
  TaskSlot,
  VolunteerProfile,
  type VolunteerSkill,
} from './volunteers.entity.js';
import type { TaskSlotInput, VolunteerProfileInput } from './volunteers.inputs.js';
import { canCoordinate } from './volunteers.policy.js';
import type { SlotSignupType, TaskSlotType, VolunteerHistoryType, VolunteerProfileType } from './volunteers.types.js';

const active = [SignupStatus.PENDING, SignupStatus.CONFIRMED];

type Write<T> = { result: T; change: AuditChange };

const taskFacts = (t: PlanTask) => ({ id: t.plan.neighbourhood.id, countyId: t.plan.neighbourhood.county.id });

export class VolunteersService {
  constructor(private readonly em: EntityManager) {}

  async profile(viewer: Viewer | null): Promise<VolunteerProfileType | null> {
    if (!viewer) return null;
    const p = await this.em.findOne(VolunteerProfile, { user: viewer.userId }, { populate: ['neighbourhoods'] });
    return p ? presentProfile(p) : null;
  }

  async saveProfile(viewer: Viewer | null, input: VolunteerProfileInput): Promise<Write<VolunteerProfileType>> {
    if (!viewer) throw new AppError('UNAUTHENTICATED');
    const problems: FieldProblem[] = [];
    const parsed = parsePhone(input.phone);
    if (parsed === null) problems.push({ field: 'phone', reason: 'INVALID_PHONE' });
    const phone = parsed ?? null;
    const ids = [...new Set(input.neighbourhoodIds)];
    const neighbourhoods = ids.every(isUuid) ? await this.em.find(Neighbourhood, { id: { $in: ids } }) : [];
    if (neighbourhoods.length !== ids.length)
      problems.push({ field: 'neighbourhoodIds', reason: 'UNKNOWN_NEIGHBOURHOOD' });
    if (problems.length) throw badInput(problems);
    const p: VolunteerProfile =
      (await this.em.findOne(VolunteerProfile, { user: viewer.userId }, { populate: ['neighbourhoods'] })) ??
      this.em.create(VolunteerProfile, { user: this.em.getReference(User, viewer.userId), skills: [], languages: [] });
    Object.assign(p, {
      skills: [...new Set(input.skills)],
      skillsNote: input.skillsNote?.trim() || null,
      availability: input.availability?.trim() || null,
      languages: [...new Set(input.languages.map((l) => l.trim()).filter(Boolean))],
      phone,
    });
    p.neighbourhoods.set(neighbourhoods);
    await this.em.flush();
    // The audit row leaves the phone out.
    return {
      result: presentProfile(p),
      change: {
        entityType: 'VolunteerProfile',
        entityId: p.id,
        before: null,
        after: { skills: p.skills, neighbourhoods: ids },
      },
    };
  }

  async addSlot(viewer: Viewer | null, taskId: string, input: TaskSlotInput): Promise<Write<TaskSlotType>> {
    const task = await this.task(taskId);
    if (!canCoordinate(viewer, taskFacts(task))) throw notFound();
    const problems: FieldProblem[] = [];
    const startsOn = parseDay(input.startsOn);
    const endsOn = parseDay(input.endsOn);
    if (!startsOn) problems.push({ field: 'startsOn', reason: 'INVALID_DATE' });
    if (!endsOn) problems.push({ field: 'endsOn', reason: 'INVALID_DATE' });
    if (startsOn && endsOn && endsOn < startsOn) problems.push({ field: 'endsOn', reason: 'DATE_ORDER' });
    if (!Number.isInteger(input.peopleNeeded) || input.peopleNeeded < 1 || input.peopleNeeded > 1000) {
      problems.push({ field: 'peopleNeeded', reason: 'OUT_OF_RANGE' });
    }
    if (!Number.isInteger(input.hoursEach) || input.hoursEach < 1 || input.hoursEach > 1000) {
      problems.push({ field: 'hoursEach', reason: 'OUT_OF_RANGE' });
    }
    if (!input.title.trim()) problems.push({ field: 'title', reason: 'REQUIRED' });
    if (problems.length) throw badInput(problems);
    const slot = this.em.create(TaskSlot, {
      task,
      title: input.title.trim(),
      peopleNeeded: input.peopleNeeded,
      skills: [...new Set(input.skills ?? [])],
      startsOn: startsOn!,
      endsOn: endsOn!,
      hoursEach: input.hoursEach,
    });
    await this.em.flush();
    const [result] = await this.slots(viewer, { ids: [slot.id] });
    return {
      result: result!,
      change: {
        entityType: 'TaskSlot',
        entityId: slot.id,
        before: null,
        after: { task: task.id, peopleNeeded: input.peopleNeeded },
      },
    };
  }

  /**
   * Signs the viewer up. The slot row is locked, so when two people race for the last place one
   * gets it and the other is told the slot is full.
   */
  async signUp(viewer: Viewer | null, slotId: string, note: string | null): Promise<Write<TaskSlotType>> {
    if (!viewer) throw new AppError('UNAUTHENTICATED');
    const slot = isUuid(slotId)
      ? await this.em.findOne(
          TaskSlot,
          { id: slotId },
          { populate: ['task.plan.neighbourhood'], lockMode: LockMode.PESSIMISTIC_WRITE },
        )
      : null;
    if (!slot || slot.task.plan.status === PlanStatus.DRAFT) throw notFound();
    if (
      slot.task.plan.status !== PlanStatus.ACTIVE ||
      [TaskStatus.DONE, TaskStatus.CANCELLED].includes(slot.task.status) ||
      isoDayOf(slot.endsOn)! < todayInTehran()
    ) {
      throw badInput([{ field: 'slotId', reason: 'SLOT_CLOSED' }]);
    }
    const mine = await this.em.findOne(SlotSignup, { slot: slot.id, volunteer: viewer.userId });
    if (mine && active.includes(mine.status)) throw badInput([{ field: 'slotId', reason: 'ALREADY_SIGNED_UP' }]);
    // Staff's "no" stands for this slot; only someone who withdrew may come back.
    if (mine?.status === SignupStatus.DECLINED) throw badInput([{ field: 'slotId', reason: 'SIGNUP_DECLINED' }]);
    const taken = await this.em.count(SlotSignup, { slot: slot.id, status: { $in: active } });
    if (taken >= slot.peopleNeeded) throw badInput([{ field: 'slotId', reason: 'SLOT_FULL' }]);
    const signup = mine ?? this.em.create(SlotSignup, { slot, volunteer: this.em.getReference(User, viewer.userId) });
    signup.status = SignupStatus.PENDING;
    signup.note = note?.trim().slice(0, 1000) || null;
    notify(this.em, await staffOfNeighbourhood(this.em, slot.task.plan.neighbourhood.id), {
      kind: NotificationKind.NEW_SIGNUP,
      subjectType: 'TaskSlot',
      subjectId: slot.id,
      params: { slot: slot.title, task: slot.task.title },
    });
    try {
      await this.em.flush();
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException)
        throw badInput([{ field: 'slotId', reason: 'ALREADY_SIGNED_UP' }]);
      throw e;
    }
    const [result] = await this.slots(viewer, { ids: [slot.id] });
    return {
      result: result!,
      change: {
        entityType: 'SlotSignup',
        entityId: signup.id,
        before: null,
        after: { slot: slot.id, status: signup.status },
      },
    };
  }

  async cancelSignup(viewer: Viewer | null, id: string): Promise<Write<TaskSlotType>> {
    const signup = await this.signup(id);
    if (signup.volunteer.id !== viewer?.userId) throw notFound();
    if (!active.includes(signup.status)) throw badInput([{ field: 'status', reason: 'ILLEGAL_TRANSITION' }]);
    const before = { status: signup.status };
    signup.status = SignupStatus.CANCELLED;
    await this.em.flush();
    const [result] = await this.slots(viewer, { ids: [signup.slot.id] });
    return {
      result: result!,
      change: { entityType: 'SlotSignup', entityId: id, before, after: { status: signup.status } },
    };
  }

  async reviewSignup(viewer: Viewer | null, id: string, accept: boolean): Promise<Write<TaskSlotType>> {
    const signup = await this.signup(id);
    if (!canCoordinate(viewer, taskFacts(signup.slot.task))) throw notFound();
    if (signup.status !== SignupStatus.PENDING) throw badInput([{ field: 'status', reason: 'ILLEGAL_TRANSITION' }]);
    const before = { status: signup.status };
    signup.status = accept ? SignupStatus.CONFIRMED : SignupStatus.DECLINED;
    notify(this.em, [signup.volunteer.id], {
      kind: accept ? NotificationKind.SIGNUP_CONFIRMED : NotificationKind.SIGNUP_DECLINED,
      subjectType: 'TaskSlot',
      subjectId: signup.slot.id,
      params: { slot: signup.slot.title, task: signup.slot.task.title },
    });
    await this.em.flush();
    const [result] = await this.slots(viewer, { ids: [signup.slot.id] });
    return {
      result: result!,
      change: { entityType: 'SlotSignup', entityId: id, before, after: { status: signup.status } },
    };
  }

  /** The volunteer logs the hours of one day on a confirmed sign-up; staff confirm them. */
  async logHours(
    viewer: Viewer | null,
    signupId: string,
    dayRaw: string,
    hours: number,
  ): Promise<Write<VolunteerHistoryType>> {
    const signup = await this.signup(signupId);
    if (signup.volunteer.id !== viewer?.userId) throw notFound();
    const problems: FieldProblem[] = [];
    if (signup.status !== SignupStatus.CONFIRMED) problems.push({ field: 'signupId', reason: 'NOT_CONFIRMED' });
    const day = parseDay(dayRaw);
    if (!day) problems.push({ field: 'day', reason: 'INVALID_DATE' });
    else if (day > todayInTehran()) problems.push({ field: 'day', reason: 'IN_THE_FUTURE' });
    else if (day < isoDayOf(signup.slot.startsOn)! || day > isoDayOf(signup.slot.endsOn)!) {
      problems.push({ field: 'day', reason: 'OUTSIDE_SLOT_DAYS' });
    }
    if (!Number.isInteger(hours) || hours < 1 || hours > 24) problems.push({ field: 'hours', reason: 'OUT_OF_RANGE' });
    if (problems.length) throw badInput(problems);
    const log = this.em.create(HoursLog, { signup, day: day!, hours });
    await this.em.flush();
    return {
      result: await this.history(viewer),
      change: { entityType: 'HoursLog', entityId: log.id, before: null, after: { day, hours } },
    };
  }

  async reviewHours(viewer: Viewer | null, id: string, accept: boolean): Promise<Write<TaskSlotType>> {
    const log = isUuid(id)
      ? await this.em.findOne(HoursLog, { id }, { populate: ['signup.slot.task.plan.neighbourhood'] })
      : null;
    if (!log || !canCoordinate(viewer, taskFacts(log.signup.slot.task))) throw notFound();
    if (log.status !== HoursStatus.LOGGED) throw badInput([{ field: 'status', reason: 'ILLEGAL_TRANSITION' }]);
    log.status = accept ? HoursStatus.CONFIRMED : HoursStatus.REJECTED;
    log.reviewedBy = this.em.getReference(User, viewer!.userId);
    if (accept) {
      notify(this.em, [log.signup.volunteer.id], {
        kind: NotificationKind.HOURS_CONFIRMED,
        subjectType: 'TaskSlot',
        subjectId: log.signup.slot.id,
        params: { hours: String(log.hours), task: log.signup.slot.task.title },
      });
    }
    await this.em.flush();
    const [result] = await this.slots(viewer, { ids: [log.signup.slot.id] });
    return {
      result: result!,
      change: {
        entityType: 'HoursLog',
        entityId: id,
        before: { status: HoursStatus.LOGGED },
        after: { status: log.status },
      },
    };
  }

  async history(viewer: Viewer | null): Promise<VolunteerHistoryType> {
    if (!viewer) return { signups: [], confirmedHours: 0 };
    const signups = await this.em.find(
      SlotSignup,
      { volunteer: viewer.userId },
      { populate: ['slot.task.plan.neighbourhood', 'volunteer'], orderBy: { createdAt: 'desc' } },
    );
    const logs = signups.length
      ? await this.em.find(HoursLog, { signup: { $in: signups.map((s) => s.id) } }, { orderBy: { day: 'desc' } })
      : [];
    const list = signups.map((s) => presentSignup(s, logs, viewer, false));
    return { signups: list, confirmedHours: list.reduce((sum, s) => sum + s.confirmedHours, 0) };
  }

  /** Slots of a plan (or by id); who is coming only for those who coordinate. */
  async slots(viewer: Viewer | null, where: { planId?: string; ids?: string[] }): Promise<TaskSlotType[]> {
    const filter = where.ids
      ? { id: { $in: where.ids.filter(isUuid) } }
      : isUuid(where.planId ?? '')
        ? { task: { plan: where.planId } }
        : null;
    if (!filter) return [];
    const slots = (
      await this.em.find(TaskSlot, filter, {
        populate: ['task.plan.neighbourhood'],
        orderBy: { startsOn: 'asc', id: 'asc' },
      })
    ).filter((s) => s.task.plan.status !== PlanStatus.DRAFT || canCoordinate(viewer, taskFacts(s.task)));
    if (!slots.length) return [];
    const signups = await this.em.find(
      SlotSignup,
      { slot: { $in: slots.map((s) => s.id) } },
      { populate: ['volunteer'], orderBy: { createdAt: 'asc' } },
    );
    const [logs, profiles] = await Promise.all([
      signups.length
        ? this.em.find(HoursLog, { signup: { $in: signups.map((s) => s.id) } }, { orderBy: { day: 'desc' } })
        : Promise.resolve([]),
      signups.length
        ? this.em.find(VolunteerProfile, { user: { $in: signups.map((s) => s.volunteer.id) } })
        : Promise.resolve([]),
    ]);
    const phones = new Map(profiles.map((p) => [p.user.id, p.phone ?? null]));
    return slots.map((slot) => {
      const coordinator = canCoordinate(viewer, taskFacts(slot.task));
      const own = signups.filter((s) => s.slot.id === slot.id);
      const live = own.filter((s) => active.includes(s.status));
      const mine = own.find((s) => s.volunteer.id === viewer?.userId);
      return {
        id: slot.id,
        taskId: slot.task.id,
        taskTitle: slot.task.title,
        title: slot.title,
        peopleNeeded: slot.peopleNeeded,
        skills: slot.skills as VolunteerSkill[],
        startsOn: isoDayOf(slot.startsOn)!,
        endsOn: isoDayOf(slot.endsOn)!,
        hoursEach: slot.hoursEach,
        signedUp: live.length,
        confirmed: own.filter((s) => s.status === SignupStatus.CONFIRMED).length,
        full: live.length >= slot.peopleNeeded,
        mySignup: mine ? presentSignup(mine, logs, viewer, false) : null,
        signups: coordinator
          ? own.map((s) => presentSignup(s, logs, viewer, true, phones.get(s.volunteer.id) ?? null))
          : [],
      };
    });
  }

  private async task(id: string): Promise<PlanTask> {
    const task = isUuid(id) ? await this.em.findOne(PlanTask, { id }, { populate: ['plan.neighbourhood'] }) : null;
    if (!task) throw notFound();
    return task;
  }

  private async signup(id: string): Promise<SlotSignup> {
    const s = isUuid(id)
      ? await this.em.findOne(
          SlotSignup,
          { id },
          { populate: ['slot.task.plan.neighbourhood', 'volunteer'], lockMode: LockMode.PESSIMISTIC_WRITE },
        )
      : null;
    if (!s) throw notFound();
    return s;
  }
}

function presentProfile(p: VolunteerProfile): VolunteerProfileType {
  return {
    skills: p.skills,
    skillsNote: p.skillsNote ?? null,
    neighbourhoodIds: p.neighbourhoods.getItems().map((n) => n.id),
    availability: p.availability ?? null,
    languages: p.languages,
    phone: p.phone ?? null,
  };
}

function presentSignup(
  s: SlotSignup,
  logs: HoursLog[],
  viewer: Viewer | null,
  withContact: boolean,
  phone: string | null = null,
): SlotSignupType {
  const hours = logs.filter((l) => l.signup.id === s.id);
  return {
    id: s.id,
    slotId: s.slot.id,
    slotTitle: s.slot.title,
    taskId: s.slot.task.id,
    taskTitle: s.slot.task.title,
    planId: s.slot.task.plan.id,
    volunteerName: s.volunteer.displayName,
    contact: withContact ? { email: s.volunteer.email, phone } : null,
    status: s.status,
    note: s.note ?? null,
    hours: hours.map((h) => ({ id: h.id, day: isoDayOf(h.day)!, hours: h.hours, status: h.status })),
    confirmedHours: hours.filter((h) => h.status === HoursStatus.CONFIRMED).reduce((sum, h) => sum + h.hours, 0),
    mine: s.volunteer.id === viewer?.userId,
  };
}
