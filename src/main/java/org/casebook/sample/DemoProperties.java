package org.casebook.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many synthetic demo cases the catalogue holds.
 *
 * @param cases how many demo cases there should be ({@code CASEBOOK_DEMO_CASES})
 * @param seed the seed that makes the generated cases what they are
 * @param batchSize cases written per transaction
 */
@ConfigurationProperties("casebook.demo")
public record DemoProperties(@DefaultValue("1000") int cases, @DefaultValue("1") long seed,
		@DefaultValue("2000") int batchSize) {

	public DemoProperties {
		if (cases < 0) {
			throw new IllegalArgumentException("casebook.demo.cases must not be negative, was " + cases);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("casebook.demo.batch-size must be positive, was " + batchSize);
		}
	}

}
