package org.linli.kb.index;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/**
 * The guide id and passage kind of every document, read once when a snapshot is built. A
 * snapshot never changes after it is built (one merged segment), so document numbers are stable
 * and a search maps hits to guides with an array lookup instead of decompressing stored fields.
 */
final class DocTable {

  private final String[] entries;
  private final VectorKind[] kinds;

  private DocTable(String[] entries, VectorKind[] kinds) {
    this.entries = entries;
    this.kinds = kinds;
  }

  static DocTable read(SearcherManager searchers) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      int max = searcher.getIndexReader().maxDoc();
      String[] entries = new String[max];
      VectorKind[] kinds = new VectorKind[max];
      StoredFields stored = searcher.storedFields();
      VectorKind[] all = VectorKind.values();
      for (int doc = 0; doc < max; doc++) {
        Document d = stored.document(doc);
        String id = d.get(KbIndex.ID);
        entries[doc] = id != null ? id : d.get(KbIndex.ENTRY);
        IndexableField kind = d.getField(KbIndex.KIND);
        kinds[doc] = kind == null ? null : all[kind.numericValue().intValue()];
      }
      return new DocTable(entries, kinds);
    } finally {
      searchers.release(searcher);
    }
  }

  /** The guide a document belongs to. */
  String entry(int doc) {
    return entries[doc];
  }

  /** The passage kind of a vector document (null for a guide document). */
  VectorKind kind(int doc) {
    return kinds[doc];
  }
}
