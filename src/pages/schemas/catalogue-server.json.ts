/** JSON Schema of catalogue files, for editors; generated from the zod schema the build validates with. */
import type { APIRoute } from 'astro';
import { catalogueJsonSchema } from '../../policy/json-schema.ts';

export const GET: APIRoute = () =>
	new Response(`${JSON.stringify(catalogueJsonSchema(), null, 2)}\n`, {
		headers: { 'Content-Type': 'application/json' },
	});
