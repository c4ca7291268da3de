function (doc) {
	// Days given and received per library and month, for `_sum` (values [given, received]).
	// Plain ES5: it runs on Apache CouchDB's JavaScript engines and the embedded server.
	// A day counts in the month it was completed; a reversal takes it back from that month.
	// Transaction ids start with the time in base-36 milliseconds (src/lib/domain/ids.ts).
	function monthOf(transactionId) {
		var date = new Date(parseInt(transactionId.substring(0, 9), 36));
		var month = date.getUTCMonth() + 1;
		return date.getUTCFullYear() + '-' + (month < 10 ? '0' : '') + month;
	}
	if (doc.type !== 'tx' || typeof doc.days !== 'number') return;
	// Completions and reversals written before they named their parties are not counted.
	if (doc.kind === 'exchange.completed' && typeof doc.provider !== 'string') return;
	if (doc.kind === 'exchange.reversed' && (typeof doc.completion !== 'string' || typeof doc.provider !== 'string' || typeof doc.host !== 'string')) return;
	if (doc.kind === 'exchange.completed') {
		var month = monthOf(doc._id.substring(3));
		emit([doc.provider, month], [doc.days, 0]);
		emit([doc.by.library, month], [0, doc.days]);
	} else if (doc.kind === 'exchange.reversed') {
		var completed = monthOf(doc.completion);
		emit([doc.provider, completed], [-doc.days, 0]);
		emit([doc.host, completed], [0, -doc.days]);
	}
}
