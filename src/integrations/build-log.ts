/**
 * Astro's console log without its line per generated route (`├─ /servers/…/index.html (+2ms)`): at 100,000
 * pages those lines cost seconds of formatting and writing and bury every other message. Everything else goes to
 * Astro's own Node logger unchanged. Configured as `logger` in astro.config.mjs; Astro imports this module itself.
 */
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeLogger, { type NodeHandlerConfig } from 'astro/logger/node';

const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * A route line is written as two events: its path with no newline (label null), then, unformatted, its time,
 * "(cached)" or "(restored)", and a note when the page had no body. With `build.concurrency` above 1 the two
 * halves of several routes interleave, so each half is recognised on its own.
 */
export function isRouteLogEvent(event: AstroLoggerMessage): boolean {
	if (event.label === null) return !event.newLine && event.message.includes('\u251c\u2500');
	if (event.label !== 'SKIP_FORMAT') return false;
	return /^\s*\((\+[\d.]+m?s|cached|restored)\)/.test(event.message.replace(ANSI, ''));
}

/** The logger destination: Astro's Node logger, minus the per-route lines. */
export default function buildLog(options?: NodeHandlerConfig): AstroLoggerDestination {
	const inner = nodeLogger(options);
	return {
		write(event) {
			if (!isRouteLogEvent(event)) inner.write(event);
		},
	};
}
