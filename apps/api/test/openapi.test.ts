import { allRoutes, errorStatusesOf, openApiPath } from '@nec/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';

interface Operation {
  responses: Record<
    string,
    { content?: Record<string, { schema?: Record<string, unknown> }>; description?: string }
  >;
}
type Paths = Record<string, Record<string, Operation>>;

let t: TestApp;
let paths: Paths;
beforeAll(async () => {
  t = await startTestApp();
  paths = (await t.http().get('/api/docs/openapi.json').expect(200)).body.paths as Paths;
});
afterAll(async () => {
  await t.close();
});

describe('the OpenAPI document', () => {
  it('is served where tools look first too', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.paths).toEqual(paths);
  });

  it('has no operation outside the contract', () => {
    const inContract = new Set(
      allRoutes().map(
        (r) => `${r.definition.method.toLowerCase()} ${openApiPath(r.definition.path)}`,
      ),
    );
    const operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    );
    expect(operations.filter((o) => !inContract.has(o))).toEqual([]);
    expect(operations.length).toBe(inContract.size);
  });

  it('documents every route of the contract: its success response and its errors', () => {
    for (const { feature, name, definition } of allRoutes()) {
      const where = `${feature}.${name} (${definition.method} ${definition.path})`;
      const operation = paths[openApiPath(definition.path)]?.[definition.method.toLowerCase()];
      expect(operation, where).toBeDefined();
      const responses = operation!.responses;
      const success = responses[String(definition.status)];
      expect(success, where).toBeDefined();
      if (definition.status !== 204) {
        const [content] = Object.values(success!.content ?? {});
        expect(content?.schema, where).toBeDefined();
      }
      for (const status of [...errorStatusesOf(definition).map(String), 'default']) {
        const schema = responses[status]?.content?.['application/json']?.schema;
        expect(schema?.required, `${where} ${status}`).toEqual(['error', 'message', 'fields']);
      }
    }
  });
});
