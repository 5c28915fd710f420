/** The API's index: every server with its counts (src/site/api.ts, schema at /schemas/api-catalogue.json). */
import type { APIRoute } from 'astro';
import { atlas } from '../../../data/atlas.ts';
import { apiCatalogue, jsonFile } from '../../../site/api.ts';

export const GET: APIRoute = () =>
	new Response(jsonFile(apiCatalogue(atlas)), { headers: { 'Content-Type': 'application/json' } });
