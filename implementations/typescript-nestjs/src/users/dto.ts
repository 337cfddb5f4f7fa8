import { Contains, ValidateIf } from 'class-validator';
import { CodePointLength, Text } from '../common/validation';

/** `POST /users`: name 1–100 characters, email with "@" of at most 255 (no NUL: PostgreSQL refuses it). */
export class CreateUserDto {
  @Text(1, 100)
  name: string;

  @Text(0, 255)
  @Contains('@')
  email: string;
}

/**
 * `PUT /users/{id}`: partial, same rules. A field that is present is validated, `null` included
 * (the columns are NOT NULL); `@IsOptional()` would let `null` through.
 */
export class UpdateUserDto {
  @ValidateIf((_dto, value) => value !== undefined)
  @Text(1, 100)
  name?: string;

  @ValidateIf((_dto, value) => value !== undefined)
  @CodePointLength(0, 255)
  @Contains('@')
  email?: string;
}
