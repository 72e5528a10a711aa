package org.onestop.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.onestop.catalog.MatterDefinition;
import org.onestop.catalog.MatterQuery;

/**
 * This node's in-memory search index over the published matters. It is a copy: the
 * database is the truth, the catalog's index sync keeps the copy current, and search
 * results are checked against the database before anyone sees them. Public for that sync,
 * in the catalog's base package.
 */
public class CatalogIndex implements AutoCloseable {

	private static final String CODE = "code";

	private static final String NAME = "name";

	private static final String BODY = "body";

	private static final String DEPARTMENT = "department";

	private static final String CHANNEL = "channel";

	private static final String LIFE_EVENT = "lifeEvent";

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final Analyzer unstemmed = SearchAnalyzers.unstemmed();

	private final Analyzer stemming = SearchAnalyzers.index();

	private volatile Analyzer queryAnalyzer;

	/**
	 * @param synonyms synonym groups, one per line ({@code a, b, c}; {@code #} for
	 * comments)
	 */
	public CatalogIndex(String synonyms) {
		try {
			writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(SearchAnalyzers.index()));
			writer.commit();
			searchers = new SearcherManager(writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		queryAnalyzer = SearchAnalyzers.query(SearchAnalyzers.synonyms(synonyms));
	}

	/**
	 * Checks that synonym groups can be read as the index reads them.
	 * @throws IllegalArgumentException when they cannot
	 */
	public static void checkSynonyms(String synonyms) {
		SearchAnalyzers.synonyms(synonyms);
	}

	/**
	 * Searches with these synonym groups from now on; the index itself does not change.
	 */
	public void useSynonyms(String synonyms) {
		queryAnalyzer = SearchAnalyzers.query(SearchAnalyzers.synonyms(synonyms));
	}

	/**
	 * Puts or replaces matters, removes others, and makes the change visible to searches.
	 */
	public void apply(Collection<MatterDefinition> published, Collection<String> removed) {
		try {
			for (String code : removed) {
				writer.deleteDocuments(new Term(CODE, code));
			}
			for (MatterDefinition matter : published) {
				writer.updateDocument(new Term(CODE, matter.code()), document(matter));
			}
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void replaceAll(Collection<MatterDefinition> published) {
		try {
			writer.deleteAll();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		apply(published, List.of());
	}

	private static Document document(MatterDefinition matter) {
		Document doc = new Document();
		doc.add(new StringField(CODE, matter.code(), Field.Store.YES));
		doc.add(new SortedDocValuesField(CODE, new BytesRef(matter.code())));
		doc.add(new TextField(NAME, matter.name().zh() + "\n" + matter.name().en() + "\n" + matter.code(),
				Field.Store.NO));
		String body = Stream
			.concat(Stream.of(matter.description(), matter.eligibility(), matter.channelReason()),
					matter.faq().stream().flatMap(f -> Stream.of(f.question(), f.answer())))
			.filter(t -> t != null)
			.map(t -> t.zh() + "\n" + t.en())
			.collect(Collectors.joining("\n", matter.category() + "\n", ""));
		doc.add(new TextField(BODY, body, Field.Store.NO));
		doc.add(new StringField(DEPARTMENT, matter.department(), Field.Store.NO));
		doc.add(new StringField(CHANNEL, matter.channel().name(), Field.Store.NO));
		matter.lifeEvents().forEach(event -> doc.add(new StringField(LIFE_EVENT, event, Field.Store.NO)));
		return doc;
	}

	/**
	 * Codes of the matching matters, best first, for one page; and how many match in all.
	 */
	public record Hits(List<String> codes, long total) {
	}

	public Hits search(MatterQuery query) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				BooleanQuery.Builder combined = new BooleanQuery.Builder();
				boolean ranked = query.text() != null && !query.text().isBlank();
				combined.add(ranked ? textQuery(query.text().strip(), searcher, true) : new MatchAllDocsQuery(),
						Occur.MUST);
				filter(combined, DEPARTMENT, query.department());
				filter(combined, CHANNEL, query.channel() == null ? null : query.channel().name());
				filter(combined, LIFE_EVENT, query.lifeEvent());
				int wanted = (query.page() + 1) * query.size();
				TopDocs top = ranked ? searcher.search(combined.build(), wanted) : searcher.search(combined.build(),
						wanted, new Sort(new SortField(CODE, SortField.Type.STRING)));
				List<String> codes = new ArrayList<>();
				ScoreDoc[] docs = top.scoreDocs;
				for (int i = query.page() * query.size(); i < docs.length; i++) {
					codes.add(searcher.storedFields().document(docs[i].doc).get(CODE));
				}
				return new Hits(codes, top.totalHits.value);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A matter's code and how well it matches a question (Lucene's score: comparable
	 * within one question only).
	 */
	public record Scored(String code, float score) {
	}

	/**
	 * The best matches for a whole question rather than a search box: the same weighting
	 * as {@link #search}, without the prefix match on the last word (a question's last
	 * word is complete, and often a filler).
	 */
	public List<Scored> suggest(String text, int limit) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				List<Scored> scored = new ArrayList<>();
				for (ScoreDoc doc : searcher.search(textQuery(text.strip(), searcher, false), limit).scoreDocs) {
					scored.add(new Scored(searcher.storedFields().document(doc.doc).get(CODE), doc.score));
				}
				return scored;
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Words and synonyms in names weigh most, then in descriptions; while typing, the
	 * last word also matches as a prefix (search as you type), and a longer Latin word
	 * that the catalog does not contain also matches names with a typo or two. (Fuzzy
	 * matching only for unknown words keeps it cheap: building the automata for every
	 * word of a long query would cost milliseconds.)
	 */
	private Query textQuery(String text, IndexSearcher searcher, boolean typing) throws IOException {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		QueryBuilder builder = new QueryBuilder(queryAnalyzer);
		addBoosted(any, builder.createBooleanQuery(NAME, text), 4f);
		addBoosted(any, builder.createBooleanQuery(BODY, text), 1f);
		List<String> words = words(text);
		if (typing && !words.isEmpty()) {
			String last = words.get(words.size() - 1);
			addBoosted(any, new PrefixQuery(new Term(NAME, last)), 1.5f);
		}
		for (String word : words) {
			if (word.length() >= 4 && word.chars().allMatch(c -> c < 0x80 && Character.isLetter(c))) {
				String stem = stem(word);
				if (searcher.getIndexReader().docFreq(new Term(NAME, stem)) == 0
						&& searcher.getIndexReader().docFreq(new Term(BODY, stem)) == 0) {
					addBoosted(any, new FuzzyQuery(new Term(NAME, stem), word.length() >= 8 ? 2 : 1, 1), 1f);
				}
			}
		}
		return any.build();
	}

	private static void addBoosted(BooleanQuery.Builder builder, Query query, float boost) {
		if (query != null) {
			builder.add(new BoostQuery(query, boost), Occur.SHOULD);
		}
	}

	private static void filter(BooleanQuery.Builder builder, String field, String value) {
		if (value != null && !value.isBlank()) {
			builder.add(new TermQuery(new Term(field, value)), Occur.FILTER);
		}
	}

	private List<String> words(String text) {
		return tokens(unstemmed, text);
	}

	private static List<String> tokens(Analyzer analyzer, String text) {
		return SearchAnalyzers.tokens(analyzer, text);
	}

	/** The word as the index holds it (stemmed the same way), for fuzzy matching. */
	private String stem(String word) {
		List<String> stemmed = tokens(stemming, word);
		return stemmed.isEmpty() ? word : stemmed.get(0);
	}

	@Override
	public void close() throws IOException {
		searchers.close();
		writer.close();
	}

}
