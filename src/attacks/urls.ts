/** Site paths of the attack database, so pages, the search index and tests build links the same way. */

/** The incident timeline page. */
export const INCIDENTS_URL = '/attacks/incidents/';

/** Exposed tools per page of an attack's tool list. */
export const TOOLS_PAGE_SIZE = 100;

/** Exposed tools previewed on the attack page itself. */
export const PREVIEW_TOOLS = 10;

/** Paths of the attack index, a pattern page and a page of its exposed-tool list. */
export const attackUrls = {
	index: '/attacks/',
	page: (id: string) => `/attacks/${id}/`,
	/** Page `n` (1-based) of the exposed-tool list; page 1 has no number, like every paginated listing. */
	tools: (id: string, n = 1) => (n === 1 ? `/attacks/${id}/tools/` : `/attacks/${id}/tools/${n}/`),
};
