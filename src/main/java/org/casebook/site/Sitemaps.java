package org.casebook.site;

import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The sitemap (sitemaps.org 0.9): every published case, with when it last changed, and
 * the pages that are not cases. A sitemap file may list at most 50,000 URLs; past that,
 * {@code /sitemap.xml} is an index of files that each cover a range of case ids, so that
 * a case stays in the same file as others are added or withdrawn, and a file is one range
 * scan of the primary key. The cases are read in batches by id (keyset) and written as
 * they come: memory stays the same whatever the size of the catalogue.
 */
@Component
public class Sitemaps {

	static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

	/** Pages listed besides the cases, in the first file. */
	static final List<String> PAGES = List.of("/innovations", "/about");

	/** Cases read per query, unless a test asks for fewer. */
	private static final int BATCH = 1000;

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private final JdbcTemplate jdbc;

	private final int maxUrls;

	private final int batch;

	/**
	 * @param maxUrls how many URLs a file lists at most; sitemaps.org allows 50,000 (and
	 * 50 MB, which 50,000 case URLs are far from)
	 */
	@Autowired
	public Sitemaps(JdbcTemplate jdbc, @Value("${casebook.sitemap.max-urls:50000}") int maxUrls) {
		this(jdbc, maxUrls, BATCH);
	}

	/**
	 * @param maxUrls how many URLs a file lists at most
	 * @param batch how many cases to read per query
	 */
	Sitemaps(JdbcTemplate jdbc, int maxUrls, int batch) {
		if (maxUrls <= PAGES.size()) {
			throw new IllegalArgumentException("A sitemap file must hold more than the pages: " + maxUrls);
		}
		this.jdbc = jdbc;
		this.maxUrls = maxUrls;
		this.batch = batch;
	}

	/** How many case ids a file covers: with the pages, the first holds no more. */
	int idsPerFile() {
		return this.maxUrls - PAGES.size();
	}

	/**
	 * How many files the sitemap is split into: 0 when one file holds it all, so that
	 * {@code /sitemap.xml} is that file.
	 */
	public int files() {
		long published = this.jdbc.queryForObject("SELECT count(*) FROM innovation WHERE status = 'PUBLISHED'",
				Long.class);
		if (published + PAGES.size() <= this.maxUrls) {
			return 0;
		}
		Long lastId = this.jdbc.queryForObject("SELECT max(id) FROM innovation WHERE status = 'PUBLISHED'", Long.class);
		return (int) ((lastId + idsPerFile() - 1) / idsPerFile());
	}

	/**
	 * The sitemap index: the address of each file.
	 * @param url the absolute URL of a path
	 */
	public void writeIndex(int files, OutputStream out, UnaryOperator<String> url) throws XMLStreamException {
		XMLStreamWriter xml = start(out, "sitemapindex");
		for (int file = 1; file <= files; file++) {
			xml.writeStartElement("sitemap");
			element(xml, "loc", url.apply("/sitemap-" + file + ".xml"));
			xml.writeEndElement();
		}
		end(xml);
	}

	/** Everything in one file: the pages and every published case. */
	public void writeAll(OutputStream out, UnaryOperator<String> url) throws XMLStreamException {
		write(out, url, true, 0, Long.MAX_VALUE);
	}

	/**
	 * A file of the index: the cases in its range of ids, and in the first, the pages.
	 * @param file from 1
	 */
	public void writeFile(int file, OutputStream out, UnaryOperator<String> url) throws XMLStreamException {
		long ids = idsPerFile();
		write(out, url, file == 1, (file - 1) * ids, file * ids);
	}

	/**
	 * The pages if asked, and the published cases with ids above one and up to another.
	 */
	private void write(OutputStream out, UnaryOperator<String> url, boolean pages, long afterId, long lastId)
			throws XMLStreamException {
		XMLStreamWriter xml = start(out, "urlset");
		if (pages) {
			for (String page : PAGES) {
				url(xml, url.apply(page), null);
			}
		}
		long after = afterId;
		List<Published> read;
		do {
			read = this.jdbc.query("""
					SELECT id, slug, updated_at FROM innovation
					WHERE status = 'PUBLISHED' AND id > ? AND id <= ?
					ORDER BY id LIMIT ?""", (rs, row) -> new Published(rs.getLong("id"), rs.getString("slug"),
					rs.getTimestamp("updated_at").toInstant()), after, lastId, BATCH);
			for (Published published : read) {
				url(xml, url.apply("/innovations/" + published.slug()), published.updatedAt());
			}
			if (!read.isEmpty()) {
				after = read.get(read.size() - 1).id();
			}
			xml.flush();
		}
		while (read.size() == this.batch);
		end(xml);
	}

	private static XMLStreamWriter start(OutputStream out, String root) throws XMLStreamException {
		XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement(root);
		xml.writeDefaultNamespace(NAMESPACE);
		return xml;
	}

	private static void end(XMLStreamWriter xml) throws XMLStreamException {
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.close();
	}

	private static void url(XMLStreamWriter xml, String loc, Instant lastModified) throws XMLStreamException {
		xml.writeStartElement("url");
		element(xml, "loc", loc);
		if (lastModified != null) {
			element(xml, "lastmod", lastModified.truncatedTo(ChronoUnit.SECONDS).toString());
		}
		xml.writeEndElement();
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	/** A published case as the sitemap lists it. */
	private record Published(long id, String slug, Instant updatedAt) {
	}

}
