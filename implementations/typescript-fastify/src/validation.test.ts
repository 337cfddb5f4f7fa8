import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileValidator, convertIntegers, integerProperties, validationErrors } from './validation.js';

const sizeQuery = {
  type: 'object',
  properties: { size: { type: 'integer', minimum: 1, maximum: 100, default: 20 }, q: { type: 'string' } },
};

function validate(data: Record<string, unknown>, httpPart = 'querystring') {
  const fn = compileValidator({ schema: sizeQuery, httpPart, method: 'GET', url: '/x' }) as ((d: unknown) => boolean) & { errors?: unknown[] | null };
  return { ok: fn(data), errors: fn.errors, data };
}

describe('integer parameters', () => {
  it('finds the integer properties of an object schema', () => {
    assert.deepEqual(integerProperties(sizeQuery), ['size']);
    assert.deepEqual(integerProperties({ type: 'object' }), []);
  });

  it('converts decimal integer text only, as the contract parses it', () => {
    for (const [text, value] of [
      ['1', 1],
      ['007', 7],
      ['-3', -3],
      ['100', 100],
    ] as const) {
      const data: Record<string, unknown> = { size: text };
      convertIntegers(data, ['size']);
      assert.equal(data['size'], value, text);
    }
    for (const text of ['', ' 5', '+5', '1e2', '0x10', '1.0', 'abc', '5 ']) {
      const data: Record<string, unknown> = { size: text };
      convertIntegers(data, ['size']);
      assert.equal(data['size'], text, text);
    }
  });

  it('validates the converted value, fills defaults and never coerces anything else', () => {
    assert.deepEqual(validate({ size: '42' }), { ok: true, errors: null, data: { size: 42 } });
    assert.deepEqual(validate({}).data, { size: 20 });
    for (const size of ['0', '101', '1e1', '', ['1', '2'], '99999999999999999999']) assert.equal(validate({ size }).ok, false, String(size));
    // A body is never converted: "5" stays a string and fails `type: integer`.
    assert.equal(validate({ size: '5' }, 'body').ok, false);
  });
});

describe('validationErrors', () => {
  it('turns Ajv errors into {loc, msg, type} per request part', () => {
    const { errors } = validate({ size: 'x' });
    assert.deepEqual(validationErrors(errors as never, 'querystring'), [{ loc: ['query', 'size'], msg: 'must be integer', type: 'type' }]);
    const missing = [
      { keyword: 'required', instancePath: '', schemaPath: '#/required', params: { missingProperty: 'name' }, message: "must have required property 'name'" },
    ];
    assert.deepEqual(validationErrors(missing, 'body'), [{ loc: ['body', 'name'], msg: "must have required property 'name'", type: 'required' }]);
    const item = [{ keyword: 'type', instancePath: '/data/items/2', schemaPath: '#/type', params: {}, message: 'must be string' }];
    assert.deepEqual(validationErrors(item, 'body'), [{ loc: ['body', 'data', 'items', 2], msg: 'must be string', type: 'type' }]);
  });
});
