import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { joinableLibraries, joinDocument, joinRequestSchema, mayApprove, memberRoles, pendingMemberOf } from './membership';

const request = { name: 'ida.berg', fullName: 'Ida Berg', email: 'ida@hamar.kommune.no', library: 'hamar', password: 'lange-passord' };

describe('asking to join a library', () => {
	it('accepts a complete request and writes an account without roles that names the library', () => {
		expect(v.safeParse(joinRequestSchema, request).success).toBe(true);
		const doc = joinDocument(request, '2026-11-25T08:00:00.000Z');
		expect(doc).toMatchObject({ _id: 'org.couchdb.user:ida.berg', type: 'user', name: 'ida.berg', roles: [], askedToJoin: 'hamar' });
		expect(pendingMemberOf(doc)).toEqual({ name: 'ida.berg', fullName: 'Ida Berg', email: 'ida@hamar.kommune.no', library: 'hamar', asked: '2026-11-25T08:00:00.000Z' });
	});

	it.each([
		['name', 'Ida Berg', 'username'],
		['name', 'i', 'username'],
		['email', 'ida@', 'email'],
		['library', '', 'library'],
		['password', 'kort', 'password-short'],
		['fullName', '  ', 'required']
	])('refuses %s = %j with the code %s', (field, value, code) => {
		const result = v.safeParse(joinRequestSchema, { ...request, [field]: value });
		expect(result.success).toBe(false);
		expect(result.issues?.[0]?.message).toBe(code);
		expect(result.issues?.[0]?.path?.[0]?.key).toBe(field);
	});

	it('treats an approved account, or one that asked for nothing, as not pending', () => {
		expect(pendingMemberOf({ ...joinDocument(request, ''), roles: memberRoles('hamar') })).toBeUndefined();
		expect(pendingMemberOf({ name: 'admin', roles: [] })).toBeUndefined();
		expect(pendingMemberOf({ name: 'x', askedToJoin: 'hamar' })).toBeUndefined();
	});
});

describe('who may approve', () => {
	it('is the county for any library, and a librarian only for its own', () => {
		expect(mayApprove(['librarian', 'county', 'library:fylkesbiblioteket'], 'tolga')).toBe(true);
		expect(mayApprove(memberRoles('hamar'), 'hamar')).toBe(true);
		expect(mayApprove(memberRoles('hamar'), 'tolga')).toBe(false);
		expect(mayApprove(['library:hamar'], 'hamar')).toBe(false);
		expect(mayApprove([], 'hamar')).toBe(false);
	});
});

describe('the libraries one may join', () => {
	it('are the active ones, by name', () => {
		const lib = (slug: string, name: string, active = true) => ({ slug, name, municipality: name, country: 'NO', active });
		expect(joinableLibraries([lib('tolga', 'Tolga bibliotek'), lib('amot', 'Åmot bibliotek'), lib('os', 'Os bibliotek', false), lib('elverum', 'Elverum bibliotek')]).map((l) => l.slug)).toEqual([
			'elverum',
			'tolga',
			'amot'
		]);
	});
});
