/** JSON Schema of /api/v1/servers/<slug>.json, generated from the zod schema the API is validated with. */
import type { APIRoute } from 'astro';
import { apiJsonSchema, jsonFile } from '../../site/api.ts';

export const GET: APIRoute = () =>
	new Response(jsonFile(apiJsonSchema('server')), { headers: { 'Content-Type': 'application/json' } });
