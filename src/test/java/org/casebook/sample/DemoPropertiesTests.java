package org.casebook.sample;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Demo cases fill a Casebook run on its embedded database unless told otherwise; a
 * configured database is a real catalogue's, and gets none unless asked.
 */
class DemoPropertiesTests {

	@Test
	void unsetMeansDemoCasesOnlyOnTheEmbeddedDatabase() {
		DemoProperties unset = new DemoProperties(null, 1, 2000);
		assertThat(unset.casesOn(true)).isEqualTo(DemoProperties.EMBEDDED_DEFAULT);
		assertThat(unset.casesOn(false)).isZero();
	}

	@Test
	void aNumberGivenHoldsOnEitherDatabase() {
		DemoProperties given = new DemoProperties(25, 1, 2000);
		assertThat(given.casesOn(true)).isEqualTo(25);
		assertThat(given.casesOn(false)).isEqualTo(25);
		assertThatIllegalArgumentException().isThrownBy(() -> new DemoProperties(-1, 1, 2000));
	}

}
