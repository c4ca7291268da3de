/**
 * Finds words written straight into a Svelte template instead of coming from the catalogue:
 * text between tags, and the attributes a person reads or hears (aria-label, title,
 * placeholder, alt). Used by a test, so a Bokmål word typed into a page fails the build.
 */
import { parse } from 'svelte/compiler';

/** Attributes whose value reaches the user's eyes or screen reader. */
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);

/** The same in every language: the product's name, units and codes. */
export const ALLOWED_LITERALS = new Set(['Byttebank', 'km', 'kr', 'CSV', '.ics']);

export interface LiteralText {
	line: number;
	text: string;
	where: string;
}

interface Node {
	type: string;
	start?: number;
	[key: string]: unknown;
}

const hasWords = (text: string) => /\p{L}/u.test(text);

function isAllowed(text: string): boolean {
	// Split on anything that is not a letter: "Byttebank – km" is made only of allowed words.
	const words = text.split(/[^\p{L}.]+/u).filter((w) => hasWords(w));
	return words.every((w) => ALLOWED_LITERALS.has(w) || ALLOWED_LITERALS.has(w.replace(/\.$/, '')));
}

/** String literals an expression can evaluate to directly; a call's arguments (message keys) are not text. */
function literalsOf(expression: Node | undefined): string[] {
	if (!expression) return [];
	switch (expression.type) {
		case 'Literal':
			return typeof expression.value === 'string' ? [expression.value] : [];
		case 'TemplateLiteral':
			return (expression.quasis as Array<{ value: { cooked: string } }>).map((q) => q.value.cooked);
		case 'ConditionalExpression':
			return [...literalsOf(expression.consequent as Node), ...literalsOf(expression.alternate as Node)];
		case 'LogicalExpression':
			return [...literalsOf(expression.left as Node), ...literalsOf(expression.right as Node)];
		default:
			return [];
	}
}

export function findLiteralText(source: string): LiteralText[] {
	const ast = parse(source, { modern: true });
	const found: LiteralText[] = [];
	const lineOf = (offset: number | undefined) => (offset === undefined ? 0 : source.slice(0, offset).split('\n').length);
	const report = (text: string, node: Node, where: string) => {
		if (hasWords(text) && !isAllowed(text)) found.push({ line: lineOf(node.start), text: text.trim(), where });
	};

	const visit = (value: unknown, parentElement: string): void => {
		if (Array.isArray(value)) {
			for (const item of value) visit(item, parentElement);
			return;
		}
		if (!value || typeof value !== 'object') return;
		const node = value as Node;
		if (node.type === 'Attribute') {
			if (!READ_ATTRIBUTES.has(String(node.name))) return;
			const parts = Array.isArray(node.value) ? (node.value as Node[]) : node.value && typeof node.value === 'object' ? [node.value as Node] : [];
			for (const part of parts) {
				if (part.type === 'Text') report(String(part.data), part, `${parentElement}[${String(node.name)}]`);
				if (part.type === 'ExpressionTag') for (const text of literalsOf(part.expression as Node)) report(text, part, `${parentElement}[${String(node.name)}]`);
			}
			return;
		}
		if (node.type === 'Text') {
			report(String(node.data), node, `<${parentElement}>`);
			return;
		}
		if (node.type === 'ExpressionTag') {
			for (const text of literalsOf(node.expression as Node)) report(text, node, `<${parentElement}>`);
			return;
		}
		// Inside <style> there is no user text; code in <script> is covered by types, not this.
		if (node.type === 'StyleSheet' || node.type === 'Script') return;
		const element = typeof node.name === 'string' && /Element|Component|Title|Head/.test(node.type) ? node.name : parentElement;
		for (const [key, child] of Object.entries(node)) {
			if (key === 'start' || key === 'end' || key === 'loc' || key === 'metadata') continue;
			if (child && typeof child === 'object') visit(child, element);
		}
	};
	visit(ast.fragment, 'root');
	return found;
}
