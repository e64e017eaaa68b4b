package org.casebook.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code postmaster.pid} of a data directory, and the server it names. After a kill
 * -9 of Casebook its PostgreSQL keeps running and holds the folder; after a reboot the
 * pid in the file may belong to anyone. So the process is stopped only when it is
 * provably a PostgreSQL server of this very folder, and the file is otherwise treated as
 * stale.
 * <p>
 * Only to be used while holding the folder's {@link DataDirectoryLock}: a server of the
 * folder is then an orphan, not another Casebook's.
 */
final class PostmasterPidFile {

	private static final Logger log = LoggerFactory.getLogger(PostmasterPidFile.class);

	/** A real postmaster.pid is a few hundred bytes; anything beyond is not one. */
	private static final int MAX_SIZE = 8192;

	/**
	 * Linux allows at most 2^22 pids, other systems fewer; larger numbers are garbage.
	 */
	private static final long MAX_PID = 1 << 22;

	private PostmasterPidFile() {
	}

	/**
	 * Leaves the folder without a running server and without a pid file that would stop
	 * PostgreSQL from starting: stops the folder's own orphaned server, leaves any other
	 * process alone, and removes a stale file (PostgreSQL refuses to start on an empty
	 * one, or one whose pid is alive, whoever has it).
	 * @throws IOException if the folder's server is still running after being stopped
	 */
	static void clear(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		List<String> lines = read(pidFile);
		Optional<ProcessHandle> process = process(lines);
		if (process.isPresent()) {
			if (servesDirectory(process.get(), lines, dataDirectory)) {
				stop(process.get(), dataDirectory);
			}
			else {
				log.warn("{} names process {}, which is not a PostgreSQL server of this folder: leaving it alone",
						pidFile, process.get().pid());
			}
		}
		Files.deleteIfExists(pidFile);
	}

	/**
	 * Stops the server of this folder if one runs, after a start that failed half-way
	 * (zonky does not stop the server it started when its own checks fail).
	 */
	static void stopServer(Path dataDirectory) {
		try {
			Path pidFile = dataDirectory.resolve("postmaster.pid");
			if (Files.isRegularFile(pidFile)) {
				List<String> lines = read(pidFile);
				Optional<ProcessHandle> process = process(lines);
				if (process.isPresent() && servesDirectory(process.get(), lines, dataDirectory)) {
					stop(process.get(), dataDirectory);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not stop the PostgreSQL server of {}", dataDirectory, ex);
		}
	}

	private static List<String> read(Path pidFile) throws IOException {
		try (InputStream in = Files.newInputStream(pidFile)) {
			// ISO-8859-1 decodes any bytes: a garbled file yields text that matches
			// nothing.
			String text = new String(in.readNBytes(MAX_SIZE), StandardCharsets.ISO_8859_1);
			return Arrays.asList(text.split("\n", -1));
		}
	}

	/**
	 * The live process the file's first line names, if it is a plausible pid. PostgreSQL
	 * writes a negative pid for a single-user backend, which is no server to stop.
	 */
	private static Optional<ProcessHandle> process(List<String> lines) {
		OptionalLong pid = parsePid(lines.isEmpty() ? "" : lines.get(0));
		if (pid.isEmpty() || pid.getAsLong() == ProcessHandle.current().pid()) {
			return Optional.empty();
		}
		return ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive);
	}

	static OptionalLong parsePid(String line) {
		String digits = line.trim();
		if (!digits.matches("[0-9]{1,10}")) {
			return OptionalLong.empty();
		}
		long pid = Long.parseLong(digits);
		return (pid > 1 && pid <= MAX_PID) ? OptionalLong.of(pid) : OptionalLong.empty();
	}

	/**
	 * Whether the process is a PostgreSQL server of this folder: the file says the folder
	 * is its own (second line), and the process is a {@code postgres} binary started with
	 * {@code -D} and this folder, as pg_ctl starts it. A process whose command line
	 * cannot be read is not ours: this user can read the command line of its own
	 * processes, and a server of this folder runs as its owner.
	 */
	static boolean servesDirectory(ProcessHandle process, List<String> lines, Path dataDirectory) {
		if (lines.size() < 2 || !sameDirectory(lines.get(1).trim(), dataDirectory)) {
			return false;
		}
		List<String> commandLine = commandLine(process);
		if (commandLine.isEmpty() || !isPostgresBinary(commandLine.get(0))) {
			return false;
		}
		for (int i = 1; i < commandLine.size() - 1; i++) {
			if (commandLine.get(i).equals("-D") && sameDirectory(commandLine.get(i + 1), dataDirectory)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isPostgresBinary(String command) {
		try {
			Path name = Path.of(command).getFileName();
			return name != null && (name.toString().equals("postgres") || name.toString().equals("postgres.exe"));
		}
		catch (InvalidPathException ex) {
			return false;
		}
	}

	private static boolean sameDirectory(String path, Path dataDirectory) {
		if (path.isEmpty()) {
			return false;
		}
		try {
			return Files.isSameFile(Path.of(path), dataDirectory);
		}
		catch (IOException | InvalidPathException ex) {
			return false;
		}
	}

	/**
	 * The process's arguments, the command first; empty when they cannot be read. On
	 * Linux they come straight from {@code /proc}, as the kernel keeps them, one per
	 * NUL-ended string, so that a folder with spaces in its path still matches.
	 */
	static List<String> commandLine(ProcessHandle process) {
		Path procCmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
		if (Files.isDirectory(Path.of("/proc", "self"))) {
			try {
				String text = new String(Files.readAllBytes(procCmdline), StandardCharsets.UTF_8);
				List<String> arguments = new ArrayList<>(Arrays.asList(text.split("\0")));
				arguments.removeIf(String::isEmpty);
				return arguments;
			}
			catch (IOException ex) {
				return List.of();
			}
		}
		ProcessHandle.Info info = process.info();
		List<String> arguments = new ArrayList<>();
		info.command().ifPresent(arguments::add);
		if (!arguments.isEmpty()) {
			info.arguments().ifPresent((more) -> arguments.addAll(Arrays.asList(more)));
		}
		return arguments;
	}

	private static void stop(ProcessHandle server, Path dataDirectory) throws IOException {
		log.warn("Stopping the PostgreSQL server (pid {}) of {}, left running by a Casebook that has gone",
				server.pid(), dataDirectory);
		// SIGTERM: PostgreSQL's smart shutdown, which an orphan, having no clients, does
		// at once.
		server.destroy();
		if (awaitExit(server, 30)) {
			return;
		}
		log.warn("The PostgreSQL server (pid {}) did not stop within 30 s: killing it", server.pid());
		server.destroyForcibly();
		if (!awaitExit(server, 10)) {
			throw new IOException(
					"Could not stop the PostgreSQL server (pid " + server.pid() + ") of " + dataDirectory);
		}
	}

	private static boolean awaitExit(ProcessHandle process, int seconds) {
		try {
			process.onExit().get(seconds, TimeUnit.SECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
		catch (ExecutionException | TimeoutException ex) {
			return !process.isAlive();
		}
	}

}
