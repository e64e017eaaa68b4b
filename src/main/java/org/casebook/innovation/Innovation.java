package org.casebook.innovation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.envers.RelationTargetAuditMode;
import org.casebook.taxonomy.Country;
import org.casebook.taxonomy.GovernmentLevel;
import org.casebook.taxonomy.InnovationStage;
import org.casebook.taxonomy.Sector;
import org.casebook.taxonomy.Tag;
import org.casebook.taxonomy.TaxonomyTerm;

/**
 * An innovation case study: what was done, by whom, where and when, told in narrative
 * sections. Only published cases reach the search index. Every change is kept as a
 * revision (Hibernate Envers); taxonomy terms are reference data and are not.
 */
@Entity
@Audited
public class Innovation {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "innovation_seq")
	@SequenceGenerator(name = "innovation_seq", sequenceName = "innovation_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, unique = true)
	private String slug;

	@Column(nullable = false)
	private String title;

	private String summary;

	private String overview;

	@Embedded
	private Narrative narrative = new Narrative();

	private Integer launchYear;

	@Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "level_key")
	private GovernmentLevel level;

	@Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
	@ManyToMany
	@JoinTable(name = "innovation_country", joinColumns = @JoinColumn(name = "innovation_id"),
			inverseJoinColumns = @JoinColumn(name = "country_code"))
	private Set<Country> countries = new LinkedHashSet<>();

	@Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
	@ManyToMany
	@JoinTable(name = "innovation_sector", joinColumns = @JoinColumn(name = "innovation_id"),
			inverseJoinColumns = @JoinColumn(name = "sector_key"))
	private Set<Sector> sectors = new LinkedHashSet<>();

	@Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
	@ManyToMany
	@JoinTable(name = "innovation_innovation_stage", joinColumns = @JoinColumn(name = "innovation_id"),
			inverseJoinColumns = @JoinColumn(name = "stage_key"))
	private Set<InnovationStage> stages = new LinkedHashSet<>();

	@Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
	@ManyToMany
	@JoinTable(name = "innovation_tag", joinColumns = @JoinColumn(name = "innovation_id"),
			inverseJoinColumns = @JoinColumn(name = "tag_key"))
	private Set<Tag> tags = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "innovation_organisation", joinColumns = @JoinColumn(name = "innovation_id"))
	@OrderColumn(name = "position")
	private List<Organisation> organisations = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "innovation_link", joinColumns = @JoinColumn(name = "innovation_id"))
	@OrderColumn(name = "position")
	private List<Link> links = new ArrayList<>();

	@Embedded
	private Location location;

	@Column(nullable = false)
	private String language;

	@Embedded
	private Provenance provenance;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private PublicationStatus status = PublicationStatus.DRAFT;

	private boolean demo;

	/** The first of its images, shown on its card; files are not versioned. */
	@NotAudited
	private UUID coverImage;

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	private Instant publishedAt;

	protected Innovation() {
	}

	public Innovation(String slug, String title, String language, Instant createdAt) {
		this.slug = slug;
		this.title = title;
		this.language = language;
		this.createdAt = createdAt;
		this.updatedAt = createdAt;
	}

	public void publish(Instant when) {
		this.status = PublicationStatus.PUBLISHED;
		this.publishedAt = when;
		this.updatedAt = when;
	}

	/**
	 * Records a change made now (the page and the index say when a case last changed).
	 */
	public void changed(Instant when) {
		this.updatedAt = when;
	}

	/** Takes a published case out of the catalogue, keeping it. */
	public void archive(Instant when) {
		this.status = PublicationStatus.ARCHIVED;
		this.updatedAt = when;
	}

	public boolean isPublished() {
		return this.status == PublicationStatus.PUBLISHED;
	}

	public Long getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getOverview() {
		return this.overview;
	}

	public void setOverview(String overview) {
		this.overview = overview;
	}

	public Narrative getNarrative() {
		// Hibernate leaves an embeddable null when all of its columns are.
		if (this.narrative == null) {
			this.narrative = new Narrative();
		}
		return this.narrative;
	}

	public Integer getLaunchYear() {
		return this.launchYear;
	}

	public void setLaunchYear(Integer launchYear) {
		this.launchYear = launchYear;
	}

	public GovernmentLevel getLevel() {
		return this.level;
	}

	public void setLevel(GovernmentLevel level) {
		this.level = level;
	}

	public Set<Country> getCountries() {
		return this.countries;
	}

	public Set<Sector> getSectors() {
		return this.sectors;
	}

	public Set<InnovationStage> getStages() {
		return this.stages;
	}

	public Set<Tag> getTags() {
		return this.tags;
	}

	public List<Organisation> getOrganisations() {
		return this.organisations;
	}

	public List<Link> getLinks() {
		return this.links;
	}

	public Location getLocation() {
		return this.location;
	}

	public void setLocation(Location location) {
		this.location = location;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	/**
	 * Where its text comes from and under which licence; empty when written here, that of
	 * demo data for a generated case.
	 */
	public Provenance getProvenance() {
		// Hibernate leaves an embeddable null when all of its columns are.
		if (this.provenance == null || this.provenance.isEmpty()) {
			return this.demo ? Provenance.DEMO : Provenance.NONE;
		}
		return this.provenance;
	}

	public void setProvenance(Provenance provenance) {
		this.provenance = provenance;
	}

	public PublicationStatus getStatus() {
		return this.status;
	}

	public boolean isDemo() {
		return this.demo;
	}

	/** The id of the image its card shows, or null. */
	public UUID getCoverImage() {
		return this.coverImage;
	}

	public void setCoverImage(UUID coverImage) {
		this.coverImage = coverImage;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public List<InnovationStage> getStagesInOrder() {
		return this.stages.stream().sorted(Comparator.comparing(InnovationStage::getPosition)).toList();
	}

	/** Tags by their own labels, as an author writes them in the form. */
	public List<Tag> getTagsByLabel() {
		return this.tags.stream().sorted(Comparator.comparing(TaxonomyTerm::getLabel)).toList();
	}

}
