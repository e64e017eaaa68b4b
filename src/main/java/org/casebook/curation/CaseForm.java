package org.casebook.curation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.casebook.innovation.Section;

/**
 * A case as its author types it, field by field, before anything is checked: what a
 * submission keeps (as JSON) between the steps of the form, so that nothing typed is
 * lost, valid or not. {@link CaseFormRules} says what is wrong with it; publishing turns
 * it into a case.
 */
public class CaseForm {

	/** Rows offered for organisations and for links (empty rows are ignored). */
	public static final int ROWS = 3;

	private String title = "";

	private String summary = "";

	private String language = "en";

	private List<String> countries = new ArrayList<>();

	private String launchYear = "";

	private String level = "";

	private List<OrganisationRow> organisations = rows(OrganisationRow::new);

	private List<String> sectors = new ArrayList<>();

	private List<String> stages = new ArrayList<>();

	/** Tags as typed: labels or keys, separated by commas. */
	private String tags = "";

	private String locationName = "";

	private String latitude = "";

	private String longitude = "";

	private List<LinkRow> links = rows(LinkRow::new);

	private String overview = "";

	private Map<Section, String> sections = new EnumMap<>(Section.class);

	private static <T> List<T> rows(java.util.function.Supplier<T> row) {
		List<T> rows = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			rows.add(row.get());
		}
		return rows;
	}

	/** Copies the fields of one step of the form from what was posted for it. */
	void copyStep(FormStep step, CaseForm posted) {
		switch (step) {
			case BASICS -> {
				this.title = posted.title;
				this.summary = posted.summary;
				this.language = posted.language;
				this.countries = new ArrayList<>(posted.countries);
				this.launchYear = posted.launchYear;
				this.level = posted.level;
				this.organisations = new ArrayList<>(posted.organisations);
				this.sectors = new ArrayList<>(posted.sectors);
				this.stages = new ArrayList<>(posted.stages);
				this.tags = posted.tags;
				this.locationName = posted.locationName;
				this.latitude = posted.latitude;
				this.longitude = posted.longitude;
				this.links = new ArrayList<>(posted.links);
			}
			case DESCRIPTION, STORY -> {
				if (step == FormStep.DESCRIPTION) {
					this.overview = posted.overview;
				}
				for (Section section : step.sections()) {
					this.sections.put(section, posted.sections.getOrDefault(section, ""));
				}
			}
			case FILES, CHECK -> {
				// Files are kept apart (Attachments); nothing to type on the last step.
			}
		}
		padRows();
	}

	/**
	 * How much of the narrative it tells: the overview and the sections that have text,
	 * in percent of all of them.
	 */
	public int completeness() {
		int written = this.overview.isBlank() ? 0 : 1;
		for (Section section : Section.values()) {
			String text = this.sections.get(section);
			if (text != null && !text.isBlank()) {
				written++;
			}
		}
		return written * 100 / (Section.values().length + 1);
	}

	/** Always {@link #ROWS} rows or more to fill in, whatever was posted. */
	void padRows() {
		while (this.organisations.size() < ROWS) {
			this.organisations.add(new OrganisationRow());
		}
		while (this.links.size() < ROWS) {
			this.links.add(new LinkRow());
		}
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = nonNull(title);
	}

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = nonNull(summary);
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = nonNull(language);
	}

	public List<String> getCountries() {
		return this.countries;
	}

	public void setCountries(List<String> countries) {
		this.countries = (countries != null) ? countries : new ArrayList<>();
	}

	public String getLaunchYear() {
		return this.launchYear;
	}

	public void setLaunchYear(String launchYear) {
		this.launchYear = nonNull(launchYear);
	}

	public String getLevel() {
		return this.level;
	}

	public void setLevel(String level) {
		this.level = nonNull(level);
	}

	public List<OrganisationRow> getOrganisations() {
		return this.organisations;
	}

	public void setOrganisations(List<OrganisationRow> organisations) {
		this.organisations = (organisations != null) ? organisations : new ArrayList<>();
	}

	public List<String> getSectors() {
		return this.sectors;
	}

	public void setSectors(List<String> sectors) {
		this.sectors = (sectors != null) ? sectors : new ArrayList<>();
	}

	public List<String> getStages() {
		return this.stages;
	}

	public void setStages(List<String> stages) {
		this.stages = (stages != null) ? stages : new ArrayList<>();
	}

	public String getTags() {
		return this.tags;
	}

	public void setTags(String tags) {
		this.tags = nonNull(tags);
	}

	public String getLocationName() {
		return this.locationName;
	}

	public void setLocationName(String locationName) {
		this.locationName = nonNull(locationName);
	}

	public String getLatitude() {
		return this.latitude;
	}

	public void setLatitude(String latitude) {
		this.latitude = nonNull(latitude);
	}

	public String getLongitude() {
		return this.longitude;
	}

	public void setLongitude(String longitude) {
		this.longitude = nonNull(longitude);
	}

	public List<LinkRow> getLinks() {
		return this.links;
	}

	public void setLinks(List<LinkRow> links) {
		this.links = (links != null) ? links : new ArrayList<>();
	}

	public String getOverview() {
		return this.overview;
	}

	public void setOverview(String overview) {
		this.overview = nonNull(overview);
	}

	public Map<Section, String> getSections() {
		return this.sections;
	}

	public void setSections(Map<Section, String> sections) {
		this.sections = (sections != null) ? new EnumMap<>(sections) : new EnumMap<>(Section.class);
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

	/** An organisation behind the case, with the key of its type. */
	public static class OrganisationRow {

		private String name = "";

		private String type = "";

		public OrganisationRow() {
		}

		public OrganisationRow(String name, String type) {
			this.name = nonNull(name);
			this.type = nonNull(type);
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = nonNull(name);
		}

		public String getType() {
			return this.type;
		}

		public void setType(String type) {
			this.type = nonNull(type);
		}

		boolean isEmpty() {
			return this.name.isBlank() && this.type.isBlank();
		}

	}

	/**
	 * A link: its kind ({@code WEBSITE}, {@code RELATED}, {@code VIDEO}), address and
	 * title.
	 */
	public static class LinkRow {

		private String kind = "WEBSITE";

		private String url = "";

		private String title = "";

		public LinkRow() {
		}

		public LinkRow(String kind, String url, String title) {
			this.kind = nonNull(kind);
			this.url = nonNull(url);
			this.title = nonNull(title);
		}

		public String getKind() {
			return this.kind;
		}

		public void setKind(String kind) {
			this.kind = nonNull(kind);
		}

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = nonNull(url);
		}

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = nonNull(title);
		}

		boolean isEmpty() {
			return this.url.isBlank() && this.title.isBlank();
		}

	}

}
