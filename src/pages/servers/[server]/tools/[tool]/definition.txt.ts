/**
 * A tool's whole definition as plain text, hidden characters shown as tokens: written only for definitions
 * longer than their page carries (`ToolEntry.definitionFile`), so the rest of a huge one is one click away.
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { partTools } from '../../../../../data/atlas.ts';
import { definitionFileText } from '../../../../../site/raw-definition.ts';

export const getStaticPaths = (() =>
	partTools()
		.filter((entry) => entry.definitionFile)
		.map((entry) => ({
			params: { server: entry.server.slug, tool: entry.slug },
			props: { entry },
		}))) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
	new Response(definitionFileText(props.entry.tool), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
