/** `/robots.txt`: crawl everything; names the sitemap when ATLAS_SITE_URL gives the site's origin. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../site/llms.ts';

export const GET: APIRoute = ({ site }) =>
	new Response(robotsTxt(site), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
