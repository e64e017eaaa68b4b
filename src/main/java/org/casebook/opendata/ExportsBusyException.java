package org.casebook.opendata;

/**
 * As many exports as Casebook runs at once are running: the client should try again
 * shortly.
 */
public class ExportsBusyException extends RuntimeException {

	public ExportsBusyException() {
		super("Every export slot is in use");
	}

}
