/** JSON Schema of the policy format, generated from the zod schema every snippet is validated with. */
import type { APIRoute } from 'astro';
import { policyJsonSchema } from '../../policy/json-schema.ts';

export const GET: APIRoute = () =>
	new Response(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
