package org.casebook.benchmark;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.MemoryMXBean;
import java.util.Set;
import org.casebook.opendata.CaseExport;
import org.casebook.opendata.CaseImport;
import org.casebook.opendata.ExportFormat;
import org.casebook.search.Facet;
import org.casebook.search.InnovationSearch;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchQueryParser;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.casebook.CasebookApplication;
import org.casebook.sample.DemoDataService;
import org.casebook.search.index.SearchIndexMaintenance;
import org.casebook.search.lucene.LuceneInnovationSearch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generates a catalogue of N demo cases (kept in {@code data/benchmark-N} for later
 * runs), times the generation and the mass indexing, then loads the search page with
 * concurrent clients and prints latency percentiles and throughput. Run it with
 * {@code ./mvnw -Pbenchmark verify -Dbenchmark.cases=100000} (see the README).
 */
public final class SearchBenchmark {

	private static final List<String> WORDS = List.of("procurement", "open", "digital", "citizens", "health",
			"consultation", "budget", "platform", "housing", "transport", "données", "participativo", "décret",
			"refugee", "school meals", "\"open data\"", "innovation -pilot", "servicio", "dashbord", "consul");

	private static final List<String> COUNTRIES = List.of("gb", "us", "ca", "fr", "au", "nz", "de", "nl", "br", "pt",
			"es", "mx", "co", "cl", "pl", "lv", "eu", "ke", "jp", "in");

	private static final List<String> SECTORS = List.of("public-administration", "digital", "health", "education",
			"environment", "transport");

	private static final List<String> TAGS = List.of("citizen-engagement", "digital-transformation", "open-data",
			"service-design", "co-design", "transparency", "crowdsourcing");

