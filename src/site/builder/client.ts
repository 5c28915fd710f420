/**
 * The server-page policy builder in the browser: wires the server-rendered table and output to the
 * state, and regenerates the output with the same format writers the build uses. The table is
 * rendered once; filters only toggle `hidden`, the text filter is debounced, and the output and URL are
 * rewritten at most once per animation frame.
 */
import type { Action } from '../../classify/types.ts';
import { actionLabel } from '../../policy/action.ts';
import { FORMAT_WRITERS } from '../../policy/formats/writers.ts';
import { applyPreset, type BuilderData, formatServer, PRESETS, planOf, setActions } from './model.ts';
import { type BuilderDefaults, type BuilderState, decodeState, encodeState } from './state.ts';

const FILTER_DELAY_MS = 150;

/** Finds a required element below `root`; the component renders them all. */
function must<T extends Element>(root: ParentNode, selector: string): T {
	const el = root.querySelector<T>(selector);
	if (!el) throw new Error(`policy builder: missing ${selector}`);
	return el;
}

/** Starts the builder inside `root` (the component's outer element). */
export function startBuilder(root: HTMLElement): void {
	const data = JSON.parse(must<HTMLScriptElement>(root, 'script[data-builder-data]').textContent ?? '') as BuilderData;
	const writers = new Map(FORMAT_WRITERS.map((w) => [w.id as string, w]));
	const defaults: BuilderDefaults = {
		formats: FORMAT_WRITERS.map((w) => w.id),
		serverName: data.slug,
		recommended: data.tools.map((t) => t.a),
		fingerprint: data.fingerprint,
	};
	const decoded = decodeState(location.hash, defaults);
	let state: BuilderState = decoded.state;

	const rows = [...root.querySelectorAll<HTMLTableRowElement>('tr[data-i]')];
	const names = data.tools.map((t) => t.n.toLowerCase());
	const template = must<HTMLTemplateElement>(root, 'template[data-action-select]');
	const selects = rows.map((row, i) => {
		const select = template.content.firstElementChild?.cloneNode(true) as HTMLSelectElement;
		const tool = data.tools[i];
		if (!tool) throw new Error(`policy builder: no data for row ${i}`);
		select.setAttribute('aria-label', `Action for ${tool.n}`);
		// The rate-limit option names this tool's cap, so the choice says what it does.
		const capOption = select.querySelector<HTMLOptionElement>('option[value="rate-limit"]');
		if (capOption) capOption.textContent = actionLabel(planOf(tool, 'rate-limit'));
		select.value = state.actions[i] ?? tool.a;
		must<HTMLElement>(row, 'td[data-action]').replaceChildren(select);
		return select;
	});

	const output = must<HTMLElement>(root, '[data-output]');
	const warnings = must<HTMLUListElement>(root, '[data-warnings]');
	const tabs = [...root.querySelectorAll<HTMLButtonElement>('button[data-format]')];
	const serverInput = must<HTMLInputElement>(root, 'input[data-server-name]');
	const filterText = must<HTMLInputElement>(root, 'input[data-filter-text]');
	const filterCategory = must<HTMLSelectElement>(root, 'select[data-filter-category]');
	const filterLevel = must<HTMLSelectElement>(root, 'select[data-filter-level]');
	const count = must<HTMLElement>(root, '[data-count]');
	const fileLabel = must<HTMLElement>(root, '[data-file-name]');
	serverInput.value = state.serverName;
	if (decoded.stale) must<HTMLElement>(root, '[data-stale]').hidden = false;

	let frame = 0;
	/** Rewrites the output, tabs and URL on the next frame, once however many changes came before it. */
	const schedule = () => {
		if (frame === 0) frame = requestAnimationFrame(render);
	};
	function render(): void {
		frame = 0;
		const writer = writers.get(state.format) ?? FORMAT_WRITERS[0];
		if (!writer) return;
		const doc = writer.forServer(formatServer(data, state.serverName, state.actions));
		output.textContent = writer.serialise(doc);
		fileLabel.textContent = writer.fileName(state.serverName);
		warnings.replaceChildren(
			...doc.warnings.map((w) => {
				const li = document.createElement('li');
				li.textContent = w;
				return li;
			}),
		);
		for (const tab of tabs) tab.setAttribute('aria-selected', String(tab.dataset.format === writer.id));
		// A fragment that is not ours (`#policy`, `#tools`) stays until the state differs from the defaults.
		const fragment = encodeState(state, defaults);
		const current = location.hash.slice(1);
		if (fragment !== current && (fragment || current.includes('=')))
			history.replaceState(null, '', fragment ? `#${fragment}` : location.pathname + location.search);
	}
	const update = (next: Partial<BuilderState>) => {
		state = { ...state, ...next };
		schedule();
	};
	const setAll = (actions: Action[]) => {
		actions.forEach((action, i) => {
			const select = selects[i];
			if (select && select.value !== action) select.value = action;
		});
		update({ actions });
	};

	root.addEventListener('change', (event) => {
		const target = event.target;
		if (!(target instanceof HTMLSelectElement)) return;
		const i = selects.indexOf(target);
		if (i >= 0) update({ actions: setActions(state.actions, [i], target.value as Action) });
	});
	serverInput.addEventListener('input', () => update({ serverName: serverInput.value.trim() || data.slug }));
	for (const tab of tabs) tab.addEventListener('click', () => update({ format: tab.dataset.format ?? state.format }));

	const visible = () => rows.flatMap((row, i) => (row.hidden ? [] : [i]));
	function filter(): void {
		const text = filterText.value.trim().toLowerCase();
		const category = filterCategory.value;
		const level = filterLevel.value;
		let shown = 0;
		data.tools.forEach((tool, i) => {
			const row = rows[i];
			if (!row) return;
			const show =
				(!text || (names[i] as string).includes(text)) &&
				(!category || tool.c === category) &&
				(!level || tool.l === level);
			if (row.hidden === show) row.hidden = !show;
			if (show) shown++;
		});
		count.textContent = `${shown.toLocaleString('en')} of ${rows.length.toLocaleString('en')} tools shown`;
	}
	let filterTimer: ReturnType<typeof setTimeout> | undefined;
	filterText.addEventListener('input', () => {
		clearTimeout(filterTimer);
		filterTimer = setTimeout(filter, FILTER_DELAY_MS);
	});
	filterCategory.addEventListener('change', filter);
	filterLevel.addEventListener('change', filter);

	const bulkAction = must<HTMLSelectElement>(root, 'select[data-bulk-action]');
	must<HTMLButtonElement>(root, 'button[data-bulk]').addEventListener('click', () =>
		setAll(setActions(state.actions, visible(), bulkAction.value as Action)),
	);
	for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-preset]')) {
		const preset = button.dataset.preset;
		button.addEventListener('click', () => {
			if (preset === 'reset') setAll([...defaults.recommended]);
			else if (preset && preset in PRESETS) setAll(applyPreset(data, state.actions, preset as keyof typeof PRESETS));
		});
	}

	const copy = must<HTMLButtonElement>(root, 'button[data-copy-output]');
	copy.hidden = !navigator.clipboard;
	copy.addEventListener('click', async () => {
		try {
			await navigator.clipboard.writeText(output.textContent ?? '');
			copy.textContent = 'Copied';
		} catch {
			copy.textContent = 'Copy failed';
		}
		setTimeout(() => (copy.textContent = 'Copy'), 2000);
	});
	must<HTMLButtonElement>(root, 'button[data-download-output]').addEventListener('click', () => {
		const writer = writers.get(state.format) ?? FORMAT_WRITERS[0];
		if (!writer) return;
		const url = URL.createObjectURL(new Blob([output.textContent ?? ''], { type: writer.mediaType }));
		const link = document.createElement('a');
		link.href = url;
		link.download = writer.fileName(state.serverName);
		link.click();
		setTimeout(() => URL.revokeObjectURL(url), 0);
	});

	for (const el of root.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
	for (const el of root.querySelectorAll<HTMLElement>('[data-no-js]')) el.hidden = true;
	filter();
	render();
	root.dataset.ready = 'true';
}
