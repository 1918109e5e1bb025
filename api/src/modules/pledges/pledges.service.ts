import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { isoDayOf, parseDay, todayInTehran } from '../../server/days.js';
import { parsePhone, parseRials } from '../../server/digits.js';
import { AppError, badInput, notFound, type FieldProblem } from '../../server/errors.js';
import { checkIdempotencyKey, createOnce, requestHash } from '../../server/idempotency.js';
import { User } from '../accounts/accounts.entity.js';
import type { AuditChange } from '../audit/audit.service.js';
import { isUuid } from '../geography/geography.service.js';
import { NotificationKind } from '../notifications/notifications.entity.js';
import { notify, staffOfNeighbourhood } from '../notifications/notifications.service.js';
import { ActionPlan, PlanStatus, ResourceKind, TaskResource } from '../plans/plans.entity.js';
import {
  DonorKind,
  DonorProfile,
  Pledge,
  PledgeInstalment,
  PledgeKind,
  PledgeStatus,
  Receipt,
} from './pledges.entity.js';
import type { DonorProfileInput, PledgeInput, ReceiptInput } from './pledges.inputs.js';
import { canReadLedger, canReceiveFor, canSeeDonorIdentity, canSeeDonorName } from './pledges.policy.js';
import type {
  DonorProfileType,
  OrganisationLedgerType,
  PlanSupportType,
  PledgeResultType,
  PledgeType,
  ReceiptResultType,
  ReceiptType,
} from './pledges.types.js';

const open = [PledgeStatus.PLEDGED, PledgeStatus.CONFIRMED, PledgeStatus.PARTLY_RECEIVED];

const nFacts = (plan: ActionPlan) => ({ id: plan.neighbourhood.id, countyId: plan.neighbourhood.county.id });

export class PledgesService {
  constructor(private readonly em: EntityManager) {}

  /** A pledge of cash or goods, once per idempotency key, to an active plan or one of its needs. */
  async create(viewer: Viewer | null, input: PledgeInput): Promise<{ result: PledgeResultType; change: AuditChange }> {
    if (!viewer) throw new AppError('UNAUTHENTICATED');
    checkIdempotencyKey(input.idempotencyKey);
    const hash = requestHash({ ...input, idempotencyKey: undefined });
    const { id, replayed } = await createOnce(
      this.em,
      Pledge,
      { pledger: viewer.userId, idempotencyKey: input.idempotencyKey },
      hash,
      async (tx) => {
        const draft = await this.checkPledge(tx, input);
        const pledge = tx.create(Pledge, {
          ...draft.values,
          pledger: tx.getReference(User, viewer.userId),
          idempotencyKey: input.idempotencyKey,
          requestHash: hash,
        });
        for (const i of draft.instalments) tx.create(PledgeInstalment, { ...i, pledge });
        await tx.flush();
        notify(tx, await staffOfNeighbourhood(tx, draft.plan.neighbourhood.id), {
          kind: NotificationKind.NEW_PLEDGE,
          subjectType: 'Pledge',
          subjectId: pledge.id,
          params: {
            plan: draft.plan.title,
            amount: pledge.amountRials ?? `${pledge.quantity} ${pledge.unit} ${pledge.item}`,
          },
        });
        await tx.flush();
        return pledge.id;
      },
    );
    const [pledge] = await this.present(viewer, [id]);
    return {
      result: { pledge: pledge!, replayed },
      change: {
        entityType: 'Pledge',
        entityId: id,
        before: null,
        after: replayed
          ? { replayed: true }
          : { kind: pledge!.kind, amountRials: pledge!.amountRials, quantity: pledge!.quantity },
      },
    };
  }

  async confirm(viewer: Viewer | null, id: string): Promise<{ result: PledgeType; change: AuditChange }> {
    const pledge = await this.forStaff(viewer, id);
    if (pledge.status !== PledgeStatus.PLEDGED) throw badInput([{ field: 'status', reason: 'ILLEGAL_TRANSITION' }]);
    pledge.status = PledgeStatus.CONFIRMED;
    notify(this.em, [pledge.pledger.id], {
      kind: NotificationKind.PLEDGE_CONFIRMED,
      subjectType: 'Pledge',
      subjectId: pledge.id,
      params: { plan: pledge.plan.title },
    });
    await this.em.flush();
    return this.written(viewer, pledge.id, { status: PledgeStatus.PLEDGED }, { status: pledge.status });
  }

