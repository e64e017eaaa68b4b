package org.casebook.innovation;

/** Where a case stands in the editorial workflow. Only published cases are public. */
public enum PublicationStatus {

	DRAFT, PENDING, PUBLISHED, REVIEWED_NOT_PUBLISHED, ARCHIVED

}
