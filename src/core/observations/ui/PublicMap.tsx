import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { api } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { DataTable, Heading, Link, LoadError, Loading, Paragraph } from '../../../web/ui';
import type { AreaCollection, Geometry, Position } from '../../areas/ui/projection';
import { pm } from './public-messages';
import { publicApi, publicKeys, type PublicAreas, type PublicObservation } from './PublicParts';

/**
 * The public map: the workspace's wijken or buurten drawn as SVG from its own GeoJSON route
 * (no tiles, no external requests), shaded by the number of public reports, with the number
 * on each area and a dot for each report with an exact location; a table beside it gives the
 * same numbers as text.
 */

export type MapLevel = 'wijk' | 'buurt';

/** Five shades from light to dark (ColorBrewer "Blues"); the lightest means no reports. */
const SHADES = ['#f3f6fa', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;
const WIDTH = 600;
const PADDING = 8;

interface DrawnArea {
  id: string;
  name: string;
  d: string;
  label: [number, number];
}

function polygonsOf(geometry: Geometry | null): Position[][][] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates as Position[][]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Position[][][];
  return [];
}

/** The centre of a ring (area-weighted), with its area; the mean of its points when it has no area. */
function ringCentre(ring: [number, number][]) {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (Math.abs(a) < 1e-9) {
    const n = ring.length || 1;
    return { area: 0, at: [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n] as [number, number] };
  }
  return { area: Math.abs(a / 2), at: [cx / (3 * a), cy / (3 * a)] as [number, number] };
}

/**
 * Equirectangular projection scaled by cos(latitude) at the centre, fitted to the viewBox
 * (as the members' area map does), also for the points of the reports.
 */
export function drawMap(collection: AreaCollection) {
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const feature of collection.features)
    for (const polygon of polygonsOf(feature.geometry))
      for (const ring of polygon)
        for (const [lon, lat] of ring) {
          if (lon! < minLon) minLon = lon!;
          if (lon! > maxLon) maxLon = lon!;
          if (lat! < minLat) minLat = lat!;
          if (lat! > maxLat) maxLat = lat!;
        }
  if (!Number.isFinite(minLon)) return null;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = (WIDTH - 2 * PADDING) / Math.max((maxLon - minLon) * k, 1e-9);
  const height = Math.round(Math.max(maxLat - minLat, 1e-9) * scale + 2 * PADDING);
  const project = (lon: number, lat: number): [number, number] => [PADDING + (lon - minLon) * k * scale, PADDING + (maxLat - lat) * scale];
  const areas: DrawnArea[] = [];
  for (const feature of collection.features) {
    const parts: string[] = [];
    let best = { area: -1, at: [0, 0] as [number, number] };
    for (const polygon of polygonsOf(feature.geometry)) {
      polygon.forEach((ring, i) => {
        if (ring.length < 3) return;
        const points = ring.map(([lon, lat]) => project(lon!, lat!));
        parts.push(`M${points.map(([x, y]) => `${x.toFixed(1)} ${y.toFixed(1)}`).join('L')}Z`);
        if (i === 0) {
          const centre = ringCentre(points);
          if (centre.area > best.area) best = centre;
        }
      });
    }
    if (!parts.length) continue;
    areas.push({ id: feature.properties.id, name: feature.properties.name, d: parts.join(''), label: best.at });
  }
  return { width: WIDTH, height, areas, project };
}

/** Number of reports per area of the level, plus those without an area and those elsewhere. */
export function countPerArea(observations: readonly PublicObservation[], areas: PublicAreas, level: MapLevel) {
  const counts = new Map<string, number>();
  let noArea = 0;
  let other = 0;
  for (const o of observations) {
    if (!o.areaId) {
      noArea++;
      continue;
    }
    const area = areas.byId.get(o.areaId);
    let target: string | null = null;
    if (area?.kind === level) target = area.id;
    else if (level === 'wijk' && area?.kind === 'buurt' && area.parentId && areas.byId.get(area.parentId)?.kind === 'wijk') target = area.parentId;
    if (target) counts.set(target, (counts.get(target) ?? 0) + 1);
    else other++;
  }
  return { counts, noArea, other };
}

/** Which shade a number gets: 0 for none, else one of four equal steps up to the largest number. */
export function shadeClasses(max: number) {
  const step = Math.max(1, Math.ceil(max / 4));
  const shade = (count: number) => (count <= 0 ? 0 : Math.min(4, Math.ceil(count / step)));
  const ranges: { shade: number; from: number; to: number }[] = [];
  for (let i = 1; i <= 4; i++) {
    const from = (i - 1) * step + 1;
    if (from > max) break;
    ranges.push({ shade: i, from, to: Math.min(i * step, max) });
  }
  return { shade, ranges };
}

function Swatch({ fill, point }: { fill: string; point?: boolean }) {
  return (
    <svg width="20" height="14" viewBox="0 0 20 14" aria-hidden="true" focusable="false" className="dichter-public-swatch">
      {point ? <circle cx="10" cy="7" r="5" fill="#d94801" stroke="#ffffff" strokeWidth="1.5" /> : <rect x="0.5" y="0.5" width="19" height="13" fill={fill} stroke="#4d4d4d" />}
    </svg>
  );
}

