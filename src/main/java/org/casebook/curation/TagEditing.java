package org.casebook.curation;

import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;
import org.casebook.innovation.HistoryBaseline;
import org.casebook.innovation.Innovation;
import org.casebook.innovation.PublicationStatus;
import org.casebook.innovation.Slugs;
import org.casebook.search.index.SearchIndexMaintenance;
import org.casebook.taxonomy.Tag;
import org.casebook.taxonomy.Taxonomies;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Editors' care of the tags: add one, rename one (its key stays, so that links keep
 * working), merge one into another (its cases get the other instead, and it goes). Each
 * change is committed, then the labels are read again and the cases it touched are
 * indexed again, so that pages and search show it at once.
 */
@Service
public class TagEditing {

	/** What imports take for a key: lower-case words joined by hyphens. */
	private static final Pattern KEY = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

	private static final Pattern LATIN_LETTER_OR_DIGIT = Pattern.compile("[A-Za-z0-9]");

	private static final int MAX_KEY = 80;

	/** As the {@code tag.label} column. */
	private static final int MAX_LABEL = 120;

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	private final Taxonomies taxonomies;

	private final SearchIndexMaintenance index;

	private final HistoryBaseline baseline;

	private final Clock clock;

	TagEditing(EntityManager entityManager, TransactionTemplate transactions, Taxonomies taxonomies,
			SearchIndexMaintenance index, HistoryBaseline baseline, Clock clock) {
		this.entityManager = entityManager;
		this.transactions = transactions;
		this.taxonomies = taxonomies;
		this.index = index;
		this.clock = clock;
		this.baseline = baseline;
	}

	/** Every tag, by label, with the number of published cases that use it. */
	public List<TagUse> tags() {
		return this.transactions.execute((status) -> this.entityManager.createQuery("""
				select new org.casebook.curation.TagUse(t.key, t.label, t.curated,
					(select count(i) from Innovation i join i.tags u where u = t and i.status = :published))
				from Tag t order by lower(t.label), t.key""", TagUse.class)
			.setParameter("published", PublicationStatus.PUBLISHED)
			.getResultList());
	}

	/**
	 * Adds a curated tag, its key made from its label.
	 * @return its key
	 * @throws InvalidTagException if the label is empty, too long, makes no key, or is
	 * that of a tag already
	 */
	public String add(String label) {
		String trimmed = label(label, "label");
		String key = Slugs.of(trimmed);
		if (!LATIN_LETTER_OR_DIGIT.matcher(Normalizer.normalize(trimmed, Normalizer.Form.NFD)).find()
				|| key.length() > MAX_KEY || !KEY.matcher(key).matches()) {
			throw new InvalidTagException("label", "tags.problem.noKey");
		}
		try {
			this.transactions.executeWithoutResult((status) -> {
				if (this.entityManager.find(Tag.class, key) != null || labelTaken(trimmed, null)) {
					throw new InvalidTagException("label", "tags.problem.taken");
				}
				this.entityManager.persist(Tag.curated(key, trimmed));
			});
		}
		catch (DataIntegrityViolationException ex) {
			// Added by another editor at the same moment.
			throw new InvalidTagException("label", "tags.problem.taken");
		}
		this.taxonomies.reload();
		return key;
	}

	/**
	 * Gives a tag a new label; its key stays.
	 * @throws InvalidTagException if there is no such tag, or the label is empty, too
	 * long or another tag's
	 */
	public void rename(String key, String label) {
		String trimmed = label(label, "newLabel");
		List<Long> cases = this.transactions.execute((status) -> {
			Tag tag = tag(key, "tag");
			if (labelTaken(trimmed, key)) {
				throw new InvalidTagException("newLabel", "tags.problem.taken");
			}
			tag.rename(trimmed);
			return publishedCasesWith(tag);
		});
		this.taxonomies.reload();
		// The index holds labels too (keyword search finds cases by them), and does not
		// follow a change of a term by itself.
		this.index.reindex(cases);
	}

	/**
	 * Gives every case tagged {@code from} the tag {@code into} instead (once, if it had
	 * both), as a revision of each by the editor who asks, then deletes {@code from}.
	 * @throws InvalidTagException if either tag is unknown, or they are the same
	 */
	public void merge(String from, String into) {
		List<Long> cases = this.transactions.execute((status) -> {
			Tag merged = tag(from, "from");
			Tag kept = tag(into, "into");
			if (merged.equals(kept)) {
				throw new InvalidTagException("into", "tags.problem.itself");
			}
			// Every case with the tag is loaded and changed through JPA, so that Envers
			// records it and Hibernate Search indexes it at commit: bounded by the cases
			// of
			// one tag (hundreds; a tag of tens of thousands would want CaseWriter's SQL).
			List<Innovation> tagged = this.entityManager
				.createQuery("select i from Innovation i join i.tags t where t = :tag", Innovation.class)
				.setParameter("tag", merged)
				.getResultList();
			this.baseline.ensure(tagged.stream().map(Innovation::getId).toList());
			for (Innovation innovation : tagged) {
				innovation.getTags().remove(merged);
				innovation.getTags().add(kept);
				innovation.changed(this.clock.instant());
			}
			this.entityManager.flush();
			this.entityManager.remove(merged);
			return tagged.stream()
				.filter((innovation) -> innovation.getStatus() == PublicationStatus.PUBLISHED)
				.map(Innovation::getId)
				.toList();
		});
		this.taxonomies.reload();
		// Hibernate Search indexed them at commit already; once more, as the rename does,
		// so that the index never depends on a listener seeing a collection change.
		this.index.reindex(cases);
	}

	private static String label(String label, String field) {
		String trimmed = (label != null) ? label.strip() : "";
		if (trimmed.isEmpty()) {
			throw new InvalidTagException(field, "tags.problem.empty");
		}
		if (trimmed.length() > MAX_LABEL) {
			throw new InvalidTagException(field, "tags.problem.long");
		}
		return trimmed;
	}

	private Tag tag(String key, String field) {
		Tag tag = (key != null && !key.isEmpty()) ? this.entityManager.find(Tag.class, key) : null;
		if (tag == null) {
			throw new InvalidTagException(field, "tags.problem.unknown");
		}
		return tag;
	}

	/**
	 * Whether another tag has this label, case aside: contributors type tags by label.
	 */
	private boolean labelTaken(String label, String except) {
		return !this.entityManager
			.createQuery("select t.key from Tag t where lower(t.label) = :label and t.key <> :except", String.class)
			.setParameter("label", label.toLowerCase(Locale.ROOT))
			.setParameter("except", (except != null) ? except : "")
			.setMaxResults(1)
			.getResultList()
			.isEmpty();
	}

	private List<Long> publishedCasesWith(Tag tag) {
		return this.entityManager
			.createQuery("select i.id from Innovation i join i.tags t where t = :tag and i.status = :published",
					Long.class)
			.setParameter("tag", tag)
			.setParameter("published", PublicationStatus.PUBLISHED)
			.getResultList();
	}

}
