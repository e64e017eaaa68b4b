package org.casebook.curation;

/**
 * A tag as editors see it: its key, label, whether it is curated, and the published cases
 * that use it.
 */
public record TagUse(String key, String label, boolean curated, long cases) {
}
