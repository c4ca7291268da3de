/** CSV exports for the county's accounts and funding applications, written by papaparse. */
import Papa from 'papaparse';

export type CsvRow = Record<string, string | number | boolean>;

/** Semicolons, as Norwegian spreadsheets expect when the decimal mark is a comma. */
export const CSV_DELIMITER = ';';

/** `headers` is the header row a reader sees (in their language), one per column; the columns name the fields. */
export function toCsv(rows: CsvRow[], columns: string[], headers: string[] = columns): string {
	return Papa.unparse({ fields: headers, data: rows.map((row) => columns.map((c) => row[c] ?? '')) }, { delimiter: CSV_DELIMITER, newline: '\r\n' });
}

export function fromCsv(text: string): Array<Record<string, string>> {
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, delimiter: CSV_DELIMITER, skipEmptyLines: true });
	if (parsed.errors.length) throw new Error(parsed.errors.map((e) => e.message).join('; '));
	return parsed.data;
}
