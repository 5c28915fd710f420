/**
 * Writes `content/server.schema.json`, the JSON Schema editors use for catalogue files
 * (`# yaml-language-server: $schema=../server.schema.json`). Generated from the zod schema; a unit
 * test fails when the committed copy is stale, so run `npm run schemas` after changing the schema.
 */
import { writeFileSync } from 'node:fs';
import { catalogueJsonSchema } from '../src/policy/json-schema.ts';

writeFileSync('content/server.schema.json', `${JSON.stringify(catalogueJsonSchema(), null, 2)}\n`);
console.log('wrote content/server.schema.json');
