package org.casebook.attachment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much a case may carry, and how much work uploads may make at once.
 *
 * @param maxFileSize the largest file taken
 * @param maxFiles files per case
 * @param maxTotalSize all of a case's files together
 * @param maxPixels the most pixels an image may declare (width times height), read before
 * it is decoded
 * @param concurrency uploads checked and stored at once; the others wait their turn
 * @param queueTimeout how long an upload waits for its turn before a 503
 */
@ConfigurationProperties("casebook.attachments")
public record AttachmentLimits(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("10") int maxFiles,
		@DefaultValue("50MB") DataSize maxTotalSize, @DefaultValue("40000000") long maxPixels,
		@DefaultValue("2") int concurrency, @DefaultValue("10s") Duration queueTimeout) {

	public AttachmentLimits {
		if (maxFileSize.toBytes() < 1 || maxFiles < 1 || maxTotalSize.toBytes() < 1 || maxPixels < 1
				|| concurrency < 1) {
			throw new IllegalArgumentException("casebook.attachments limits must be positive");
		}
	}

	/** The largest file, in megabytes, as messages say it. */
	public long maxFileMegabytes() {
		return this.maxFileSize.toMegabytes();
	}

}
