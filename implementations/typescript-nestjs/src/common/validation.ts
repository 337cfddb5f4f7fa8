import { applyDecorators, HttpStatus, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Max, Min, ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import { INT4_MAX, INT4_MIN, parseIntText } from './int4';

/** A row id (users, products, `user_id`, `product_id`): 1 to PostgreSQL's `integer` maximum. */
export const ROW_ID = { min: 1, max: INT4_MAX } as const;

/** The largest page or N+1 offset the contract accepts. */
export const MAX_OFFSET = 1_000_000;

/** Bounds of an integer URL parameter; both inclusive, PostgreSQL `integer` limits by default. */
export interface IntParamBounds {
  min?: number;
  max?: number;
}

/**
 * An integer path or query parameter, parsed strictly from its URL text (digits with an optional
 * minus only) and range-checked, never clamped. Without explicit bounds the range is PostgreSQL's
 * `integer`: a value no column can hold is a 422, never a query. The default value is the DTO
 * property's initialiser (class-transformer only assigns keys that are present).
 */
export function IntParam(bounds: IntParamBounds = {}): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => parseIntText(value)),
    IsInt(),
    Min(bounds.min ?? INT4_MIN),
    Max(bounds.max ?? INT4_MAX),
  );
}

/** Code points of `value`: what a PostgreSQL VARCHAR(n) counts (`String.length` counts UTF-16 units). */
export function codePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/** A string of `min`–`max` code points (what VARCHAR(n) counts) without NUL characters (PostgreSQL refuses them in text). */
export function CodePointLength(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'codePointLength',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || value.includes('\0')) return false;
          const n = codePoints(value);
          return n >= min && n <= max;
        },
        defaultMessage: buildMessage((prefix) => `${prefix}$property must be ${min}-${max} characters without NUL`, options),
      },
    },
    options,
  );
}

/** A text parameter or field: a string of `min`–`max` characters, no NUL. */
export function Text(min: number, max: number): PropertyDecorator {
  return applyDecorators(IsString(), CodePointLength(min, max));
}

/**
 * The global `ValidationPipe`, as Nest's validation chapter sets it up: DTO classes with
 * class-validator decorators, `transform` (instances with their defaults), `whitelist` (unknown
 * keys dropped) and 422 instead of 400 for invalid input. Its messages become `{"detail": [...]}`
 * in `HttpExceptionFilter`.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    errorHttpStatusCode: HttpStatus.UNPROCESSABLE_ENTITY,
  });
}
