import { describe, expect, it } from 'vitest';
import { decimalText, parseDecimal } from './parse';

describe('parseDecimal', () => {
	it('reads Norwegian and English decimals, blank as undefined and nonsense as NaN', () => {
		expect(parseDecimal('1,5')).toBe(1.5);
		expect(parseDecimal(' 2.5 ')).toBe(2.5);
		expect(parseDecimal('')).toBeUndefined();
		expect(parseDecimal('to')).toBeNaN();
		expect(parseDecimal('1,5,5')).toBeNaN();
		expect(decimalText(1.5)).toBe('1,5');
	});
});
