import express, { type RequestHandler } from 'express';
import { HttpError } from './http-error.js';

/**
 * Deepest nesting of arrays and objects a JSON body may have. `JSON.parse` takes any depth but
 * `JSON.stringify` recurses, so a body nested a few thousand levels deep could be read and then
 * not echoed back (a stack overflow, a 500).
 */
export const MAX_JSON_DEPTH = 512;

/** True when `value` nests arrays or objects more than `levels` deep. */
export function nestedDeeperThan(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (levels === 0) return true;
  for (const member of Array.isArray(value) ? value : Object.values(value)) {
    if (nestedDeeperThan(member, levels - 1)) return true;
  }
  return false;
}

const rejectDeepJson: RequestHandler = (req, _res, next) => {
  next(nestedDeeperThan(req.body, MAX_JSON_DEPTH) ? new HttpError(422, `JSON body nested deeper than ${MAX_JSON_DEPTH} levels`) : undefined);
};

/**
 * `express.json()` (application/json bodies; malformed ones become 422 in the error handler),
 * then the nesting limit.
 */
export function jsonBody(): RequestHandler[] {
  return [express.json(), rejectDeepJson];
}
