package org.casebook.web;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Stylesheets, scripts, the map's shapes and the webjars are served under URLs that carry
 * a hash of their content ({@code casebook-5f3a….css}), which pages link to through
 * {@code @{…}}: a browser keeps them for a year without asking again, and a new release
 * changes the URL. Boot's own static mappings are off
 * ({@code spring.web.resources.add-mappings=false}) because they cannot say
 * {@code immutable}.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	private static final CacheControl ONE_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	/**
	 * Where each kind of static file comes from. One handler per folder, not "/**": every
	 * link a page builds with @{…} is looked up among the handlers' patterns, and a
	 * catch-all would look each case's link up on the classpath.
	 */
	static final Map<String, String> LOCATIONS = Map.of("/webjars/**", "classpath:/META-INF/resources/webjars/",
			"/css/**", "classpath:/static/css/", "/js/**", "classpath:/static/js/", "/vendor/**",
			"classpath:/static/vendor/");

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		LOCATIONS.forEach((pattern, location) -> registry.addResourceHandler(pattern)
			.addResourceLocations(location)
			.setCacheControl(ONE_YEAR)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
			.addTransformer(new CssLinkResourceTransformer()));
	}

	/** Rewrites the URLs that templates build into their versioned form. */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		return new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
	}

}
