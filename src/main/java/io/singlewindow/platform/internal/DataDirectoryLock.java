package io.singlewindow.platform.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on {@code <dataDir>/single-window.lock}, held by the one process that uses the data
 * directory (a running platform, or a backup or restore). Released by the kernel when that process dies, even by
 * {@code kill -9}, so a stale lock never blocks a restart. Holds the owner's pid, for the message of whoever is refused.
 */
final class DataDirectoryLock implements AutoCloseable {

	private final FileChannel channel;
	private final FileLock lock;

	private DataDirectoryLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** @throws DataDirectoryInUse when another process holds the directory; nothing in it has been touched */
	static DataDirectoryLock acquire(Path dataDir) throws IOException {
		Files.createDirectories(dataDir);
		Path file = dataDir.resolve("single-window.lock");
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		} catch (OverlappingFileLockException e) {
			lock = null;
		}
		if (lock == null) {
			String owner = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
			channel.close();
			throw new DataDirectoryInUse(dataDir, owner);
		}
		channel.truncate(0);
		channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
		return new DataDirectoryLock(channel, lock);
	}

	@Override
	public void close() throws IOException {
		if (channel.isOpen()) {
			lock.release();
			channel.close();
		}
	}

	/** Another platform (or backup, or restore) is using the data directory. */
	static final class DataDirectoryInUse extends StartRefused {

		DataDirectoryInUse(Path dataDir, String owner) {
			super("The data directory " + dataDir + " is in use by another running Single Window"
					+ (owner.isEmpty() ? "" : " (pid " + owner + ")")
					+ ". Stop that one first, or point this one at another directory with SINGLEWINDOW_DATA_DIR. "
					+ "Nothing in the directory was changed.", null);
		}

		@Override
		String action() {
			return "Stop the platform that uses the data directory, or start this one with SINGLEWINDOW_DATA_DIR set to "
					+ "another directory.";
		}
	}
}
