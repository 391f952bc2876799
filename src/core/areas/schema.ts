import { z } from 'zod';
import { listOf, paging } from '../../platform/http/schema';

/** CBS kinds (nested gemeente > wijk > buurt) and the kinds a workspace defines itself. */
export const AREA_KINDS = ['gemeente', 'wijk', 'buurt', 'straat', 'complex', 'gebied'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
export const areaKind = z.enum(AREA_KINDS);

/** The year of an area division: CBS codes and boundaries belong to one year. */
export const divisionYear = z.number().int().min(1900).max(2100);

const text = (max: number) => z.string().trim().max(max);
/** An empty query parameter (`?kind=`) counts as absent, as HTML forms send it. */
const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const areaParams = z.object({ areaId: z.uuid() });

export const areaListQuery = z
  .object({
    kind: optionalParam(areaKind),
    year: optionalParam(z.coerce.number().int().min(1900).max(2100)),
    parentId: optionalParam(z.uuid()),
    /** Part of the name or code, case-insensitive. */
    q: optionalParam(text(100)),
    ...paging,
  })
  .strict();
export type AreaListQuery = z.infer<typeof areaListQuery>;

export const areaGeoJsonQuery = z
  .object({
    kind: optionalParam(areaKind),
    year: optionalParam(z.coerce.number().int().min(1900).max(2100)),
  })
  .strict();
export type AreaGeoJsonQuery = z.infer<typeof areaGeoJsonQuery>;

export const createAreaBody = z
  .object({
    name: text(200).min(1),
    kind: areaKind,
    /** CBS code for a gemeente, wijk or buurt (`WK036305`); a free code of up to 40 characters for other kinds. */
    code: text(40).nullable().optional(),
    /** When absent for a CBS-coded area, the parent is derived from the code (same year). */
    parentId: z.uuid().nullable().optional(),
    year: divisionYear,
  })
  .strict();
export type CreateAreaInput = z.infer<typeof createAreaBody>;

export const updateAreaBody = z
  .object({
    name: text(200).min(1).optional(),
    parentId: z.uuid().nullable().optional(),
  })
  .strict();
export type UpdateAreaInput = z.infer<typeof updateAreaBody>;

export const areaSummaryView = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  kind: areaKind,
  parentId: z.uuid().nullable(),
  year: z.number().int(),
  /** Inhabitants, from CBS figures when imported; null when unknown or suppressed. */
  population: z.number().int().nullable(),
  hasGeometry: z.boolean(),
});
export type AreaSummaryView = z.infer<typeof areaSummaryView>;

/** A page of areas, and what the member may do with the workspace's areas. */
export const areaListView = listOf(areaSummaryView).extend({
  can: z.object({
    /** Add an area by hand. */
    create: z.boolean(),
    /** Import a CBS file or boundaries. */
    import: z.boolean(),
  }),
});
export type AreaListView = z.infer<typeof areaListView>;

export const areaView = areaSummaryView.extend({
  /** A GeoJSON geometry (WGS84 lon/lat), or null. */
  geometry: z.record(z.string(), z.unknown()).nullable(),
  parent: z.object({ id: z.uuid(), code: z.string().nullable(), name: z.string(), kind: areaKind }).nullable(),
  childCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type AreaView = z.infer<typeof areaView>;

export const areaFeatureCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.any()) });

export const areaYearView = z.object({ year: z.number().int(), count: z.number().int() });

export const importAreasBody = z
  .object({
    fileName: z.string().min(1).max(255),
    /** The file's text: CBS CSV (as R or StatLine writes it), CBS JSON keyed by code, or GeoJSON. */
    content: z.string().min(1).max(30_000_000),
    /** The year of the area division; else taken from the file name (`…_2019.csv`). */
    year: divisionYear.optional(),
  })
  .strict();

export const importReportView = z.object({
  format: z.enum(['cbs-csv', 'cbs-json', 'geojson']),
  year: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.array(
    z.object({
      row: z.number().int(),
      code: z.string().optional(),
      /** Stable id of the reason (`area.skip.unknown_kind`), for clients that word it themselves. */
      reasonId: z.string(),
      /** The reason in the request's language (Accept-Language). */
      reason: z.string(),
    }),
  ),
});

/** The people who work in an area (a wijkteam): members of the workspace, at most one of them the contact. */
export const areaTeamBody = z
  .object({
    members: z
      .array(
        z
          .object({
            userId: z.uuid(),
            /** The aanspreekpunt: signals from the area without an action line owner go to them. */
            contact: z.boolean().default(false),
          })
          .strict(),
      )
      .max(200),
  })
  .strict();
export type AreaTeamInput = z.infer<typeof areaTeamBody>;

export const areaTeamView = z.object({
  areaId: z.uuid(),
  members: z.array(z.object({ userId: z.uuid(), name: z.string(), contact: z.boolean(), since: z.string() })),
  /** When this area has no team: the nearest area above it that has one, whose team answers for it. */
  inheritedFrom: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  can: z.object({ update: z.boolean() }),
});
export type AreaTeamView = z.infer<typeof areaTeamView>;
