/** Invented names for the demo county's librarians. */
export const FIRST_NAMES = [
	'Ingrid', 'Kari', 'Astrid', 'Solveig', 'Marit', 'Hanne', 'Silje', 'Nora', 'Ragnhild', 'Tone',
	'Liv', 'Guro', 'Sigrid', 'Anne', 'Berit', 'Mona', 'Ola', 'Knut', 'Lars', 'Erik', 'Per', 'Jon',
	'Håkon', 'Tor', 'Even', 'Sindre', 'Amir', 'Fatima', 'Sara', 'Jonas', 'Maja', 'Ida'
];

export const LAST_NAMES = [
	'Haugen', 'Bakken', 'Moen', 'Nordby', 'Kveen', 'Sætre', 'Løkken', 'Brenna', 'Hagen', 'Vold',
	'Sandvik', 'Rønning', 'Enger', 'Myhre', 'Holm', 'Berg', 'Strand', 'Lien', 'Aas', 'Nyhus'
];

export const TITLES = ['Biblioteksjef', 'Bibliotekar', 'Bibliotekar', 'Biblioteksekretær', 'Rådgiver'];

export const BEST_AT = [
	'Katalogisering av voksenlitteratur og rydding i gamle poster.',
	'Lesestimulering for barn: eventyrstunder, sommerles og klassebesøk.',
	'Plasting i rekordfart og en ryddig magasinhylle.',
	'Kassering med kjærlighet: tynning av samlingen etter bruk og alder.',
	'Digital veiledning for seniorer: BankID, e-bøker og nettbrett.',
	'Arrangementer og forfatterbesøk, fra idé til plakat.',
	'Meråpent bibliotek: oppsett, rutiner og kjøreplan for drift.',
	'Fjernlån og samlingsutvikling for små bibliotek.'
];
