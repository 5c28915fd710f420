/** The tool's recommended policy as a downloadable file (same bytes as the page's snippet). */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { atlas } from '../../../../../data/atlas.ts';

export const getStaticPaths = (() =>
	atlas.tools.map((entry) => ({
		params: { server: entry.server.slug, tool: entry.slug },
		props: { entry },
	}))) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
	new Response(props.entry.policyJson, { headers: { 'Content-Type': 'application/json' } });
