/**
 * The server's recommended policy in each format: `policy.json`, `claude-code.json`, `codex.toml`,
 * `intercept.yaml`. One file per server and format; tool-level files are made in the browser from the page text.
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { partServers } from '../../../data/atlas.ts';
import { FORMATS } from '../../../policy/formats/index.ts';
import { FORMAT_FILES } from '../../../site/urls.ts';

export const getStaticPaths = (() =>
	partServers().flatMap((entry) =>
		FORMATS.map((format) => ({
			params: { server: entry.slug, file: FORMAT_FILES[format.id] },
			props: { text: entry.formatFiles[format.id].text, mediaType: format.mediaType },
		})),
	)) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
	new Response(props.text, { headers: { 'Content-Type': props.mediaType } });
