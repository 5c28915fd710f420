/**
 * Saved listings as ingest sources: a `tools/list` result (`{tools, nextCursor?}`), a JSON-RPC response
 * wrapping one, an array of pages, or a seed dump (`{server: {...}, tools, extraction}`, tools read from a
 * server's source code by someone else). Only the tools and the provenance named here reach the record.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { IngestError } from './list.ts';

type Json = Record<string, unknown>;

/** What a saved file holds, normalised. */
export interface SavedListing {
	kind: 'tools-list' | 'seed-dump';
	tools: Json[];
	initialize?: Json | undefined;
	/** Seed dumps only: the dump's own description of the server. */
	server?: {
		name?: string | undefined;
		slug?: string | undefined;
		description?: string | undefined;
		repository?: string | undefined;
		version?: string | undefined;
		source?: string | undefined;
		method?: string | undefined;
	};
}

const isObject = (v: unknown): v is Json => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/** Reads a saved listing, naming the file and the problem when it is none of the known shapes. */
export function readSaved(file: string): SavedListing {
	let data: unknown;
	try {
		data = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new IngestError('bad-input', `${file}: not readable JSON (${(error as Error).message})`);
	}
	const pages = Array.isArray(data) ? data : [data];
	const unwrap = (page: unknown): Json | undefined =>
		isObject(page) && isObject(page.result) ? page.result : isObject(page) ? page : undefined;
	const first = unwrap(pages[0]);
	if (isObject(first) && isObject(first.server) && Array.isArray(first.tools)) {
		const s = first.server;
		const extraction = isObject(first.extraction) ? first.extraction : {};
		const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
		return {
			kind: 'seed-dump',
			tools: first.tools.filter(isObject),
			server: {
				name: str(s.name),
				slug: str(s.slug),
				description: str(s.description),
				repository: str(s.repo_url),
				version: str(s.version_or_commit),
				source: str(s.source),
				method: str(extraction.method),
			},
		};
	}
	const tools: Json[] = [];
	let initialize: Json | undefined;
	for (const [i, raw] of pages.entries()) {
		const page = unwrap(raw);
		if (page && typeof page.protocolVersion === 'string' && !Array.isArray(page.tools)) {
			initialize = page; // an initialize result saved alongside the pages
			continue;
		}
		if (!page || !Array.isArray(page.tools))
			throw new IngestError(
				'bad-input',
				`${basename(file)}: page ${i + 1} has no "tools" array (expected a tools/list result, a JSON-RPC response, an array of pages or a seed dump)`,
			);
		tools.push(...page.tools.filter(isObject));
	}
	return { kind: 'tools-list', tools, initialize };
}
