/**
 * Descriptions in other languages: which language a lead sentence is mainly written in (by Unicode
 * script, and for Latin-script text by its function words), and the action verbs of the languages the
 * lexicon covers, each mapped to the English verb it means so that every other rule reads it as that
 * verb. Measured on the bundled catalogue (ruleset 2026.12.3) the only non-English descriptions are
 * Chinese (159 tools) and Japanese (37); Korean, Spanish, Portuguese, French, German, Italian and
 * Russian are covered as the next most common languages of public MCP servers. A description in any
 * other language is detected, and the decision says it could not read it (rule unread-language).
 */
import type { VerbInfo } from './lexicon.ts';
import { VERBS } from './lexicon.ts';

/** A language the detector names. */
export type Language =
	| 'Chinese'
	| 'Japanese'
	| 'Korean'
	| 'Russian'
	| 'Arabic'
	| 'Hebrew'
	| 'Greek'
	| 'Hindi'
	| 'Thai'
	| 'Spanish'
	| 'Portuguese'
	| 'French'
	| 'German'
	| 'Italian'
	| 'Dutch'
	| 'Turkish'
	| 'Indonesian'
	| 'Polish'
	| 'Vietnamese';

/** Scripts other than Latin and the language each is taken to be (Han alone is Chinese; any kana makes it Japanese). */
const SCRIPTS: readonly (readonly [RegExp, Language])[] = [
	[/\p{Script=Hangul}/gu, 'Korean'],
	[/\p{Script=Cyrillic}/gu, 'Russian'],
	[/\p{Script=Arabic}/gu, 'Arabic'],
	[/\p{Script=Hebrew}/gu, 'Hebrew'],
	[/\p{Script=Greek}/gu, 'Greek'],
	[/\p{Script=Devanagari}/gu, 'Hindi'],
	[/\p{Script=Thai}/gu, 'Thai'],
];
const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const LATIN = /\p{Script=Latin}/gu;
const LETTER_WORD = /\p{L}+/gu;
/**
 * One CJK character carries about as much as three Latin letters, so a lead counts as CJK when its
 * Han, kana and Hangul characters times three reach its Latin letters (`[Project Management] 获取…`).
 */
const CJK_WEIGHT = 3;
/** A letter of an alphabetic script weighs about as much as a Latin letter; it must outweigh half of them. */
const ALPHABET_WEIGHT = 2;

/**
 * Function words of Latin-script languages: a lead is in the language when at least three of them
 * occur and they outnumber the English ones two to one (so "no" or "da" in English text does not count).
 */
const ENGLISH_WORDS = new Set([
	'the',
	'and',
	'of',
	'to',
	'for',
	'is',
	'with',
	'or',
	'by',
	'from',
	'this',
	'that',
	'on',
	'are',
]);
const LATIN_LANGUAGES: readonly (readonly [Language, ReadonlySet<string>])[] = [
	['Spanish', new Set(['el', 'los', 'las', 'del', 'y', 'para', 'por', 'con', 'una', 'que', 'es', 'se', 'al', 'su'])],
	['Portuguese', new Set(['os', 'do', 'da', 'dos', 'das', 'em', 'para', 'com', 'um', 'uma', 'que', 'no', 'na', 'ao'])],
	['French', new Set(['le', 'les', 'des', 'du', 'et', 'pour', 'avec', 'un', 'une', 'est', 'sur', 'dans', 'au', 'aux'])],
	[
		'German',
		new Set(['der', 'die', 'das', 'den', 'dem', 'und', 'von', 'zu', 'mit', 'für', 'ein', 'eine', 'ist', 'oder']),
	],
	['Italian', new Set(['il', 'lo', 'gli', 'di', 'della', 'per', 'con', 'un', 'una', 'che', 'è', 'nel', 'alla', 'dei'])],
	['Dutch', new Set(['het', 'een', 'en', 'van', 'voor', 'met', 'op', 'niet', 'naar', 'wordt'])],
	['Turkish', new Set(['ve', 'bir', 'bu', 'için', 'ile', 'olan', 'veya'])],
	['Indonesian', new Set(['dan', 'yang', 'untuk', 'dari', 'dengan', 'ini', 'atau', 'ke'])],
	['Polish', new Set(['w', 'z', 'na', 'dla', 'się', 'oraz', 'jest', 'lub'])],
	['Vietnamese', new Set(['của', 'và', 'các', 'cho', 'là', 'được', 'một', 'trong'])],
];
const MIN_FUNCTION_WORDS = 3;

