package org.casebook.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many synthetic demo cases the catalogue holds.
 *
 * @param cases how many demo cases there should be ({@code CASEBOOK_DEMO_CASES}); unset,
 * {@value #EMBEDDED_DEFAULT} on Casebook's own embedded PostgreSQL and none on a
 * configured database, which is a real catalogue's
 * @param seed the seed that makes the generated cases what they are
 * @param batchSize cases written per transaction
 */
@ConfigurationProperties("casebook.demo")
public record DemoProperties(Integer cases, @DefaultValue("1") long seed, @DefaultValue("2000") int batchSize) {

	/** Demo cases of a Casebook on its embedded database, when none is said. */
	public static final int EMBEDDED_DEFAULT = 1000;

	public DemoProperties {
		if (cases != null && cases < 0) {
			throw new IllegalArgumentException("casebook.demo.cases must not be negative, was " + cases);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("casebook.demo.batch-size must be positive, was " + batchSize);
		}
	}

	/** How many demo cases there should be, on the embedded database or on another. */
	public int casesOn(boolean embeddedDatabase) {
		return (this.cases != null) ? this.cases : (embeddedDatabase ? EMBEDDED_DEFAULT : 0);
	}

}
