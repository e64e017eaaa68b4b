package org.casebook.innovation;

import org.hibernate.envers.RevisionListener;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Names who makes a revision: the signed-in user, else Casebook itself (data loaded at
 * start, scheduled work).
 */
public class RevisionAuthor implements RevisionListener {

	/** The author of revisions that no one signed in made. */
	public static final String CASEBOOK = "casebook";

	@Override
	public void newRevision(Object revisionEntity) {
		Revision revision = (Revision) revisionEntity;
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !"anonymousUser".equals(authentication.getName())) {
			revision.setAuthor(authentication.getName());
			revision.setKind(Revision.Kind.EDIT);
		}
		else {
			revision.setAuthor(CASEBOOK);
			revision.setKind(Revision.Kind.SYSTEM);
		}
	}

}
