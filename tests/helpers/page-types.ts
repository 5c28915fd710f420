/** One page of every type the site has, for browser checks that must cover them all. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { urls } from '../../src/site/urls.ts';

const dirs = (dist: string, path: string) =>
	readdirSync(join(dist, path), { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.map((d) => d.name);

/** The slugs of the first server of the build at `dist` and of that server's first tool page. */
export function firstTool(dist: string): { server: string; tool: string } {
	const server = dirs(dist, 'servers')[0] as string;
	return { server, tool: dirs(dist, `servers/${server}/tools`)[0] as string };
}

/** Site paths of one page of every type, found in the build at `dist` (the search page with a query). */
export function pageTypes(dist: string): Record<string, string> {
	const { server, tool } = firstTool(dist);
	const attack = dirs(dist, 'attacks').find((d) => d !== 'incidents') as string;
	return {
		home: urls.home,
		servers: urls.servers,
		server: urls.server(server),
		tool: urls.tool(server, tool),
		risk: urls.level('High'),
		category: urls.category('Read'),
		attacks: urls.attacks,
		attack: urls.attack(attack),
		'attack tools': urls.attackTools(attack),
		incidents: urls.incidents,
		methodology: urls.methodology,
		formats: urls.formats,
		search: `${urls.search}?q=${encodeURIComponent(tool.split('-')[0] as string)}`,
		'not found': '/404.html',
	};
}
