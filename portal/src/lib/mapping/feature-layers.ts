import type * as Leaflet from 'leaflet';
import Supercluster from 'supercluster';

import { asGeometry, type BBox, type FeatureGeometry } from './geometry';
import type { HarmCell, MapCluster, MapFeature, Presence } from './types';

/** Above this many points in view they are grouped in the browser (the server caps the total). */
const CLIENT_CLUSTER_MIN = 200;
const HARM_COLOUR = '#a4161a';
const FALLBACK_COLOUR = '#4d5751';

/** Everything one drawing of the map depends on. */
export interface MapScene {
  features: readonly MapFeature[];
  clusters: readonly MapCluster[];
  harmCells: readonly HarmCell[];
  bbox: BBox | null;
  selectedId: string | null;
  /** Kept as it is on the map while geoman reshapes it. */
  editingId: string | null;
  presence: readonly Presence[];
  colourOf(categoryId: string): string | undefined;
}

const toLatLng = ([lon, lat]: [number, number]): [number, number] => [lat, lon];

export function boundsOf(box: readonly number[]): Leaflet.LatLngBoundsLiteral {
  return [
    [box[1]!, box[0]!],
    [box[3]!, box[2]!],
  ];
}

/**
 * The features, clusters and harm cells on a Leaflet map. Redraws only what changed, so a feature
 * being reshaped, and the rest, stay put while events arrive.
 */
export class FeatureLayers {
  readonly #leaflet: typeof Leaflet;
  readonly #map: Leaflet.Map;
  readonly #features: Leaflet.LayerGroup;
  readonly #overlays: Leaflet.LayerGroup;
  readonly #drawn = new Map<string, { layer: Leaflet.Path; key: string }>();
  readonly #large: boolean;
  readonly #onSelect: (id: string) => void;
  readonly #formatCount: (count: number) => string;
  #scene: MapScene | null = null;

  constructor(
    leaflet: typeof Leaflet,
    map: Leaflet.Map,
    options: { large: boolean; onSelect: (id: string) => void; formatCount: (count: number) => string },
  ) {
    this.#leaflet = leaflet;
    this.#map = map;
    this.#overlays = leaflet.layerGroup([], { pmIgnore: true }).addTo(map);
    this.#features = leaflet.layerGroup().addTo(map);
    this.#large = options.large;
    this.#onSelect = options.onSelect;
    this.#formatCount = options.formatCount;
  }

  /** The layer drawn for a feature, for geoman to reshape. */
  layerOf(id: string): Leaflet.Path | undefined {
    return this.#drawn.get(id)?.layer;
  }

