/**
 * The JSON bodies the HTTP API accepts, checked field by field: a request
 * either matches its shape exactly or is refused with a message naming the
 * field, never half-understood (unknown fields are refused too, so a typo
 * like `"HMM"` does not silently fall back to a default).
 *
 * @module
 */

import { CUT_MODES, TOKENIZE_MODES, type CutMode, type TokenizeMode } from '../cut/modes.js';

/**
 * A client mistake, answered with `status` and a JSON error body.
 *
 * @example
 * throw new RequestError(400, 'invalid_request', '"text" is required');
 * // answered as {"error": {"status": 400, "code": "invalid_request", "message": "\"text\" is required"}}
 */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** `POST /cut`. */
export interface CutRequest {
  text: string;
  mode: CutMode;
  hmm: boolean;
}

/** `POST /tokenize`. */
export interface TokenizeRequest {
  text: string;
  mode: TokenizeMode;
  hmm: boolean;
}

/** `POST /tag`. */
export interface TagRequest {
  text: string;
  hmm: boolean;
}

/** `POST /keywords`. */
export interface KeywordsRequest {
  text: string;
  method: 'tfidf' | 'textrank';
  topK: number | null;
  allowPOS: string[] | undefined;
  withFlag: boolean;
}

type Body = Record<string, unknown>;

function invalid(message: string): RequestError {
  return new RequestError(400, 'invalid_request', message);
}

function object(body: unknown, allowed: readonly string[]): Body {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('the body must be a JSON object');
  }
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) throw invalid(`unknown field "${key}"; this route takes ${allowed.map((k) => `"${k}"`).join(', ')}`);
  }
  return body as Body;
}

function text(body: Body): string {
  if (!('text' in body)) throw invalid('"text" is required');
  if (typeof body.text !== 'string') throw invalid(`"text" must be a string, not ${describe(body.text)}`);
  return body.text;
}

function boolean(body: Body, key: string, fallback: boolean): boolean {
  const value = body[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw invalid(`"${key}" must be true or false, not ${describe(value)}`);
  return value;
}

function choice<T extends string>(body: Body, key: string, choices: readonly T[]): T {
  const value = body[key];
  if (value === undefined) return choices[0]!;
  if (typeof value !== 'string' || !choices.includes(value as T)) {
    throw invalid(`"${key}" must be one of ${choices.map((c) => `"${c}"`).join(', ')}, not ${describe(value)}`);
  }
  return value as T;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/**
 * Check a `POST /cut` body.
 *
 * @example
 * parseCutRequest({ text: '我来到北京', mode: 'search' }); // { text: '我来到北京', mode: 'search', hmm: true }
 */
export function parseCutRequest(json: unknown): CutRequest {
  const body = object(json, ['text', 'mode', 'hmm']);
  return { text: text(body), mode: choice(body, 'mode', CUT_MODES), hmm: boolean(body, 'hmm', true) };
}

/**
 * Check a `POST /tokenize` body.
 *
 * @example
 * parseTokenizeRequest({ text: '永和服装饰品' }); // { text: '永和服装饰品', mode: 'default', hmm: true }
 */
export function parseTokenizeRequest(json: unknown): TokenizeRequest {
  const body = object(json, ['text', 'mode', 'hmm']);
  return { text: text(body), mode: choice(body, 'mode', TOKENIZE_MODES), hmm: boolean(body, 'hmm', true) };
}

/**
 * Check a `POST /tag` body.
 *
 * @example
 * parseTagRequest({ text: '我爱北京天安门', hmm: false }); // { text: '我爱北京天安门', hmm: false }
 */
export function parseTagRequest(json: unknown): TagRequest {
  const body = object(json, ['text', 'hmm']);
  return { text: text(body), hmm: boolean(body, 'hmm', true) };
}

/**
 * Check a `POST /keywords` body. `topK` is a non-negative integer or null
 * (0 and null: every keyword); `allowPOS` a list of tags; `withFlag` adds
 * each keyword's tag and needs `allowPOS`, as in Python.
 *
 * @example
 * parseKeywordsRequest({ text: '…', method: 'textrank', topK: 5 });
 */
export function parseKeywordsRequest(json: unknown): KeywordsRequest {
  const body = object(json, ['text', 'method', 'topK', 'allowPOS', 'withFlag']);
  const method = choice(body, 'method', ['tfidf', 'textrank'] as const);
  let topK: number | null = 20;
  if (body.topK !== undefined) {
    if (body.topK !== null && !(Number.isSafeInteger(body.topK) && (body.topK as number) >= 0)) {
      throw invalid(`"topK" must be a non-negative integer or null, not ${describe(body.topK)}`);
    }
    topK = body.topK as number | null;
  }
  let allowPOS: string[] | undefined;
  if (body.allowPOS !== undefined) {
    if (!Array.isArray(body.allowPOS) || !body.allowPOS.every((tag) => typeof tag === 'string')) {
      throw invalid(`"allowPOS" must be an array of strings, not ${describe(body.allowPOS)}`);
    }
    allowPOS = body.allowPOS as string[];
  }
  const withFlag = boolean(body, 'withFlag', false);
  if (withFlag && method === 'tfidf' && (allowPOS === undefined || allowPOS.length === 0)) {
    throw invalid('"withFlag" needs a non-empty "allowPOS" with method "tfidf"');
  }
  return { text: text(body), method, topK, allowPOS, withFlag };
}
