package org.casebook.attachment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of cases held in memory, for web slices, which start no repository: none
 * unless a test gives a case some.
 */
public class FakeAttachments extends Attachments {

	private final Map<String, List<Attachment>> ofCases = new HashMap<>();

	public FakeAttachments() {
		super(null, null, null, null);
	}

	public synchronized void reset() {
		this.ofCases.clear();
	}

	@Override
	public synchronized List<Attachment> ofPublishedCase(String slug) {
		return new ArrayList<>(this.ofCases.getOrDefault(slug, List.of()));
	}

}
