import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allRoutes, contract, errorBodySchema, findRoute, fillPath, strictDeep } from './index.js';

const routes = allRoutes();

describe('the contract', () => {
  it('declares each route once (method and path)', () => {
    const keys = routes.map((r) => `${r.definition.method} ${r.definition.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('declares in `params` exactly the placeholders of each path', () => {
    for (const { feature, name, definition } of routes) {
      const placeholders = [...definition.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
      const declared = Object.keys(definition.params?.shape ?? {});
      expect(declared.sort(), `${feature}.${name}`).toEqual(placeholders.sort());
    }
  });

  it('gives every route a response: a schema, a file, or none for 204 only', () => {
    for (const { feature, name, definition } of routes) {
      expect(definition.response === null, `${feature}.${name}`).toBe(definition.status === 204);
      if (definition.response && !('kind' in definition.response)) {
        expect(() =>
          z.toJSONSchema(definition.response as z.ZodType, {
            io: 'output',
            unrepresentable: 'any',
          }),
        ).not.toThrow();
      }
    }
  });
});

describe('findRoute', () => {
  const definitions = routes.map((r) => r.definition);

  it('matches a concrete request to its template, fixed segments first', () => {
    expect(findRoute(definitions, 'get', '/api/organisations/mine?page=2')).toBe(
      contract.organisations.mine,
    );
    expect(findRoute(definitions, 'PUT', '/api/dossiers/0b8f3a3e/draft')).toBe(
      contract.dossiers.saveDraft,
    );
    expect(findRoute(definitions, 'DELETE', '/api/dossiers/0b8f3a3e/draft')).toBeUndefined();
    expect(findRoute(definitions, 'GET', '/api/dossiers/a/b/c')).toBeUndefined();
  });

  it('fills a template back, encoding each value', () => {
    expect(fillPath(contract.organisations.removeMember.path, { id: 'o 1', userId: 'u/2' })).toBe(
      '/api/organisations/o%201/members/u%2F2',
    );
    expect(() => fillPath(contract.dossiers.get.path, {})).toThrow(/id/);
  });
});

describe('the error shape', () => {
  it('accepts facts of its own (a conflict’s current version) even when checked strictly', () => {
    const body = { error: 'version-conflict', message: 'Modifié.', fields: [], currentVersion: 3 };
    expect(strictDeep(errorBodySchema).parse(body)).toEqual(body);
    expect(errorBodySchema.safeParse({ message: 'sans code', fields: [] }).success).toBe(false);
  });
});
