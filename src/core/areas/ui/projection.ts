/** GeoJSON as the areas API returns it (properties: id, code, name, kind, population). */
export type Position = number[];
export type Geometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] } | { type: string; coordinates?: unknown };

export interface AreaFeature {
  type: 'Feature';
  geometry: Geometry | null;
  properties: { id: string; code: string | null; name: string; kind: string; population: number | null };
}

export interface AreaCollection {
  type: 'FeatureCollection';
  features: AreaFeature[];
}

export interface ProjectedArea {
  id: string;
  code: string | null;
  name: string;
  population: number | null;
  /** SVG path data in viewBox units; rings closed with Z, holes drawn with the even-odd rule. */
  d: string;
}

export interface ProjectedMap {
  width: number;
  height: number;
  areas: ProjectedArea[];
}

function polygonsOf(geometry: Geometry | null): Position[][][] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates as Position[][]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Position[][][];
  return [];
}

/**
 * Equirectangular projection scaled by cos(latitude) at the map's centre, fitted to a viewBox
 * `width` wide (height follows the shape) with `padding` on every side. Good enough for the
 * extent of a municipality, where the Netherlands' curvature does not show.
 */
export function projectAreas(collection: AreaCollection, width = 800, padding = 8): ProjectedMap {
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const feature of collection.features) {
    for (const polygon of polygonsOf(feature.geometry)) {
      for (const ring of polygon) {
        for (const [lon, lat] of ring) {
          if (lon < minLon) minLon = lon;
          if (lon > maxLon) maxLon = lon;
          if (lat < minLat) minLat = lat;
          if (lat > maxLat) maxLat = lat;
        }
      }
    }
  }
  if (!Number.isFinite(minLon)) return { width, height: 0, areas: [] };
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const inner = width - 2 * padding;
  const scale = inner / spanX;
  const height = Math.round(spanY * scale + 2 * padding);
  const x = (lon: number) => (padding + (lon - minLon) * k * scale).toFixed(1);
  const y = (lat: number) => (padding + (maxLat - lat) * scale).toFixed(1);
  const areas: ProjectedArea[] = [];
  for (const feature of collection.features) {
    const parts: string[] = [];
    for (const polygon of polygonsOf(feature.geometry)) {
      for (const ring of polygon) {
        if (ring.length < 3) continue;
        parts.push(`M${ring.map(([lon, lat]) => `${x(lon)} ${y(lat)}`).join('L')}Z`);
      }
    }
    if (!parts.length) continue;
    const p = feature.properties;
    areas.push({ id: p.id, code: p.code, name: p.name, population: p.population ?? null, d: parts.join('') });
  }
  return { width, height, areas };
}
