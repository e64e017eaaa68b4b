package org.casebook.innovation;

/** What a link of a case points to. */
public enum LinkKind {

	WEBSITE, RELATED, VIDEO;

	public String messageKey() {
		return "link." + name().toLowerCase();
	}

}
