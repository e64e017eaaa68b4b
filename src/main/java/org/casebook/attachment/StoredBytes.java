package org.casebook.attachment;

/**
 * Bytes to serve, with their media type.
 */
public record StoredBytes(String mediaType, byte[] bytes) {

}
