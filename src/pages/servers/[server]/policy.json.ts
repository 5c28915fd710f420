/** The server's full recommended policy as a downloadable file (same bytes as the page's snippet). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { atlas } from '../../../data/atlas.ts';
import type { ServerEntry } from '../../../site/model.ts';

export const getStaticPaths = (() =>
	atlas.servers.map((entry) => ({ params: { server: entry.slug }, props: { entry } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response((props as { entry: ServerEntry }).entry.policyJson, { headers: { 'Content-Type': 'application/json' } });
