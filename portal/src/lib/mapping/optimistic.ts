import type { MapOperation } from './offline-queue.svelte';
import type { MapCategory, MapFeature } from './types';

interface Context {
  neighbourhoodId: string;
  authorName: string | null;
  /** Moderators' additions are confirmed at once; everyone else's are proposals. */
  moderator: boolean;
  category(id: string): MapCategory | undefined;
}

/**
 * The feature as it will be once a queued create, update or status change reaches the server, so
 * the viewer sees their own offline edits. Null when there is nothing to show.
 */
export function optimisticFeature(
  operation: Exclude<MapOperation, { type: 'delete' }>,
  existing: MapFeature | undefined,
  context: Context,
): MapFeature | null {
  const now = new Date().toISOString();
  if (operation.type === 'create') {
    const { input } = operation;
    const category = context.category(String(input.categoryId));
    if (!category || !input.id) return null;
    return {
      id: String(input.id),
      neighbourhoodId: context.neighbourhoodId,
      kind: category.kind,
      category: { id: category.id },
      geometry: input.geometry,
      title: input.title,
      description: input.description ?? null,
      severity: input.severity ?? null,
      capacity: input.capacity ?? null,
      source: input.source,
      status: context.moderator ? 'CONFIRMED' : 'PROPOSED',
      authorName: context.authorName,
      mine: true,
      version: 0,
      createdAt: now,
      updatedAt: now,
    };
  }
  if (!existing) return null;
  if (operation.type === 'status') return { ...existing, status: operation.status, updatedAt: now };
  const { categoryId, geometry, title, source, description, severity, capacity } = operation.input;
  return {
    ...existing,
    category: categoryId ? { id: String(categoryId) } : existing.category,
    geometry: geometry ?? existing.geometry,
    title: title ?? existing.title,
    source: source ?? existing.source,
    description: description === undefined ? existing.description : description,
    severity: severity === undefined ? existing.severity : severity,
    capacity: capacity === undefined ? existing.capacity : capacity,
    updatedAt: now,
  };
}
