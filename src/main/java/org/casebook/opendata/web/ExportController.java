package org.casebook.opendata.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.casebook.opendata.CaseExport;
import org.casebook.opendata.ExportFormat;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchQueryParser;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Any search, every page of it, as a file: {@code /innovations.csv?…} and
 * {@code /innovations.jsonl?…} take the list page's parameters (page and size aside). The
 * file is written while it is read, however large.
 */
@Controller
class ExportController {

	private final SearchQueryParser parser;

	private final CaseExport export;

	ExportController(SearchQueryParser parser, CaseExport export) {
		this.parser = parser;
		this.export = export;
	}

	@GetMapping("/innovations.csv")
	void csv(@RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		export(parameters, ExportFormat.CSV, request, response);
	}

	@GetMapping("/innovations.jsonl")
	void jsonLines(@RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		export(parameters, ExportFormat.JSONL, request, response);
	}

	private void export(MultiValueMap<String, String> parameters, ExportFormat format, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		SearchQuery query = this.parser.parse(parameters).query();
		if ("HEAD".equals(request.getMethod())) {
			describe(response, format);
			return;
		}
		// Described and opened once the engine has found the first matches: a search it
		// refuses gets its error page, not a file.
		this.export.export(query, format, ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), () -> {
			describe(response, format);
			return response.getOutputStream();
		});
	}

	private static void describe(HttpServletResponse response, ExportFormat format) {
		response.setContentType(format.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("casebook-innovations." + format.extension())
					.build()
					.toString());
	}

}
