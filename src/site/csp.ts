/**
 * The site's Content-Security-Policy, given to Astro's `security.csp` (astro.config.mjs). Astro writes it into
 * a `<meta http-equiv="content-security-policy">` at the top of every page's head, adding to `script-src` and
 * `style-src` the hash of every script and style it inlines, so the only code a page runs is the site's own
 * files and scripts whose exact text the build produced. Catalogue text that escaped into markup (a
 * `<script>`, an `onerror=`) would be blocked by the browser as well as escaped by the templates.
 *
 * What a page needs beyond its own files: Pagefind compiles its WebAssembly index reader in the page when its
 * worker is unavailable (`'wasm-unsafe-eval'`, which allows WebAssembly compilation and nothing else), its CSS
 * draws icons from `data:` SVGs, and it fetches its index and starts its worker from the site itself.
 *
 * A meta policy cannot carry `frame-ancestors`, `report-uri`/`report-to` or `sandbox`: a host that can send
 * headers should send this policy as a `Content-Security-Policy` header with `frame-ancestors 'none'` added
 * (docs/attacks-and-policies.md, "The site's own Content-Security-Policy").
 */

/** Directives besides `script-src` and `style-src`, which Astro writes itself from the sources below. */
export const CSP_DIRECTIVES = [
	"default-src 'self'",
	"object-src 'none'",
	// No <base> at all: a relative link can never be pointed at another origin.
	"base-uri 'none'",
	"form-action 'self'",
	"img-src 'self' data:",
	"connect-src 'self'",
	// Pagefind's search worker (pagefind-worker.js), a file of the site: no blob: workers.
	"worker-src 'self'",
] as const;

/** Script sources: the site's files and, for Pagefind, WebAssembly compilation; never 'unsafe-inline'. */
export const CSP_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** Style sources: the site's stylesheets; inline `<style>` elements only by the hashes Astro adds. */
export const CSP_STYLE_SOURCES = ["'self'"] as const;

/** The `security.csp` value of Astro's config. */
export const contentSecurityPolicy = {
	algorithm: 'SHA-256' as const,
	directives: [...CSP_DIRECTIVES],
	scriptDirective: { resources: [...CSP_SCRIPT_SOURCES] },
	styleDirective: { resources: [...CSP_STYLE_SOURCES] },
};
