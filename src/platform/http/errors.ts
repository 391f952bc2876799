import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldError, type Locale } from '../errors';
import { format, localeFromHeader, localiseIssue } from '../i18n';
import type { Registry } from '../module';
import { DatabaseNewerError } from '../migrator';

function localeOf(request: FastifyRequest): Locale {
  return request.ctx?.locale ?? localeFromHeader(request.headers['accept-language']);
}

/** Writes the one error shape, in the request's language. */
export function sendError(reply: FastifyReply, request: FastifyRequest, registry: Registry, error: DomainError) {
  const locale = localeOf(request);
  const def = registry.errors[error.id] ?? registry.errors['server.error'];
  const fields: FieldError[] = error.fields.map((f) => ({ path: f.path, message: registry.errors[f.message] ? format(registry.errors[f.message][locale], error.params) : f.message }));
  if (error.id === 'request.rate_limited') reply.header('retry-after', String(error.params.seconds ?? 60));
  return reply
    .code(def.status)
    .type('application/json; charset=utf-8')
    .send({ error: { id: registry.errors[error.id] ? error.id : 'server.error', message: format(def[locale], error.params), fields } });
}

// PostgreSQL errors caused by the request's values rather than by a bug in the code.
const INPUT_SQLSTATES: Record<string, string> = {
  '22P02': 'request.invalid', // invalid text representation (e.g. a malformed uuid)
  '22001': 'request.invalid', // value too long
  '22003': 'request.invalid', // numeric out of range
  '22007': 'request.invalid', // invalid datetime
  '22008': 'request.invalid',
  '22021': 'request.invalid', // invalid byte sequence (NUL)
  '54000': 'request.too_large',
};

/** Maps every thrown thing to the error shape; never a stack trace to the client. */
export function installErrorHandling(server: FastifyInstance, registry: Registry) {
  server.setErrorHandler((err: FastifyError & { zodIssues?: any[]; validationContext?: string }, request, reply) => {
    const locale = localeOf(request);
    if (err instanceof DomainError) return sendError(reply, request, registry, err);
    if (err.zodIssues) {
      const fields = err.zodIssues.map((issue) => {
        const field = localiseIssue(issue, locale, registry.errors);
        const prefix = err.validationContext && err.validationContext !== 'body' ? `${err.validationContext === 'querystring' ? 'query' : err.validationContext}.` : '';
        return { path: `${prefix}${field.path}`.replace(/\.$/, ''), message: field.message };
      });
      return sendError(reply, request, registry, new DomainError('request.invalid', {}, fields));
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(reply, request, registry, new DomainError('request.unsupported_media_type'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(reply, request, registry, new DomainError('request.too_large'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendError(reply, request, registry, new DomainError('request.malformed'));
    }
    if (err instanceof SyntaxError || (err.statusCode === 400 && !err.code?.startsWith('FST_ERR_RESPONSE'))) {
      return sendError(reply, request, registry, new DomainError('request.malformed'));
    }
    const sqlState = (err as unknown as { code?: string }).code;
    if (sqlState && INPUT_SQLSTATES[sqlState]) return sendError(reply, request, registry, new DomainError(INPUT_SQLSTATES[sqlState]));
    if (err.statusCode === 413) return sendError(reply, request, registry, new DomainError('request.too_large'));
    if (err instanceof DatabaseNewerError) return sendError(reply, request, registry, new DomainError('server.unavailable'));
    request.log.error({ err }, 'unhandled error');
    return sendError(reply, request, registry, new DomainError('server.error', { reference: request.id }));
  });
}
