package org.casebook.attachment.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.casebook.attachment.AttachmentLimits;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload to a draft larger than Casebook takes is answered 413 with a page that says
 * so, before anything reads it. Otherwise the servlet container would parse it when the
 * CSRF check first asks for a parameter, fail on its size, and the request would be
 * refused as a forgery (403) with no word of why; or, within the container's limit for
 * imports (1 GB), spool it to disk for nothing.
 * <p>
 * Browsers send a form's length ({@code Content-Length}); an upload without one is
 * refused (411). The body of a refused upload is read and dropped up to {@link #DRAINED},
 * so that the browser, still sending, reads the answer rather than a closed connection.
 */
class UploadSizeLimit extends OncePerRequestFilter {

	private static final Pattern UPLOAD = Pattern.compile("/contribute/\\d+/files");

	/** What a form adds to its file: its other fields and the parts' headers. */
	static final long FORM_OVERHEAD = 256 * 1024;

	/** The most of a refused body read before answering. */
	static final long DRAINED = 64L * 1024 * 1024;

	private final AttachmentLimits limits;

	private final MessageSource messages;

	UploadSizeLimit(AttachmentLimits limits, MessageSource messages) {
		this.limits = limits;
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > this.limits.maxFileSize().toBytes() + FORM_OVERHEAD) {
			drain(request);
			// error/4xx shows it as the reason (the error page reads the request's
			// attributes).
			request.setAttribute("reason", this.messages.getMessage("attachment.problem.tooLarge",
					new Object[] { this.limits.maxFileMegabytes() }, request.getLocale()));
			// Said as the multipart resolver would say it, so that the error page's
			// dispatch
			// does not try to read the parts of this body again (and fail with a 400).
			request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
					new MaxUploadSizeExceededException(this.limits.maxFileSize().toBytes()));
			response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		chain.doFilter(request, response);
	}

	private static void drain(HttpServletRequest request) {
		byte[] buffer = new byte[64 * 1024];
		long left = DRAINED;
		try (InputStream body = request.getInputStream()) {
			for (int read = body.read(buffer); read >= 0 && left > 0; read = body.read(buffer)) {
				left -= read;
			}
		}
		catch (IOException ex) {
			// The client went away: nothing to answer.
		}
	}

	/** Before sessions and security: nothing may read the body before it is measured. */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<UploadSizeLimit> uploadSizeLimit(AttachmentLimits limits, MessageSource messages) {
			FilterRegistrationBean<UploadSizeLimit> registration = new FilterRegistrationBean<>(
					new UploadSizeLimit(limits, messages));
			registration.addUrlPatterns("/contribute/*");
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
			return registration;
		}

	}

}
