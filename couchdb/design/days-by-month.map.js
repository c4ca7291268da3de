function (doc) {
	// Days exchanged per month, for `_sum`. Plain ES5, as days-by-library.map.js.
	function monthOf(transactionId) {
		var date = new Date(parseInt(transactionId.substring(0, 9), 36));
		var month = date.getUTCMonth() + 1;
		return date.getUTCFullYear() + '-' + (month < 10 ? '0' : '') + month;
	}
	if (doc.type !== 'tx' || typeof doc.days !== 'number') return;
	// Completions and reversals written before they named their parties are not counted.
	if (doc.kind === 'exchange.completed' && typeof doc.provider !== 'string') return;
	if (doc.kind === 'exchange.reversed' && (typeof doc.completion !== 'string' || typeof doc.provider !== 'string' || typeof doc.host !== 'string')) return;
	if (doc.kind === 'exchange.completed') emit(monthOf(doc._id.substring(3)), doc.days);
	else if (doc.kind === 'exchange.reversed') emit(monthOf(doc.completion), -doc.days);
}
