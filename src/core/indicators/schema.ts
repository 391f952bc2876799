import { z } from 'zod';

export const DIRECTIONS = ['higher', 'lower', 'neutral'] as const;
export const SOURCES = ['manual', 'import', 'formula', 'practice'] as const;
export const PERIOD_TYPES = ['year', 'quarter', 'month'] as const;
export const AGGREGATIONS = ['sum', 'ratio', 'mean'] as const;
export const STATUSES = ['final', 'provisional', 'suppressed'] as const;
export const ATTENTIONS = ['better', 'expected', 'worse'] as const;

const text = (max: number) => z.string().trim().max(max);
/** An empty query parameter (`?area=`) counts as absent, as HTML forms send it. */
const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** An indicator code: lowercase letters, digits and `-`/`_`, e.g. `aantal-inwoners`. */
export const indicatorCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, 'Gebruik kleine letters, cijfers, - en _ (ten hoogste 60 tekens), bijvoorbeeld aantal-inwoners.');
/** A CBS area code (`GM0363`, `WK036376`, `BU03637600`) or a code of the workspace's own areas. */
export const areaCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, 'Een gebiedscode, bijvoorbeeld BU03637600.');
/** `2019`, `2024-Q1` or `2024-03`. */
export const period = z
  .string()
  .trim()
  .regex(/^(19|20)\d{2}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'Een jaar (2024), kwartaal (2024-Q1) of maand (2024-03).');

export const codeParams = z.object({
  /** The indicator's code (or its id). */
  code: z.string().trim().min(1).max(60),
});

export const formulaInput = z
  .object({
    numerator: indicatorCode,
    denominator: indicatorCode,
    /** ×100 for a percentage, ×1000 for per thousand. */
    factor: z.number().finite().positive().max(1e9),
  })
  .strict();

export const createIndicatorBody = z
  .object({
    code: indicatorCode,
    name: text(200).min(1),
    description: text(4000).optional(),
    unit: text(60).optional(),
    direction: z.enum(DIRECTIONS).optional(),
    source: z.enum(SOURCES).optional(),
    periodType: z.enum(PERIOD_TYPES).optional(),
    /** Default: on for averages and shares of residents (unit %, "per …", "gemiddeld"). */
    compositionSensitive: z.boolean().optional(),
    /** How it rolls up the area hierarchy; a formula indicator is always `ratio`. */
    aggregation: z.enum(AGGREGATIONS).optional(),
    formula: formulaInput.nullable().optional(),
    /** For source `practice`: the practice module that supplies it. */
    module: text(60).nullable().optional(),
    ladderNodeIds: z.array(z.uuid()).max(50).optional(),
  })
  .strict();
export type CreateIndicatorInput = z.infer<typeof createIndicatorBody>;

export const updateIndicatorBody = createIndicatorBody.omit({ code: true, source: true }).partial().strict();
export type UpdateIndicatorInput = z.infer<typeof updateIndicatorBody>;

export const deleteIndicatorQuery = z
  .object({
    /** Also delete its measurements. */
    confirm: optionalParam(z.enum(['true', 'false'])),
  })
  .strict();

export const indicatorView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  unit: z.string(),
  direction: z.enum(DIRECTIONS),
  source: z.enum(SOURCES),
  periodType: z.enum(PERIOD_TYPES),
  compositionSensitive: z.boolean(),
  aggregation: z.enum(AGGREGATIONS),
  formula: z.object({ numerator: z.string(), denominator: z.string(), factor: z.number() }).nullable(),
  module: z.string().nullable(),
  ladderNodeIds: z.array(z.uuid()),
  measurementCount: z.number().int(),
  /** The periods with measurements, oldest first. */
  periods: z.array(z.string()),
  /** Whether pseudonymous panel data is stored, so the composition of a change can be shown. */
  hasPanel: z.boolean(),
  /** The periods with panel data, oldest first: the ones a composition analysis can compare. */
  panelPeriods: z.array(z.string()),
  can: z.object({ update: z.boolean(), delete: z.boolean(), record: z.boolean() }),
});
export type IndicatorView = z.infer<typeof indicatorView>;

export const indicatorListView = z.object({
  items: z.array(indicatorView),
  total: z.number().int(),
  can: z.object({ create: z.boolean(), import: z.boolean(), record: z.boolean() }),
});

export const valuesQuery = z
  .object({
    area: optionalParam(areaCode),
    period: optionalParam(period),
  })
  .strict();

export const valueItem = z.object({
  /** The area's CBS code. */
  area: z.string(),
  period: z.string(),
  /** Null when suppressed. */
  value: z.number().nullable(),
  status: z.enum(STATUSES),
});
export const valuesView = z.object({ items: z.array(valueItem), total: z.number().int() });

export const putValueBody = z
  .object({
    area: areaCode,
    period,
    value: z.number().finite().nullable(),
    status: z.enum(STATUSES).optional(),
    /** Where the figure comes from (a report, a register). */
    sourceRef: text(200).nullable().optional(),
  })
  .strict();
export type PutValueInput = z.infer<typeof putValueBody>;

const indicatorRef = z.object({ code: z.string(), name: z.string(), unit: z.string(), direction: z.enum(DIRECTIONS), compositionSensitive: z.boolean() });
const areaRef = z.object({ code: z.string(), name: z.string() });

export const trendQuery = z.object({ area: areaCode }).strict();
export const trendView = z.object({
  indicator: indicatorRef,
  area: areaRef,
  items: z.array(z.object({ period: z.string(), value: z.number().nullable(), status: z.enum(STATUSES) })),
  /** True for a composition-sensitive indicator without panel data for this area: the change may come from people moving. */
  compositionWarning: z.boolean(),
});

