/** `/llms.txt`: what the site is and where its API and key pages are (src/site/llms.ts). */
import type { APIRoute } from 'astro';
import { atlas } from '../data/atlas.ts';
import { llmsTxt } from '../site/llms.ts';

export const GET: APIRoute = ({ site }) =>
	new Response(llmsTxt(atlas, site), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
