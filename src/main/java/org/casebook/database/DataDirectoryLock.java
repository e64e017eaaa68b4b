package org.casebook.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on a file beside the data directory ({@code postgres.lock} for
 * {@code data/postgres}), held for the life of the server. The operating system releases
 * it when the JVM dies, however it dies, so a PostgreSQL server found running on an
 * unlocked folder is an orphan that this Casebook may stop, while a locked folder belongs
 * to a Casebook that is alive and must be left alone.
 * <p>
 * It lies beside the folder, not in it, because initdb wants an empty folder, and it has
 * to be taken before anything else looks at the folder.
 */
final class DataDirectoryLock implements AutoCloseable {

	/**
	 * Lock files held by this JVM. On POSIX systems closing any channel of a file drops
	 * every lock the process holds on it, so a second start in the same JVM must not so
	 * much as open the file.
	 */
	private static final Set<Path> held = ConcurrentHashMap.newKeySet();

	private final Path file;

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(Path file, FileChannel channel, FileLock lock) {
		this.file = file;
		this.channel = channel;
		this.lock = lock;
	}

	static Path lockFile(Path dataDirectory) {
		Path name = dataDirectory.getFileName();
		if (name == null) {
			throw new IllegalArgumentException(
					"The PostgreSQL data directory cannot be a root folder: " + dataDirectory);
		}
		return dataDirectory.resolveSibling(name + ".lock");
	}

	/**
	 * Takes the lock of the data directory or fails with a message that says which folder
	 * is taken and by which process.
	 */
	static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
		Path file = lockFile(dataDirectory);
		Files.createDirectories(file.getParent());
		if (!Files.exists(file)) {
			try {
				Files.createFile(file);
			}
			catch (FileAlreadyExistsException ex) {
				// Another start created it at the same moment: the lock decides.
			}
		}
		Path key = file.toRealPath();
		if (!held.add(key)) {
			throw inUse(dataDirectory, file);
		}
		FileChannel channel = null;
		try {
			channel = FileChannel.open(key, StandardOpenOption.READ, StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				channel.close();
				channel = null;
				throw inUse(dataDirectory, file);
			}
			// Only for the message of a refused start: the lock, not this number,
			// decides.
			channel.truncate(0);
			channel.write(
					ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
			return new DataDirectoryLock(key, channel, lock);
		}
		catch (IOException | RuntimeException ex) {
			held.remove(key);
			if (channel != null) {
				channel.close();
			}
			throw ex;
		}
	}

	private static IllegalStateException inUse(Path dataDirectory, Path file) {
		String holder = "";
		try {
			String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
			if (pid.matches("[0-9]{1,10}")) {
				holder = " (pid " + pid + ")";
			}
		}
		catch (IOException | RuntimeException ex) {
			// The message is still clear without the pid.
		}
		return new IllegalStateException("The PostgreSQL data folder " + dataDirectory
				+ " is in use by another Casebook" + holder + " (it holds " + file
				+ "). Stop that Casebook first, or give this one its own folder with casebook.embedded-postgres.data-directory.");
	}

	@Override
	public void close() throws IOException {
		try {
			this.lock.release();
			this.channel.close();
		}
		finally {
			held.remove(this.file);
		}
	}

}
