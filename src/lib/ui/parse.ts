/** Reading numbers as Norwegians type them ("1,5"); blank stays undefined, nonsense is NaN. */
export function parseDecimal(text: string): number | undefined {
	const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
	if (cleaned === '') return undefined;
	return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

export function decimalText(value: number | undefined): string {
	return value === undefined ? '' : String(value).replace('.', ',');
}
