import { describe, expect, it } from 'vitest';
import { isLastPage } from './initial-sync';

const page = (rows: number, pending?: number) => ({ results: Array.from({ length: rows }), ...(pending === undefined ? {} : { pending }) });

describe('the last page of a first copy', () => {
	it('is an empty page, or a short one with nothing pending', () => {
		expect(isLastPage(page(0, 0), 50)).toBe(true);
		expect(isLastPage(page(0), 50)).toBe(true);
		expect(isLastPage(page(37, 0), 50)).toBe(true);
		expect(isLastPage(page(37), 50)).toBe(true);
	});

	it('is never a full page, even one a cluster says has nothing pending after it', () => {
		expect(isLastPage(page(50, 0), 50)).toBe(false);
		expect(isLastPage(page(50, 384), 50)).toBe(false);
	});

	it('is not a short page with more said to be pending', () => {
		expect(isLastPage(page(30, 384), 50)).toBe(false);
	});
});
