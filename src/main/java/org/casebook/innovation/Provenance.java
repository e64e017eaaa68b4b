package org.casebook.innovation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where a case's text comes from and the terms under which it may be reused. A case
 * written in Casebook has no outside source; a case without a licence is shown as such,
 * never under one it was not given.
 */
@Embeddable
public class Provenance {

	/** What every generated demo case says, without storing it in each. */
	public static final Provenance DEMO = new Provenance("Casebook demo data", null, "CC0-1.0");

	/** A case written in Casebook. */
	public static final Provenance NONE = new Provenance(null, null, null);

	@Column(name = "source_name")
	private String sourceName;

	@Column(name = "source_url")
	private String sourceUrl;

	private String licence;

	protected Provenance() {
	}

	/**
	 * @param sourceName who published the text first, or null
	 * @param sourceUrl where, or null
	 * @param licence an SPDX licence identifier (such as {@code CC-BY-4.0}) or the terms
	 * in words, or null when none is stated
	 */
	public Provenance(String sourceName, String sourceUrl, String licence) {
		this.sourceName = blankToNull(sourceName);
		this.sourceUrl = blankToNull(sourceUrl);
		this.licence = blankToNull(licence);
	}

	public String getSourceName() {
		return this.sourceName;
	}

	public String getSourceUrl() {
		return this.sourceUrl;
	}

	public String getLicence() {
		return this.licence;
	}

	public boolean isEmpty() {
		return this.sourceName == null && this.sourceUrl == null && this.licence == null;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
