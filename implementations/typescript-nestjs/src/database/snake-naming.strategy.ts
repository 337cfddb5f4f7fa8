import { DefaultNamingStrategy, type NamingStrategyInterface } from 'typeorm';

/**
 * `createdAt` → `created_at`, `field01` → `field_01`, `intCol01` → `int_col_01`: an underscore
 * before each capital and before a run of digits that follows a letter.
 */
export function snakeCase(propertyName: string): string {
  return propertyName
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Za-z])(\d)/g, '$1_$2')
    .toLowerCase();
}

/**
 * TypeORM naming strategy for the lab's snake_case schema: entities keep TypeScript's camelCase
 * properties, columns are named by `snakeCase` unless a decorator names them.
 */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override columnName(propertyName: string, customName: string | undefined, embeddedPrefixes: string[]): string {
    return snakeCase([...embeddedPrefixes, customName ?? propertyName].join('_'));
  }
}
