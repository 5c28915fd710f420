/** Serves a build folder on a free loopback port for browser tests (sirv: the static server Astro's ecosystem uses). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** Starts a static server, sending `headers` with every file it serves (as a host would); resolve `close` when done. */
export async function serve(
	dir: string,
	headers: Record<string, string> = {},
): Promise<{ url: string; close: () => Promise<void> }> {
	const handler = sirv(dir, {
		dev: true,
		etag: false,
		setHeaders: (res) => {
			for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
		},
	});
	const server: Server = createServer((req, res) =>
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('not found');
		}),
	);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
