import { z } from 'zod';
import { component } from './contract-registry';

/** Every error response except 422: `{"detail": <message>}`. */
export const ErrorBody = component('ErrorBody', z.strictObject({ detail: z.string() }), 'Error body: {"detail": message}.');

/** 422 body: `detail` is a message or the framework's array of validation issues. */
export const ValidationErrorBody = component(
  'ValidationErrorBody',
  z.strictObject({ detail: z.union([z.string(), z.array(z.unknown())]) }),
  'Invalid input: detail is a message or the array of validation issues.',
);

/** An error body whose `detail` must be one of the given fixed messages. */
export function detailBody<const M extends readonly [string, ...string[]]>(...messages: M) {
  return z.strictObject({ detail: z.enum(messages) });
}