  /** The donor withdraws, or staff call it off; not once anything has arrived. */
  async cancel(viewer: Viewer | null, id: string): Promise<{ result: PledgeType; change: AuditChange }> {
    const pledge = isUuid(id)
      ? await this.em.findOne(
          Pledge,
          { id },
          { populate: ['plan.neighbourhood'], lockMode: LockMode.PESSIMISTIC_WRITE },
        )
      : null;
    if (!pledge) throw notFound();
    const own = viewer?.userId === pledge.pledger.id;
    if (!own && !canReceiveFor(viewer, nFacts(pledge.plan))) throw notFound();
    if (![PledgeStatus.PLEDGED, PledgeStatus.CONFIRMED].includes(pledge.status)) {
      throw badInput([{ field: 'status', reason: 'ILLEGAL_TRANSITION' }]);
    }
    const before = { status: pledge.status };
    pledge.status = PledgeStatus.CANCELLED;
    const to = own ? await staffOfNeighbourhood(this.em, pledge.plan.neighbourhood.id) : [pledge.pledger.id];
    notify(this.em, to, {
      kind: NotificationKind.PLEDGE_CANCELLED,
      subjectType: 'Pledge',
      subjectId: pledge.id,
      params: { plan: pledge.plan.title },
    });
    await this.em.flush();
    return this.written(viewer, pledge.id, before, { status: pledge.status });
  }

  /**
   * What arrived, once per idempotency key. The pledge row is locked, so two receipts for one pledge
   * are added up one after the other and over-receiving is caught whatever the timing.
   */
  async receive(
    viewer: Viewer | null,
    input: ReceiptInput,
  ): Promise<{ result: ReceiptResultType; change: AuditChange }> {
    if (!viewer) throw new AppError('UNAUTHENTICATED');
    checkIdempotencyKey(input.idempotencyKey);
    const hash = requestHash({ ...input, idempotencyKey: undefined });
    const { id, replayed } = await createOnce(
      this.em,
      Receipt,
      { recordedBy: viewer.userId, idempotencyKey: input.idempotencyKey },
      hash,
      async (tx) => {
        const pledge = isUuid(input.pledgeId)
          ? await tx.findOne(
              Pledge,
              { id: input.pledgeId },
              { populate: ['plan.neighbourhood'], lockMode: LockMode.PESSIMISTIC_WRITE },
            )
          : null;
        if (!pledge || !canReceiveFor(viewer, nFacts(pledge.plan))) throw notFound();
        if (!open.includes(pledge.status)) throw badInput([{ field: 'pledgeId', reason: 'PLEDGE_NOT_OPEN' }]);
        const problems: FieldProblem[] = [];
        const receivedOn = parseDay(input.receivedOn);
        if (!receivedOn) problems.push({ field: 'receivedOn', reason: 'INVALID_DATE' });
        else if (receivedOn > todayInTehran()) problems.push({ field: 'receivedOn', reason: 'IN_THE_FUTURE' });
        const [sums] = await tx.execute<{ rials: string; quantity: string }[]>(
          `select coalesce(sum(amount_rials), 0)::text as rials, coalesce(sum(quantity), 0)::text as quantity
             from receipt where pledge_id = ?`,
          [pledge.id],
        );
        let amountRials: string | null = null;
        let quantity: number | null = null;
        let complete = false;
        if (pledge.kind === PledgeKind.CASH) {
          amountRials = input.amountRials ? parseRials(input.amountRials) : null;
          if (!amountRials || amountRials === '0') problems.push({ field: 'amountRials', reason: 'INVALID_AMOUNT' });
          else {
            const after = BigInt(sums!.rials) + BigInt(amountRials);
            if (after > BigInt(pledge.amountRials!) && !input.override) {
              problems.push({ field: 'amountRials', reason: 'OVER_RECEIVED' });
            }
            complete = after >= BigInt(pledge.amountRials!);
          }
        } else {
          quantity = input.quantity ?? null;
          if (!quantity || !Number.isInteger(quantity) || quantity < 1 || quantity > 1_000_000_000) {
            problems.push({ field: 'quantity', reason: 'OUT_OF_RANGE' });
          } else {
            const after = Number(sums!.quantity) + quantity;
            if (after > pledge.quantity! && !input.override)
              problems.push({ field: 'quantity', reason: 'OVER_RECEIVED' });
            complete = after >= pledge.quantity!;
          }
        }
        if (problems.length) throw badInput(problems);
        const receipt = tx.create(Receipt, {
          pledge,
          organisation: pledge.organisation,
          recordedBy: tx.getReference(User, viewer.userId),
          idempotencyKey: input.idempotencyKey,
          requestHash: hash,
          amountRials,
          quantity,
          receivedOn: receivedOn!,
          override: !!input.override,
          note: input.note?.trim() || null,
        });
        pledge.status = complete ? PledgeStatus.FULFILLED : PledgeStatus.PARTLY_RECEIVED;
        notify(tx, [pledge.pledger.id], {
          kind: NotificationKind.RECEIPT_RECORDED,
          subjectType: 'Pledge',
          subjectId: pledge.id,
          params: { plan: pledge.plan.title, amount: amountRials ?? `${quantity} ${pledge.unit ?? ''}`.trim() },
        });
        await tx.flush();
        return receipt.id;
      },
    );
    const receipt = await this.em.findOneOrFail(Receipt, { id }, { populate: ['recordedBy'] });
    const [pledge] = await this.present(viewer, [receipt.pledge.id]);
    return {
      result: { receipt: toReceipt(receipt), pledge: pledge!, replayed },
      change: {
        entityType: 'Receipt',
        entityId: id,
        before: null,
        after: replayed
          ? { replayed: true }
          : { pledge: receipt.pledge.id, amountRials: receipt.amountRials ?? null, quantity: receipt.quantity ?? null },
      },
    };
  }