	private static final List<String> LEVELS = List.of("national", "regional", "local");

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		int cases = Integer.parseInt(options.getOrDefault("cases", "100000"));
		int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
		int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
		int warmUp = Integer.parseInt(options.getOrDefault("warmup", "30"));
		boolean reindex = Boolean.parseBoolean(options.getOrDefault("reindex", "false"));
		boolean map = Boolean.parseBoolean(options.getOrDefault("map", "true"));
		boolean mix = Boolean.parseBoolean(options.getOrDefault("mix", "false"));
		// true: exports then an import; export, import: either alone.
		String openData = options.getOrDefault("opendata", "false");
		boolean curation = Boolean.parseBoolean(options.getOrDefault("curation", "false"));
		boolean useWrk = Boolean.parseBoolean(options.getOrDefault("wrk", "true"));
		Path data = Path.of("data", "benchmark-" + cases).toAbsolutePath();
		String engine = options.getOrDefault("engine", "lucene");
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--casebook.demo.cases=0",
				"--casebook.embedded-postgres.data-directory=" + data.resolve("postgres"),
				"--casebook.index-directory=" + data.resolve("index"), "--logging.level.org.hibernate.search=warn"));
		if ("opensearch".equals(engine)) {
			// The same catalogue, its index in OpenSearch: built below, where it is
			// timed.
			arguments.addAll(List.of("--casebook.search.engine=opensearch",
					"--casebook.search.opensearch.uris=" + options.getOrDefault("opensearch", "http://127.0.0.1:9200"),
					"--casebook.search.check-on-startup=false",
					// On a machine shared with other builds, OpenSearch on the same cores
					// may
					// take more than the backend's 30 s to answer a bulk request of mass
					// indexing.
					"--spring.jpa.properties.hibernate.search.backend.read_timeout=180000"));
		}

		System.out.printf("Casebook search benchmark: %,d demo cases, %d clients, %d s, data in %s, engine %s%n", cases,
				clients, seconds, data, engine);
		System.out.printf("Machine: %d cores, %s, max heap %,d MB%n", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() >> 20);

		ConfigurableApplicationContext context = SpringApplication.run(CasebookApplication.class,
				arguments.toArray(String[]::new));
		try {
			DemoDataService demoData = context.getBean(DemoDataService.class);
			SearchIndexMaintenance index = context.getBean(SearchIndexMaintenance.class);
			long start = System.nanoTime();
			int generated = demoData.topUp(cases, 1, 2000);
			if (generated > 0) {
				double took = (System.nanoTime() - start) / 1e9;
				System.out.printf("Generated %,d demo cases in %.1f s: %,.0f cases/s%n", generated, took,
						generated / took);
			}
			if (generated > 0 || reindex || !index.check().consistent()) {
				start = System.nanoTime();
				index.rebuild();
				double took = (System.nanoTime() - start) / 1e9;
				long indexed = index.check().indexed();
				System.out.printf("Mass indexed %,d published cases in %.1f s: %,.0f cases/s%n", indexed, took,
						indexed / took);
			}
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			System.out.printf("Catalogue: %,d cases, %,d published; index on disk: %,d MB%n",
					jdbc.queryForObject("SELECT count(*) FROM innovation", Long.class),
					jdbc.queryForObject("SELECT count(*) FROM innovation WHERE status = 'PUBLISHED'", Long.class),
					sizeOf(data.resolve("index")) >> 20);

			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String base = "http://localhost:" + port;
			firstSearches(base, 60, generated > 0 || reindex);
			if (mix) {
				mixedLoad(context, base, data, clients, seconds, warmUp);
				return;
			}
			if (openData.equals("true") || openData.equals("export")) {
				openData(context, base, data, openData.equals("true"), warmUp);
				return;
			}
			if (openData.equals("import")) {
				importData(context, base, data);
				return;
			}
			if (curation) {
				CurationBenchmark.run(context, base);
				return;
			}
			// Until the JIT compiler has done most of its work: it shares the cores.
			System.out.printf("Warming up for %d s...%n", warmUp);
			load(base, clients, warmUp, 7, SearchBenchmark::randomSearch);
			System.gc();
			Runtime runtime = Runtime.getRuntime();
			System.out.printf("Heap in use after warm-up and GC: %,d MB%n",
					(runtime.totalMemory() - runtime.freeMemory()) >> 20);
			System.out.printf("Load: GET /innovations (HTML: keywords, filters, every facet, 20 results)%n");
			// The Lucene engine's remembered answers; the OpenSearch engine keeps none.
			LuceneInnovationSearch search = context.getBeanProvider(LuceneInnovationSearch.class).getIfAvailable();
			Map<String, Double> before = (search != null) ? search.cacheHitRatios() : Map.of();
			System.out.printf("Load average before: %s%n", Machine.loadAverage());
			Result result = load(base, clients, seconds, 42, SearchBenchmark::randomSearch);
			result.print();
			if (search != null) {
				System.out.printf("Reused answers since start (warm-up included): %s (after warm-up: %s)%n",
						percentages(search.cacheHitRatios()), percentages(before));
			}
			if (useWrk) {
				wrk(data.resolve("search-urls.txt"), base, clients, seconds, 42, SearchBenchmark::randomSearch);
			}

			if (!map) {
				return;
			}
			List<double[]> centres = jdbc.query("SELECT latitude, longitude FROM country WHERE NOT grouping",
					(row, n) -> new double[] { row.getDouble(1), row.getDouble(2) });
			Function<SplittableRandom, String> maps = (random) -> randomMap(random, centres);
			load(base, 1, 5, 8, maps);
			System.out.printf("Map: GET /api/v1/map (the same searches, a 1280 x 800 view at zoom 1 to 12),"
					+ " one client at a time: server time%n");
			load(base, 1, seconds, 43, maps).print();
			System.out.printf("Map: the same with %d clients%n", clients);
			System.out.printf("Load average before: %s%n", Machine.loadAverage());
			load(base, clients, seconds, 44, maps).print();
			if (useWrk) {
				wrk(data.resolve("map-urls.txt"), base, clients, seconds, 44, maps);
			}
		}
		finally {
			context.close();
		}
	}

	/**
	 * Exports of the whole catalogue and of one sector, as CSV and JSON Lines, through
	 * HTTP (the client counts bytes and lines, and discards them), with the heap watched
	 * while they run; then a check and an import of a file of one sector's cases.
	 */
	private static void openData(ConfigurableApplicationContext context, String base, Path data, boolean thenImport,
			int warmUp) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		System.out.printf("Heap in use after GC before exports: %,d MB%n", memory.getHeapMemoryUsage().getUsed() >> 20);
		// The first export of a case makes its forms (its CSV row and JSON line) and
		// keeps them; the others copy them out, until the case changes. Casebook makes
		// them ahead in the background: the exports wait for it, at most half an hour.
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		long published = jdbc.queryForObject("SELECT count(*) FROM innovation WHERE status = 'PUBLISHED'", Long.class);
		// Cheap questions (a 1,000,000-case catalogue keeps 6 GB of forms): whether the
		// pass over every case has ended, and the first case in the index of the forms to
		// make, as the make-ahead asks it (as NOT EXISTS, PostgreSQL's planner guessed
		// that nearly every form was to make, and read the whole table for the first).
		String ready = "SELECT EXISTS (SELECT 1 FROM case_export_made) AND (SELECT innovation_id FROM case_export_form"
				+ " WHERE form_stamp IS DISTINCT FROM stamp ORDER BY innovation_id LIMIT 1) IS NULL";
		long waited = System.nanoTime();
		boolean kept = jdbc.queryForObject(ready, Boolean.class);
		System.out.printf("Export forms of the %,d published cases ready: %s%n", published, kept);
		while (!kept && System.nanoTime() - waited < 1800e9) {
			Thread.sleep(2000);
			kept = jdbc.queryForObject(ready, Boolean.class);
		}
		System.out.printf("... ready %.1f s later (made ahead in the background): %s; load average %s%n",
				(System.nanoTime() - waited) / 1e9, kept, Machine.loadAverage());
		// The first export after the start, then exports until the JIT compiler has done
		// most of its work (on two cores it otherwise takes a good share of them: a
		// running Casebook has long done it), then the measured ones.
		export(context, http, base, "/innovations.csv", "first after start");
		long warming = System.nanoTime();
		List<String> warmUps = List.of("/innovations.jsonl", "/innovations.csv", "/innovations.jsonl?q=digital");
		for (int i = 0; System.nanoTime() - warming < warmUp * 1e9; i++) {
			export(context, http, base, warmUps.get(i % warmUps.size()), "warm-up");
		}
		for (String url : List.of("/innovations.csv", "/innovations.csv", "/innovations.jsonl", "/innovations.jsonl",
				"/innovations.csv?sector=health", "/innovations.jsonl?q=digital")) {
			export(context, http, base, url, "measured");
		}
		System.gc();
		System.out.printf("Heap in use after GC after the exports: %,d MB%n",
				memory.getHeapMemoryUsage().getUsed() >> 20);
		if (thenImport) {
			importData(context, base, data);
		}
	}

	/** One export through HTTP, timed, with the heap and the CPU it took. */
	private static void export(ConfigurableApplicationContext context, HttpClient http, String base, String url,
			String kind) throws Exception {
		Machine.HeapWatch heap = new Machine.HeapWatch();
		Machine.CpuTimes cpu = Machine.CpuTimes.now();
		long start = System.nanoTime();
		long[] answer = download(http, base + url);
		double took = (System.nanoTime() - start) / 1e9;
		Machine.CpuTimes used = Machine.CpuTimes.now();
		heap.close();
		long rows = context.getBean(InnovationSearch.class)
			.search(context.getBean(SearchQueryParser.class).parse(parameters(url)).query())
			.total();
		System.out.printf(
				"Export GET %s (%s): %d, %,d rows, %,d MB in %.1f s: %,.0f rows/s; heap in use at most %,d MB;"
						+ " load average %s%n  %s%n",
				url, kind, answer[0], rows, answer[1] >> 20, took, rows / took, heap.mostMegabytes(),
				Machine.loadAverage(), used.perRow(cpu, rows));
	}

	/**
	 * Checks then imports the CSV of one sector's cases over the existing ones
	 * (-Dbenchmark.opendata=import: this alone), printing where the time goes.
	 */
	private static void importData(ConfigurableApplicationContext context, String base, Path data) throws Exception {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		CaseExport export = context.getBean(CaseExport.class);
		CaseImport imports = context.getBean(CaseImport.class);
		Path file = data.resolve("import-benchmark.csv");
		SearchQuery health = new SearchQuery("", Map.of(Facet.SECTOR, Set.of("health")), null, null, null, 1, 20);
		long exported;
		try (OutputStream out = Files.newOutputStream(file)) {
			exported = export.export(health, ExportFormat.CSV, base, out);
		}
		long start = System.nanoTime();
		CaseImport.Report checked = imports.check(file, ExportFormat.CSV);
		double took = (System.nanoTime() - start) / 1e9;
		System.out.printf("Import check (dry run) of %,d rows (%,d MB): %.1f s, %,.0f rows/s, %d problems%n",
				checked.rows(), Files.size(file) >> 20, took, checked.rows() / took, checked.problemCount());
		Machine.HeapWatch heap = new Machine.HeapWatch();
		start = System.nanoTime();
		CaseImport.Report imported = imports.run(file, ExportFormat.CSV, "benchmark", (rows) -> {
		});
		took = (System.nanoTime() - start) / 1e9;
		heap.close();
		long written = imported.created() + imported.updated();
		System.out.printf(
				"Import of the same %,d rows (all replace existing cases): %.1f s, %,.0f rows/s in all (check, write,"
						+ " index); writing %.1f s (%,.0f rows/s), indexing %.1f s (%,.0f rows/s; with Lucene on a"
						+ " thread of its own, beside the writing); heap in use at most %,d MB%n",
				exported, took, written / took, imported.writeMillis() / 1e3, written * 1e3 / imported.writeMillis(),
				imported.indexMillis() / 1e3, written * 1e3 / imported.indexMillis(), heap.mostMegabytes());
		System.out.printf("  time by stage (summed over the batches; the indexing thread's beside the others):%n");
		imported.stageMillis()
			.forEach((stage, millis) -> System.out.printf("  %-32s %,7d ms  %,9.0f rows/s%n", stage, millis,
					written * 1e3 / Math.max(1, millis)));
		Files.delete(file);
		System.gc();
		System.out.printf("Heap in use after GC after the import: %,d MB%n",
				memory.getHeapMemoryUsage().getUsed() >> 20);
	}

	/**
	 * Reads an answer to the end: with curl when installed, a client in a process of its
	 * own that costs Casebook's cores little, else with Java's client.
	 * @return the status and the bytes read
	 */
	private static long[] download(HttpClient http, String url) throws Exception {
		if (Files.isExecutable(Path.of("/usr/bin/curl"))) {
			Process curl = new ProcessBuilder("/usr/bin/curl", "-s", "-o", "/dev/null", "-w",
					"%{http_code} %{size_download}", url)
				.redirectErrorStream(true)
				.start();
			String[] out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split(" ");
			curl.waitFor();
			return new long[] { Long.parseLong(out[0]), Long.parseLong(out[1]) };
		}
		HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		long bytes;
		try (InputStream body = response.body()) {
			bytes = body.transferTo(OutputStream.nullOutputStream());
		}
		return new long[] { response.statusCode(), bytes };
	}

	private static MultiValueMap<String, String> parameters(String url) {
		return UriComponentsBuilder.fromUriString(url).build().getQueryParams();
	}

	/**
	 * The first searches after Casebook says it is ready, one at a time: what the first
	 * visitors of a freshly started Casebook wait for, before anything is warm but what
	 * the start prepares; then as many others, to compare.
	 */
	private static void firstSearches(String base, int count, boolean justIndexed) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		long[] first = timeSearches(http, base, count, 60);
		// Then as many other searches of the same kind (the same ones would be remembered
		// answers): what the first ones cost more is the cold start's.
		long[] again = timeSearches(http, base, count, 61);
		System.out.printf(
				"First %d searches after start, one at a time: p50 %d ms, slowest %d ms (the first: %d ms);"
						+ " %d other searches after them: p50 %d ms, slowest %d ms%s%n",
				count, percentile(first, 50), percentile(first, 100), first[0], count, percentile(again, 50),
				percentile(again, 100),
				justIndexed ? "; the index was written in this run: run again for a start on an index at rest" : "");
	}

	private static long[] timeSearches(HttpClient http, String base, int count, long seed) throws Exception {
		SplittableRandom random = new SplittableRandom(seed);
		long[] millis = new long[count];
		for (int i = 0; i < count; i++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + randomSearch(random))).build();
			long start = System.nanoTime();
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			millis[i] = (System.nanoTime() - start) / 1_000_000;
			if (response.statusCode() != 200) {
				throw new IllegalStateException("A first search answered " + response.statusCode());
			}
		}
		return millis;
	}

	private static long percentile(long[] values, int percent) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
	}

	/**
	 * Many clients over a mix of what people ask for: list pages, the map's data, the
	 * JSON API and case pages. First from clients in this JVM, then, when {@code wrk} is
	 * installed, from wrk in a process of its own over the same URLs; the heap after a
	 * full GC is printed before, between and after.
	 */
	private static void mixedLoad(ConfigurableApplicationContext context, String base, Path data, int clients,
			int seconds, int warmUp) throws Exception {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		List<String> slugs = jdbc.queryForList(
				"SELECT slug FROM innovation WHERE status = 'PUBLISHED' ORDER BY random() LIMIT 20000", String.class);
		List<double[]> centres = jdbc.query("SELECT latitude, longitude FROM country WHERE NOT grouping",
				(row, n) -> new double[] { row.getDouble(1), row.getDouble(2) });
		Function<SplittableRandom, String> mixed = (random) -> {
			int kind = random.nextInt(100);
			if (kind < 45) {
				return randomSearch(random);
			}
			if (kind < 65) {
				return randomMap(random, centres);
			}
			if (kind < 80) {
				return randomSearch(random).replace("/innovations?", "/api/v1/innovations?");
			}
			return "/innovations/" + oneOf(random, slugs);
		};
		System.out.printf("Mixed load: 45%% list pages, 20%% map API, 15%% JSON search, 20%% case pages%n");
		System.out.printf("Warming up for %d s...%n", warmUp);
		load(base, clients, warmUp, 7, mixed);
		System.out.printf("Heap in use after a full GC, before: %,d MB%n", heapAfterGc());
		System.out.printf("In-process clients (Java HttpClient, in Casebook's JVM): %d for %d s%n", clients, seconds);
		Result inProcess = load(base, clients, seconds, 45, mixed);
		inProcess.print();
		System.out.printf("Heap in use after a full GC, after the in-process clients: %,d MB%n", heapAfterGc());

		Path urls = data.resolve("mixed-urls.txt");
		SplittableRandom random = new SplittableRandom(46);
		Files.write(urls, Stream.generate(() -> mixed.apply(random)).limit(200_000).toList());
		Path script = Path.of("src", "test", "resources", "benchmark", "mixed.lua").toAbsolutePath();
		List<String> command = List.of("wrk", "-t2", "-c" + clients, "-d" + seconds + "s", "--latency", "-s",
				script.toString(), base, "--", urls.toString());
		System.out.printf("External clients: %s%n", String.join(" ", command));
		try {
			Process wrk = new ProcessBuilder(command).inheritIO().start();
			wrk.waitFor();
		}
		catch (IOException ex) {
			System.out.printf("wrk is not installed (apt-get install wrk): %s%n", ex.getMessage());
			return;
		}
		System.out.printf("Heap in use after a full GC, after wrk: %,d MB%n", heapAfterGc());
	}

	/**
	 * The same kind of requests, with as many clients, from Debian's {@code wrk} in a
	 * process of its own (when installed): written in C, it costs the shared cores
	 * little, while the in-process clients share Casebook's JVM, its garbage collector
	 * and its cores. It walks a file of URLs drawn as the in-process clients draw theirs.
	 */
	private static void wrk(Path urls, String base, int clients, int seconds, long seed,
			Function<SplittableRandom, String> draw) throws Exception {
		SplittableRandom random = new SplittableRandom(seed);
		Files.write(urls, Stream.generate(() -> draw.apply(random)).limit(100_000).toList());
		Path script = Path.of("src", "test", "resources", "benchmark", "mixed.lua").toAbsolutePath();
		// wrk counts an answer slower than its timeout (2 s unless set) as an error and
		// leaves it out of its percentiles.
		List<String> command = List.of("wrk", "-t2", "-c" + clients, "-d" + seconds + "s", "--timeout", "30s",
				"--latency", "-s", script.toString(), base, "--", urls.toString());
		System.out.printf("The same with wrk (load average before: %s): %s%n", Machine.loadAverage(),
				String.join(" ", command));
		try {
			new ProcessBuilder(command).inheritIO().start().waitFor();
		}
		catch (IOException ex) {
			System.out.printf("wrk is not installed (apt-get install wrk): %s%n", ex.getMessage());
		}
	}

	private static long heapAfterGc() {
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
	}

	private static Result load(String base, int clients, int seconds, long seed,
			Function<SplittableRandom, String> urls) throws Exception {
		// Exchanges complete on the client's selector thread, not handed to another pool:
		// the clients share the cores with Casebook, so the lighter the better.
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(Runnable::run).build();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		AtomicLong failures = new AtomicLong();
		Queue<Slow> slowest = new ConcurrentLinkedQueue<>();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<List<long[]>>> futures = new ArrayList<>();
		long cpuBefore = processCpuNanos();
		long started = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			SplittableRandom random = new SplittableRandom(seed * 1000 + c);
			futures.add(pool.submit(() -> {
				List<long[]> latencies = new ArrayList<>();
				while (System.nanoTime() < end) {
					String url = urls.apply(random);
					HttpRequest request = HttpRequest.newBuilder(URI.create(base + url))
						.timeout(Duration.ofSeconds(30))
						.build();
					long t0 = System.nanoTime();
					HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
					long took = System.nanoTime() - t0;
					latencies.add(new long[] { took, response.body().length });
					slowest.add(new Slow(took, url));
					if (response.statusCode() != 200) {
						failures.incrementAndGet();
					}
				}
				return latencies;
			}));
		}
		List<Long> all = new ArrayList<>();
		List<Long> sizes = new ArrayList<>();
		for (Future<List<long[]>> future : futures) {
			for (long[] measured : future.get()) {
				all.add(measured[0]);
				sizes.add(measured[1]);
			}
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		long cpu = processCpuNanos() - cpuBefore;
		pool.shutdown();
		Collections.sort(all);
		Collections.sort(sizes);
		List<Slow> slow = slowest.stream().sorted(Comparator.comparingLong(Slow::nanos).reversed()).limit(5).toList();
		return new Result(all, sizes, failures.get(), elapsed, cpu, slow);
	}

	/** A search as users make them: often keywords, often one to three filters. */
	static String randomSearch(SplittableRandom random) {
		StringBuilder url = new StringBuilder("/innovations?size=20");
		if (random.nextInt(10) < 6) {
			url.append("&q=").append(URLEncoder.encode(oneOf(random, WORDS), StandardCharsets.UTF_8));
		}
		if (random.nextInt(10) < 5) {
			url.append("&country=").append(oneOf(random, COUNTRIES));
			if (random.nextBoolean()) {
				url.append(',').append(oneOf(random, COUNTRIES));
			}
		}
		if (random.nextInt(10) < 3) {
			url.append("&sector=").append(oneOf(random, SECTORS));
		}
		if (random.nextInt(10) < 3) {
			url.append("&tag=").append(oneOf(random, TAGS));
		}
		if (random.nextInt(10) < 2) {
			url.append("&level=").append(oneOf(random, LEVELS));
		}
		if (random.nextInt(10) < 2) {
			int from = 1995 + random.nextInt(25);
			url.append("&yearFrom=").append(from).append("&yearTo=").append(from + random.nextInt(10));
		}
		if (random.nextInt(10) < 2) {
			url.append("&sort=").append(oneOf(random, List.of("newest", "oldest", "title", "published")));
		}
		if (random.nextInt(10) < 1) {
			url.append("&page=").append(2 + random.nextInt(5));
		}
		return url.toString();
	}

	/**
	 * A map of a search as a screen of 1280 x 800 pixels shows it, around a country, at a
	 * zoom from the world to a city.
	 */
	static String randomMap(SplittableRandom random, List<double[]> centres) {
		String search = randomSearch(random).replace("/innovations?size=20", "/api/v1/map?");
		int zoom = 1 + random.nextInt(12);
		double[] centre = oneOf(random, centres);
		double worldPixels = 256 * Math.pow(2, zoom);
		double halfWidth = 640 / worldPixels * 360;
		double y = mercatorY(centre[0]) * worldPixels;
		double north = latitudeOf(Math.max(0, y - 400) / worldPixels);
		double south = latitudeOf(Math.min(worldPixels, y + 400) / worldPixels);
		return search + "&zoom=" + zoom + "&bbox=" + String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f",
				centre[1] - halfWidth, south, centre[1] + halfWidth, north);
	}

	private static double mercatorY(double latitude) {
		double sin = Math.sin(Math.toRadians(Math.max(-85, Math.min(85, latitude))));
		return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
	}

	private static double latitudeOf(double mercatorY) {
		return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * mercatorY))));
	}

	private static String percentages(Map<String, Double> ratios) {
		return ratios.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> String.format(Locale.ROOT, "%s %.0f%%", entry.getKey(), entry.getValue() * 100))
			.collect(Collectors.joining(", "));
	}

	private static <T> T oneOf(SplittableRandom random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			String[] parts = arg.replaceFirst("^--", "").split("=", 2);
			options.put(parts[0], (parts.length > 1) ? parts[1] : "true");
		}
		return options;
	}

	private static long sizeOf(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum();
		}
	}

	/** A request and how long it took. */
	record Slow(long nanos, String url) {
	}

	/**
	 * The CPU time the whole process has used: Casebook, its clients, the JIT, the GC.
	 */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	record Result(List<Long> latencies, List<Long> sizes, long failures, double seconds, long cpuNanos,
			List<Slow> slowest) {

		void print() {
			System.out.printf("Requests: %,d in %.1f s, %,.1f requests/s, %d not 200%n", this.latencies.size(),
					this.seconds, this.latencies.size() / this.seconds, this.failures);
			System.out.printf("Latency: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
					percentile(this.latencies, 50) / 1e6, percentile(this.latencies, 90) / 1e6,
					percentile(this.latencies, 99) / 1e6, this.latencies.get(this.latencies.size() - 1) / 1e6);
			System.out.printf("CPU time per request: %.2f ms (the whole process: server, clients, JIT and GC)%n",
					this.cpuNanos / 1e6 / this.latencies.size());
			System.out.printf("Response size: p50 %,.1f KB, p99 %,.1f KB, max %,.1f KB%n",
					percentile(this.sizes, 50) / 1024.0, percentile(this.sizes, 99) / 1024.0,
					this.sizes.get(this.sizes.size() - 1) / 1024.0);
			System.out.println("Slowest:");
			this.slowest.forEach((slow) -> System.out.printf("  %.1f ms %s%n", slow.nanos() / 1e6, slow.url()));
		}

		static long percentile(List<Long> sorted, double p) {
			int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
			return sorted.get(Math.max(0, index));
		}

	}

}
