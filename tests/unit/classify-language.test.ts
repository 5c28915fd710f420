/**
 * Descriptions in other languages: language detection by script and function words, the verbs of each
 * covered language (substrings in CJK text, words elsewhere), negation, and the low-confidence label
 * when neither the description nor the name gives a verb.
 */
import { describe, expect, it } from 'vitest';
import { classify, confidenceReason, type Decision } from '../../src/classify/index.ts';
import { COVERED_LANGUAGES, foreignVerb, textLanguage } from '../../src/classify/language.ts';
import { SERVER, tool } from '../helpers/definitions.ts';

const label = (d: Decision) => `${d.category}/${d.level}`;
const verbOf = (lead: string) => foreignVerb(lead)?.info.base;

describe('textLanguage', () => {
	it.each([
		['获取用户的实际工时明细', 'Chinese'],
		['[Project Management] 获取预计工时明细', 'Chinese'],
		['利用可能なカテゴリ一覧を取得します', 'Japanese'],
		['파일을 삭제합니다', 'Korean'],
		['Удалить файл из хранилища', 'Russian'],
		['حذف الملف من الخادم', 'Arabic'],
		['Elimina un archivo del servidor y devuelve el resultado para el usuario', 'Spanish'],
		['Löscht eine Datei und die zugehörigen Metadaten von dem Server', 'German'],
		['Supprime un fichier et les métadonnées du serveur pour un utilisateur', 'French'],
	])('reads %s as %s', (text, language) => {
		expect(textLanguage(text)).toBe(language);
	});

	it('leaves English alone, even with a stray foreign function word', () => {
		expect(textLanguage('Get user docs. No section = index; section param = content.')).toBeUndefined();
		expect(textLanguage('Delete emails permanently (max 1000 IDs per request)')).toBeUndefined();
		expect(textLanguage('Search the 百度 map for a place by name and return its address')).toBeUndefined();
	});
});

describe('foreignVerb', () => {
	it.each([
		// Chinese: the first verb, found as a substring.
		['获取用户的实际工时明细', 'get'],
		['删除指定的工作项', 'delete'],
		['根据城市名称查询天气', 'query'],
		['向指定频道发送消息', 'send'],
		['执行 SQL 查询或数据库命令', 'execute'],
		['向商户账户转账', 'pay'],
		// Japanese and Korean: the last verb of the sentence.
		['プロジェクトを分析し、適切なツールを推薦します', 'recommend'],
		['指定したファイルを削除します', 'delete'],
		['メッセージを送信します', 'send'],
		['사용자 목록을 조회합니다', 'get'],
		['선택한 파일을 삭제합니다', 'delete'],
		['결제를 진행합니다', 'pay'],
		// Whole words elsewhere.
		['Elimina un archivo del servidor y devuelve el resultado para el usuario', 'delete'],
		['Cria uma nova tarefa para o projeto com os dados da tarefa', 'create'],
		['Envoie un message à un utilisateur dans une conversation', 'send'],
		['Löscht eine Datei und die zugehörigen Metadaten von dem Server', 'delete'],
		['Esegue un comando per il progetto con il nome della macchina', 'execute'],
		['Получить список пользователей проекта', 'get'],
	])('reads %s as %s', (lead, base) => {
		expect(verbOf(lead)).toBe(base);
	});

	it('skips a verb form that is part of a noun', () => {
		expect(verbOf('按更新时间列出工作项')).toBe('list');
		expect(verbOf('根据创建来源查询部署单')).toBe('query');
	});

	it('skips negated verbs', () => {
		expect(verbOf('不会删除任何数据，仅列出文件')).toBe('list');
		expect(verbOf('ファイルを削除しません')).toBeUndefined();
		expect(verbOf('파일을 삭제하지 않습니다')).toBeUndefined();
		expect(verbOf('Не удалять файлы, а получить список')).toBe('get');
	});

	it('reads only the first sentence of CJK text', () => {
		expect(verbOf('获取文件列表。删除操作请使用其他工具')).toBe('get');
	});

	it('reads nothing in English or in an uncovered language', () => {
		expect(verbOf('Delete a file')).toBeUndefined();
		expect(verbOf('حذف الملف من الخادم')).toBeUndefined();
	});

	it('covers the languages found in the catalogue first', () => {
		expect(COVERED_LANGUAGES.slice(0, 2)).toEqual(['Chinese', 'Japanese']);
	});
});

describe('classify with a description in another language', () => {
	it('reads the verb when the name has none', () => {
		const d = classify(tool('maps_weather', '根据城市名称或者标准adcode查询指定城市的天气'), SERVER);
		expect(label(d)).toBe('Read/Low');
		expect(d.evidence.find((e) => e.rule === 'foreign-verb')?.match).toBe('查询');
	});

	it('lets an agreeing verb raise confidence but never outvote the name', () => {
		const agree = classify(tool('list_effort_records', '[Project Management] 获取实际工时明细'), SERVER);
		expect(agree.confidence).toBe('high');
		const disagree = classify(tool('recommend_meals', '根据忌口智能推荐菜谱，创建一周的膳食计划'), SERVER);
		expect(label(disagree)).toBe('Read/Low');
		expect(disagree.evidence.find((e) => e.rule === 'foreign-verb')?.effect.kind).toBe('note');
	});

	it('labels a tool it cannot read with low confidence and says why', () => {
		const d = classify(tool('inventario', 'حذف الملف من الخادم نهائيا'), SERVER);
		expect(label(d)).toBe('Write/Medium');
		expect(d.confidence).toBe('low');
		const note = d.evidence.find((e) => e.rule === 'unread-language');
		expect(note?.why).toContain('Arabic');
		expect(note?.why).toContain('no verbs for');
	});

	it('says so too when the language is covered but no known verb is in it', () => {
		const d = classify(tool('inventario', 'Проверяет остатки на складе'), SERVER);
		expect(d.confidence).toBe('low');
		expect(d.evidence.find((e) => e.rule === 'unread-language')?.why).toContain('Russian');
	});

	it('does not fire when the name has a verb', () => {
		const d = classify(tool('delete_file', 'حذف الملف من الخادم نهائيا'), SERVER);
		expect(d.evidence.some((e) => e.rule === 'unread-language')).toBe(false);
		expect(d.category).toBe('Destructive');
	});
});

describe('confidenceReason', () => {
	it('gives the unread-language reason and nothing for an ordinary decision', () => {
		expect(confidenceReason(classify(tool('inventario', 'حذف الملف من الخادم نهائيا'), SERVER))).toMatch(
			/^Its description is in Arabic/,
		);
		expect(confidenceReason(classify(tool('delete_file', 'Delete a file.'), SERVER))).toBeUndefined();
	});
});
