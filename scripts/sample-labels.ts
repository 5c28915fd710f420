/**
 * Draws the blind label sample of the calibration set (content/evaluation/calibration-labels.yaml) and writes
 * labelling packets: each sampled definition with its annotations and curated override removed, so a labeller
 * sees neither the authors' hints nor the rules' answers.
 *
 *   npm run sample-labels -- --packets DIR [--parts N]
 *
 * The sample is deterministic: tools are ordered by the SHA-1 of `calibration/<server>/<tool>`; each stratum (the
 * rules' category, used only to spread the sample, never shown) takes its quota in that order, at most
 * PER_SERVER_STRATUM tools of one server per stratum and PER_SERVER in all (rare strata drawn first), skipping tools already in the destructive hand labels. The split into a
 * development half and a held-out half is by server (the SHA-1 of the slug, even first byte: development), so
 * no server's conventions appear on both sides. The strata read the rules' answers, so the committed sample was
 * drawn under ruleset 2026.12.0 and a later ruleset draws another one: the labels file is the record.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { loadCatalogue } from '../src/catalogue/load.ts';
import type { Category, Tool } from '../src/catalogue/schema.ts';
import { rulesReading } from '../src/evaluation/agreement.ts';
import { splitOf } from '../src/evaluation/calibration.ts';
import { BUNDLED_HAND_LABELS, loadHandLabels } from '../src/evaluation/hand-labels.ts';
import { byCodePoint } from '../src/text/words.ts';

/** How many tools each stratum contributes (600 in all; rare categories over-sampled). */
const QUOTA: Record<Category, number> = { Read: 210, Write: 180, Execute: 90, Destructive: 100, Financial: 20 };
/** At most this many tools of one server per stratum, and in all: the sample spreads over many servers. */
const PER_SERVER_STRATUM = 3;
const PER_SERVER = 8;
/** The draw (server, tool, split); the labelled result is content/evaluation/calibration-labels.yaml. */
const SAMPLE_FILE = '.cache/calibration-sample.yaml';

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

const { values } = parseArgs({ options: { packets: { type: 'string' }, parts: { type: 'string', default: '2' } } });
const labelled = new Set((loadHandLabels(BUNDLED_HAND_LABELS)?.labels ?? []).map((l) => `${l.server}/${l.tool}`));
const candidates: { server: string; serverName: string; tool: Tool; key: string; category: Category }[] = [];
for (const { server } of loadCatalogue('content/servers')) {
	for (const tool of server.tools) {
		const key = `${server.slug}/${tool.name}`;
		if (labelled.has(key)) continue;
		const category = rulesReading(tool, { slug: server.slug, name: server.name }).decision.category;
		candidates.push({ server: server.slug, serverName: server.name, tool, key, category });
	}
}
candidates.sort((a, b) => byCodePoint(sha1(`calibration/${a.key}`), sha1(`calibration/${b.key}`)));
const perServer = new Map<string, number>();
const perStratum = new Map<string, number>();
const taken: typeof candidates = [];
const left = { ...QUOTA };
// Rare strata first, so the per-server caps never spend a rare server's places on common categories.
const strata = (Object.keys(QUOTA) as Category[]).sort(
	(a, b) => candidates.filter((c) => c.category === a).length - candidates.filter((c) => c.category === b).length,
);
for (const category of strata) {
	for (const c of candidates) {
		if (c.category !== category || left[category] === 0) continue;
		if ((perServer.get(c.server) ?? 0) >= PER_SERVER) continue;
		if ((perStratum.get(`${c.server}\u0000${category}`) ?? 0) >= PER_SERVER_STRATUM) continue;
		left[category]--;
		perServer.set(c.server, (perServer.get(c.server) ?? 0) + 1);
		perStratum.set(`${c.server}\u0000${category}`, (perStratum.get(`${c.server}\u0000${category}`) ?? 0) + 1);
		taken.push(c);
	}
}
const short = Object.entries(left).filter(([, n]) => n > 0);
if (short.length) throw new Error(`sample-labels: strata not filled: ${JSON.stringify(Object.fromEntries(short))}`);
taken.sort((a, b) => byCodePoint(a.key, b.key));
mkdirSync('.cache', { recursive: true });
writeFileSync(
	SAMPLE_FILE,
	`# The calibration sample (scripts/sample-labels.ts): ${taken.length} tools from ${perServer.size} servers.\n${stringify(
		{
			tools: taken.map((t) => ({ server: t.server, tool: t.tool.name, split: splitOf(t.server) })),
		},
	)}`,
);
process.stderr.write(`sample-labels: ${taken.length} tools, ${perServer.size} servers, wrote ${SAMPLE_FILE}\n`);
if (values.packets) {
	mkdirSync(values.packets, { recursive: true });
	const parts = Number(values.parts);
	const packet = taken.map((t, i) => {
		const { annotations: _a, curated: _c, ...bare } = t.tool;
		return { id: i + 1, server: t.server, serverName: t.serverName, definition: bare };
	});
	for (let p = 0; p < parts; p++) {
		const slice = packet.filter((_, i) => i % parts === p);
		writeFileSync(join(values.packets, `part-${p + 1}.json`), `${JSON.stringify(slice, null, 1)}\n`);
	}
	process.stderr.write(`sample-labels: ${parts} packets in ${values.packets}\n`);
}
