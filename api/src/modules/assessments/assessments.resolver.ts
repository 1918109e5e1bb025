import { Arg, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { closable } from '../mapping/mapping.live.js';
import {
  CreateAssessmentInput,
  DotInput,
  NamedParticipantInput,
  NeedInput,
  NeedScoreInput,
  UpdateAssessmentInput,
} from './assessments.inputs.js';
import { AssessmentsService, type AssessmentWrite } from './assessments.service.js';
import { NeedsAssessmentType } from './assessments.types.js';

const service = (ctx: Context) => new AssessmentsService(ctx.em);
export const assessmentTopic = (id: string) => `assessment:${id}`;

/** Records the write for the audit and tells live screens once it has committed. */
function done(ctx: Context, write: AssessmentWrite): NeedsAssessmentType {
  ctx.audit = write.change;
  ctx.afterCommit.push(() => ctx.changes.publish(assessmentTopic(write.assessmentId), write.assessmentId));
  return write.result;
}

@Resolver()
export class AssessmentsResolver {
  @Query(() => [NeedsAssessmentType], { description: "A neighbourhood's assessments the viewer may see, newest first" })
  needsAssessments(@Arg('neighbourhoodId', () => ID) neighbourhoodId: string, @Ctx() ctx: Context) {
    return service(ctx).list(ctx.viewer, neighbourhoodId);
  }

  @Query(() => NeedsAssessmentType, { nullable: true })
  needsAssessment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).byId(ctx.viewer, id);
  }

  @Query(() => String, { description: 'The ranked list as CSV, in the language of Accept-Language' })
  assessmentExport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).exportCsv(ctx.viewer, id, ctx.lang);
  }

  @Mutation(() => NeedsAssessmentType)
  async createNeedsAssessment(
    @Arg('input', () => CreateAssessmentInput) input: CreateAssessmentInput,
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).create(ctx.viewer, input));
  }

  @Mutation(() => NeedsAssessmentType)
  async updateNeedsAssessment(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAssessmentInput) input: UpdateAssessmentInput,
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).update(ctx.viewer, id, input));
  }

  @Mutation(() => NeedsAssessmentType, { description: 'Names a participant; only with their consent' })
  async addNamedParticipant(
    @Arg('assessmentId', () => ID) assessmentId: string,
    @Arg('input', () => NamedParticipantInput) input: NamedParticipantInput,
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).addNamedParticipant(ctx.viewer, assessmentId, input));
  }

  @Mutation(() => NeedsAssessmentType)
  async removeNamedParticipant(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return done(ctx, await service(ctx).removeNamedParticipant(ctx.viewer, id));
  }

  @Mutation(() => NeedsAssessmentType, { description: 'Joins the session with its six-digit code' })
  async joinNeedsAssessment(@Arg('code', () => String) code: string, @Ctx() ctx: Context) {
    return done(ctx, await service(ctx).join(ctx.viewer, code, ctx.loginThrottle, ctx.ip));
  }

  @Mutation(() => NeedsAssessmentType, {
    description: 'Staff add accepted needs; members propose needs the facilitator reviews',
  })
  async proposeNeed(
    @Arg('assessmentId', () => ID) assessmentId: string,
    @Arg('input', () => NeedInput) input: NeedInput,
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).proposeNeed(ctx.viewer, assessmentId, input));
  }

  @Mutation(() => NeedsAssessmentType)
  async updateNeed(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => NeedInput) input: NeedInput,
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).updateNeed(ctx.viewer, id, input));
  }

  @Mutation(() => NeedsAssessmentType, { description: 'Accepts or rejects a proposed need, before voting' })
  async reviewNeed(
    @Arg('id', () => ID) id: string,
    @Arg('accept', () => Boolean) accept: boolean,
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).reviewNeed(ctx.viewer, id, accept));
  }

  @Mutation(() => NeedsAssessmentType, { description: "Sets the group's scores (0-5) of one need in a matrix" })
  async scoreNeed(
    @Arg('needId', () => ID) needId: string,
    @Arg('scores', () => [NeedScoreInput]) scores: NeedScoreInput[],
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).scoreNeed(ctx.viewer, needId, scores));
  }

  @Mutation(() => NeedsAssessmentType)
  async openVoting(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return done(ctx, await service(ctx).openVoting(ctx.viewer, id));
  }

  @Mutation(() => NeedsAssessmentType, { description: 'Places your dots, once; ALREADY_VOTED the second time' })
  async castDots(
    @Arg('assessmentId', () => ID) assessmentId: string,
    @Arg('dots', () => [DotInput]) dots: DotInput[],
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).castDots(ctx.viewer, assessmentId, dots));
  }

  @Mutation(() => NeedsAssessmentType, { description: 'Freezes the ranking; no more votes or scores' })
  async closeVoting(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return done(ctx, await service(ctx).closeVoting(ctx.viewer, id));
  }

  @Subscription(() => NeedsAssessmentType, {
    description: 'The assessment as the viewer sees it, now and after every change (votes, needs, status)',
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      return assessmentStream(ctx, args.id as string);
    },
  })
  assessmentChanged(@Arg('id', () => ID) _id: string, @Root() assessment: NeedsAssessmentType) {
    return assessment;
  }
}

/**
 * Listens first, then sends the current state, then a fresh read after each change. Changes that
 * pile up while a read is running collapse into one read, so a burst of votes costs one query set.
 */
async function assessmentStream(ctx: Context, id: string): Promise<AsyncIterableIterator<NeedsAssessmentType>> {
  // A fresh fork per read: a long-lived identity map would hand back the first read's rows.
  const read = () => new AssessmentsService(ctx.em.fork()).byId(ctx.viewer, id);
  const listener = ctx.changes.listen(assessmentTopic(id));
  const first = await read();
  if (!first) {
    listener.close();
    throw notFound();
  }
  async function* stream(): AsyncGenerator<NeedsAssessmentType> {
    yield first!;
    for await (const _ of listener) {
      listener.drain();
      const next = await read();
      if (!next) return;
      yield next;
    }
  }
  return closable(stream(), () => listener.close());
}
