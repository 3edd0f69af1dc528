import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { ApiError, type ErrorBody } from './errors.js';
import { isSessionProbe, logSecurityEvent, securityEventOfError } from './security-events.js';
import { asUniqueViolation } from './unique-violation.js';
import { infrastructureError } from './unavailable.js';

/** body-parser errors carry a `type` and a `status`. */
interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return typeof e === 'object' && e !== null && 'type' in e && 'status' in e;
}

function body(error: string, message: string): ErrorBody {
  return { error, message, fields: [] };
}

/** Maps everything thrown to the API's one error shape; never leaks a stack or SQL. */
export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers?: Record<string, string>;
}

function fromApiError(error: ApiError): ErrorResponse {
  return { status: error.status, body: error.toBody(), headers: error.headers };
}

export function toErrorResponse(exception: unknown): ErrorResponse {
  if (exception instanceof ApiError) return fromApiError(exception);
  // Lost connections, a full disk, a read-only folder: 503 and "retry", never a bare 500.
  const unavailable = infrastructureError(exception);
  if (unavailable) return fromApiError(unavailable);
  if (exception instanceof ThrottlerException) {
    return {
      status: HttpStatus.TOO_MANY_REQUESTS,
      body: body('rate-limited', 'Trop de tentatives. Patientez une minute avant de réessayer.'),
    };
  }
  // Nest wraps body-parser's errors in an HttpException; what went wrong is in the cause.
  const parserError = exception instanceof HttpException ? exception.cause : exception;
  if (isBodyParserError(parserError)) {
    if (parserError.type === 'entity.too.large') {
      return {
        status: HttpStatus.PAYLOAD_TOO_LARGE,
        body: body('payload-too-large', 'La requête est trop volumineuse.'),
      };
    }
    if (parserError.type === 'entity.parse.failed') {
      return {
        status: HttpStatus.BAD_REQUEST,
        body: body('malformed-json', 'Le corps de la requête n’est pas un JSON valide.'),
      };
    }
    return {
      status: parserError.status >= 400 && parserError.status < 500 ? parserError.status : 400,
      body: body('bad-request', 'La requête est invalide.'),
    };
  }
  // A unique index that refused a write no service turned into an error of its own.
  if (asUniqueViolation(exception)) {
    return {
      status: HttpStatus.CONFLICT,
      body: body('already-exists', 'Cet élément existe déjà.'),
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const messages: Partial<Record<number, [string, string]>> = {
      400: ['bad-request', 'La requête est invalide.'],
      404: ['not-found', 'Ressource introuvable.'],
      405: ['method-not-allowed', 'Méthode non autorisée.'],
      413: ['payload-too-large', 'La requête est trop volumineuse.'],
      415: ['unsupported-media-type', 'Type de contenu non pris en charge.'],
    };
    const [code, message] = messages[status] ?? ['http-error', 'La requête n’a pas abouti.'];
    return { status, body: body(code, message) };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: body('internal', 'Une erreur inattendue est survenue. Réessayez plus tard.'),
  };
}

/**
 * The throttler names its delay header after the limit that tripped (`Retry-After-auth`): say it
 * once under the standard name, and in the body for clients that cannot read headers.
 */
function withRetryAfter(response: Response, body: ErrorBody): void {
  const named = Object.entries(response.getHeaders()).find(([name]) =>
    name.toLowerCase().startsWith('retry-after'),
  );
  const seconds = Math.max(1, Math.ceil(Number(named?.[1] ?? 60)) || 60);
  response.setHeader('Retry-After', String(seconds));
  body.retryAfterSeconds = seconds;
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request & { actor?: unknown }>();
    const { status, body, headers } = toErrorResponse(exception);
    // The error itself goes through the logs' redaction (never a query's parameters).
    if (status >= 500) this.logger.error({ err: exception, event: 'http.error' }, body.error);
    if (response.headersSent) return;
    response.set(headers ?? {});
    if (status === 429) withRetryAfter(response, body);
    const event = securityEventOfError(status, body.error, request.actor !== undefined);
    if (event && !isSessionProbe(request, status)) {
      logSecurityEvent(
        event,
        {
          status,
          code: body.error,
          // Which fields were refused, never what was in them.
          ...(body.fields.length ? { fields: body.fields.map((f) => f.path) } : {}),
          ...(status === 429 ? { retryAfterSeconds: body.retryAfterSeconds } : {}),
        },
        request,
      );
    }
    response.status(status).json(body);
  }
}