  async saveProfile(
    viewer: Viewer | null,
    input: DonorProfileInput,
  ): Promise<{ result: boolean; change: AuditChange }> {
    if (!viewer) throw new AppError('UNAUTHENTICATED');
    const problems: FieldProblem[] = [];
    const parsed = parsePhone(input.phone);
    if (parsed === null) problems.push({ field: 'phone', reason: 'INVALID_PHONE' });
    const phone = parsed ?? null;
    const organisationName = input.organisationName?.trim() || null;
    if (input.kind === DonorKind.ORGANISATION && !organisationName) {
      problems.push({ field: 'organisationName', reason: 'REQUIRED' });
    }
    if (problems.length) throw badInput(problems);
    let profile = await this.em.findOne(DonorProfile, { user: viewer.userId });
    if (!profile)
      profile = this.em.create(DonorProfile, { user: this.em.getReference(User, viewer.userId), kind: input.kind });
    Object.assign(profile, { kind: input.kind, organisationName, phone });
    await this.em.flush();
    // Contacts stay out of the audit trail.
    return {
      result: true,
      change: { entityType: 'DonorProfile', entityId: profile.id, before: null, after: { kind: input.kind } },
    };
  }

  /** The viewer's own donor profile, to edit; nobody reads anyone else's here. */
  async profile(viewer: Viewer | null): Promise<DonorProfileType | null> {
    if (!viewer) return null;
    const p = await this.em.findOne(DonorProfile, { user: viewer.userId });
    return p ? { kind: p.kind, organisationName: p.organisationName ?? null, phone: p.phone ?? null } : null;
  }

  async mine(viewer: Viewer | null): Promise<PledgeType[]> {
    if (!viewer) return [];
    const rows = await this.em.find(
      Pledge,
      { pledger: viewer.userId },
      { fields: ['id'], orderBy: { createdAt: 'desc' }, limit: 200 },
    );
    return this.present(
      viewer,
      rows.map((r) => r.id),
    );
  }

  /** A plan's pledges: all of them for those who run or supervise it, one's own for everyone else. */
  async forPlan(viewer: Viewer | null, planId: string): Promise<PledgeType[]> {
    const plan = isUuid(planId)
      ? await this.em.findOne(ActionPlan, { id: planId }, { populate: ['neighbourhood'] })
      : null;
    if (!plan || !viewer) return [];
    const all = canSeeDonorIdentity(viewer, nFacts(plan));
    const rows = await this.em.find(Pledge, all ? { plan: plan.id } : { plan: plan.id, pledger: viewer.userId }, {
      fields: ['id'],
      orderBy: { createdAt: 'desc' },
      limit: 500,
    });
    return this.present(
      viewer,
      rows.map((r) => r.id),
    );
  }

