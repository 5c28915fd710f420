/**
 * The site's data, built once per build: the catalogue is loaded and validated, every tool
 * classified, and every policy generated here; pages only read from the result.
 */
import { getCollection } from 'astro:content';
import { resolve } from 'node:path';
import { loadCatalogue } from '../catalogue/load.ts';
import { buildSiteModel, type SiteModel } from '../site/model.ts';
import { byCodePoint } from '../text/words.ts';

/** Catalogue folder: $ATLAS_CATALOGUE, or the bundled `content/servers`. */
export const catalogueDir = resolve(process.env.ATLAS_CATALOGUE ?? 'content/servers');

const attackEntries = (await getCollection('attacks')).sort((a, b) => byCodePoint(a.data.code, b.data.code));

/** Attack patterns, ordered by research code. */
export const attacks = attackEntries;

/** The one site model every page reads. */
export const atlas: SiteModel = buildSiteModel(
	loadCatalogue(catalogueDir),
	attackEntries.map((a) => ({ id: a.id, title: a.data.title, exposedBy: a.data.exposedBy })),
);
