import { describe, expect, it } from 'vitest';
import { projectAreas, type AreaCollection } from './projection';

const square = (id: string, lon: number, lat: number, size: number) => ({
  type: 'Feature' as const,
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
  },
  properties: { id, code: `BU${id}`, name: `Buurt ${id}`, kind: 'buurt', population: 100 },
});

describe('area map projection', () => {
  it('fits the areas to the width and keeps north up', () => {
    const map = projectAreas({ type: 'FeatureCollection', features: [square('1', 4.8, 52.3, 0.1), square('2', 4.9, 52.3, 0.1)] } as AreaCollection, 800, 0);
    expect(map.areas).toHaveLength(2);
    expect(map.areas[0].d.startsWith('M0.0 ')).toBe(true);
    // Two squares side by side: 0.2° wide, 0.1° high, and a degree of longitude is shorter by cos(52.35°).
    const k = Math.cos((52.35 * Math.PI) / 180);
    expect(map.height).toBe(Math.round((0.1 * 800) / (0.2 * k)));
    // The south-west corner of the first square is at the bottom of the map.
    const [, firstY] = /^M0\.0 ([\d.]+)L/.exec(map.areas[0].d)!;
    expect(Math.abs(Number(firstY) - map.height)).toBeLessThan(0.5);
  });

  it('draws every polygon of a MultiPolygon and skips features without geometry', () => {
    const multi = {
      type: 'Feature' as const,
      geometry: { type: 'MultiPolygon' as const, coordinates: [square('a', 4.8, 52.3, 0.1).geometry.coordinates, square('b', 5, 52.3, 0.1).geometry.coordinates] },
      properties: { id: 'm', code: null, name: 'Eilanden', kind: 'gebied', population: null },
    };
    const empty = { type: 'Feature' as const, geometry: null, properties: { id: 'e', code: null, name: 'Leeg', kind: 'gebied', population: null } };
    const map = projectAreas({ type: 'FeatureCollection', features: [multi, empty] } as AreaCollection);
    expect(map.areas).toHaveLength(1);
    expect(map.areas[0].d.match(/M/g)).toHaveLength(2);
  });

  it('returns an empty map when nothing has a boundary', () => {
    expect(projectAreas({ type: 'FeatureCollection', features: [] }).areas).toEqual([]);
  });
});
