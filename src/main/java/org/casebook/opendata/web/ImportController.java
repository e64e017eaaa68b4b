package org.casebook.opendata.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;
import java.util.List;
import java.util.Locale;

import org.casebook.opendata.ExportFormat;
import org.casebook.opendata.ImportJobs;
import org.casebook.opendata.ImportProblem;
import org.casebook.opendata.InvalidImportException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Imports for editors: a page to upload a CSV or JSON Lines file (checked only, or
 * written), a page that follows it, and the same for scripts under
 * {@code /admin/api/imports} (the file as the request body).
 */
@Controller
class ImportController {

	private final ImportJobs jobs;

	private final MessageSource messages;

	/** The largest file taken, by either way: the same as uploads'. */
	private final DataSize maxFileSize;

	ImportController(ImportJobs jobs, MessageSource messages,
			@Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize) {
		this.jobs = jobs;
		this.messages = messages;
		this.maxFileSize = maxFileSize;
	}

	@GetMapping("/admin/import")
	String form() {
		return "opendata/import";
	}

	@PostMapping("/admin/import")
	String upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun,
			Principal user) throws IOException {
		ExportFormat format = format(file.getOriginalFilename(), file.getContentType());
		Path saved = Files.createTempFile("casebook-import-", "." + format.extension());
		try (InputStream input = file.getInputStream()) {
			Files.copy(input, saved, StandardCopyOption.REPLACE_EXISTING);
		}
		ImportJobs.Job job = this.jobs.start(saved, file.getOriginalFilename(), format, dryRun, user.getName());
		return "redirect:/admin/import/" + job.id();
	}

	@GetMapping("/admin/import/{id}")
	String job(@PathVariable String id, Model model, Locale locale) {
		ImportJobs.Job job = find(id);
		model.addAttribute("job", job);
		model.addAttribute("problems",
				(job.report() != null) ? job.report()
					.problems()
					.stream()
					.map((problem) -> new ProblemLine(problem,
							this.messages.getMessage(problem.code(), problem.arguments().toArray(), locale)))
					.toList() : List.of());
		return "opendata/import-job";
	}

	/** A problem as the page shows it. */
	record ProblemLine(ImportProblem problem, String message) {
	}

	@PostMapping("/admin/api/imports")
	@ResponseBody
	ResponseEntity<ImportJobs.Job> importApi(InputStream body,
			@RequestHeader(name = "Content-Type", required = false) String contentType,
			@RequestParam(defaultValue = "false") boolean dryRun, Principal user) throws IOException {
		ExportFormat format = format(null, contentType);
		Path saved = Files.createTempFile("casebook-import-", "." + format.extension());
		try (OutputStream out = Files.newOutputStream(saved)) {
			byte[] buffer = new byte[1 << 16];
			long total = 0;
			for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
				total += read;
				if (total > this.maxFileSize.toBytes()) {
					throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE);
				}
				out.write(buffer, 0, read);
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(saved);
			throw ex;
		}
		ImportJobs.Job job = this.jobs.start(saved, "request body", format, dryRun, user.getName());
		return ResponseEntity.accepted()
			.location(ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/admin/api/imports/{id}")
				.buildAndExpand(job.id())
				.toUri())
			.body(job);
	}

	@GetMapping("/admin/api/imports/{id}")
	@ResponseBody
	ImportJobs.Job jobApi(@PathVariable String id) {
		return find(id);
	}

	private ImportJobs.Job find(String id) {
		return this.jobs.job(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** From the file's name, else its content type: {@code .csv} or {@code .jsonl}. */
	private static ExportFormat format(String fileName, String contentType) {
		if (fileName != null) {
			String name = fileName.toLowerCase(Locale.ROOT);
			if (name.endsWith(".csv")) {
				return ExportFormat.CSV;
			}
			if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
				return ExportFormat.JSONL;
			}
		}
		if (contentType != null) {
			String type = contentType.toLowerCase(Locale.ROOT);
			if (type.startsWith("text/csv")) {
				return ExportFormat.CSV;
			}
			if (type.startsWith("application/jsonl") || type.startsWith("application/x-ndjson")) {
				return ExportFormat.JSONL;
			}
		}
		throw new InvalidImportException("import.format");
	}

}