  /** What an active plan needs and how far pledges and receipts have come; public. */
  async support(planIds: readonly string[]): Promise<PlanSupportType[]> {
    const ids = planIds.filter(isUuid);
    if (!ids.length) return [];
    const plans = await this.em.find(
      ActionPlan,
      { id: { $in: ids }, status: PlanStatus.ACTIVE },
      { populate: ['neighbourhood'] },
    );
    if (!plans.length) return [];
    const list = plans.map((p) => p.id).join(',');
    const [resources, totals] = await Promise.all([
      this.em.execute<
        {
          plan_id: string;
          resource_id: string;
          task_id: string;
          task_title: string;
          kind: ResourceKind;
          item: string | null;
          unit: string | null;
          needed: string;
          pledged: string;
          received: string;
        }[]
      >(
        `select t.plan_id, r.id as resource_id, t.id as task_id, t.title as task_title, r.kind, r.item, r.unit,
                coalesce(r.amount_rials::text, r.quantity::text, r.hours::text, '0') as needed,
                case when r.kind = 'VOLUNTEER_HOURS' then
                  -- Time is not pledged: it is the hours of people signed up, and the hours confirmed.
                  coalesce((select sum(s.hours_each) from slot_signup g join task_slot s on s.id = g.slot_id
                             where s.task_id = t.id and g.status in ('PENDING', 'CONFIRMED')), 0)::text
                else coalesce((select sum(coalesce(p.amount_rials, p.quantity)) from pledge p
                                where p.resource_id = r.id and p.status <> 'CANCELLED'), 0)::text end as pledged,
                case when r.kind = 'VOLUNTEER_HOURS' then
                  coalesce((select sum(h.hours) from hours_log h join slot_signup g on g.id = h.signup_id
                             join task_slot s on s.id = g.slot_id where s.task_id = t.id and h.status = 'CONFIRMED'), 0)::text
                else coalesce((select sum(coalesce(x.amount_rials, x.quantity)) from receipt x join pledge p on p.id = x.pledge_id
                                where p.resource_id = r.id), 0)::text end as received
           from task_resource r join plan_task t on t.id = r.task_id
          where t.plan_id = any(string_to_array(?, ',')::uuid[]) and t.status not in ('DONE', 'CANCELLED')
          order by t.position, r.position`,
        [list],
      ),
      this.em.execute<
        { plan_id: string; cash_needed: string; cash_pledged: string; donors: string; progress: string | null }[]
      >(
        `select pl.id as plan_id,
                -- The plan's progress as the plans module derives it: done counts 100, cancelled not at all.
                (select round(avg(case when t.status = 'DONE' then 100 else t.progress end))
                   from plan_task t where t.plan_id = pl.id and t.status <> 'CANCELLED')::text as progress,
                coalesce((select sum(r.amount_rials) from task_resource r join plan_task t on t.id = r.task_id
                           where t.plan_id = pl.id and t.status not in ('DONE', 'CANCELLED') and r.kind = 'CASH'), 0)::text as cash_needed,
                coalesce((select sum(p.amount_rials) from pledge p where p.plan_id = pl.id and p.status <> 'CANCELLED'), 0)::text as cash_pledged,
                (select count(distinct p.pledger_id) from pledge p where p.plan_id = pl.id and p.status <> 'CANCELLED')::text as donors
           from action_plan pl where pl.id = any(string_to_array(?, ',')::uuid[])`,
        [list],
      ),
    ]);
    return plans.map((p) => {
      const t = totals.find((x) => x.plan_id === p.id)!;
      const open = BigInt(t.cash_needed) - BigInt(t.cash_pledged);
      return {
        planId: p.id,
        title: p.title,
        goal: p.goal,
        neighbourhoodSlug: p.neighbourhood.slug,
        neighbourhoodNameFa: p.neighbourhood.nameFa,
        neighbourhoodNameEn: p.neighbourhood.nameEn,
        progress: Number(t.progress ?? 0),
        resources: resources
          .filter((r) => r.plan_id === p.id)
          .map((r) => ({
            resourceId: r.resource_id,
            taskId: r.task_id,
            taskTitle: r.task_title,
            kind: r.kind,
            item: r.item,
            unit: r.unit,
            needed: r.needed,
            pledged: r.pledged,
            received: r.received,
          })),
        cashOpenRials: (open > 0n ? open : 0n).toString(),
        donorCount: Number(t.donors),
      };
    });
  }

