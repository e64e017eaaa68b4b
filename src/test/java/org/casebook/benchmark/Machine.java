package org.casebook.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

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
