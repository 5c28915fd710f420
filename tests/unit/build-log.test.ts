import type { AstroLoggerMessage } from 'astro';
import { describe, expect, it } from 'vitest';
import { isRouteLogEvent } from '../../src/integrations/build-log.ts';

const event = (label: string | null, message: string, newLine = true): AstroLoggerMessage => ({
	label,
	level: 'info',
	message,
	newLine,
});

describe('build log', () => {
	it('drops both halves of a route line, coloured or not', () => {
		expect(
			isRouteLogEvent(event(null, '  \u001b[34m├─\u001b[39m \u001b[2m/servers/a/index.html\u001b[22m', false)),
		).toBe(true);
		expect(isRouteLogEvent(event('SKIP_FORMAT', ' \u001b[2m(+3ms)\u001b[22m '))).toBe(true);
		expect(isRouteLogEvent(event('SKIP_FORMAT', ' (+1.20s) (file not created, response body was empty)'))).toBe(true);
		expect(isRouteLogEvent(event('SKIP_FORMAT', ' \u001b[32m(cached)\u001b[39m'))).toBe(true);
	});

	it('keeps every other line', () => {
		expect(
			isRouteLogEvent(event('SKIP_FORMAT', '\n\u001b[42m\u001b[30m generating static routes \u001b[39m\u001b[49m')),
		).toBe(false);
		expect(isRouteLogEvent(event(null, '\u001b[32m✓ Completed in 6.12s.\n\u001b[39m'))).toBe(false);
		expect(isRouteLogEvent(event('build', '10427 page(s) built in 1m 30s'))).toBe(false);
		expect(isRouteLogEvent(event('build', '├─ a page path, but labelled', false))).toBe(false);
		expect(isRouteLogEvent(event('SKIP_FORMAT', 'a summary (+3 files)'))).toBe(false);
	});
});
