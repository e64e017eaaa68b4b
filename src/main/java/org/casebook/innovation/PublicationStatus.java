package org.casebook.innovation;

import java.util.Locale;

/** Where a case stands in the editorial workflow. Only published cases are public. */
public enum PublicationStatus {

	DRAFT, PENDING, PUBLISHED, REVIEWED_NOT_PUBLISHED, ARCHIVED;

	public String messageKey() {
		return "publication.status." + name().toLowerCase(Locale.ROOT);
	}

}
