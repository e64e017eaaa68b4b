package org.casebook.attachment;

/**
 * A type of file Casebook takes.
 *
 * @param mediaType its media type, as served
 * @param kind an image or a document
 * @param extension the extension its file name gets, whatever it was uploaded as
 * @param label the key of its name in the message bundle ("PDF", "Word document")
 */
public record FileType(String mediaType, AttachmentKind kind, String extension, String label) {

	public boolean isImage() {
		return this.kind == AttachmentKind.IMAGE;
	}

}
