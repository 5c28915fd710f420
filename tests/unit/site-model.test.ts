import { describe, expect, it } from 'vitest';
import { urls, withTrailingSlash } from '../../src/site/model.ts';

describe('withTrailingSlash', () => {
	it('adds the slash pagination links lack, like every other internal link', () => {
		expect(withTrailingSlash('/risk/medium')).toBe('/risk/medium/');
		expect(withTrailingSlash('/risk/medium/3')).toBe('/risk/medium/3/');
		expect(withTrailingSlash('/attacks/ssrf/tools/3')).toBe('/attacks/ssrf/tools/3/');
		expect(withTrailingSlash('/risk/medium/3?x=1#top')).toBe('/risk/medium/3/?x=1#top');
	});
	it('leaves a path that has one alone', () => {
		expect(withTrailingSlash('/')).toBe('/');
		expect(withTrailingSlash(urls.level('Medium'))).toBe('/risk/medium/');
		expect(withTrailingSlash('/risk/medium/#tools')).toBe('/risk/medium/#tools');
	});
});
