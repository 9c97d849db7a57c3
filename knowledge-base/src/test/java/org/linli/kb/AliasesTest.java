package org.linli.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.kb.index.Candidate;
import org.linli.kb.index.Passage;
import org.linli.kb.index.VectorKind;
import org.linli.kb.search.Calibration;
import org.linli.kb.search.ScoringModel;

/** A guide's {@code aliases:} are searched like its title: a word found only there finds the guide. */
class AliasesTest {

  private static final ScoringModel LEXICAL = Calibration.shipped().model(false);

  @TempDir
  Path dir;

  private void write(String aliases) throws IOException {
    Files.writeString(
        dir.resolve("garden.md"),
        "---\nid: community-garden\ntitle: 认领社区菜园地块\nquestions: [社区菜园怎么认领]\n"
            + aliases
            + "---\n一句话摘要：居民可向居委会申请认领一块菜地。\n\n## 办理步骤\n1. 到居委会登记；\n2. 抽签分地。\n");
    Files.writeString(
        dir.resolve("library.md"),
        "---\nid: library-card\ntitle: 社区图书室借书\nquestions: [图书室怎么借书]\n---\n"
            + "一句话摘要：凭身份证在图书室办借书卡。\n\n## 办理步骤\n1. 带身份证到图书室；\n2. 登记后借书。\n");
  }

  private List<Candidate> search(String question) {
    try (KnowledgeBase kb = new KnowledgeBase(dir, null, LEXICAL, 3)) {
      assertThat(kb.reload().problems()).isEmpty();
      return kb.wordCandidates(question).stream().filter(c -> c.headCoverage() > 0).toList();
    }
  }

  @Test
  void a_word_found_only_in_the_aliases_finds_its_guide() throws IOException {
    write("aliases: [开心农场, 阳台种植]\n");

    List<Candidate> found = search("开心农场");

    assertThat(found).isNotEmpty();
    assertThat(found.get(0).entryId()).isEqualTo("community-garden");
    assertThat(found.get(0).headCoverage()).isEqualTo(1.0);
  }

  @Test
  void without_the_alias_the_same_word_finds_no_guide_by_its_head() throws IOException {
    write("");

    assertThat(search("开心农场")).isEmpty();
  }

  @Test
  void each_alias_gets_its_own_head_vector_passage() throws IOException, EntryFormatException {
    write("aliases: 开心农场\n");
    Entry entry = new EntryParser().parse(Files.readString(dir.resolve("garden.md")), "garden.md");

    assertThat(Passage.of(entry))
        .filteredOn(p -> p.text().equals("开心农场"))
        .singleElement()
        .satisfies(p -> assertThat(p.kind().head()).isTrue())
        .satisfies(p -> assertThat(p.kind()).isEqualTo(VectorKind.QUESTION));
  }
}
