/**
 * The OpenAPI 3.1 description of the HTTP API, served at `GET /openapi.json`.
 *
 * @module
 */

import { VERSION } from '../version.js';
import { bodySchema, type BodyFields } from './request-fields.js';
import { REQUEST_FIELDS } from './requests.js';

/** A required JSON body whose schema is generated from the fields its check reads. */
const jsonBody = (fields: BodyFields): object => ({
  required: true,
  content: { 'application/json': { schema: bodySchema(fields) } },
});
const jsonResponse = (description: string, schema: object): object => ({
  description,
  content: { 'application/json': { schema } },
});

const errors = {
  '400': { $ref: '#/components/responses/BadRequest' },
  '403': { $ref: '#/components/responses/Error' },
  '408': { $ref: '#/components/responses/Error' },
  '413': { $ref: '#/components/responses/Error' },
  '415': { $ref: '#/components/responses/Error' },
  '503': { $ref: '#/components/responses/Unavailable' },
};

/**
 * The document. Offsets in `/tokenize` are UTF-16 code-unit indices, as
 * JavaScript's `String.prototype.slice` takes them, unless the request's
 * `offsets` asks for bytes or code points.
 *
 * @example
 * OPENAPI_DOCUMENT.paths['/cut']; // the /cut operation
 */
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'jieba-ts',
    version: VERSION,
    description:
      'Chinese word segmentation, POS tagging and keywords, identical to Python jieba 0.42.1. ' +
      'Errors are JSON: {"error": {"status", "code", "message"}}.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  paths: {
    '/health': {
      get: {
        summary: 'Liveness, version and memory',
        responses: {
          '200': jsonResponse('The server is up.', {
            type: 'object',
            required: ['status', 'version', 'jieba'],
            properties: {
              status: { const: 'ok' },
              version: { type: 'string' },
              jieba: { type: 'string', description: 'The Python jieba release whose output this matches.' },
              uptimeSeconds: { type: 'integer' },
              memory: {
                type: 'object',
                properties: { rssBytes: { type: 'integer' }, heapUsedBytes: { type: 'integer' } },
              },
              inflight: { type: 'integer', description: 'Requests received and not yet fully answered.' },
            },
          }),
        },
      },
    },
    '/openapi.json': {
      get: { summary: 'This document', responses: { '200': jsonResponse('OpenAPI 3.1', { type: 'object' }) } },
    },
    '/cut': {
      post: {
        summary: 'Split text into words (jieba.lcut, lcut(cut_all=True), lcut_for_search)',
        requestBody: jsonBody(REQUEST_FIELDS['/cut']),
        responses: {
          '200': jsonResponse('The words, in order.', {
            type: 'object',
            properties: { tokens: { type: 'array', items: { type: 'string' } } },
          }),
          ...errors,
        },
      },
    },
    '/tokenize': {
      post: {
        summary: 'Words with their offsets (jieba.tokenize)',
        requestBody: jsonBody(REQUEST_FIELDS['/tokenize']),
        responses: {
          '200': jsonResponse('Words with their offsets, UTF-16 by default (text.slice(start, end) === word in JavaScript), or as "offsets" asks.', {
            type: 'object',
            properties: {
              tokens: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { word: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' } },
                },
              },
            },
          }),
          ...errors,
        },
      },
    },
    '/tag': {
      post: {
        summary: 'Words with part-of-speech tags (jieba.posseg.lcut)',
        requestBody: jsonBody(REQUEST_FIELDS['/tag']),
        responses: {
          '200': jsonResponse('Tagged words.', {
            type: 'object',
            properties: {
              tokens: {
                type: 'array',
                items: { type: 'object', properties: { word: { type: 'string' }, tag: { type: 'string' } } },
              },
            },
          }),
          ...errors,
        },
      },
    },
    '/keywords': {
      post: {
        summary: 'Keywords by TF-IDF or TextRank (jieba.analyse.extract_tags, textrank)',
        requestBody: jsonBody(REQUEST_FIELDS['/keywords']),
        responses: {
          '200': jsonResponse('Keywords, best first.', {
            type: 'object',
            properties: {
              keywords: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['word', 'weight'],
                  properties: { word: { type: 'string' }, weight: { type: 'number' }, tag: { type: 'string' } },
                },
              },
            },
          }),
          ...errors,
        },
      },
    },
  },
  components: {
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['status', 'code', 'message'],
            properties: {
              status: { type: 'integer' },
              code: {
                enum: [
                  'invalid_request',
                  'invalid_json',
                  'invalid_utf8',
                  'not_found',
                  'method_not_allowed',
                  'request_timeout',
                  'payload_too_large',
                  'unsupported_media_type',
                  'unsupported_encoding',
                  'forbidden_host',
                  'overloaded',
                  'timeout',
                  'shutting_down',
                  'internal_error',
                ],
              },
              message: { type: 'string' },
            },
          },
        },
      },
    },
    responses: {
      BadRequest: {
        description: 'Invalid JSON, invalid UTF-8, or a field of the wrong type.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
      Error: {
        description: 'A host this server does not answer to (403), a body too slow (408) or too large (413), not JSON or compressed (415).',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
      Unavailable: {
        description: 'Too many requests in flight (overloaded, with Retry-After), the answer took too long (timeout), or the server is stopping.',
        headers: { 'Retry-After': { schema: { type: 'integer' } } },
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  },
} as const;
