package org.casebook.search;

/**
 * A part of a text, such as a word a search matched.
 *
 * @param start the index of its first character
 * @param end the index after its last character
 */
public record TextRange(int start, int end) {

}
