import { describe, expect, it } from 'vitest';
import { checkGeometryShape, GeometryRefused } from './feature-geometry.js';

const reason = (value: unknown, max = 100) => {
  try {
    checkGeometryShape(value, max);
    return 'ok';
  } catch (error) {
    if (error instanceof GeometryRefused) return error.reason;
    throw error;
  }
};

describe('geometry shape check (before PostGIS)', () => {
  it('accepts points, lines and closed polygons and drops a third dimension', () => {
    expect(checkGeometryShape({ type: 'Point', coordinates: [52, 36, 10] }, 10)).toEqual({
      type: 'Point',
      coordinates: [52, 36],
    });
    expect(
      reason({
        type: 'LineString',
        coordinates: [
          [52, 36],
          [52.1, 36],
        ],
      }),
    ).toBe('ok');
    expect(
      reason({
        type: 'Polygon',
        coordinates: [
          [
            [52, 36],
            [52.1, 36],
            [52.1, 36.1],
            [52, 36],
          ],
        ],
      }),
    ).toBe('ok');
  });

  it('refuses malformed, out-of-range, too-short, unclosed and oversized input with its reason', () => {
    expect(reason(null)).toBe('MALFORMED_GEOJSON');
    expect(reason([52, 36])).toBe('MALFORMED_GEOJSON');
    expect(reason({ type: 'Point', coordinates: [NaN, 36] })).toBe('MALFORMED_GEOJSON');
    expect(reason({ type: 'Point', coordinates: [Infinity, 36] })).toBe('MALFORMED_GEOJSON');
    expect(reason({ type: 'Point', coordinates: ['52', 36] })).toBe('MALFORMED_GEOJSON');
    expect(reason({ type: 'Point', coordinates: [52] })).toBe('MALFORMED_GEOJSON');
    expect(reason({ type: 'MultiPoint', coordinates: [[52, 36]] })).toBe('UNSUPPORTED_GEOMETRY');
    expect(reason({ type: 'Point', coordinates: [181, 36] })).toBe('COORDINATES_OUT_OF_RANGE');
    expect(reason({ type: 'Point', coordinates: [52, -90.5] })).toBe('COORDINATES_OUT_OF_RANGE');
    expect(reason({ type: 'LineString', coordinates: [[52, 36]] })).toBe('TOO_FEW_POINTS');
    expect(
      reason({
        type: 'Polygon',
        coordinates: [
          [
            [52, 36],
            [52.1, 36],
            [52, 36],
          ],
        ],
      }),
    ).toBe('TOO_FEW_POINTS');
    expect(
      reason({
        type: 'Polygon',
        coordinates: [
          [
            [52, 36],
            [52.1, 36],
            [52.1, 36.1],
            [52, 36.1],
          ],
        ],
      }),
    ).toBe('RING_NOT_CLOSED');
    expect(reason({ type: 'Polygon', coordinates: [] })).toBe('MALFORMED_GEOJSON');
    const big = Array.from({ length: 101 }, (_, i) => [52 + i * 1e-5, 36]);
    expect(reason({ type: 'LineString', coordinates: big })).toBe('TOO_MANY_VERTICES');
  });

  it('counts vertices across all rings of a polygon', () => {
    const ring = (n: number) => {
      const r = Array.from({ length: n }, (_, i) => [52 + Math.cos(i) * 0.01, 36 + Math.sin(i) * 0.01]);
      return [...r, r[0]];
    };
    expect(reason({ type: 'Polygon', coordinates: [ring(50), ring(40)] })).toBe('ok');
    expect(reason({ type: 'Polygon', coordinates: [ring(50), ring(50)] })).toBe('TOO_MANY_VERTICES');
  });
});
