package org.linli.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryLoaderTest {

  @TempDir
  Path dir;

  private final EntryLoader loader = new EntryLoader();

  private static String guide(String id, String title) {
    return "---\nid: " + id + "\ntitle: " + title + "\nquestions: [" + title + "怎么办]\n---\n" + title + "的正文。\n";
  }

  @Test
  void bad_files_are_skipped_and_reported_by_name_while_good_ones_load() throws IOException {
    Files.writeString(dir.resolve("a-garden.md"), guide("community-garden", "认领社区菜园"));
    Files.writeString(dir.resolve("b-no-title.md"), "---\nid: no-title\n---\n正文\n");
    Files.writeString(dir.resolve("c-no-front-matter.md"), "只有正文\n");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/d-library.md"), guide("library-card", "社区图书室借书"));

    EntryLoader.Loaded loaded = loader.fromDirectory(dir);

    assertThat(loaded.entries()).extracting(Entry::id).containsExactly("community-garden", "library-card");
    assertThat(loaded.entries()).extracting(Entry::origin).containsExactly("a-garden.md",
        Path.of("sub", "d-library.md").toString());
    assertThat(loaded.problems()).extracting(EntryLoader.Problem::file).containsExactly("b-no-title.md",
        "c-no-front-matter.md");
    assertThat(loaded.problems().get(0).toString()).isEqualTo("b-no-title.md: front matter has no 'title'");
    assertThat(loaded.problems().get(1).reason()).contains("front matter");
  }

  @Test
  void a_duplicate_id_is_reported_naming_the_file_that_has_it_first() throws IOException {
    Files.writeString(dir.resolve("a.md"), guide("community-garden", "认领社区菜园"));
    Files.writeString(dir.resolve("b.md"), guide("community-garden", "社区菜园第二版"));

    EntryLoader.Loaded loaded = loader.fromDirectory(dir);

    assertThat(loaded.entries()).singleElement().extracting(Entry::title).isEqualTo("认领社区菜园");
    assertThat(loaded.problems()).singleElement().hasToString("b.md: id 'community-garden' is already used by a.md");
  }

  @Test
  void a_file_that_is_not_utf8_is_reported_not_garbled() throws IOException {
    Files.write(dir.resolve("gbk.md"), guide("gbk", "国标码").getBytes("GBK"));

    EntryLoader.Loaded loaded = loader.fromDirectory(dir);

    assertThat(loaded.entries()).isEmpty();
    assertThat(loaded.problems()).singleElement().hasToString("gbk.md: is not UTF-8 text");
  }

  @Test
  void readme_hidden_and_non_markdown_files_are_not_guides() throws IOException {
    Files.writeString(dir.resolve("README.md"), "# How to write a guide\n");
    Files.writeString(dir.resolve(".draft.md"), "draft");
    Files.writeString(dir.resolve("notes.txt"), "notes");
    Files.writeString(dir.resolve("garden.md"), guide("community-garden", "认领社区菜园"));

    EntryLoader.Loaded loaded = loader.fromDirectory(dir);

    assertThat(loaded.entries()).extracting(Entry::id).containsExactly("community-garden");
    assertThat(loaded.problems()).isEmpty();
  }

  @Test
  void a_directory_that_does_not_exist_is_a_problem_not_a_crash() {
    EntryLoader.Loaded loaded = loader.fromDirectory(dir.resolve("missing"));

    assertThat(loaded.entries()).isEmpty();
    assertThat(loaded.problems()).singleElement().extracting(EntryLoader.Problem::reason)
        .isEqualTo("is not a directory");
  }

  @Test
  void a_file_with_empty_front_matter_is_skipped_and_the_others_still_load() throws IOException {
    Files.writeString(dir.resolve("a.md"), "---\n---\n正文\n");
    Files.writeString(dir.resolve("b.md"), guide("community-garden", "认领社区菜园"));

    EntryLoader.Loaded loaded = loader.fromDirectory(dir);

    assertThat(loaded.entries()).extracting(Entry::id).containsExactly("community-garden");
    assertThat(loaded.problems()).extracting(EntryLoader.Problem::file).containsExactly("a.md");
  }

  @Test
  void the_shipped_guides_all_load_each_with_two_to_four_questions() {
    EntryLoader.Loaded loaded = loader.shipped();

    assertThat(loaded.problems()).isEmpty();
    List<Entry> entries = loaded.entries();
    assertThat(entries).hasSizeGreaterThanOrEqualTo(40);
    assertThat(entries).extracting(Entry::id).doesNotHaveDuplicates().contains("juzhuzheng-apply",
        "unemployment-registration");
    assertThat(entries)
        .allSatisfy(
            e -> {
              assertThat(e.questions()).as(e.id() + " questions").hasSizeBetween(2, 4);
              assertThat(e.guide().summary()).as(e.id() + " summary").isNotBlank();
              assertThat(e.guide().sections()).as(e.id() + " sections").isNotEmpty();
            });
  }

  @Test
  void the_offices_edits_replace_add_and_withdraw_guides_and_a_bad_edit_leaves_the_guide_as_it_was()
      throws IOException {
    Files.writeString(dir.resolve("a.md"), guide("community-garden", "认领社区菜园"));
    Files.writeString(dir.resolve("b.md"), guide("library-card", "社区图书室借书"));
    Files.writeString(dir.resolve("c.md"), guide("old-notice", "旧通知"));

    EntryLoader.Loaded loaded = loader.fromDirectory(dir).withEdits(java.util.Map.of(
        "community-garden", guide("community-garden", "认领社区菜园（2027年）"),
        "bike-shed", guide("bike-shed", "非机动车棚"),
        "old-notice", "",
        "library-card", "没有前言的正文"), new EntryParser());

    assertThat(loaded.entries()).extracting(Entry::id)
        .containsExactlyInAnyOrder("community-garden", "library-card", "bike-shed");
    assertThat(loaded.entries()).filteredOn(e -> e.id().equals("community-garden")).singleElement()
        .extracting(Entry::title).isEqualTo("认领社区菜园（2027年）");
    assertThat(loaded.entries()).filteredOn(e -> e.id().equals("library-card")).singleElement()
        .extracting(Entry::title).isEqualTo("社区图书室借书");
    assertThat(loaded.problems()).singleElement().extracting(EntryLoader.Problem::file)
        .isEqualTo("edited:library-card");
    assertThat(loaded.sources().get("community-garden")).contains("2027年");
    assertThat(loaded.sources()).doesNotContainKey("old-notice");
  }

  @Test
  void an_edit_whose_front_matter_names_another_id_is_a_problem() throws IOException {
    Files.writeString(dir.resolve("a.md"), guide("community-garden", "认领社区菜园"));

    EntryLoader.Loaded loaded = loader.fromDirectory(dir)
        .withEdits(java.util.Map.of("community-garden", guide("library-card", "社区图书室借书")), new EntryParser());

    assertThat(loaded.entries()).extracting(Entry::id).containsExactly("community-garden");
    assertThat(loaded.problems()).singleElement().hasToString("edited:community-garden: its front matter says id"
        + " 'library-card'");
  }
}
