import { Injectable, UnprocessableEntityException, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';

/** Deepest nesting of arrays and objects a JSON body may have. */
export const MAX_BODY_DEPTH = 64;

/** True when `value` nests arrays/objects more than `max` levels deep (checked without recursion). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Runs before the `ValidationPipe` (both are `APP_PIPE`s, applied in order): class-transformer
 * and the pipe's prototype-key stripping walk a body recursively, and a body nested a few
 * thousand levels deep (`[[[[…]]]]`, a few KB) would overflow the stack. Such a body is 422.
 */
@Injectable()
export class JsonDepthPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' && nestedDeeperThan(value, MAX_BODY_DEPTH)) {
      throw new UnprocessableEntityException(`JSON body nested deeper than ${MAX_BODY_DEPTH} levels`);
    }
    return value;
  }
}