function count(re: RegExp, text: string): number {
	re.lastIndex = 0;
	return text.match(re)?.length ?? 0;
}

/**
 * The language a text is mainly written in, or undefined for English (and for text with no letters).
 * Technical English words mixed into a CJK sentence do not make it English.
 */
export function textLanguage(text: string): Language | undefined {
	const latin = count(LATIN, text);
	const han = count(HAN, text);
	const kana = count(KANA, text);
	const hangul = count(SCRIPTS[0]?.[0] as RegExp, text);
	if (han + kana + hangul > 0 && (han + kana + hangul) * CJK_WEIGHT >= latin)
		return kana > 0 ? 'Japanese' : hangul > han ? 'Korean' : 'Chinese';
	for (const [re, language] of SCRIPTS.slice(1)) {
		const n = count(re, text);
		if (n > 0 && n * ALPHABET_WEIGHT >= latin) return language;
	}
	const words = (text.toLowerCase().match(LETTER_WORD) ?? []) as string[];
	const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
	let best: Language | undefined;
	let bestCount = 0;
	for (const [language, set] of LATIN_LANGUAGES) {
		const n = words.filter((w) => set.has(w)).length;
		if (n > bestCount) {
			best = language;
			bestCount = n;
		}
	}
	return best && bestCount >= MIN_FUNCTION_WORDS && bestCount > 2 * english ? best : undefined;
}

/** How a language's verbs are found in text: as substrings (no spaces between words) or as whole words. */
type Matching = 'substring' | 'word';

interface VerbTable {
	readonly matching: Matching;
	/**
	 * Which verb of the lead is the tool's: the first in languages that put the verb before its object
	 * ("获取用户信息"), the last in verb-final ones ("一覧を取得します", "파일을 삭제합니다").
	 */
	readonly order: 'first' | 'last';
	/** English verb (a lexicon base) → the forms that mean it: stems for substring matching, word forms otherwise. */
	readonly verbs: Readonly<Record<string, readonly string[]>>;
	/** Longer strings in which a verb form is a noun (更新时间 "update time"), skipped when matched. */
	readonly nouns?: readonly string[];
	/** A negator right before the verb (zh 不删除) or right after it (ja 削除しない); the verb is then not counted. */
	readonly negatedBefore?: RegExp;
	readonly negatedAfter?: RegExp;
}

