import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodySchema, readBody, RequestError, type BodyFields } from '../../src/server/request-fields.js';

const FIELDS = {
  text: { kind: 'text', description: 'The text.' },
  mode: { kind: 'choice', choices: ['a', 'b'], description: 'A or B.' },
  hmm: { kind: 'boolean', default: true, description: 'Flag.' },
  topK: { kind: 'count', default: 20, description: 'How many.' },
  tags: { kind: 'strings', description: 'Tags.' },
} as const satisfies BodyFields;

function messageOf(json: unknown): string {
  try {
    readBody(FIELDS, json);
  } catch (error) {
    assert.ok(error instanceof RequestError);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'invalid_request');
    return error.message;
  }
  assert.fail(`${JSON.stringify(json)} was accepted`);
}

describe('readBody', () => {
  it('fills in the defaults of the fields left out', () => {
    assert.deepEqual(readBody(FIELDS, { text: 'x' }), { text: 'x', mode: 'a', hmm: true, topK: 20, tags: undefined });
    assert.deepEqual(readBody(FIELDS, { text: '', mode: 'b', hmm: false, topK: null, tags: ['n'] }), {
      text: '',
      mode: 'b',
      hmm: false,
      topK: null,
      tags: ['n'],
    });
  });

  it('refuses what is not an object, and unknown fields, naming the ones it takes', () => {
    for (const json of [null, [], 'text', 3]) assert.equal(messageOf(json), 'the body must be a JSON object');
    assert.equal(messageOf({ text: 'x', HMM: true }), 'unknown field "HMM"; this route takes "text", "mode", "hmm", "topK", "tags"');
  });

  it('says which field is wrong and what it was', () => {
    assert.equal(messageOf({}), '"text" is required');
    assert.equal(messageOf({ text: 1 }), '"text" must be a string, not number 1');
    assert.equal(messageOf({ text: 'x', mode: 'c' }), '"mode" must be one of "a", "b", not "c"');
    assert.equal(messageOf({ text: 'x', hmm: 'yes' }), '"hmm" must be true or false, not "yes"');
    assert.equal(messageOf({ text: 'x', topK: -1 }), '"topK" must be a non-negative integer or null, not number -1');
    assert.equal(messageOf({ text: 'x', topK: 1.5 }), '"topK" must be a non-negative integer or null, not number 1.5');
    assert.equal(messageOf({ text: 'x', tags: [1] }), '"tags" must be an array of strings, not an array');
    assert.equal(messageOf({ text: 'x'.repeat(30), mode: 'y'.repeat(30) }), `"mode" must be one of "a", "b", not "${'y'.repeat(20)}…"`);
  });
});

describe('bodySchema', () => {
  it('documents each field as the check reads it', () => {
    assert.deepEqual(bodySchema(FIELDS), {
      type: 'object',
      required: ['text'],
      additionalProperties: false,
      properties: {
        text: { type: 'string', description: 'The text.' },
        mode: { enum: ['a', 'b'], default: 'a', description: 'A or B.' },
        hmm: { type: 'boolean', default: true, description: 'Flag.' },
        topK: { type: ['integer', 'null'], minimum: 0, default: 20, description: 'How many.' },
        tags: { type: 'array', items: { type: 'string' }, description: 'Tags.' },
      },
    });
  });
});
