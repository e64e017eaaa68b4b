package org.casebook.innovation;

import java.util.HashMap;
import java.util.Map;

/**
 * Published cases held in memory, for web slices: the real {@link InnovationCatalogue}
 * reads them through a Spring Data repository, which a slice does not start. A subclass
 * rather than a Mockito mock, so that an unknown slug is refused with the same
 * {@link InnovationNotFoundException} as the real one, and tests read as plain code.
 */
public class FakeInnovationCatalogue extends InnovationCatalogue {

	private final Map<String, Innovation> published = new HashMap<>();

	private RuntimeException failure;

	public FakeInnovationCatalogue() {
		super(null);
	}

	public synchronized void reset() {
		this.published.clear();
		this.failure = null;
	}

	/** Publishes the case here. */
	public synchronized void add(Innovation innovation) {
		this.published.put(innovation.getSlug(), innovation);
	}

	/** Every read fails with this, as a database that is away does. */
	public synchronized void fails(RuntimeException failure) {
		this.failure = failure;
	}

	@Override
	public synchronized Innovation published(String slug) {
		if (this.failure != null) {
			throw this.failure;
		}
		Innovation innovation = this.published.get(slug);
		if (innovation == null || !innovation.isPublished()) {
			throw new InnovationNotFoundException(slug);
		}
		return innovation;
	}

}
