/**
 * Plane geometry on GeoJSON (multi)polygons in WGS84 lon/lat, enough to place a point in an
 * area without PostGIS. At the scale of a municipality the earth is flat enough: a point on a
 * boundary may fall either way, which does not matter for choosing a neighbourhood.
 */

type Ring = [number, number][];
type Polygon = Ring[];

/** The polygons of a geometry (a Polygon is one, a MultiPolygon many); anything else has none. */
export function polygonsOf(geometry: unknown): Polygon[] {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || !Array.isArray(g.coordinates)) return [];
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return (polygons as unknown[]).filter(Array.isArray).map((p) => (p as unknown[]).filter(Array.isArray).map((ring) => (ring as unknown[]).filter(isPosition) as Ring));
}
const isPosition = (p: unknown): p is [number, number] => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number';

/** Whether the point lies in the ring (ray casting). */
function inRing(ring: Ring, lon: number, lat: number) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether the point lies inside one of the polygons: inside its outer ring and in none of its holes. */
export function containsPoint(polygons: readonly Polygon[], lon: number, lat: number) {
  return polygons.some(([outer, ...holes]) => !!outer && inRing(outer, lon, lat) && !holes.some((h) => inRing(h, lon, lat)));
}

/** The bounding box [minLon, minLat, maxLon, maxLat] of the polygons' outer rings. */
export function boundingBox(polygons: readonly Polygon[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [outer] of polygons)
    for (const [lon, lat] of outer ?? []) {
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    }
  return box;
}

/** The surface in square degrees (shoelace, holes subtracted): only for comparing areas that lie close together. */
export function planarSurface(polygons: readonly Polygon[]) {
  const ring = (r: Ring) => {
    let sum = 0;
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) sum += (r[j][0] + r[i][0]) * (r[j][1] - r[i][1]);
    return Math.abs(sum) / 2;
  };
  return polygons.reduce((total, [outer, ...holes]) => total + (outer ? ring(outer) : 0) - holes.reduce((n, h) => n + ring(h), 0), 0);
}
