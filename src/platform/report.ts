import type { ServiceContext } from './context';

/*
 * The contract between the progress report (src/core/reports) and the modules that fill it.
 * A module adds sections through its manifest (`reportSections`); the reports module renders
 * them as HTML and PDF. Blocks are data, not markup: the renderer escapes every string, except
 * a chart's SVG, which only server code produces.
 */

export type ReportBlock =
  | { p: string }
  | { h3: string }
  | { list: string[] }
  | { table: { caption?: string; head: string[]; rows: string[][] } }
  /** A visible warning, worded in full ("Let op …"), e.g. that an average may have moved because the population changed. */
  | { warning: string }
  /** A story from practice: told in its own words beside the numbers. */
  | { story: { title: string; text: string; meta: string } }
  /** An SVG chart with a one-sentence summary and the same figures as a table. */
  | { chart: { title: string; summary: string; svg: string; table: { head: string[]; rows: string[][] } } };

export interface ReportScope {
  /** Inclusive dates, YYYY-MM-DD. */
  from: string;
  to: string;
  /** The public version: only what is public may appear (no internal observations, no names of members). */
  publicOnly: boolean;
  /** Narrow the report to an area (and its sub-areas) or an action line; null for the whole workspace. */
  areaId: string | null;
  actionLineId: string | null;
}

export interface ReportSectionDefinition {
  /** Unique over all modules, e.g. `indicators.trends`. */
  id: string;
  /** Position in the report (low first). */
  order: number;
  /**
   * The iceberg: `below` is what lies under water (partnerships, trust, conditions, learning),
   * `above` what shows (results and measurements); `plan` and `decisions` frame them.
   */
  part: 'plan' | 'below' | 'above' | 'decisions';
  title: { nl: string; en: string };
  /** The section's blocks for the scope; an empty list leaves the section out. */
  build(ctx: ServiceContext, scope: ReportScope): Promise<ReportBlock[]>;
}
