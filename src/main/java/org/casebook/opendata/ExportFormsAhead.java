package org.casebook.opendata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the exports' forms ready in the background
 * ({@code casebook.export.forms.make-ahead-every}, 5 s between rounds): an export then
 * copies every case's form out, rather than making those of the cases written since the
 * last export while the client waits.
 */
@Component
@ConditionalOnProperty(name = "casebook.export.forms.make-ahead", havingValue = "true", matchIfMissing = true)
class ExportFormsAhead {

	private static final Logger log = LoggerFactory.getLogger(ExportFormsAhead.class);

	private final ExportForms forms;

	ExportFormsAhead(ExportForms forms) {
		this.forms = forms;
	}

	@Scheduled(initialDelayString = "${casebook.export.forms.make-ahead-after:10s}",
			fixedDelayString = "${casebook.export.forms.make-ahead-every:5s}")
	void makeAhead() {
		long start = System.nanoTime();
		try {
			int made = this.forms.makeAhead();
			if (made > 0) {
				log.info("Export forms of {} cases made ahead in {} ms", made, (System.nanoTime() - start) / 1_000_000);
			}
		}
		catch (DataAccessException ex) {
			// The database away or busy: the next round tries again, and exports make
			// what is missing meanwhile.
			log.warn("Could not make the export forms ahead: {}", ex.toString());
		}
	}

}
