package org.casebook.search.index;

import org.casebook.innovation.Innovation;
import org.hibernate.search.mapper.pojo.bridge.RoutingBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.RoutingBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.RoutingBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.RoutingBridgeRouteContext;
import org.hibernate.search.mapper.pojo.route.DocumentRoutes;

/**
 * Keeps the index to published cases: a case enters it when published and leaves it when
 * unpublished, archived or deleted, in the same transaction.
 */
public class PublishedOnlyRoutingBinder implements RoutingBinder {

	@Override
	public void bind(RoutingBindingContext context) {
		context.dependencies().use("status");
		context.bridge(Innovation.class, new Bridge());
	}

	private static final class Bridge implements RoutingBridge<Innovation> {

		@Override
		public void route(DocumentRoutes routes, Object entityIdentifier, Innovation innovation,
				RoutingBridgeRouteContext context) {
			if (innovation.isPublished()) {
				routes.addRoute();
			}
			else {
				routes.notIndexed();
			}
		}

		@Override
		public void previousRoutes(DocumentRoutes routes, Object entityIdentifier, Innovation innovation,
				RoutingBridgeRouteContext context) {
			// Without sharding a case has a single possible route: delete there, whatever
			// its status was.
			routes.addRoute();
		}

	}

}