  /** Active plans of a neighbourhood (or all), for the "support a project" pages. */
  async supportProjects(neighbourhoodId: string | null): Promise<PlanSupportType[]> {
    const rows = await this.em.execute<{ id: string }[]>(
      `select id from action_plan where status = 'ACTIVE' ${neighbourhoodId && isUuid(neighbourhoodId) ? 'and neighbourhood_id = ?' : ''}
        order by created_at desc limit 100`,
      neighbourhoodId && isUuid(neighbourhoodId) ? [neighbourhoodId] : [],
    );
    return this.support(rows.map((r) => r.id));
  }

  async ledger(viewer: Viewer | null, organisationId: string): Promise<OrganisationLedgerType> {
    const org = isUuid(organisationId)
      ? await this.em.execute<{ id: string; county_id: string }[]>(
          'select id, county_id from organisation where id = ?',
          [organisationId],
        )
      : [];
    if (!org[0] || !canReadLedger(viewer, { id: org[0].id, countyId: org[0].county_id })) throw notFound();
    const receipts = await this.em.find(
      Receipt,
      { organisation: organisationId },
      {
        populate: ['recordedBy', 'pledge.plan.neighbourhood', 'pledge.task', 'pledge.pledger'],
        orderBy: { receivedOn: 'desc', createdAt: 'desc' },
      },
    );
    const profiles = await this.profiles(receipts.map((r) => r.pledge.pledger.id));
    const sum = (rs: Receipt[]) => rs.reduce((s, r) => s + BigInt(r.amountRials ?? 0), 0n).toString();
    const group = (key: (r: Receipt) => { id: string; title: string } | null) => {
      const groups = new Map<string, { id: string; title: string; rs: Receipt[] }>();
      for (const r of receipts) {
        const k = key(r);
        if (!k) continue;
        const g = groups.get(k.id) ?? { ...k, rs: [] };
        g.rs.push(r);
        groups.set(k.id, g);
      }
      return [...groups.values()].map((g) => ({ id: g.id, title: g.title, receivedRials: sum(g.rs) }));
    };
    return {
      organisationId,
      totals: { receivedRials: sum(receipts), receiptCount: receipts.length },
      byPlan: group((r) => ({ id: r.pledge.plan.id, title: r.pledge.plan.title })),
      byTask: group((r) => (r.pledge.task ? { id: r.pledge.task.id, title: r.pledge.task.title } : null)),
      lines: receipts.map((r) => ({
        receipt: toReceipt(r),
        planId: r.pledge.plan.id,
        planTitle: r.pledge.plan.title,
        taskId: r.pledge.task?.id ?? null,
        taskTitle: r.pledge.task?.title ?? null,
        kind: r.pledge.kind,
        item: r.pledge.item ?? null,
        unit: r.pledge.unit ?? null,
        donorName: canSeeDonorName(viewer, nFacts(r.pledge.plan), {
          anonymous: r.pledge.anonymous,
          pledgerId: r.pledge.pledger.id,
        })
          ? donorName(r.pledge.pledger, profiles.get(r.pledge.pledger.id))
          : null,
      })),
    };
  }

  // ---- helpers -------------------------------------------------------------

