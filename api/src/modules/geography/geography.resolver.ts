import { Arg, Args, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { PageArgs } from '../../server/pagination.js';
import { CreateNeighbourhoodInput, UpdateNeighbourhoodInput } from './geography.inputs.js';
import { GeographyService } from './geography.service.js';
import { CountyType, NeighbourhoodConnection, NeighbourhoodType } from './geography.types.js';

@Resolver(() => NeighbourhoodType)
export class GeographyResolver {
  @Query(() => NeighbourhoodConnection, { description: 'Neighbourhoods in the programme, by slug' })
  neighbourhoods(@Args(() => PageArgs) { first, after }: PageArgs, @Ctx() ctx: Context) {
    return new GeographyService(ctx.em).list(first, after);
  }

  @Query(() => NeighbourhoodType, { nullable: true })
  neighbourhood(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context) {
    return new GeographyService(ctx.em).bySlug(slug);
  }

  @Query(() => [CountyType])
  counties(@Ctx() ctx: Context) {
    return new GeographyService(ctx.em).counties();
  }

  @Mutation(() => NeighbourhoodType, { description: 'Adds a neighbourhood (province admins)' })
  async createNeighbourhood(
    @Arg('input', () => CreateNeighbourhoodInput) input: CreateNeighbourhoodInput,
    @Ctx() ctx: Context,
  ) {
    const { result, change } = await new GeographyService(ctx.em).create(ctx.viewer, input);
    ctx.audit = change;
    return result;
  }

  @Mutation(() => NeighbourhoodType)
  async updateNeighbourhood(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateNeighbourhoodInput) input: UpdateNeighbourhoodInput,
    @Ctx() ctx: Context,
  ) {
    const { result, change } = await new GeographyService(ctx.em).update(ctx.viewer, id, input);
    ctx.audit = change;
    ctx.afterCommit.push(() => ctx.pubsub.publish('NEIGHBOURHOOD_UPDATED', result.id, { id: result.id }));
    return result;
  }

  @Subscription(() => NeighbourhoodType, {
    description: 'Fires when a neighbourhood is edited',
    subscribe: ({ args, context }) => (context as Context).pubsub.subscribe('NEIGHBOURHOOD_UPDATED', args.id as string),
  })
  async neighbourhoodUpdated(@Arg('id', () => ID) _id: string, @Root() payload: { id: string }, @Ctx() ctx: Context) {
    const n = await new GeographyService(ctx.em.fork()).byId(payload.id);
    return n;
  }
}
