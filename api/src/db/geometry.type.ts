import { Type, type EntityProperty, type Platform } from '@mikro-orm/core';

/** A GeoJSON geometry object as stored in PostGIS and exchanged with clients. */
export interface GeoJsonGeometry {
  type: string;
  coordinates?: unknown;
  geometries?: GeoJsonGeometry[];
}

/**
 * Maps a PostGIS geometry column to GeoJSON. The conversion runs in SQL (ST_GeomFromGeoJSON /
 * ST_AsGeoJSON) so PostGIS stays the single judge of what a valid geometry is.
 */
export function geometryType(subtype: string, srid = 4326) {
  return class GeometryType extends Type<GeoJsonGeometry | null, string | null> {
    override convertToDatabaseValue(value: GeoJsonGeometry | string | null): string | null {
      if (value === null || value === undefined) return null;
      return typeof value === 'string' ? value : JSON.stringify(value);
    }

    override convertToJSValue(value: GeoJsonGeometry | string | null): GeoJsonGeometry | null {
      if (value === null || value === undefined) return null;
      return typeof value === 'string' ? (JSON.parse(value) as GeoJsonGeometry) : value;
    }

    override convertToDatabaseValueSQL(key: string): string {
      return `ST_SetSRID(ST_GeomFromGeoJSON(${key}), ${srid})`;
    }

    override convertToJSValueSQL(key: string): string {
      return `ST_AsGeoJSON(${key}, 7)`;
    }

    override compareAsType(): string {
      return 'string';
    }

    /** GeoJSON objects in JS, so assigning one passes the ORM's runtime type check. */
    override get runtimeType(): string {
      return 'any';
    }

    override getColumnType(_prop: EntityProperty, _platform: Platform): string {
      return `geometry(${subtype},${srid})`;
    }
  };
}

export const MultiPolygonType = geometryType('MultiPolygon');
export const AnyGeometryType = geometryType('Geometry');