  private async checkPledge(tx: EntityManager, input: PledgeInput) {
    const problems: FieldProblem[] = [];
    const plan = isUuid(input.planId)
      ? await tx.findOne(ActionPlan, { id: input.planId }, { populate: ['neighbourhood', 'leadOrganisation'] })
      : null;
    if (!plan || plan.status === PlanStatus.DRAFT) throw notFound();
    if (plan.status !== PlanStatus.ACTIVE) problems.push({ field: 'planId', reason: 'PLAN_NOT_OPEN' });
    let resource: TaskResource | null = null;
    if (input.resourceId) {
      resource = isUuid(input.resourceId)
        ? await tx.findOne(TaskResource, { id: input.resourceId, task: { plan: plan.id } }, { populate: ['task'] })
        : null;
      if (!resource) problems.push({ field: 'resourceId', reason: 'UNKNOWN_RESOURCE' });
      else if (
        resource.kind === ResourceKind.VOLUNTEER_HOURS ||
        (resource.kind === ResourceKind.CASH) !== (input.kind === PledgeKind.CASH)
      ) {
        problems.push({ field: 'resourceId', reason: 'KIND_MISMATCH' });
      }
    }
    let amountRials: string | null = null;
    let quantity: number | null = null;
    let item: string | null = null;
    let unit: string | null = null;
    if (input.kind === PledgeKind.CASH) {
      amountRials = input.amountRials ? parseRials(input.amountRials) : null;
      if (!amountRials || amountRials === '0') problems.push({ field: 'amountRials', reason: 'INVALID_AMOUNT' });
    } else {
      item = input.item?.trim() || resource?.item || null;
      unit = input.unit?.trim() || null;
      quantity = input.quantity ?? null;
      if (!item) problems.push({ field: 'item', reason: 'REQUIRED' });
      if (!quantity || !Number.isInteger(quantity) || quantity < 1 || quantity > 1_000_000_000) {
        problems.push({ field: 'quantity', reason: 'OUT_OF_RANGE' });
      }
      if (!unit) problems.push({ field: 'unit', reason: 'UNIT_REQUIRED' });
    }
    let dueOn: string | null = null;
    if (input.dueOn?.trim()) {
      dueOn = parseDay(input.dueOn);
      if (!dueOn) problems.push({ field: 'dueOn', reason: 'INVALID_DATE' });
    }
    const instalments = (input.instalments ?? []).map((i, n) => {
      const day = parseDay(i.dueOn);
      if (!day) problems.push({ field: `instalments.${n}.dueOn`, reason: 'INVALID_DATE' });
      const rials = input.kind === PledgeKind.CASH ? (i.amountRials ? parseRials(i.amountRials) : null) : null;
      if (input.kind === PledgeKind.CASH && (!rials || rials === '0')) {
        problems.push({ field: `instalments.${n}.amountRials`, reason: 'INVALID_AMOUNT' });
      }
      const q = input.kind === PledgeKind.IN_KIND ? (i.quantity ?? null) : null;
      if (input.kind === PledgeKind.IN_KIND && (!q || !Number.isInteger(q) || q < 1)) {
        problems.push({ field: `instalments.${n}.quantity`, reason: 'OUT_OF_RANGE' });
      }
      return { dueOn: day ?? '', amountRials: rials, quantity: q };
    });
    if (instalments.length && !problems.length) {
      const adds =
        input.kind === PledgeKind.CASH
          ? instalments.reduce((s, i) => s + BigInt(i.amountRials!), 0n) === BigInt(amountRials!)
          : instalments.reduce((s, i) => s + i.quantity!, 0) === quantity;
      if (!adds) problems.push({ field: 'instalments', reason: 'INSTALMENTS_DONT_ADD_UP' });
    }
    if (problems.length) throw badInput(problems);
    return {
      plan: plan!,
      instalments,
      values: {
        plan: plan!,
        task: resource?.task ?? null,
        resource,
        organisation: plan!.leadOrganisation,
        kind: input.kind,
        amountRials,
        item,
        quantity,
        unit,
        anonymous: !!input.anonymous,
        // The last instalment is when it should all have arrived.
        dueOn: instalments.length
          ? instalments
              .map((i) => i.dueOn)
              .sort()
              .at(-1)!
          : dueOn,
        note: input.note?.trim() || null,
      },
    };
  }

  private async forStaff(viewer: Viewer | null, id: string): Promise<Pledge> {
    const pledge = isUuid(id)
      ? await this.em.findOne(
          Pledge,
          { id },
          { populate: ['plan.neighbourhood'], lockMode: LockMode.PESSIMISTIC_WRITE },
        )
      : null;
    if (!pledge || !canReceiveFor(viewer, nFacts(pledge.plan))) throw notFound();
    return pledge;
  }

  private async written(
    viewer: Viewer | null,
    id: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ) {
    const [result] = await this.present(viewer, [id]);
    return { result: result!, change: { entityType: 'Pledge', entityId: id, before, after } };
  }

  private async profiles(userIds: string[]): Promise<Map<string, DonorProfile>> {
    if (!userIds.length) return new Map();
    const rows = await this.em.find(DonorProfile, { user: { $in: [...new Set(userIds)] } });
    return new Map(rows.map((p) => [p.user.id, p]));
  }

