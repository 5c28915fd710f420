/**
 * The incident timeline: every incident of every pattern, one row per disclosure. The same write-up
 * is often cited by several patterns (one post can show poisoning, shadowing and credential theft), so
 * rows are merged by date and source and list every pattern that cites them.
 */
import type { AttackFrontmatter } from './schema.ts';

/** The parts of an attack entry the timeline reads (an Astro collection entry has this shape). */
export interface AttackWithIncidents {
	id: string;
	data: Pick<AttackFrontmatter, 'title' | 'code' | 'incidents' | 'sources'>;
}

/** The merge key of an incident: the same write-up on the same date is one row. */
export function timelineKey(incident: { date: string; source: string }): string {
	return `${incident.date}|${incident.source}`;
}

/** One row of the timeline. */
export interface TimelineIncident {
	/** `timelineKey` of the incidents merged into this row. */
	key: string;
	/** Fragment id on the timeline page, stable across builds: `incident-<date>-<target slug>`. */
	anchor: string;
	date: string;
	target: string;
	/** Summary from the first pattern (by research code) that cites the disclosure. */
	summary: string;
	source: { url: string; title: string; author: string; date: string };
	/** Every pattern citing it, in research-code order. */
	patterns: { id: string; title: string; code: string }[];
}

/** Lowercase ASCII words joined by dashes, for fragment ids. */
function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
}

/** The timeline, oldest first; ties keep research-code order. */
export function incidentTimeline(attacks: readonly AttackWithIncidents[]): TimelineIncident[] {
	const rows = new Map<string, TimelineIncident>();
	const ordered = [...attacks].sort((a, b) => a.data.code.localeCompare(b.data.code));
	for (const attack of ordered) {
		for (const incident of attack.data.incidents) {
			const key = timelineKey(incident);
			const pattern = { id: attack.id, title: attack.data.title, code: attack.data.code };
			const existing = rows.get(key);
			if (existing) {
				if (!existing.patterns.some((p) => p.id === attack.id)) existing.patterns.push(pattern);
				continue;
			}
			// The schema guarantees every incident source is listed in the pattern's sources.
			const source = attack.data.sources.find((s) => s.url === incident.source);
			if (!source) throw new Error(`${attack.id}: incident source ${incident.source} is not in sources`);
			rows.set(key, {
				key,
				anchor: '',
				date: incident.date,
				target: incident.target,
				summary: incident.summary,
				source: { url: source.url, title: source.title, author: source.author, date: source.date },
				patterns: [pattern],
			});
		}
	}
	const timeline = [...rows.values()].sort((a, b) => a.date.localeCompare(b.date));
	const used = new Set<string>();
	for (const row of timeline) {
		const base = `incident-${row.date}-${slugify(row.target)}`;
		let anchor = base;
		for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
		used.add(anchor);
		row.anchor = anchor;
	}
	return timeline;
}
