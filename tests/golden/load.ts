/** Reads golden definitions from the bundled catalogue, one server file at a time (others may be mid-edit). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseServerFile } from '../../src/catalogue/load.ts';
import type { ServerFile, Tool } from '../../src/catalogue/schema.ts';

const CATALOGUE = join(import.meta.dirname, '..', '..', 'content', 'servers');
const servers = new Map<string, ServerFile>();

/** The catalogue definition of one tool; a missing server or tool throws with its name. */
export function catalogueTool(slug: string, name: string): { server: ServerFile; tool: Tool } {
	let server = servers.get(slug);
	if (!server) {
		const file = join(CATALOGUE, `${slug}.yaml`);
		const parsed = parseServerFile(file, readFileSync(file, 'utf8'));
		if (!parsed.server)
			throw new Error(`golden: ${file} does not validate: ${parsed.problems.map((p) => p.message).join('; ')}`);
		server = parsed.server;
		servers.set(slug, server);
	}
	const tool = server.tools.find((t) => t.name === name);
	if (!tool) throw new Error(`golden: tool "${name}" is not in content/servers/${slug}.yaml`);
	return { server, tool };
}
