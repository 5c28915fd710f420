/**
 * The paginated tool listings: their page size, and the two browse facets (risk level and category),
 * whose pages differ only in the words and the lists described here, so one component renders both.
 */
import { CATEGORIES, type Category, LEVELS, type Level } from '../catalogue/schema.ts';
import type { SiteModel, ToolEntry } from './model.ts';
import { urls } from './urls.ts';

/** Tools per page of every paginated tool list (browse pages, an attack's exposed tools). */
export const TOOLS_PAGE_SIZE = 100;

/** Exposed tools previewed on an attack page before the link to its full list. */
export const PREVIEW_TOOLS = 10;

/** One way to browse the catalogue's tools: a set of values, each with its own paginated list. */
export interface BrowseFacet<V extends string> {
	/** The navigation section the pages belong to. */
	section: 'risk' | 'category';
	values: readonly V[];
	/** Accessible name of the links to the facet's other values. */
	navLabel: string;
	/** The tools with `value`, in catalogue order. */
	list(model: SiteModel, value: V): readonly ToolEntry[];
	url(value: V): string;
	/** Page title and heading. */
	title(value: V): string;
	description(value: V): string;
	/** Shown instead of the table when no tool has the value. */
	empty(value: V): string;
}

/** Tools by risk level, under `/risk/<level>/`. */
export const LEVEL_FACET: BrowseFacet<Level> = {
	section: 'risk',
	values: LEVELS,
	navLabel: 'Levels',
	list: (model, level) => model.toolsByLevel[level],
	url: urls.level,
	title: (level) => `${level} risk tools`,
	description: (level) => `MCP tools rated ${level} risk.`,
	empty: (level) => `No tool in the catalogue is rated ${level}.`,
};

/** Tools by category, under `/category/<category>/`. */
export const CATEGORY_FACET: BrowseFacet<Category> = {
	section: 'category',
	values: CATEGORIES,
	navLabel: 'Categories',
	list: (model, category) => model.toolsByCategory[category],
	url: urls.category,
	title: (category) => `${category} tools`,
	description: (category) => `MCP tools in the ${category} category.`,
	empty: () => 'No tool in the catalogue is in this category.',
};
