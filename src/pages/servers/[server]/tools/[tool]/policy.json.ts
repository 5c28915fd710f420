/** The tool's recommended policy as a downloadable file (same bytes as the page's snippet). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { atlas } from '../../../../../data/atlas.ts';
import type { ToolEntry } from '../../../../../site/model.ts';

export const getStaticPaths = (() =>
	atlas.tools.map((entry) => ({
		params: { server: entry.server.slug, tool: entry.slug },
		props: { entry },
	}))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response((props as { entry: ToolEntry }).entry.policyJson, { headers: { 'Content-Type': 'application/json' } });
