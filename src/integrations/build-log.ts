/**
 * Astro's console log without its line per generated route (`├─ /servers/…/index.html (+2ms)`): at 100,000
 * pages those lines cost seconds of formatting and writing and bury every other message. Everything else goes to
 * Astro's own Node logger unchanged. Configured as `logger` in astro.config.mjs; Astro imports this module itself.
 */
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeLogger, { type NodeHandlerConfig } from 'astro/logger/node';

/**
 * A route line is written in two events: the path with no newline (label null), then its timing (or "cached")
 * as an unformatted line. Astro generates one route at a time by default, so the second follows the first.
 */
const isRoutePath = (event: AstroLoggerMessage) =>
	event.label === null && !event.newLine && event.message.includes('\u251c\u2500');

/** The logger destination: Astro's Node logger, minus the per-route lines. */
export default function buildLog(options?: NodeHandlerConfig): AstroLoggerDestination {
	const inner = nodeLogger(options);
	let afterRoute = false;
	return {
		write(event) {
			if (isRoutePath(event)) {
				afterRoute = true;
				return;
			}
			const routeEnd = afterRoute && event.label === 'SKIP_FORMAT';
			afterRoute = false;
			if (!routeEnd) inner.write(event);
		},
	};
}
