/**
 * The fields a JSON request body may hold, described once as data: the
 * request checks read a body through these descriptions, and the OpenAPI
 * document is generated from the same descriptions, so the two cannot
 * drift apart.
 *
 * @module
 */

/** The text to work on: a required string. */
export interface TextField {
  readonly kind: 'text';
  readonly description: string;
}

/** A flag, `default` when left out. */
export interface BooleanField {
  readonly kind: 'boolean';
  readonly default: boolean;
  readonly description: string;
}

/** One of `choices`, the first when left out. */
export interface ChoiceField<T extends string = string> {
  readonly kind: 'choice';
  readonly choices: readonly T[];
  readonly description: string;
}

/** A non-negative integer or null, `default` when left out. */
export interface CountField {
  readonly kind: 'count';
  readonly default: number | null;
  readonly description: string;
}

/** A list of strings, undefined when left out. */
export interface StringListField {
  readonly kind: 'strings';
  readonly description: string;
}

/** One field of a request body. */
export type RequestField = TextField | BooleanField | ChoiceField | CountField | StringListField;

/** A request body's fields, by name, in the order they are checked and documented. */
export type BodyFields = Readonly<Record<string, RequestField>>;

/** The value a field gives once checked. */
export type FieldValue<F extends RequestField> = F extends TextField
  ? string
  : F extends BooleanField
    ? boolean
    : F extends ChoiceField<infer T>
      ? T
      : F extends CountField
        ? number | null
        : F extends StringListField
          ? string[] | undefined
          : never;

/** The object a body gives once checked. */
export type BodyValues<B extends BodyFields> = { -readonly [K in keyof B]: FieldValue<B[K]> };

/**
 * A client mistake, answered with `status` and a JSON error body.
 *
 * @example
 * throw new RequestError(400, 'invalid_request', '"text" is required');
 * // answered as {"error": {"status": 400, "code": "invalid_request", "message": "\"text\" is required"}}
 */
export class RequestError extends Error {
  constructor(
    /** The HTTP status of the answer: 400, 404, 413, 500, 503 and so on. */
    readonly status: number,
    /** The answer's machine-readable `error` field, as `invalid_json` or `timeout`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** A 400 `invalid_request` with `message`. */
export function invalidRequest(message: string): RequestError {
  return new RequestError(400, 'invalid_request', message);
}

/**
 * Check `json` against `fields`: an object with no other keys, each field
 * of the right type, defaults filled in. The first mistake, in field order,
 * is thrown as a {@link RequestError} that names the field.
 *
 * @example
 * const fields = { text: { kind: 'text', description: 'The text.' } } as const;
 * readBody(fields, { text: '我来到北京' }); // { text: '我来到北京' }
 * readBody(fields, { txt: '…' }); // throws: unknown field "txt"; this route takes "text"
 */
export function readBody<B extends BodyFields>(fields: B, json: unknown): BodyValues<B> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw invalidRequest('the body must be a JSON object');
  }
  const names = Object.keys(fields);
  for (const key of Object.keys(json)) {
    if (!names.includes(key)) throw invalidRequest(`unknown field "${key}"; this route takes ${names.map((k) => `"${k}"`).join(', ')}`);
  }
  const body = json as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const name of names) values[name] = readField(name, fields[name]!, body[name], name in body);
  return values as BodyValues<B>;
}

function readField(name: string, field: RequestField, value: unknown, present: boolean): unknown {
  switch (field.kind) {
    case 'text':
      if (!present) throw invalidRequest(`"${name}" is required`);
      if (typeof value !== 'string') throw invalidRequest(`"${name}" must be a string, not ${describe(value)}`);
      return value;
    case 'boolean':
      if (value === undefined) return field.default;
      if (typeof value !== 'boolean') throw invalidRequest(`"${name}" must be true or false, not ${describe(value)}`);
      return value;
    case 'choice':
      if (value === undefined) return field.choices[0];
      if (typeof value !== 'string' || !field.choices.includes(value)) {
        throw invalidRequest(`"${name}" must be one of ${field.choices.map((c) => `"${c}"`).join(', ')}, not ${describe(value)}`);
      }
      return value;
    case 'count':
      if (value === undefined) return field.default;
      if (value !== null && !(Number.isSafeInteger(value) && (value as number) >= 0)) {
        throw invalidRequest(`"${name}" must be a non-negative integer or null, not ${describe(value)}`);
      }
      return value;
    case 'strings':
      if (value === undefined) return undefined;
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        throw invalidRequest(`"${name}" must be an array of strings, not ${describe(value)}`);
      }
      return value;
  }
}

/** A short description of a wrong value, for messages. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/**
 * The JSON Schema (2020-12, as OpenAPI 3.1 uses) of a body that
 * {@link readBody} accepts with `fields`.
 *
 * @example
 * bodySchema({ text: { kind: 'text', description: 'The text.' } });
 * // { type: 'object', required: ['text'], additionalProperties: false, properties: { text: { type: 'string', … } } }
 */
export function bodySchema(fields: BodyFields): object {
  const names = Object.keys(fields);
  return {
    type: 'object',
    required: names.filter((name) => fields[name]!.kind === 'text'),
    additionalProperties: false,
    properties: Object.fromEntries(names.map((name) => [name, fieldSchema(fields[name]!)])),
  };
}

function fieldSchema(field: RequestField): object {
  const { description } = field;
  switch (field.kind) {
    case 'text':
      return { type: 'string', description };
    case 'boolean':
      return { type: 'boolean', default: field.default, description };
    case 'choice':
      return { enum: [...field.choices], default: field.choices[0], description };
    case 'count':
      return { type: ['integer', 'null'], minimum: 0, default: field.default, description };
    case 'strings':
      return { type: 'array', items: { type: 'string' }, description };
  }
}
