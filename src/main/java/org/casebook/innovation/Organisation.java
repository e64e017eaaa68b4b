package org.casebook.innovation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.casebook.taxonomy.OrganisationType;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/** An organisation behind a case, with its type when known. */
@Embeddable
public class Organisation {

	@Column(nullable = false)
	private String name;

	@Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "type_key")
	private OrganisationType type;

	protected Organisation() {
	}

	public Organisation(String name, OrganisationType type) {
		this.name = name;
		this.type = type;
	}

	public String getName() {
		return this.name;
	}

	public OrganisationType getType() {
		return this.type;
	}

}
