package org.casebook.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.casebook.CasebookIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the application, read from its own request mappings: those under
 * {@code /admin} refuse anonymous visitors (a sign-in page for people, 401 for scripts)
 * and contributors (403), each sending a CSRF token of its session so that it is who they
 * are that refuses them; editors reach the imports and nothing else there; one's account
 * needs a sign-in.
 */
@CasebookIntegrationTest
class AccessRulesTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyProtectedRouteRefusesWhoMayNotUseIt() throws Exception {
		List<Route> routes = protectedRoutes();
		assertThat(routes).extracting(Route::path)
			.contains("/admin/accounts", "/admin/accounts/1/roles", "/admin/import", "/admin/api/imports",
					"/admin/api/search-index/repair", "/account", "/account/password", "/account/cases", "/review",
					"/review/1/publish", "/contribute", "/contribute/1/1");

		SignIn.account(this.accounts, this.jdbc, "rules-contributor@example.org", Role.CONTRIBUTOR);
		SignIn.account(this.accounts, this.jdbc, "rules-editor@example.org", Role.EDITOR);
		Visitor contributor = SignIn.as(this.mvc, "rules-contributor@example.org", SignIn.PASSWORD);
		Visitor editor = SignIn.as(this.mvc, "rules-editor@example.org", SignIn.PASSWORD);
		Visitor anonymous = new Visitor(this.mvc);
		String anonymousToken = anonymous.csrf("/login");
		String contributorToken = contributor.csrf("/account");
		String editorToken = editor.csrf("/account");

		List<String> wrong = new ArrayList<>();
		for (Route route : routes) {
			var answer = anonymous.perform(route.request(anonymousToken)).andReturn().getResponse();
			String location = answer.getHeader("Location");
			boolean script = route.path().startsWith("/admin/api/");
			if (script ? answer.getStatus() != 401
					: (answer.getStatus() != 302 || location == null || !location.endsWith("/login"))) {
				wrong.add(route + " anonymous: " + answer.getStatus() + " " + location);
			}
			if (route.path().startsWith("/review")) {
				int byContributor = status(contributor, route, contributorToken);
				if (byContributor != 403) {
					wrong.add(route + " contributor: " + byContributor);
				}
			}
			if (route.path().startsWith("/admin/") && !script) {
				int byContributor = status(contributor, route, contributorToken);
				if (byContributor != 403) {
					wrong.add(route + " contributor: " + byContributor);
				}
				int byEditor = status(editor, route, editorToken);
				boolean editorsRoute = route.path().startsWith("/admin/import");
				if (editorsRoute ? byEditor == 403 : byEditor != 403) {
					wrong.add(route + " editor: " + byEditor);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	private static int status(Visitor visitor, Route route, String token) throws Exception {
		return visitor.perform(route.request(token)).andReturn().getResponse().getStatus();
	}

	private List<Route> protectedRoutes() {
		List<Route> routes = new ArrayList<>();
		for (RequestMappingInfoHandlerMapping mapping : this.context
			.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			mapping.getHandlerMethods().forEach((info, handler) -> {
				for (String pattern : patterns(info)) {
					if (!pattern.startsWith("/admin") && !pattern.startsWith("/account")
							&& !pattern.startsWith("/review") && !pattern.startsWith("/contribute")) {
						continue;
					}
					Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
					for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
						routes.add(new Route(method.asHttpMethod(), pattern.replaceAll("\\{[^}]+}", "1")));
					}
				}
			});
		}
		return routes;
	}

	private static Set<String> patterns(RequestMappingInfo info) {
		return (info.getPathPatternsCondition() != null) ? info.getPathPatternsCondition().getPatternValues()
				: info.getPatternValues();
	}

	private record Route(HttpMethod method, String path) {

		org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request(String csrf) {
			var request = MockMvcRequestBuilders.request(this.method, this.path);
			if (csrf != null && this.method != HttpMethod.GET) {
				request.param("_csrf", csrf);
			}
			return request;
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
