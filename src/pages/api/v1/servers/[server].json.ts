/** One server's API file: every tool with its label and policy (schema at /schemas/api-server.json). */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { partServers } from '../../../../data/atlas.ts';
import { apiServer, jsonFile } from '../../../../site/api.ts';

export const getStaticPaths = (() =>
	partServers().map((entry) => ({ params: { server: entry.slug }, props: { entry } }))) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
	new Response(jsonFile(apiServer(props.entry)), { headers: { 'Content-Type': 'application/json' } });
