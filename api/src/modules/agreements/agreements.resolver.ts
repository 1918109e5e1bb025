import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context.js';
import {
  AgreementsArgs,
  AgreementTransitionInput,
  CreateAgreementInput,
  UpdateAgreementDraftInput,
} from './agreements.inputs.js';
import { AgreementAction } from './agreements.machine.js';
import { AgreementsService } from './agreements.service.js';
import { BaseAgreementType } from './agreements.types.js';

const service = (ctx: Context) => new AgreementsService(ctx.em, ctx.config);

@Resolver(() => BaseAgreementType)
export class AgreementsResolver {
  @Query(() => [BaseAgreementType], { description: 'Agreements the viewer may see, newest year first' })
  agreements(@Args(() => AgreementsArgs) args: AgreementsArgs, @Ctx() ctx: Context) {
    return service(ctx).list(ctx.viewer, args);
  }

  @Query(() => BaseAgreementType, { nullable: true })
  agreement(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).byId(ctx.viewer, id);
  }

  @Mutation(() => BaseAgreementType, { description: 'Starts an application (a draft) for a Jalali year' })
  async createAgreement(@Arg('input', () => CreateAgreementInput) input: CreateAgreementInput, @Ctx() ctx: Context) {
    const { result, change } = await service(ctx).create(ctx.viewer, input);
    ctx.audit = change;
    return result;
  }

  @Mutation(() => BaseAgreementType)
  async updateAgreementDraft(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAgreementDraftInput) input: UpdateAgreementDraftInput,
    @Ctx() ctx: Context,
  ) {
    const { result, change } = await service(ctx).updateDraft(ctx.viewer, id, input);
    ctx.audit = change;
    return result;
  }

  @Mutation(() => BaseAgreementType, { description: 'Attaches an uploaded document of the organisation to a draft' })
  async attachAgreementDocument(
    @Arg('agreementId', () => ID) agreementId: string,
    @Arg('documentId', () => ID) documentId: string,
    @Ctx() ctx: Context,
  ) {
    const { result, change } = await service(ctx).setDocument(ctx.viewer, agreementId, documentId, true);
    ctx.audit = change;
    return result;
  }

  @Mutation(() => BaseAgreementType)
  async detachAgreementDocument(
    @Arg('agreementId', () => ID) agreementId: string,
    @Arg('documentId', () => ID) documentId: string,
    @Ctx() ctx: Context,
  ) {
    const { result, change } = await service(ctx).setDocument(ctx.viewer, agreementId, documentId, false);
    ctx.audit = change;
    return result;
  }

  @Mutation(() => BaseAgreementType, {
    description: 'Moves the agreement along its state machine; an illegal move is refused with ILLEGAL_TRANSITION',
  })
  async transitionAgreement(
    @Arg('id', () => ID) id: string,
    @Arg('action', () => AgreementAction) action: AgreementAction,
    @Arg('input', () => AgreementTransitionInput, { nullable: true }) input: AgreementTransitionInput | null,
    @Ctx() ctx: Context,
  ) {
    const { result, change } = await service(ctx).transition(ctx.viewer, id, action, input ?? {});
    ctx.audit = change;
    return result;
  }
}
