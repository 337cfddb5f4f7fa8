import fc from 'fast-check';
import type { z } from 'zod';
import type { BodyInput } from './fuzz-request';
import { invalidArbitrary, validArbitrary } from './zod-arbitrary';

const JSON_TYPE = 'application/json';
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const raw = (bytes: Uint8Array, verdict: Extract<BodyInput, { kind: 'raw' }>['verdict'], contentType: string | null = JSON_TYPE): BodyInput => ({
  kind: 'raw',
  bytes,
  contentType,
  verdict,
});

/** How deep the deeply nested bodies go: ten times the recursion limit of common JSON parsers (CPython: 1,000), under 100 kB. */
export const DEEP_NESTING = 10_000;

/** `{"<first key>": …deep…}` or a deep array: nesting only, nothing else wrong. */
function deepJson(depth: number, open: string, close: string, inner = '1'): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

/** Replaces the first JSON string value of `text` (after a colon) by `replacement`. */
function replaceFirstValue(text: string, replacement: string): string {
  const replaced = text.replace(/:("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)/, `:${replacement}`);
  return replaced === text ? text : replaced;
}

/**
 * Malformed or unusual JSON bodies for an endpoint whose body is `schema`, each with how to judge
 * it: truncated JSON, a raw NUL or invalid UTF-8 inside a string, deep nesting, huge numbers,
 * trailing garbage, single quotes, NaN, a BOM, duplicate keys, other content types, no body.
 */
export function malformedJsonBodyCases(schema: z.ZodType): fc.Arbitrary<{ body: BodyInput; label: string }>[] {
  const valid = validArbitrary(schema, 'json').map((v) => JSON.stringify(v) ?? '{}');
  const validObject = valid.filter((t) => t.startsWith('{') && t.length > 2);
  const cases: fc.Arbitrary<{ body: BodyInput; label: string }>[] = [
    fc.tuple(valid, fc.nat()).map(([text, i]) => ({
      body: raw(utf8(text.slice(0, 1 + (i % Math.max(1, text.length - 1)))), 'check'),
      label: 'body: truncated JSON',
    })),
    validObject.map((text) => ({
      body: raw(Buffer.concat([utf8(text.slice(0, text.indexOf('"') + 1)), Buffer.from([0]), utf8(text.slice(text.indexOf('"') + 1))]), 'check'),
      label: 'body: raw NUL byte inside a string',
    })),
    validObject.map((text) => ({
      body: raw(utf8(replaceFirstValue(text, '"a\\u0000b"')), 'check'),
      label: 'body: escaped NUL (\\u0000) in a string',
    })),
    fc.tuple(validObject, fc.constantFrom([0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82])).map(([text, bytes]) => {
      const at = text.indexOf('"') + 1;
      return {
        body: raw(Buffer.concat([utf8(text.slice(0, at)), Buffer.from(bytes), utf8(text.slice(at))]), 'lenient'),
        label: 'body: invalid UTF-8 inside a string',
      };
    }),
    fc.constantFrom('[', '{"a":').map((open) => ({
      body: raw(utf8(open === '[' ? deepJson(DEEP_NESTING, '[', ']') : deepJson(DEEP_NESTING, '{"a":', '}')), 'check-or-lenient'),
      label: `body: ${DEEP_NESTING} levels of nesting`,
    })),
    validObject.map((text) => ({
      body: raw(utf8(`${text.slice(0, -1)},"zz_deep":${deepJson(DEEP_NESTING, '[', ']')}}`), 'lenient'),
      label: `body: an extra key nested ${DEEP_NESTING} levels deep`,
    })),
    fc.tuple(validObject, fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890', '1e-400')).map(([text, n]) => ({
      body: raw(utf8(replaceFirstValue(text, n)), 'check-or-lenient'),
      label: `body: huge number ${n} for a field`,
    })),
    fc.tuple(validObject, fc.constantFrom('1e400', '123456789012345678901234567890')).map(([text, n]) => ({
      body: raw(utf8(`${text.slice(0, -1)},"zz_big":${n}}`), 'lenient'),
      label: `body: huge number ${n} in an extra key`,
    })),
    fc.tuple(valid, fc.constantFrom(' x', ',', '}', ' {}', '\u0000')).map(([text, tail]) => ({
      body: raw(utf8(text + tail), 'check'),
      label: 'body: trailing garbage after the JSON value',
    })),
    validObject.map((text) => ({ body: raw(utf8(text.replace(/"/g, "'")), 'check'), label: 'body: single quotes' })),
    validObject.map((text) => ({ body: raw(utf8(`${text.slice(0, -1)},}`), 'check'), label: 'body: trailing comma' })),
    fc.constantFrom('', ' ', 'null', 'true', '0', '"x"', '[]', '{', '}', 'nul', '\u0000').map((text) => ({
      body: raw(utf8(text), 'check'),
      label: `body: ${JSON.stringify(text)}`,
    })),
    validObject.map((text) => ({
      body: raw(utf8(`${text.slice(0, -1)},"zz_nan":NaN}`), 'lenient'),
      label: 'body: NaN literal (not JSON, some parsers accept it)',
    })),
    valid.map((text) => ({ body: raw(utf8(`\uFEFF${text}`), 'lenient'), label: 'body: UTF-8 byte order mark' })),
    validObject.map((text) => ({ body: raw(utf8(`${text.slice(0, -1)},${text.slice(1)}`), 'lenient'), label: 'body: duplicate keys' })),
    fc
      .tuple(valid, fc.constantFrom<string | null>('text/plain', 'application/x-www-form-urlencoded', null, 'application/json; charset=latin1'))
      .map(([text, type]) => ({ body: raw(utf8(text), 'lenient', type), label: `body: JSON sent as ${type ?? 'no content type'}` })),
  ];
  const bad = invalidArbitrary(schema, 'json');
  if (bad) {
    cases.push(bad.map((value) => ({ body: { kind: 'json', value }, label: value === undefined ? 'body: none' : 'body: schema-invalid JSON' })));
  }
  return cases;
}

/** One of `malformedJsonBodyCases`. */
export function malformedJsonBody(schema: z.ZodType): fc.Arbitrary<{ body: BodyInput; label: string }> {
  return fc.oneof(...malformedJsonBodyCases(schema));
}

/** A long but valid string body field: large bodies must be read whole (stays under common 100 kB limits). */
export function largeJsonBody(schema: z.ZodObject): fc.Arbitrary<{ body: BodyInput; label: string }> | null {
  const stringKey = Object.entries(schema.shape as Record<string, z.ZodType>).find(([, s]) => s.safeParse('x'.repeat(30_000)).success)?.[0];
  if (stringKey === undefined) return null;
  return fc.tuple(validArbitrary(schema, 'json'), fc.integer({ min: 10_000, max: 60_000 })).map(([value, n]) => ({
    body: { kind: 'json', value: { ...(value as object), [stringKey]: 'x'.repeat(n) } },
    label: `body: ${stringKey} of ${n} characters`,
  }));
}

const CRLF = '\r\n';
const token = fc.stringMatching(/^[A-Za-z0-9]{8,24}$/);
const fileName = fc.stringMatching(/^[A-Za-z0-9_-]{1,16}(\.[a-z]{1,4})?$/);
const partType = fc.constantFrom('application/octet-stream', 'text/plain', 'image/png', 'application/json');
const bytes = fc.uint8Array({ minLength: 1, maxLength: 4096 });

interface Part {
  name: string;
  filename?: string;
  type?: string;
  data: Uint8Array;
}

/** A multipart/form-data body with these parts (`close: false` leaves out the closing delimiter). */
export function multipartBytes(boundary: string, parts: readonly Part[], close = true): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
    chunks.push(utf8(`--${boundary}${CRLF}Content-Disposition: ${disposition}${CRLF}${p.type ? `Content-Type: ${p.type}${CRLF}` : ''}${CRLF}`));
    chunks.push(Buffer.from(p.data), utf8(CRLF));
  }
  if (close) chunks.push(utf8(`--${boundary}--${CRLF}`));
  return Buffer.concat(chunks);
}

const multipartType = (boundary: string) => `multipart/form-data; boundary=${boundary}`;

/** Well-formed uploads: one file part (sometimes beside a text field). */
export function validMultipart(field: string): fc.Arbitrary<{ body: BodyInput; label: string }> {
  return fc.record({ boundary: token, name: fileName, type: partType, data: bytes, extra: fc.boolean() }).map(({ boundary, name, type, data, extra }) => {
    const parts: Part[] = [{ name: field, filename: name, type, data }];
    if (extra) parts.unshift({ name: 'note', data: utf8('hello') });
    return { body: raw(multipartBytes(boundary, parts), 'valid', multipartType(boundary)), label: `multipart: ${field} part of ${data.length} bytes` };
  });
}

/**
 * Uploads without a proper file part (the contract's 422 `No file uploaded`) and odd ones it
 * does not settle (truncated body, empty file name or content, two files, LF line ends).
 */
export function malformedMultipartCases(field: string): fc.Arbitrary<{ body: BodyInput; label: string }>[] {
  const item = (body: Buffer, verdict: 'invalid' | 'lenient', label: string, contentType: string | null) => ({
    body: raw(body, verdict, contentType),
    label: `multipart: ${label}`,
  });
  return [
    fc
      .record({ b: token, data: bytes })
      .map(({ b, data }) =>
        item(multipartBytes(b, [{ name: 'other', filename: 'a.bin', data }]), 'invalid', 'only a part with another name', multipartType(b)),
      ),
    token.map((b) => item(utf8(`--${b}--${CRLF}`), 'invalid', 'no parts at all', multipartType(b))),
    token.map((b) => item(Buffer.alloc(0), 'invalid', 'empty body', multipartType(b))),
    fc
      .record({ b: token, data: bytes })
      .map(({ b, data }) => item(multipartBytes(b, [{ name: field, data }]), 'invalid', `${field} as a text field (no filename)`, multipartType(b))),
    fc
      .record({ b: token, data: bytes })
      .map(({ b, data }) => item(multipartBytes(b, [{ name: field, filename: 'a.bin', data }]), 'invalid', 'no boundary parameter', 'multipart/form-data')),
    fc
      .record({ b: token, c: token, data: bytes })
      .map(({ b, c, data }) =>
        item(multipartBytes(b, [{ name: field, filename: 'a.bin', data }]), 'invalid', 'boundary of the header not in the body', multipartType(`${c}x`)),
      ),
    bytes.map((data) => item(Buffer.from(data), 'invalid', 'raw bytes, no content type', null)),
    fc.constant(item(utf8('{"file":"abc"}'), 'invalid', 'a JSON body', JSON_TYPE)),
    fc.record({ b: token, data: bytes, cut: fc.nat() }).map(({ b, data, cut }) => {
      const full = multipartBytes(b, [{ name: field, filename: 'a.bin', data }], false);
      return item(full.subarray(0, 1 + (cut % (full.length - 1))), 'lenient', 'truncated body', multipartType(b));
    }),
    fc
      .record({ b: token, data: bytes })
      .map(({ b, data }) => item(multipartBytes(b, [{ name: field, filename: '', data }]), 'lenient', 'empty filename', multipartType(b))),
    token.map((b) => item(multipartBytes(b, [{ name: field, filename: 'empty.bin', data: new Uint8Array(0) }]), 'lenient', 'empty file', multipartType(b))),
    fc.record({ b: token, data: bytes }).map(({ b, data }) =>
      item(
        multipartBytes(b, [
          { name: field, filename: 'a.bin', data },
          { name: field, filename: 'b.bin', data },
        ]),
        'lenient',
        'two file parts',
        multipartType(b),
      ),
    ),
    fc
      .record({ b: token, data: bytes, name: fc.constantFrom('ünïcødé.txt', 'a"b.txt', '../../etc/passwd', 'a\u0000b.bin', ' ') })
      .map(({ b, data, name }) =>
        item(multipartBytes(b, [{ name: field, filename: name, data }]), 'lenient', `filename ${JSON.stringify(name)}`, multipartType(b)),
      ),
    fc.record({ b: token, data: bytes }).map(({ b, data }) =>
      item(
        Buffer.from(
          multipartBytes(b, [{ name: field, filename: 'a.bin', data }])
            .toString('latin1')
            .replace(/\r\n/g, '\n'),
          'latin1',
        ),
        'lenient',
        'LF line ends',
        multipartType(b),
      ),
    ),
  ];
}

/** One of `malformedMultipartCases`. */
export function malformedMultipart(field: string): fc.Arbitrary<{ body: BodyInput; label: string }> {
  return fc.oneof(...malformedMultipartCases(field));
}
