/**
 * What the notifier knows of one address: that the receiving server refused it (bounced) or
 * that its owner unsubscribed. The notifier answers it (couchdb/notifier/delivery-status.ts)
 * and the settings page shows it, so an address can be corrected rather than wondered about.
 */
export interface AddressStatus {
	address: string;
	library: string;
	/** The person the address belongs to; absent for a library's shared address. */
	person?: string;
	bounced?: { at: number; reason: string };
	unsubscribed?: { at: number };
}
