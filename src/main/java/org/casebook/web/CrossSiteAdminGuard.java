package org.casebook.web;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The maintenance endpoints under {@code /admin} take HTTP Basic credentials, which a
 * browser sends by itself: a page on another site could make an administrator's browser
 * start a repair. Browsers say where a request comes from ({@code Sec-Fetch-Site},
 * {@code Origin}); a change requested from another site is refused with 403. Scripts and
 * curl send neither header and are not affected.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class CrossSiteAdminGuard extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	private final MessageSource messages;

	CrossSiteAdminGuard(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return SAFE_METHODS.contains(request.getMethod())
				|| !request.getRequestURI().startsWith(request.getContextPath() + "/admin");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (crossSite(request)) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter().println(this.messages.getMessage("admin.crossSite", null, request.getLocale()));
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean crossSite(HttpServletRequest request) {
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (fetchSite != null) {
			return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
		}
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return false;
		}
		try {
			URI uri = URI.create(origin);
			int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
			return !request.getServerName().equalsIgnoreCase(uri.getHost()) || request.getServerPort() != port;
		}
		catch (IllegalArgumentException ex) {
			// "null" (a sandboxed page) or garbage: not this site.
			return true;
		}
	}

}
