/**
 * What the demo county's offers and requests say, per skill (src/lib/data/skills.json), so that
 * a description always matches the task it is posted under.
 */
export const OFFER_TEXT: Record<string, string[]> = {
	routine: ['Vi kan ta en dag med innlevering, reservasjoner og purringer hos dere.', 'Erfaren biblioteksekretær hjelper med rutinearbeidet en dag.'],
	cataloguing: ['Erfaren katalogisator hjelper med etterslep i katalogen.', 'Vi katalogiserer nye innkjøp og rydder i gamle poster en dag.'],
	'plastic-covering': ['Vi plaster en vogn nye bøker hos dere, med eget utstyr.', 'Plasting og reparasjon av slitte bøker, en dag.'],
	shelving: ['Hyllerydding og oppstilling etter ombygging eller flytting.', 'Vi rydder hyllene og merker om avdelingene en dag.'],
	weeding: ['Kassering etter bruk og alder, med liste til dere før vi fjerner noe.', 'Vi tynner sakprosaen og gjør plass til nytt.'],
	outreach: ['Bokprat for voksne og utstilling av nyheter en dag.', 'Vi lager en lesekampanje med dere og holder den første bokpraten.'],
	events: ['Hjelp med forfatterbesøk eller kveldsarrangement, fra plakat til rigging.', 'Vi kan lede et arrangement for dere en kveld.'],
	children: ['Eventyrstund og sommerlesstart for barnehager og småskolen.', 'Klassebesøk med bokprat for mellomtrinnet.'],
	'front-desk': ['Vi dekker skranken en dag ved sykdom eller ferie.', 'Erfaren skrankebibliotekar kan steppe inn en dag.'],
	'digital-help': ['Digital veiledning for seniorer: BankID, e-bøker og nettbrett.', 'Drop-in med hjelp til mobil og nettbank en formiddag.'],
	collection: ['Gjennomgang av samlingen og innkjøpsplan for neste år.', 'Vi hjelper med samlingsutvikling for barneavdelingen.'],
	'interlibrary-loan': ['Vi tar unna fjernlånskøen og viser rutinene.', 'Fjernlån og bestillinger en dag, med opplæring.'],
	'open-library': ['Oppsett av meråpent bibliotek: rutiner, skilting og kjøreplan.', 'Vi går gjennom meråpent-driften og lager rutiner sammen med dere.'],
	makerspace: ['Makerspace-dag med 3D-printer og mikro:bit for ungdom.', 'Vi rigger et verksted med lodding og koding en dag.']
};

export const REQUEST_TEXT: Record<string, string[]> = {
	routine: ['Vi trenger hjelp med innlevering og reservasjoner mens en er på kurs.'],
	cataloguing: ['Etterslep i katalogiseringen etter sommeren.', 'Gave av lokalhistorie som må katalogiseres.'],
	'plastic-covering': ['To kasser nye bøker venter på plasting.'],
	shelving: ['Hyllene må ryddes etter ombyggingen.', 'Flytting av barneavdelingen: trenger hender til oppstilling.'],
	weeding: ['Stor kassering før ombygging.', 'Sakprosaen må tynnes før nytt innkjøp.'],
	outreach: ['Trenger hjelp til å komme i gang med lesesirkel for voksne.'],
	events: ['Forfatterbesøk i høstferien: trenger en til å rigge og lede.'],
	children: ['Sommerles-avslutning for barn og foreldre.', 'Klassebesøk fra tre skoler i samme uke.'],
	'front-desk': ['Sykefravær: trenger skrankevakt.', 'Ferieavvikling: skranken må dekkes en dag.', 'Sykefravær i morgen: trenger skrankevakt.'],
	'digital-help': ['Seniorkafé med digital hjelp: trenger en veileder til.'],
	collection: ['Trenger hjelp til å lage innkjøpsplan for sakprosa.'],
	'interlibrary-loan': ['Fjernlånskøen har vokst mens vi var underbemannet.'],
	'open-library': ['Vi skal åpne meråpent og trenger hjelp med rutinene.'],
	makerspace: ['Ungdomsverksted i vinterferien: trenger en som kan 3D-printing.']
};
