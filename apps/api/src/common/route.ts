import {
  applyDecorators,
  HttpCode,
  RequestMapping,
  RequestMethod,
  SetMetadata,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiDefaultResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  errorBodySchema,
  errorStatusesOf,
  type ResponseOf,
  type RouteDefinition,
} from '@nec/contracts';
import { z } from 'zod';

type Io = 'input' | 'output';

/** JSON Schema of a zod schema, in the OpenAPI 3.0 dialect: requests as sent, responses as received. */
export function toOpenApiSchema(schema: z.ZodType, io: Io = 'input'): Record<string, unknown> {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    unrepresentable: 'any',
    io,
  }) as Record<string, unknown>;
  return json;
}

const errorDescriptions: Record<number, string> = {
  400: 'Requête invalide (champs en faute dans `fields`)',
  401: 'Session absente ou expirée',
  403: 'Action non permise à ce compte',
  404: 'Ressource introuvable',
  409: 'Conflit avec l’état actuel (version dépassée, doublon…)',
  410: 'Plus valable (lien expiré, déjà utilisé ou retiré)',
  413: 'Requête trop volumineuse',
  415: 'Type de contenu non pris en charge',
  422: 'Refusé par les règles du domaine',
  429: 'Trop de tentatives : réessayer après le délai de `Retry-After`',
  503: 'Service indisponible',
};

function documentInput(definition: RouteDefinition): MethodDecorator[] {
  const decorators: MethodDecorator[] = [];
  const params = definition.params ? toOpenApiSchema(definition.params) : null;
  for (const [name, schema] of Object.entries(
    (params?.properties ?? {}) as Record<string, Record<string, unknown>>,
  )) {
    decorators.push(ApiParam({ name, required: true, schema }));
  }
  const query = definition.query ? toOpenApiSchema(definition.query) : null;
  const required = new Set((query?.required ?? []) as string[]);
  for (const [name, schema] of Object.entries(
    (query?.properties ?? {}) as Record<string, Record<string, unknown>>,
  )) {
    decorators.push(ApiQuery({ name, required: required.has(name), schema }));
  }
  if (definition.multipart) {
    const fields = definition.body ? toOpenApiSchema(definition.body) : { properties: {} };
    decorators.push(
      ApiConsumes('multipart/form-data'),
      ApiBody({
        schema: {
          ...fields,
          type: 'object',
          properties: {
            ...(fields.properties as object),
            file: { type: 'string', format: 'binary' },
          },
        },
      }),
    );
  } else if (definition.body) {
    decorators.push(ApiBody({ schema: toOpenApiSchema(definition.body) }));
  }
  return decorators;
}

function documentResponses(definition: RouteDefinition): MethodDecorator[] {
  const { response, status } = definition;
  const success =
    response === null
      ? ApiResponse({ status, description: 'Aucun contenu' })
      : 'kind' in response
        ? ApiResponse({
            status,
            description: 'Fichier',
            content: { [response.contentType]: { schema: { type: 'string', format: 'binary' } } },
          })
        : ApiResponse({
            status,
            description: 'Succès',
            schema: toOpenApiSchema(response, 'output'),
          });
  const errorSchema = toOpenApiSchema(errorBodySchema, 'output');
  return [
    success,
    ...errorStatusesOf(definition).map((s) =>
      ApiResponse({
        status: s,
        description: errorDescriptions[s] ?? 'Erreur',
        schema: errorSchema,
      }),
    ),
    ApiDefaultResponse({ description: 'Erreur (forme unique)', schema: errorSchema }),
  ];
}

/** Metadata read by the auth guard: the route answers sessions awaiting their second factor. */
export const MFA_PENDING_ALLOWED = 'nec:mfa-pending-allowed';

/** A handler of a route: whatever its arguments, it returns the route's response. */
type HandlerOf<R extends RouteDefinition> = (
  ...args: never[]
) => ResponseOf<R> | Promise<ResponseOf<R>>;

/**
 * `@Route(contract.x.y)`: binds a controller method to a route of the contract — its method,
 * full path and success status — and documents it in OpenAPI from the same schemas. The
 * method's return type must be the route's response: another shape fails the typecheck.
 * (Controllers are declared `@Controller()`, without a prefix: the path lives in the contract.)
 */
export function Route<R extends RouteDefinition>(definition: R) {
  const decorate = applyDecorators(
    RequestMapping({ path: definition.path, method: RequestMethod[definition.method] }),
    HttpCode(definition.status),
    ApiOperation({ summary: definition.summary }),
    ApiTags(definition.tag),
    ...documentInput(definition),
    ...documentResponses(definition),
    SetMetadata(MFA_PENDING_ALLOWED, definition.allowMfaPending === true),
  );
  return <H extends HandlerOf<R>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ): void => {
    decorate(target, key, descriptor);
  };
}
