import type { FastifySchemaCompiler } from 'fastify';
import { z, type ZodType } from 'zod';

/** The one error shape of every failing response. */
export const errorBody = z
  .object({
    error: z.object({
      id: z.string().describe('Stable id, e.g. workspace.not_found'),
      message: z.string().describe("In the request's language (Accept-Language: nl or en)"),
      fields: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .meta({ id: 'Error' });

/** Response schemas for the given error statuses, for a route's `response` map. */
export function errorResponses(...statuses: number[]): Record<number, typeof errorBody> {
  return Object.fromEntries(statuses.map((s) => [s, errorBody]));
}

/** The usual error statuses of a workspace-scoped route. */
export const scopedErrors = (...extra: number[]) => errorResponses(400, 401, 403, 404, ...extra);

/** Validates with zod and keeps the raw issues (with input) so the error handler can localise them. */
export const validatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    const error = new Error('invalid input') as Error & { zodIssues: unknown[] };
    error.zodIssues = result.error.issues;
    return { error };
  };

/** A list response: `{items, total}`. */
export const listOf = <T extends ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

/** Paging query parameters shared by list routes. */
export const paging = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
};
