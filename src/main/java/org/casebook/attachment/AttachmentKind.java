package org.casebook.attachment;

/**
 * What a file is to a case: an image, shown in its gallery, or a document, listed for
 * download.
 */
public enum AttachmentKind {

	IMAGE, DOCUMENT

}