export function PublicMap({
  slug,
  level,
  observations,
  areas,
  areaHref,
  partial,
}: {
  slug: string;
  level: MapLevel;
  observations: readonly PublicObservation[];
  areas: PublicAreas;
  /** Where an area's name in the table leads (the list filtered to that area). */
  areaHref(areaId: string): string;
  /** Set when only the newest reports were counted. */
  partial?: number;
}) {
  const t = useT(pm);
  const f = useFormat();
  const titleId = useId();
  const levelWord = level === 'wijk' ? t('map.levelWijk') : t('map.levelBuurt');
  const geojson = useQuery({
    queryKey: publicKeys.geojson(slug, level),
    queryFn: () => api.get<AreaCollection>(publicApi.geojson(slug, level)),
    staleTime: 10 * 60_000,
    retry: false,
  });
  const drawn = useMemo(() => (geojson.data ? drawMap(geojson.data) : null), [geojson.data]);
  const { counts, noArea, other } = useMemo(() => countPerArea(observations, areas, level), [observations, areas, level]);
  const max = Math.max(0, ...counts.values());
  const { shade, ranges } = shadeClasses(max);
  const points = drawn ? observations.filter((o) => o.point).map((o) => ({ number: o.number, at: drawn.project(o.point!.lon, o.point!.lat) })) : [];
  const rows = [...(level === 'wijk' ? areas.wijken : areas.buurten)]
    .map((a) => ({ id: a.id, name: a.name, count: counts.get(a.id) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl', { numeric: true }));
  if (noArea) rows.push({ id: 'zonder', name: t('map.noAreaRow'), count: noArea });
  if (other) rows.push({ id: 'elders', name: t('map.otherRow'), count: other });
  const figure = t('map.figure', { level: levelWord });

  return (
    <div className="dichter-map">
      <div className="dichter-map__figure">
        {geojson.isPending ? (
          <Loading />
        ) : geojson.isError ? (
          <LoadError error={geojson.error} onRetry={() => geojson.refetch()} />
        ) : !drawn ? (
          <Paragraph>{t('map.noBoundaries', { level: levelWord })}</Paragraph>
        ) : (
          <figure className="dichter-map__figure">
            <svg className="dichter-map__svg" viewBox={`0 0 ${drawn.width} ${drawn.height}`} role="img" aria-labelledby={titleId} preserveAspectRatio="xMidYMid meet">
              <title id={titleId}>{figure}</title>
              {drawn.areas.map((area) => (
                <path key={area.id} d={area.d} fillRule="evenodd" fill={SHADES[shade(counts.get(area.id) ?? 0)]} stroke="#4d4d4d" strokeWidth="0.75" vectorEffect="non-scaling-stroke" data-area={area.name} />
              ))}
              {points.map((p, i) => (
                <circle key={`${p.number}-${i}`} cx={p.at[0].toFixed(1)} cy={p.at[1].toFixed(1)} r="4.5" fill="#d94801" stroke="#ffffff" strokeWidth="1.5" />
              ))}
              {drawn.areas.map((area) => {
                const count = counts.get(area.id) ?? 0;
                if (!count) return null;
                const dark = shade(count) >= 3;
                return (
                  <text
                    key={`n-${area.id}`}
                    x={area.label[0].toFixed(1)}
                    y={area.label[1].toFixed(1)}
                    textAnchor="middle"
                    dominantBaseline="central"
                    fontSize="20"
                    fontWeight="700"
                    fill={dark ? '#ffffff' : '#000000'}
                    stroke={dark ? '#000000' : '#ffffff'}
                    strokeWidth="3"
                    paintOrder="stroke"
                    strokeLinejoin="round"
                  >
                    {f.number(count)}
                  </text>
                );
              })}
            </svg>
            <figcaption className="dichter-small">
              {figure}. {t('map.figureHelp')} {partial ? t('map.partial', { count: f.number(partial) }) : ''}
            </figcaption>
            <Heading level={3} appearance={5}>
              {t('map.legend')}
            </Heading>
            <ul className="utrecht-unordered-list dichter-public-legend">
              <li className="utrecht-unordered-list__item">
                <Swatch fill={SHADES[0]} /> {t('map.legendNone')}
              </li>
              {ranges.map((r) => (
                <li className="utrecht-unordered-list__item" key={r.shade}>
                  <Swatch fill={SHADES[r.shade]!} /> {r.from === r.to ? t('map.legendOne', { count: f.number(r.from) }) : t('map.legendRange', { from: f.number(r.from), to: f.number(r.to) })}
                </li>
              ))}
              {points.length > 0 && (
                <li className="utrecht-unordered-list__item">
                  <Swatch fill="" point /> {t('map.legendPoint')}
                </li>
              )}
            </ul>
          </figure>
        )}
      </div>
      <section className="dichter-map__table" aria-labelledby={`${titleId}-table`}>
        <Heading level={3} id={`${titleId}-table`}>
          {t('map.table', { level: levelWord })}
        </Heading>
        <DataTable
          caption={t('map.tableCaption', { level: levelWord })}
          captionHidden
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { header: t('map.col.area'), rowHeader: true, cell: (r) => (r.id === 'zonder' || r.id === 'elders' ? r.name : <Link to={areaHref(r.id)}>{r.name}</Link>) },
            { header: t('map.col.count'), numeric: true, cell: (r) => f.number(r.count) },
          ]}
        />
      </section>
    </div>
  );
}
