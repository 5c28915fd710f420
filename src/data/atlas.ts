/**
 * The site's data, built once per build: the catalogue is loaded and validated, every tool
 * classified, and every policy generated here; pages only read from the result. The dev server
 * rebuilds it when the catalogue folder changed (a stat signature, checked when a page reads it), so an
 * edited catalogue file shows on the next page load without a restart.
 */
import { getCollection } from 'astro:content';
import { resolve } from 'node:path';
import { loadCatalogue } from '../catalogue/load.ts';
import { buildSiteModel, type ServerEntry, type SiteModel, type ToolEntry } from '../site/model.ts';
import { parsePart, rendersGlobalPages, splitByWeight } from '../site/parts.ts';
import { byCodePoint } from '../text/words.ts';
import { catalogueSignature } from './signature.ts';

/** Catalogue folder: $ATLAS_CATALOGUE, or the bundled `content/servers`. */
const catalogueDir = resolve(process.env.ATLAS_CATALOGUE ?? 'content/servers');

const attackEntries = (await getCollection('attacks')).sort((a, b) => byCodePoint(a.data.code, b.data.code));
const attackRefs = attackEntries.map((a) => ({ id: a.id, title: a.data.title, exposedBy: a.data.exposedBy }));

/** Attack patterns, ordered by research code. */
export const attacks = attackEntries;

let built: { signature: string; model: SiteModel } | undefined;
/** In dev, the folder is checked once per tick: a page reads `atlas` many times while it renders. */
let checked = false;

/** The model of the catalogue as it is now: built once, and in dev again whenever the folder changed. */
function currentModel(): SiteModel {
	if (built && checked) return built.model;
	const signature = import.meta.env.DEV ? catalogueSignature(catalogueDir) : '';
	if (import.meta.env.DEV) {
		checked = true;
		setImmediate(() => {
			checked = false;
		});
	}
	if (built?.signature !== signature)
		built = { signature, model: buildSiteModel(loadCatalogue(catalogueDir), attackRefs) };
	return built.model;
}

/**
 * The one site model every page reads. A view of `currentModel()`, so pages keep importing one value while
 * the dev server swaps the model underneath; a build makes it once.
 */
export const atlas: SiteModel = new Proxy({} as SiteModel, {
	get: (_, key) => Reflect.get(currentModel(), key),
});
if (!import.meta.env.DEV) currentModel();

/** This build's part of a build split across machines (`ATLAS_SHARD=i/n`), if it is one. */
const part = parsePart(process.env.ATLAS_SHARD);

/**
 * Whether this build renders the pages made from the whole catalogue (home, browse lists, attack pages, the
 * API index): every build except parts 2..n of a split one, whose outputs `merge-shards` takes them from part 1.
 */
export const rendersGlobal = rendersGlobalPages(part);

/** The servers whose own pages (server, tools, policy and API files) this build renders: all, or its part's. */
export function partServers(): ServerEntry[] {
	if (!part) return atlas.servers;
	return splitByWeight(atlas.servers, (s) => 1 + s.tools.length, part.count)[part.index - 1] as ServerEntry[];
}

/** The tools of `partServers()`: the tool pages (and definition files) this build renders. */
export function partTools(): ToolEntry[] {
	return partServers().flatMap((s) => s.tools);
}