/** The verbs of each covered language; each base must be a lexicon verb (checked at load). */
const TABLES: Readonly<Partial<Record<Language, VerbTable>>> = {
	Chinese: {
		matching: 'substring',
		order: 'first',
		verbs: {
			get: ['获取', '获得', '取得'],
			list: ['列出', '列举'],
			search: ['搜索', '检索', '查找'],
			query: ['查询'],
			read: ['读取'],
			view: ['查看'],
			analyze: ['分析'],
			download: ['下载'],
			export: ['导出'],
			create: ['创建', '新建', '新增'],
			add: ['添加', '增加'],
			update: ['更新', '修改'],
			edit: ['编辑'],
			set: ['设置'],
			write: ['写入'],
			upload: ['上传'],
			import: ['导入'],
			send: ['发送'],
			record: ['登记'],
			delete: ['删除'],
			remove: ['移除'],
			clear: ['清空', '清除'],
			execute: ['执行'],
			run: ['运行'],
			deploy: ['部署'],
			stop: ['停止'],
			restart: ['重启'],
			pay: ['支付', '付款', '转账'],
		},
		nouns: [
			'更新时间',
			'创建时间',
			'修改时间',
			'删除线',
			'创建者',
			'创建来源',
			'执行结果',
			'查询条件',
			'搜索结果',
			'付款码',
			'支付方式',
		],
		negatedBefore: /(?:不|没有|没|无法|无需|勿|禁止|不要|不会)$/u,
	},
	Japanese: {
		matching: 'substring',
		order: 'last',
		verbs: {
			get: ['取得'],
			search: ['検索'],
			read: ['読み込', '読み取'],
			show: ['表示'],
			check: ['確認'],
			analyze: ['分析'],
			recommend: ['推薦', '推奨'],
			download: ['ダウンロード'],
			create: ['作成', '生成'],
			add: ['追加'],
			register: ['登録'],
			update: ['更新', '変更'],
			edit: ['編集'],
			set: ['設定'],
			write: ['書き込'],
			save: ['保存'],
			upload: ['アップロード'],
			send: ['送信'],
			post: ['投稿'],
			delete: ['削除'],
			execute: ['実行'],
			stop: ['停止'],
			pay: ['支払', '決済', '振込'],
		},
		nouns: ['更新日', '作成日', '作成者', '検索結果', '実行結果'],
		negatedAfter: /^(?:しない|しません|せず|されません|されない|できません|できない)/u,
	},
	Korean: {
		matching: 'substring',
		order: 'last',
		verbs: {
			get: ['조회', '가져오', '가져옵'],
			search: ['검색'],
			read: ['읽'],
			analyze: ['분석'],
			download: ['다운로드'],
			create: ['생성', '작성'],
			add: ['추가'],
			update: ['수정', '업데이트', '변경'],
			set: ['설정'],
			upload: ['업로드'],
			send: ['전송', '발송', '보내', '보냅'],
			delete: ['삭제'],
			remove: ['제거'],
			execute: ['실행'],
			stop: ['중지'],
			pay: ['결제', '송금', '이체'],
		},
		nouns: ['생성일', '수정일', '검색 결과', '실행 결과'],
		negatedAfter: /^(?:하지\s*않|지\s*않|하지\s*마)/u,
	},
	Spanish: {
		matching: 'word',
		order: 'first',
		verbs: {
			get: ['obtener', 'obtiene', 'obtén', 'recuperar', 'recupera'],
			list: ['listar', 'lista', 'enumera'],
			search: ['buscar', 'busca'],
			read: ['leer', 'lee'],
			create: ['crear', 'crea'],
			add: ['añadir', 'añade', 'agregar', 'agrega'],
			update: ['actualizar', 'actualiza', 'modificar', 'modifica'],
			send: ['enviar', 'envía', 'envia'],
			delete: ['eliminar', 'elimina', 'borrar', 'borra'],
			execute: ['ejecutar', 'ejecuta'],
			pay: ['pagar', 'paga', 'transferir', 'transfiere'],
		},
	},
	Portuguese: {
		matching: 'word',
		order: 'first',
		verbs: {
			get: ['obter', 'obtém', 'obtem', 'recuperar', 'recupera'],
			list: ['listar', 'lista'],
			search: ['buscar', 'busca', 'pesquisar', 'pesquisa'],
			read: ['ler', 'lê'],
			create: ['criar', 'cria'],
			add: ['adicionar', 'adiciona'],
			update: ['atualizar', 'atualiza', 'modificar', 'modifica'],
			send: ['enviar', 'envia'],
			delete: ['excluir', 'exclui', 'apagar', 'apaga', 'deletar', 'deleta'],
			remove: ['remover', 'remove'],
			execute: ['executar', 'executa'],
			pay: ['pagar', 'paga', 'transferir', 'transfere'],
		},
	},
	French: {
		matching: 'word',
		order: 'first',
		verbs: {
			get: ['obtenir', 'obtient', 'récupérer', 'récupère'],
			list: ['lister', 'liste'],
			search: ['rechercher', 'recherche', 'chercher', 'cherche'],
			read: ['lire', 'lit'],
			create: ['créer', 'crée'],
			add: ['ajouter', 'ajoute'],
			update: ['mettre', 'met', 'modifier', 'modifie'],
			send: ['envoyer', 'envoie'],
			delete: ['supprimer', 'supprime', 'effacer', 'efface'],
			execute: ['exécuter', 'exécute'],
			pay: ['payer', 'paie', 'virer', 'vire'],
		},
	},
	German: {
		matching: 'word',
		order: 'first',
		verbs: {
			get: ['abrufen', 'ruft', 'holen', 'holt', 'liefert'],
			list: ['auflisten', 'listet'],
			search: ['suchen', 'sucht', 'durchsucht'],
			read: ['lesen', 'liest'],
			create: ['erstellen', 'erstellt', 'anlegen', 'legt'],
			add: ['hinzufügen', 'fügt'],
			update: ['aktualisieren', 'aktualisiert', 'ändern', 'ändert', 'bearbeiten', 'bearbeitet'],
			send: ['senden', 'sendet', 'versenden', 'versendet'],
			delete: ['löschen', 'löscht', 'entfernen', 'entfernt'],
			execute: ['ausführen', 'führt'],
			pay: ['bezahlen', 'bezahlt', 'überweisen', 'überweist'],
		},
	},
	Italian: {
		matching: 'word',
		order: 'first',
		verbs: {
			get: ['ottenere', 'ottiene', 'recuperare', 'recupera'],
			list: ['elencare', 'elenca'],
			search: ['cercare', 'cerca'],
			read: ['leggere', 'legge'],
			create: ['creare', 'crea'],
			add: ['aggiungere', 'aggiunge'],
			update: ['aggiornare', 'aggiorna', 'modificare', 'modifica'],
			send: ['inviare', 'invia'],
			delete: ['eliminare', 'elimina', 'cancellare', 'cancella'],
			execute: ['eseguire', 'esegue'],
			pay: ['pagare', 'paga', 'trasferire', 'trasferisce'],
		},
	},
	Russian: {
		matching: 'word',
		order: 'first',
		verbs: {
			get: ['получить', 'получает', 'возвращает'],
			list: ['перечислить', 'перечисляет'],
			search: ['найти', 'находит', 'искать', 'ищет', 'поиск'],
			read: ['прочитать', 'читает'],
			create: ['создать', 'создает', 'создаёт'],
			add: ['добавить', 'добавляет'],
			update: ['обновить', 'обновляет', 'изменить', 'изменяет'],
			send: ['отправить', 'отправляет'],
			delete: ['удалить', 'удаляет'],
			execute: ['выполнить', 'выполняет', 'запустить', 'запускает'],
			pay: ['оплатить', 'оплачивает', 'перевести', 'переводит'],
		},
		negatedBefore: /(?:^|\s)не\s+$/u,
	},
};

