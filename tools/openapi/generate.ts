/**
 * Writes docs/openapi.json from the @lab/contract zod schemas.
 * Run from the workspace root: node --import tsx tools/openapi/generate.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OPENAPI_PATH, renderOpenApi } from '../../libs/contract/src/index';

const target = fileURLToPath(new URL(`../../${OPENAPI_PATH}`, import.meta.url));
writeFileSync(target, renderOpenApi());
process.stderr.write(`wrote ${OPENAPI_PATH}\n`);