  /** Pledges as this viewer may see them, in a fixed number of statements. */
  async present(viewer: Viewer | null, ids: readonly string[]): Promise<PledgeType[]> {
    if (!ids.length) return [];
    const [pledges, receipts, instalments] = await Promise.all([
      this.em.find(
        Pledge,
        { id: { $in: [...ids] } },
        { populate: ['plan.neighbourhood', 'task', 'pledger'], orderBy: { createdAt: 'desc' } },
      ),
      this.em.find(
        Receipt,
        { pledge: { $in: [...ids] } },
        { populate: ['recordedBy'], orderBy: { receivedOn: 'asc', createdAt: 'asc' } },
      ),
      this.em.find(PledgeInstalment, { pledge: { $in: [...ids] } }, { orderBy: { dueOn: 'asc' } }),
    ]);
    const profiles = await this.profiles(pledges.map((p) => p.pledger.id));
    const today = todayInTehran();
    return pledges.map((p) => {
      const n = nFacts(p.plan);
      const identity = canSeeDonorIdentity(viewer, n);
      const mine = viewer?.userId === p.pledger.id;
      const own = receipts.filter((r) => r.pledge.id === p.id);
      const rials = own.reduce((s, r) => s + BigInt(r.amountRials ?? 0), 0n);
      const qty = own.reduce((s, r) => s + (r.quantity ?? 0), 0);
      const stillOpen = open.includes(p.status);
      const parts = instalments
        .filter((i) => i.pledge.id === p.id)
        .map((i) => ({ dueOn: isoDayOf(i.dueOn)!, amountRials: i.amountRials ?? null, quantity: i.quantity ?? null }));
      // An instalment is overdue when, by its day, less than everything due up to it has arrived.
      let dueSoFar = 0n;
      const instalmentTypes = parts.map((i) => {
        dueSoFar += BigInt(i.amountRials ?? i.quantity ?? 0);
        const arrived = p.kind === PledgeKind.CASH ? rials : BigInt(qty);
        return {
          ...i,
          amountRials: i.amountRials === null ? null : String(i.amountRials),
          overdue: stillOpen && i.dueOn < today && arrived < dueSoFar,
        };
      });
      const due = isoDayOf(p.dueOn);
      return {
        id: p.id,
        planId: p.plan.id,
        planTitle: p.plan.title,
        taskId: p.task?.id ?? null,
        taskTitle: p.task?.title ?? null,
        resourceId: p.resource?.id ?? null,
        kind: p.kind,
        amountRials: p.amountRials === null || p.amountRials === undefined ? null : String(p.amountRials),
        item: p.item ?? null,
        quantity: p.quantity ?? null,
        unit: p.unit ?? null,
        dueOn: due,
        status: p.status,
        overdue: instalmentTypes.some((i) => i.overdue) || (stillOpen && !!due && due < today),
        anonymous: p.anonymous,
        donorName: canSeeDonorName(viewer, n, { anonymous: p.anonymous, pledgerId: p.pledger.id })
          ? donorName(p.pledger, profiles.get(p.pledger.id))
          : null,
        donorContact: identity ? { email: p.pledger.email, phone: profiles.get(p.pledger.id)?.phone ?? null } : null,
        receivedRials: rials.toString(),
        receivedQuantity: qty,
        instalments: instalmentTypes,
        receipts: identity || mine ? own.map(toReceipt) : [],
        mine,
        note: identity || mine ? (p.note ?? null) : null,
        createdAt: p.createdAt,
      };
    });
  }
}

function donorName(user: User, profile: DonorProfile | undefined): string {
  return profile?.kind === DonorKind.ORGANISATION && profile.organisationName
    ? profile.organisationName
    : user.displayName;
}

function toReceipt(r: Receipt): ReceiptType {
  return {
    id: r.id,
    pledgeId: r.pledge.id,
    amountRials: r.amountRials === null || r.amountRials === undefined ? null : String(r.amountRials),
    quantity: r.quantity ?? null,
    receivedOn: isoDayOf(r.receivedOn)!,
    recordedByName: r.recordedBy.displayName,
    override: r.override,
    note: r.note ?? null,
  };
}
