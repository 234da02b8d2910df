/**
 * The JSON bodies the HTTP API accepts. Each route's fields are described
 * once (see `request-fields.ts`): a request either matches its shape
 * exactly or is refused with a message naming the field, never
 * half-understood (unknown fields are refused too, so a typo like `"HMM"`
 * does not silently fall back to a default), and the OpenAPI document is
 * generated from the same descriptions.
 *
 * @module
 */

import { CUT_MODES, TOKENIZE_MODES, type CutMode, type TokenizeMode } from '../cut/modes.js';
import { OFFSET_UNITS, type OffsetUnit } from '../text/offset-units.js';
import { invalidRequest, readBody, type BodyFields } from './request-fields.js';

export { RequestError } from './request-fields.js';

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
  offsets: OffsetUnit;
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

const text = { kind: 'text', description: 'The text to work on.' } as const;
const hmm = {
  kind: 'boolean',
  default: true,
  description: 'Find words missing from the dictionary with the HMM (Python: HMM=True).',
} as const;

/**
 * The fields of each route's body, by path: what the checks below accept
 * and what `GET /openapi.json` documents.
 *
 * @example
 * Object.keys(REQUEST_FIELDS['/cut']); // ['text', 'mode', 'hmm']
 */
export const REQUEST_FIELDS = {
  '/cut': {
    text,
    mode: { kind: 'choice', choices: CUT_MODES, description: 'Accurate, full or search-engine mode.' },
    hmm: { ...hmm, description: `${hmm.description} Ignored by mode "all".` },
  },
  '/tokenize': {
    text,
    mode: { kind: 'choice', choices: TOKENIZE_MODES, description: 'Accurate or search-engine mode.' },
    hmm,
    offsets: {
      kind: 'choice',
      choices: OFFSET_UNITS,
      description:
        'What start and end count: UTF-16 code units (JavaScript string indices), bytes of the UTF-8 text, or code points (Python string indices, the numbers of jieba.tokenize).',
    },
  },
  '/tag': { text, hmm },
  '/keywords': {
    text,
    method: { kind: 'choice', choices: ['tfidf', 'textrank'] as const, description: 'TF-IDF (extract_tags) or TextRank.' },
    topK: { kind: 'count', default: 20, description: '0 or null: every keyword.' },
    allowPOS: {
      kind: 'strings',
      description: 'Only words with these tags (TF-IDF default: all; TextRank default: ns, n, vn, v).',
    },
    withFlag: { kind: 'boolean', default: false, description: "Add each keyword's tag (TF-IDF: needs allowPOS)." },
  },
} as const satisfies Record<string, BodyFields>;

/**
 * Check a `POST /cut` body.
 *
 * @example
 * parseCutRequest({ text: '我来到北京', mode: 'search' }); // { text: '我来到北京', mode: 'search', hmm: true }
 */
export function parseCutRequest(json: unknown): CutRequest {
  return readBody(REQUEST_FIELDS['/cut'], json);
}

/**
 * Check a `POST /tokenize` body.
 *
 * @example
 * parseTokenizeRequest({ text: '永和服装饰品' }); // { text: '永和服装饰品', mode: 'default', hmm: true, offsets: 'utf16' }
 */
export function parseTokenizeRequest(json: unknown): TokenizeRequest {
  return readBody(REQUEST_FIELDS['/tokenize'], json);
}

/**
 * Check a `POST /tag` body.
 *
 * @example
 * parseTagRequest({ text: '我爱北京天安门', hmm: false }); // { text: '我爱北京天安门', hmm: false }
 */
export function parseTagRequest(json: unknown): TagRequest {
  return readBody(REQUEST_FIELDS['/tag'], json);
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
  const request = readBody(REQUEST_FIELDS['/keywords'], json);
  if (request.withFlag && request.method === 'tfidf' && (request.allowPOS === undefined || request.allowPOS.length === 0)) {
    throw invalidRequest('"withFlag" needs a non-empty "allowPOS" with method "tfidf"');
  }
  return request;
}