  /** Redraws a feature from the data after geoman has changed its layer in place. */
  restore(id: string): void {
    this.#forget(id);
    if (this.#scene) this.draw({ ...this.#scene, editingId: null });
  }

  draw(scene: MapScene): void {
    this.#scene = scene;
    const outlines = new Map(
      scene.presence.flatMap((other) => (other.selectedFeatureId ? [[other.selectedFeatureId, other.colour]] : [])),
    );
    this.#overlays.clearLayers();
    const shown = this.#clusterPoints(scene);

    const keep = new Set(shown.map((feature) => feature.id));
    for (const [id] of this.#drawn) {
      if (!keep.has(id) && id !== scene.editingId) this.#forget(id);
    }
    for (const feature of shown) {
      const geometry = asGeometry(feature.geometry);
      if (!geometry) continue;
      const outline = outlines.get(feature.id) ?? null;
      const selected = scene.selectedId === feature.id;
      const colour = scene.colourOf(feature.category.id) ?? FALLBACK_COLOUR;
      const key = [feature.version, feature.status, feature.updatedAt, selected, outline, colour].join('|');
      const existing = this.#drawn.get(feature.id);
      if (existing && (existing.key === key || feature.id === scene.editingId)) continue;
      if (existing) this.#features.removeLayer(existing.layer);
      const layer = this.#featureLayer(feature, geometry, { colour, outline, selected });
      this.#features.addLayer(layer);
      // Tests and styles find a feature's shape by its id.
      layer.getElement()?.setAttribute('data-feature-id', feature.id);
      this.#drawn.set(feature.id, { layer, key });
    }
    if (scene.selectedId) this.#drawn.get(scene.selectedId)?.layer.bringToFront();

    for (const cluster of scene.clusters) {
      const marker = this.#countMarker(cluster.lat, cluster.lon, cluster.count, 'map-cluster');
      marker.on('click', () => this.#map.fitBounds(boundsOf(cluster.bbox)));
      this.#overlays.addLayer(marker);
    }
    for (const cell of scene.harmCells) {
      const bounds = boundsOf(cell.bbox);
      this.#overlays.addLayer(
        this.#leaflet.rectangle(bounds, {
          className: 'harm-cell',
          color: HARM_COLOUR,
          weight: 1,
          fillColor: HARM_COLOUR,
          fillOpacity: Math.min(0.55, 0.15 + cell.count / 40),
          interactive: false,
        }),
      );
      const centre = this.#leaflet.latLngBounds(bounds).getCenter();
      this.#overlays.addLayer(this.#countMarker(centre.lat, centre.lng, cell.count, 'harm-cell-count'));
    }
  }

  #forget(id: string): void {
    const drawn = this.#drawn.get(id);
    if (drawn) this.#features.removeLayer(drawn.layer);
    this.#drawn.delete(id);
  }

  /** Groups points in the browser when there are many; returns the features to draw one by one. */
  #clusterPoints(scene: MapScene): readonly MapFeature[] {
    const points = scene.features.filter((feature) => asGeometry(feature.geometry)?.type === 'Point');
    if (points.length <= CLIENT_CLUSTER_MIN || !scene.bbox) return scene.features;
    const index = new Supercluster<{ id: string }>({ radius: 60, maxZoom: 17 }).load(
      points.map((feature) => ({
        type: 'Feature' as const,
        properties: { id: feature.id },
        geometry: asGeometry(feature.geometry) as { type: 'Point'; coordinates: [number, number] },
      })),
    );
    const items = index.getClusters(scene.bbox, Math.round(this.#map.getZoom()));
    const singles = new Set(
      items.flatMap((item) => ('cluster' in item.properties ? [] : [(item.properties as { id: string }).id])),
    );
    for (const item of items) {
      if (!('cluster' in item.properties)) continue;
      const [lon, lat] = item.geometry.coordinates as [number, number];
      const marker = this.#countMarker(lat, lon, item.properties.point_count, 'map-cluster');
      const zoom = index.getClusterExpansionZoom(item.properties.cluster_id);
      marker.on('click', () => this.#map.setView([lat, lon], zoom));
      this.#overlays.addLayer(marker);
    }
    return scene.features.filter(
      (feature) => asGeometry(feature.geometry)?.type !== 'Point' || singles.has(feature.id),
    );
  }

  #featureLayer(
    feature: MapFeature,
    geometry: FeatureGeometry,
    look: { colour: string; outline: string | null; selected: boolean },
  ): Leaflet.Path {
    const L = this.#leaflet;
    const style: Leaflet.PathOptions = {
      color: look.selected ? '#1f2421' : (look.outline ?? look.colour),
      weight: look.selected ? 5 : look.outline ? 4 : 3,
      fillColor: look.colour,
      fillOpacity: 0.35,
      // Proposals are dashed until a moderator confirms them.
      dashArray: feature.status === 'PROPOSED' ? '6 4' : undefined,
      className: 'map-feature',
    };
    let layer: Leaflet.Path;
    if (geometry.type === 'Point') {
      layer = L.circleMarker(toLatLng(geometry.coordinates), {
        ...style,
        radius: this.#large ? 14 : 9,
        fillOpacity: 0.85,
      });
    } else if (geometry.type === 'LineString') {
      layer = L.polyline(geometry.coordinates.map(toLatLng), { ...style, weight: (style.weight ?? 3) + 1 });
    } else {
      layer = L.polygon(
        geometry.coordinates.map((ring) => ring.map(toLatLng)),
        style,
      );
    }
    layer.bindTooltip(feature.title, { direction: 'top' });
    layer.on('click', (event) => {
      L.DomEvent.stopPropagation(event);
      this.#onSelect(feature.id);
    });
    return layer;
  }

  #countMarker(lat: number, lon: number, count: number, className: string): Leaflet.Marker {
    const size = (this.#large ? 44 : 34) + Math.min(24, Math.log10(Math.max(count, 1)) * 8);
    return this.#leaflet.marker([lat, lon], {
      icon: this.#leaflet.divIcon({
        className,
        html: `<span>${this.#formatCount(count)}</span>`,
        iconSize: [size, size],
      }),
      keyboard: false,
      pmIgnore: true,
    });
  }
}