export const comparisonQuery = z
  .object({
    area: areaCode,
    /** Default: the latest period with measurements. */
    period: optionalParam(period),
    /** The buurten of the same wijk (siblings, default) or all areas of the same kind in the gemeente. */
    peers: optionalParam(z.enum(['siblings', 'municipality'])),
  })
  .strict();
export const comparisonView = z.object({
  indicator: indicatorRef,
  period: z.string(),
  area: areaRef,
  peers: z.enum(['siblings', 'municipality']),
  reference: z.object({ method: z.literal('median'), value: z.number().nullable() }),
  items: z.array(
    z.object({
      area: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
      value: z.number().nullable(),
      status: z.enum(STATUSES).nullable(),
      rank: z.number().int().nullable(),
      distance: z.number().nullable(),
      z: z.number().nullable(),
      attention: z.enum(ATTENTIONS).nullable(),
    }),
  ),
  compositionWarning: z.boolean(),
});

export const rollupQuery = z.object({ area: areaCode, period: optionalParam(period) }).strict();
export const rollupView = z.object({
  area: areaRef,
  period: z.string(),
  value: z.number().nullable(),
  /** The number of areas below that had a value. */
  children: z.number().int(),
  method: z.enum(AGGREGATIONS),
});

export const attentionQuery = z.object({ period: optionalParam(period) }).strict();
export const attentionView = z.object({
  items: z.array(
    z.object({
      indicator: z.object({ code: z.string(), name: z.string(), unit: z.string() }),
      area: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
      period: z.string(),
      value: z.number(),
      reference: z.number().nullable(),
      z: z.number().nullable(),
      attention: z.enum(['better', 'worse']),
    }),
  ),
  total: z.number().int(),
  /** Signals per kind over all compared areas and indicators: where all is green, `worse` is 0. */
  counts: z.object({ better: z.number().int(), expected: z.number().int(), worse: z.number().int() }),
  method: z.string(),
});

/** At most this many panel records per request. */
export const MAX_PANEL_RECORDS = 100_000;

export const panelRecord = z
  .object({
    /** A pseudonymous id (never a name); stored as a hash. */
    person: z.string().trim().min(1).max(100),
    period,
    /** The area's CBS code (or the code of a workspace's own area). */
    area: areaCode,
    value: z.number().finite(),
  })
  .strict();

export const compositionPreviewBody = z
  .object({
    area: areaCode,
    period0: period,
    period1: period,
    // The length is checked by the service, to answer with a clear error id.
    records: z.array(panelRecord),
  })
  .strict();

export const decompositionView = z.object({
  change: z.number(),
  stayers: z.number(),
  entry: z.number(),
  exit: z.number(),
  mean0: z.number(),
  mean1: z.number(),
  counts: z.object({ stayers: z.number().int(), entrants: z.number().int(), leavers: z.number().int() }),
});

export const panelBody = z.object({ records: z.array(panelRecord) }).strict();
export const panelResult = z.object({ stored: z.number().int(), total: z.number().int() });

export const compositionQuery = z.object({ area: areaCode, period0: period, period1: period }).strict();
export const compositionView = decompositionView.extend({ indicator: indicatorRef, area: areaRef, period0: z.string(), period1: z.string() });

/** The column → indicator mapping: `auto` (suggested and created), or per column an indicator code (null: leave out). */
export const mappingInput = z.union([z.literal('auto'), z.record(z.string().max(300), indicatorCode.nullable())]);

export const importJsonBody = z
  .object({
    fileName: z.string().min(1).max(255),
    /** The file's text: CBS CSV, OData JSON, keyed JSON, or a CSV of area × period × value. */
    content: z.string().min(1).max(30_000_000),
    /** Optional CBS DataProperties.json (titles and units of the keys). */
    metadata: z.string().max(2_000_000).optional(),
    period: period.optional(),
    mapping: mappingInput.optional(),
  })
  .strict();

const columnSuggestion = z.object({
  column: z.string(),
  title: z.string(),
  unit: z.string(),
  numeric: z.boolean(),
  /** The indicator it maps to (existing or to be created), or null: left out. */
  indicator: z.object({ code: z.string(), name: z.string(), unit: z.string(), exists: z.boolean() }).nullable(),
  /** Where the suggestion comes from: a saved mapping, an existing indicator, the CBS variable, or the column itself. */
  basis: z.enum(['saved', 'existing', 'cbs', 'column', 'given', 'none']),
});

export const importPreviewView = z.object({
  format: z.enum(['cbs-csv', 'cbs-odata', 'cbs-json', 'table']),
  sourceKey: z.string(),
  rows: z.number().int(),
  /** The period found in the file name or contents (null: give one, unless the file has a period column). */
  period: z.string().nullable(),
  columns: z.array(columnSuggestion),
});

const skipItem = z.object({
  row: z.number().int(),
  column: z.string().optional(),
  code: z.string().optional(),
  /** Stable id of the reason (`indicator.skip.unknown_area`). */
  reasonId: z.string(),
  /** The reason in the request's language. */
  reason: z.string(),
});

export const importReportView = z.object({
  format: z.enum(['cbs-csv', 'cbs-odata', 'cbs-json', 'table']),
  sourceKey: z.string(),
  periods: z.array(z.string()),
  rows: z.number().int(),
  columns: z.array(columnSuggestion),
  indicatorsCreated: z.array(z.string()),
  values: z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int(), suppressed: z.number().int() }),
  /** The first 1000 skipped rows and cells; `skippedTotal` counts them all. */
  skipped: z.array(skipItem),
  skippedTotal: z.number().int(),
});
export type ImportReportView = z.infer<typeof importReportView>;
export type ImportPreviewView = z.infer<typeof importPreviewView>;