/** The languages whose verbs the lexicon has, in the order above. */
export const COVERED_LANGUAGES: readonly Language[] = Object.keys(TABLES) as Language[];

interface Form {
	readonly form: string;
	readonly info: VerbInfo;
}

/** Every table's forms with their lexicon entries, longest first so 업데이트 wins over a shorter stem. */
const FORMS: ReadonlyMap<Language, readonly Form[]> = new Map(
	Object.entries(TABLES).map(([language, table]) => {
		const forms: Form[] = [];
		for (const [base, words] of Object.entries(table.verbs)) {
			const info = VERBS.get(base);
			// A base outside the lexicon would silently read nothing; fail loudly instead.
			if (!info) throw new Error(`language: "${base}" (${language}) is not a lexicon verb`);
			for (const form of words) forms.push({ form: form.toLowerCase(), info });
		}
		forms.sort((a, b) => b.form.length - a.form.length || (a.form < b.form ? -1 : 1));
		return [language as Language, forms] as const;
	}),
);

/** The verb a lead sentence in another language is about, with the form found and where. */
export interface ForeignVerb {
	readonly language: Language;
	/** The form as written. */
	readonly word: string;
	readonly index: number;
	readonly info: VerbInfo;
}

/** Sentence ends of CJK text (。！？), which need no space after them. */
const CJK_SENTENCE_END = /[。！？]/u;

/** Every un-negated verb form in `text`, by position, in a language's table. */
function hits(text: string, language: Language, table: VerbTable): ForeignVerb[] {
	const lower = text.toLowerCase();
	const found: ForeignVerb[] = [];
	const taken = new Set<number>();
	const words =
		table.matching === 'word'
			? [...lower.matchAll(LETTER_WORD)].map((m) => ({ text: m[0], index: m.index ?? 0 }))
			: undefined;
	for (const { form, info } of FORMS.get(language) ?? []) {
		const at = words ? words.filter((w) => w.text === form).map((w) => w.index) : substringIndexes(lower, form);
		for (const index of at) {
			if (taken.has(index)) continue;
			if (table.nouns?.some((noun) => noun.includes(form) && lower.startsWith(noun, index - noun.indexOf(form))))
				continue;
			if (table.negatedBefore?.test(lower.slice(Math.max(0, index - 4), index))) continue;
			if (table.negatedAfter?.test(lower.slice(index + form.length))) continue;
			taken.add(index);
			found.push({ language, word: text.slice(index, index + form.length), index, info });
		}
	}
	return found.sort((a, b) => a.index - b.index);
}

/** Every position of `form` in `text`, overlapping matches included. */
function substringIndexes(text: string, form: string): number[] {
	const at: number[] = [];
	for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) at.push(i);
	return at;
}

/**
 * The verb of a lead sentence written mainly in another language, when its language is covered and a
 * verb is found: the first or the last un-negated verb of the lead's first sentence, by the
 * language's word order. Undefined for English, uncovered languages and leads with no known verb.
 */
export function foreignVerb(
	lead: string,
	language: Language | undefined = textLanguage(lead),
): ForeignVerb | undefined {
	if (!language) return undefined;
	const table = TABLES[language];
	if (!table) return undefined;
	const end = CJK_SENTENCE_END.exec(lead);
	const sentence = end ? lead.slice(0, end.index) : lead;
	const found = hits(sentence, language, table);
	return table.order === 'first' ? found[0] : found.at(-1);
}
