package org.casebook.opendata;

import java.util.Locale;
import java.util.Optional;

/** The forms an export of a search takes. */
public enum ExportFormat {

	/** Comma-separated values for spreadsheets: {@link CaseCsv}. */
	CSV("text/csv;charset=UTF-8;header=present"),

	/** One {@link CaseDocument} per line, as JSON. */
	JSONL("application/jsonl;charset=UTF-8");

	private final String contentType;

	ExportFormat(String contentType) {
		this.contentType = contentType;
	}

	public String contentType() {
		return this.contentType;
	}

	/** The end of a file name or URL in this form: {@code csv}, {@code jsonl}. */
	public String extension() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ExportFormat> ofExtension(String extension) {
		for (ExportFormat format : values()) {
			if (format.extension().equals(extension)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

}
