package io.singlewindow.enterprise.internal;

/**
 * The legal forms an applicant may register, with the entity-type character (position 2) of the USCC that market
 * regulation (authority {@code 9}) gives them under GB 32100-2015: {@code 1} enterprise, {@code 2} individual
 * business, {@code 3} farmers' specialised co-operative.
 */
public enum EntityType {
	LIMITED_LIABILITY_COMPANY('1'), JOINT_STOCK_COMPANY('1'), FOREIGN_INVESTED_ENTERPRISE('1'), PARTNERSHIP('1'),
	SOLE_PROPRIETORSHIP('1'), BRANCH('1'), INDIVIDUAL_BUSINESS('2'), FARMERS_COOPERATIVE('3');

	private final char usccType;

	EntityType(char usccType) {
		this.usccType = usccType;
	}

	char usccType() {
		return usccType;
	}

	static EntityType of(String raw) {
		return Choice.of(EntityType.class, raw, "ENTITY_TYPE_UNKNOWN");
	}
}
