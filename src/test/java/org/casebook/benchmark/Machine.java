package org.casebook.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the benchmarks print beside their figures about the machine they ran on: its load
 * (the cores are shared, and the figures with them) and the heap in use.
 */
final class Machine {

	private Machine() {
	}

	/** The load average over 1, 5 and 15 minutes. */
	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
			return String.join(" ", fields[0], fields[1], fields[2]);
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/**
	 * CPU time used so far, in seconds: by this JVM, by PostgreSQL's processes (every
	 * process named {@code postgres}: the embedded server and its backends) and by the
	 * whole machine (every core, from {@code /proc/stat}). Two readings' difference over
	 * a piece of work says which process paid for it, where wall time on shared cores
	 * says little. Linux only; zeros elsewhere.
	 */
	record CpuTimes(double jvm, double postgres, double machine) {

		/** Clock ticks a second, as /proc counts them on Linux. */
		private static final double TICKS = 100;

		static CpuTimes now() {
			long self = ProcessHandle.current().pid();
			double jvm = 0;
			double postgres = 0;
			try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
				for (Path process : (Iterable<Path>) processes::iterator) {
					String name = process.getFileName().toString();
					if (!name.chars().allMatch(Character::isDigit)) {
						continue;
					}
					try {
						String stat = Files.readString(process.resolve("stat"));
						// After the command's name in parentheses: state, then
						// utime and stime as the 12th and 13th fields.
						String command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
						if (Long.parseLong(name) == self) {
							jvm = seconds;
						}
						else if (command.equals("postgres")) {
							postgres += seconds;
						}
					}
					catch (IOException | RuntimeException ex) {
						// A process that ended meanwhile.
					}
				}
				String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
				// user, nice, system, irq, softirq, steal: everything but idle and
				// iowait.
				double machine = 0;
				for (int field : new int[] { 1, 2, 3, 6, 7, 8 }) {
					machine += Long.parseLong(cpu[field]) / TICKS;
				}
				return new CpuTimes(jvm, postgres, machine);
			}
			catch (IOException | RuntimeException ex) {
				return new CpuTimes(0, 0, 0);
			}
		}

		/**
		 * What was used between an earlier reading and this one, in microseconds a row.
		 */
		String perRow(CpuTimes before, long rows) {
			double each = 1e6 / Math.max(1, rows);
			return String.format("CPU a row: JVM %.1f µs, PostgreSQL %.1f µs, machine %.1f µs",
					(this.jvm - before.jvm) * each, (this.postgres - before.postgres) * each,
					(this.machine - before.machine) * each);
		}

	}

	/**
	 * Watches the heap in use (garbage included) every 50 ms until closed: the most seen
	 * is what a piece of work needed at most.
	 */
	static final class HeapWatch implements AutoCloseable {

		private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

		private final Thread watcher;

		private volatile long most;

		HeapWatch() {
			this.watcher = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					this.most = Math.max(this.most, this.memory.getHeapMemoryUsage().getUsed());
					try {
						Thread.sleep(50);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "benchmark-heap-watch");
			this.watcher.setDaemon(true);
			this.watcher.start();
		}

		/** The most heap in use seen so far, in MB. */
		long mostMegabytes() {
			return Math.max(this.most, this.memory.getHeapMemoryUsage().getUsed()) >> 20;
		}

		@Override
		public void close() {
			this.watcher.interrupt();
		}

	}

}
