/**
 * Splits an `astro build` log into phases by when its lines arrive: setup until Astro starts generating
 * pages, render until it reports them completed, then the build:done hooks (the search index among them)
 * until the build ends. The index's own duration is the sum of its per-bundle lines ("Indexed N pages into
 * /pagefind/ in T ms"): `[search]` from `npm run build`'s separate index step, `[policy-atlas:pagefind]` from a
 * bare `astro build`. Their total lines are not counted, or a bare build's index would count twice.
 */

const ANSI = /\u001b\[[0-9;]*m/g;

/** Phase boundaries of one build, in `performance.now()` milliseconds. */
export class BuildPhases {
	readonly #started: number;
	#renderStart: number | undefined;
	#renderEnd: number | undefined;
	#ended: number | undefined;
	/** Sum of the durations the index step reports, one line per bundle it writes. */
	indexMs: number | undefined;

	constructor(started: number) {
		this.#started = started;
	}

	/** Reads one log line that arrived at `now`. */
	line(raw: string, now: number): void {
		const text = raw.replace(ANSI, '');
		if (this.#renderStart === undefined && /generating static routes/.test(text)) this.#renderStart = now;
		else if (this.#renderStart !== undefined && this.#renderEnd === undefined && /✓ Completed in/.test(text))
			this.#renderEnd = now;
		const indexed = /\[(?:policy-atlas:pagefind|search)\].*\binto \/\S* in (\d+) ms\b/.exec(text);
		if (indexed) this.indexMs = (this.indexMs ?? 0) + Number(indexed[1]);
	}

	/** The phase the build is in: setup, render, or after (the build:done hooks). */
	get phase(): 'setup' | 'render' | 'after' {
		return this.#renderStart === undefined ? 'setup' : this.#renderEnd === undefined ? 'render' : 'after';
	}

	/** Marks the end of the build. */
	end(now: number): void {
		this.#ended = now;
	}

	/** From the start to the first page: config, content sync, bundling, the site model. */
	get setupMs(): number | undefined {
		return this.#renderStart === undefined ? undefined : this.#renderStart - this.#started;
	}

	/** Astro's page generation. */
	get renderMs(): number | undefined {
		return this.#renderStart === undefined || this.#renderEnd === undefined
			? undefined
			: this.#renderEnd - this.#renderStart;
	}

	/** From the last page to the end of the build. */
	get afterMs(): number | undefined {
		return this.#renderEnd === undefined || this.#ended === undefined ? undefined : this.#ended - this.#renderEnd;
	}
}
