import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { allowedContentTypes } from './documents.files.js';
import { DocumentsService } from './documents.service.js';
import { UploadLimitsType } from './documents.types.js';

@Resolver()
export class DocumentsResolver {
  @Query(() => UploadLimitsType, { description: 'Size and type limits of POST /files' })
  uploadLimits(@Ctx() ctx: Context): UploadLimitsType {
    return { maxBytes: ctx.config.uploadMaxBytes, contentTypes: [...allowedContentTypes] };
  }

  @Mutation(() => Boolean, { description: 'Deletes a document no submitted agreement or licence relies on' })
  async deleteDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const { change, storageKey } = await new DocumentsService(ctx.em, ctx.storage).delete(ctx.viewer, id);
    ctx.audit = change;
    ctx.afterCommit.push(() => void ctx.storage.remove(storageKey));
    return true;
  }
}
