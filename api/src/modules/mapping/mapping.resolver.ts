import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, Float, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { MapFeatureKind, MapFeatureStatus } from './mapping.entity.js';
import { CreateMapCategoryInput, CreateMapFeatureInput, UpdateMapFeatureInput } from './mapping.inputs.js';
import { commitMapWrite, type PresenceEntry } from './mapping.live.js';
import { MappingService } from './mapping.service.js';
import { MapSubscriptions, presentDelivery, type MapDelivery } from './mapping.subscriptions.js';
import {
  MapAccessType,
  MapCategoryType,
  MapEventGqlType,
  MapExportFormat,
  MapExportType,
  MapFeatureType,
  MapImportReportType,
  MapLegendEntryType,
  MapPresenceType,
  MapViewType,
} from './mapping.types.js';

const service = (ctx: Context) => new MappingService(ctx.em, ctx.config.map, ctx.mapLive);
// A subscription outlives the request that opened it, so it works on its own fork.
const subscriptions = (ctx: Context) => new MapSubscriptions(ctx.em.fork(), ctx.config.map, ctx.mapLive);

@Resolver()
export class MappingResolver {
  @Query(() => [MapCategoryType], { description: 'The catalogue of assets and harms that can be mapped' })
  mapCategories(
    @Arg('kind', () => MapFeatureKind, { nullable: true }) kind: MapFeatureKind | null,
    @Ctx() ctx: Context,
  ) {
    return service(ctx).categories(kind);
  }

  @Query(() => MapAccessType)
  mapAccess(@Arg('neighbourhoodId', () => ID) neighbourhoodId: string, @Ctx() ctx: Context) {
    return service(ctx).accessInfo(ctx.viewer, neighbourhoodId);
  }

  @Query(() => MapViewType, {
    description: 'Features in a box as the viewer may see them, clustered when there are more than maxItems',
  })
  mapView(
    @Arg('neighbourhoodId', () => ID) neighbourhoodId: string,
    @Arg('bbox', () => [Float], { nullable: true, description: '[minLon, minLat, maxLon, maxLat]' })
    bbox: number[] | null,
    @Arg('zoom', () => Int, { nullable: true }) zoom: number | null,
    @Arg('kinds', () => [MapFeatureKind], { nullable: true }) kinds: MapFeatureKind[] | null,
    @Arg('categoryIds', () => [ID], { nullable: true }) categoryIds: string[] | null,
    @Arg('statuses', () => [MapFeatureStatus], { nullable: true }) statuses: MapFeatureStatus[] | null,
    @Ctx() ctx: Context,
  ) {
    return service(ctx).view(ctx.viewer, neighbourhoodId, { bbox, zoom, kinds, categoryIds, statuses });
  }

  @Query(() => [MapLegendEntryType], { description: 'Counts by category for the legend; harms under k suppressed' })
  mapLegend(
    @Arg('neighbourhoodId', () => ID) neighbourhoodId: string,
    @Arg('statuses', () => [MapFeatureStatus], { nullable: true }) statuses: MapFeatureStatus[] | null,
    @Ctx() ctx: Context,
  ) {
    return service(ctx).legend(ctx.viewer, neighbourhoodId, statuses);
  }

  @Query(() => MapFeatureType, { nullable: true })
  mapFeature(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).feature(ctx.viewer, id);
  }

  @Query(() => MapExportType, { description: 'What the viewer may see, as GeoJSON or CSV' })
  mapExport(
    @Arg('neighbourhoodId', () => ID) neighbourhoodId: string,
    @Arg('format', () => MapExportFormat) format: MapExportFormat,
    @Ctx() ctx: Context,
  ) {
    return service(ctx).export(ctx.viewer, neighbourhoodId, format);
  }

  @Mutation(() => MapFeatureType, {
    description: 'Moderators add confirmed features; workshop participants add proposals',
  })
  async createMapFeature(@Arg('input', () => CreateMapFeatureInput) input: CreateMapFeatureInput, @Ctx() ctx: Context) {
    return commitMapWrite(ctx, await service(ctx).create(ctx.viewer, input));
  }

  @Mutation(() => MapFeatureType, { description: 'CONFLICT (with extensions.current) when the version is stale' })
  async updateMapFeature(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMapFeatureInput) input: UpdateMapFeatureInput,
    @Ctx() ctx: Context,
  ) {
    return commitMapWrite(ctx, await service(ctx).update(ctx.viewer, id, input));
  }

  @Mutation(() => ID)
  async deleteMapFeature(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: Context,
  ) {
    return commitMapWrite(ctx, await service(ctx).remove(ctx.viewer, id, version));
  }

  @Mutation(() => MapFeatureType, { description: 'Confirm, reject (ARCHIVED) or restore a feature' })
  async setMapFeatureStatus(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('status', () => MapFeatureStatus) status: MapFeatureStatus,
    @Ctx() ctx: Context,
  ) {
    return commitMapWrite(ctx, await service(ctx).setStatus(ctx.viewer, id, version, status));
  }

  @Mutation(() => MapCategoryType)
  async createMapCategory(
    @Arg('input', () => CreateMapCategoryInput) input: CreateMapCategoryInput,
    @Ctx() ctx: Context,
  ) {
    const category = commitMapWrite(ctx, await service(ctx).createCategory(ctx.viewer, input));
    ctx.afterCommit.push(() => ctx.mapLive.invalidateCategories());
    return category;
  }

  @Mutation(() => MapImportReportType, {
    description: 'Stores the valid features of a FeatureCollection, lists the rest',
  })
  async importMapFeatures(
    @Arg('neighbourhoodId', () => ID) neighbourhoodId: string,
    @Arg('geojson', () => GraphQLJSON) geojson: unknown,
    @Ctx() ctx: Context,
  ) {
    return commitMapWrite(ctx, await service(ctx).import(ctx.viewer, neighbourhoodId, geojson));
  }

  @Mutation(() => Boolean, { description: 'Tells the others what you selected; false when you are not on the map' })
  setMapPresence(
    @Arg('neighbourhoodId', () => ID) neighbourhoodId: string,
    @Arg('clientId', () => String) clientId: string,
    @Arg('selectedFeatureId', () => ID, { nullable: true }) selectedFeatureId: string | null,
    @Ctx() ctx: Context,
  ) {
    return subscriptions(ctx).setPresence(ctx.viewer, neighbourhoodId, clientId, selectedFeatureId);
  }

  @Subscription(() => MapEventGqlType, {
    description: 'Changes to a neighbourhood map; replays after afterSeq first. RESYNC: refetch the map',
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      return subscriptions(ctx).events(ctx.viewer, args.neighbourhoodId as string, args.afterSeq as number | null);
    },
  })
  mapEvents(
    @Arg('neighbourhoodId', () => ID) _neighbourhoodId: string,
    @Arg('afterSeq', () => Int, { nullable: true }) _afterSeq: number | null,
    @Root() delivery: MapDelivery,
    @Ctx() ctx: Context,
  ) {
    return ctx.mapLive.categories(ctx.em).then((categories) => presentDelivery(delivery, categories));
  }

  @Subscription(() => [MapPresenceType], {
    description: 'Everyone editing this map and what each has selected; being subscribed is being present',
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      return subscriptions(ctx).presence(ctx.viewer, args.neighbourhoodId as string, args.clientId as string);
    },
  })
  mapPresence(
    @Arg('neighbourhoodId', () => ID) _neighbourhoodId: string,
    @Arg('clientId', () => String) _clientId: string,
    @Root() entries: PresenceEntry[],
  ): MapPresenceType[] {
    return entries;
  }
}
