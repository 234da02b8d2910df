import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OPENAPI_DOCUMENT } from '../../src/server/openapi.js';
import { parseCutRequest, parseKeywordsRequest, parseTagRequest, parseTokenizeRequest, RequestError } from '../../src/server/requests.js';

/** The part of a JSON Schema the request bodies use. */
interface PropertySchema {
  type?: string | string[];
  enum?: readonly string[];
  items?: { type: string };
  minimum?: number;
  default?: unknown;
}
interface BodySchema {
  required: string[];
  additionalProperties: boolean;
  properties: Record<string, PropertySchema>;
}

const PARSERS: Record<string, (json: unknown) => object> = {
  '/cut': parseCutRequest,
  '/tokenize': parseTokenizeRequest,
  '/tag': parseTagRequest,
  '/keywords': parseKeywordsRequest,
};

function bodySchema(route: string): BodySchema {
  const paths = OPENAPI_DOCUMENT.paths as unknown as Record<string, { post: { requestBody: { content: Record<string, { schema: BodySchema }> } } }>;
  return paths[route]!.post.requestBody.content['application/json']!.schema;
}

/** Values a property's schema admits, the first of them the one a full valid body uses. */
function validValues(name: string, schema: PropertySchema): unknown[] {
  if (schema.enum) return [...schema.enum];
  const types = ([] as string[]).concat(schema.type ?? []);
  const values: unknown[] = [];
  if (types.includes('string')) values.push('我来到北京');
  if (types.includes('boolean')) values.push(false, true);
  if (types.includes('integer')) values.push(schema.minimum ?? 0, 5);
  if (types.includes('null')) values.push(null);
  if (types.includes('array')) values.push(['n', 'v']);
  assert.ok(values.length > 0, `${name}: no values for its schema`);
  return values;
}

/** Values a property's schema refuses. */
function invalidValues(schema: PropertySchema): unknown[] {
  if (schema.enum) return ['no-such-value', 1];
  const types = ([] as string[]).concat(schema.type ?? []);
  const values: unknown[] = [{}];
  if (!types.includes('string')) values.push('x');
  if (!types.includes('boolean')) values.push(true);
  if (types.includes('integer')) values.push(1.5, (schema.minimum ?? 0) - 1);
  if (types.includes('array')) values.push([1]);
  if (!types.includes('null')) values.push(null);
  return values;
}

function refuses(parse: (json: unknown) => object, json: unknown): boolean {
  try {
    parse(json);
    return false;
  } catch (error) {
    assert.ok(error instanceof RequestError, `a RequestError, not ${String(error)}`);
    return true;
  }
}

describe('OpenAPI document and request checks', () => {
  for (const [route, parse] of Object.entries(PARSERS)) {
    it(`${route}: the schema and the check accept and refuse the same bodies`, () => {
      const schema = bodySchema(route);
      assert.equal(schema.additionalProperties, false);
      const names = Object.keys(schema.properties);
      // A body with every property, each with its first valid value.
      const full = Object.fromEntries(names.map((name) => [name, validValues(name, schema.properties[name]!)[0]]));
      parse(full);
      // The fields the check takes, from its message about an unknown one, are the schema's.
      let message = '';
      try {
        parse({ ...full, unknownField: 1 });
      } catch (error) {
        message = (error as Error).message;
      }
      assert.deepEqual([...message.matchAll(/"([^"]+)"/g)].map((m) => m[1]).slice(1).sort(), [...names].sort(), message);
      for (const name of names) {
        const property = schema.properties[name]!;
        for (const value of validValues(name, property)) parse({ ...full, [name]: value });
        for (const value of invalidValues(property)) assert.ok(refuses(parse, { ...full, [name]: value }), `${route} ${name}: ${JSON.stringify(value)} refused`);
        if (schema.required.includes(name)) {
          const { [name]: _, ...without } = full;
          assert.ok(refuses(parse, without), `${route}: ${name} is required`);
        } else if ('default' in property) {
          // Leaving it out gives the documented default.
          const { [name]: _, ...without } = full;
          assert.deepEqual((parse(without) as Record<string, unknown>)[name], property.default, `${route} ${name} default`);
        }
      }
    });
  }
});
