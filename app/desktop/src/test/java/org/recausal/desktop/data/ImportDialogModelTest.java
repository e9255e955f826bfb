package org.recausal.desktop.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.data.ColumnType;
import org.recausal.engine.data.Delimiter;
import org.recausal.engine.data.HeaderMode;
import org.recausal.engine.data.ImportProblem;
import org.recausal.engine.data.ProblemKind;
import org.recausal.engine.data.ProblemPolicy;

class ImportDialogModelTest {

    @TempDir
    Path dir;

    private final ImportDialogModel model = new ImportDialogModel(DataFixtures.task(), DataFixtures.task(), List.of());

    @Test
    void previewShowsWhatWasDetectedAndTheFirstRows() {
        StringBuilder text = new StringBuilder("user;item;rating\n");
        for (int row = 1; row <= 500; row++) {
            text.append("u").append(row % 37).append(";i").append(row % 11).append(';').append(row % 5 + 1)
                    .append('\n');
        }
        Path file = DataFixtures.write(dir, "ratings.csv", text.toString());

        model.fileProperty().set(file);

        assertThat(model.previewErrorProperty().get()).isEmpty();
        assertThat(model.detectedProperty().get()).isEqualTo("semicolon-separated, first row is a header");
        assertThat(model.encodingProperty().get()).isEqualTo("UTF-8");
        assertThat(model.previewProperty().get().table().rowCount()).isEqualTo(ImportDialogModel.PREVIEW_ROWS);
        assertThat(model.getColumns()).extracting(ImportDialogModel.PreviewColumn::name, c -> c.effective())
                .containsExactly(tuple("user", ColumnType.ID),
                        tuple("item", ColumnType.CATEGORICAL),
                        tuple("rating", ColumnType.INTEGER));
        assertThat(model.nameProperty().get()).isEqualTo("ratings");
        assertThat(model.roleProperty().get()).isEqualTo(DatasetRole.INTERACTIONS);
        assertThat(model.storageProperty().get()).isEqualTo(Storage.EMBED);
        assertThat(model.problemSummaryProperty().get()).isEqualTo("In the first 200 rows: no problems.");
        assertThat(model.canImportBinding().get()).isTrue();
    }

    @Test
    void overridingATypeReadsThePreviewAgainAndKeepsTheDetectedType() {
        Path file = DataFixtures.write(dir, "zips.csv", "zip,flag\n01234,1\n99999,0\n00042,1\n");
        model.fileProperty().set(file);
        assertThat(model.getColumns().getFirst().effective()).isEqualTo(ColumnType.INTEGER);
        assertThat(model.previewProperty().get().table().column("zip").text(0)).isEqualTo("1234");

        model.setColumnType("zip", ColumnType.CATEGORICAL);

        ImportDialogModel.PreviewColumn zip = model.getColumns().getFirst();
        assertThat(zip.detected()).isEqualTo(ColumnType.INTEGER);
        assertThat(zip.chosen()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(model.previewProperty().get().table().column("zip").text(0)).isEqualTo("01234");
        assertThat(model.options().columnTypes()).containsEntry("zip", ColumnType.CATEGORICAL);

        model.setColumnType("zip", null);
        assertThat(model.previewProperty().get().table().column("zip").text(0)).isEqualTo("1234");
    }

    @Test
    void aNewDelimiterOrHeaderChoiceNamesTheColumnsAnewAndDropsTypeChoices() {
        Path file = DataFixtures.write(dir, "pairs.txt", "a,b|c\n1,2|3\n4,5|6\n");
        model.fileProperty().set(file);
        assertThat(model.getColumns()).extracting(ImportDialogModel.PreviewColumn::name).containsExactly("a", "b|c");
        model.setColumnType("a", ColumnType.DECIMAL);

        model.delimiterProperty().set(Delimiter.PIPE);

        assertThat(model.getColumns()).extracting(ImportDialogModel.PreviewColumn::name).containsExactly("a,b", "c");
        assertThat(model.options().columnTypes()).isEmpty();
        assertThat(model.detectedProperty().get()).startsWith("pipe-separated");

        model.headerProperty().set(HeaderMode.ABSENT);
        assertThat(model.getColumns()).extracting(ImportDialogModel.PreviewColumn::name)
                .containsExactly("column_1", "column_2");
        assertThat(model.previewProperty().get().table().rowCount()).isEqualTo(3);
    }

    @Test
    void problemsAreListedWithTheirLinesAndCountsAndThePolicyDecides() {
        StringBuilder text = new StringBuilder("user,rating,price\n");
        for (int row = 1; row <= 40; row++) {
            text.append(switch (row) {
                case 2 -> "u2,five,2.5";
                case 3 -> "u3,3";
                case 5 -> "u5,1,x";
                default -> "u" + row + "," + (row % 5 + 1) + "," + row + ".5";
            }).append('\n');
        }
        Path file = DataFixtures.write(dir, "bad.csv", text.toString());
        model.fileProperty().set(file);

        assertThat(model.getProblems()).extracting(ImportProblem::line, ImportProblem::kind)
                .containsExactly(tuple(3L, ProblemKind.UNPARSABLE_VALUE),
                        tuple(4L, ProblemKind.WRONG_FIELD_COUNT),
                        tuple(6L, ProblemKind.UNPARSABLE_VALUE));
        assertThat(model.problemSummaryProperty().get()).isEqualTo("In the first 40 rows: 1 row with the wrong number "
                + "of fields (dropped) \u00b7 2 unreadable values (kept as missing)");
        assertThat(model.previewProperty().get().table().rowCount()).isEqualTo(39);

        model.startImport();
        ImportDialogModel.Imported imported = model.importedProperty().get();
        assertThat(imported.result().table().rowCount()).isEqualTo(39);
        assertThat(imported.result().table().integers("rating").isMissing(1)).isTrue();
        assertThat(imported.result().table().decimals("price").isMissing(3)).isTrue();
        assertThat(model.problemSummaryProperty().get()).startsWith("Imported 39 rows, dropped 1: ");

        model.policyProperty(ProblemKind.UNPARSABLE_VALUE).set(ProblemPolicy.STOP);
        // The preview never stops: it shows the rows and says where the import would.
        assertThat(model.previewProperty().get().table().rowCount()).isEqualTo(39);
        assertThat(model.problemSummaryProperty().get())
                .contains("2 unreadable values (the import stops at the first)");
        assertThat(model.importedProperty().get()).isNull();

        model.startImport();
        assertThat(model.importedProperty().get()).isNull();
        assertThat(model.importErrorProperty().get())
                .startsWith("import of bad.csv stopped at line 3, column 'rating': 'five' is not ");
    }

    @Test
    void explainsFilesThatCannotBeReadAsTables() throws IOException {
        Path empty = DataFixtures.write(dir, "empty.csv", "");
        model.fileProperty().set(empty);
        assertThat(model.previewErrorProperty().get()).isEqualTo("empty.csv is empty: it holds no records");
        assertThat(model.previewProperty().get()).isNull();
        assertThat(model.canImportBinding().get()).isFalse();

        Path binary = Files.write(dir.resolve("picture.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        model.fileProperty().set(binary);
        assertThat(model.previewErrorProperty().get()).startsWith("picture.csv is not a text file");

        model.fileProperty().set(dir.resolve("gone.csv"));
        assertThat(model.previewErrorProperty().get()).isEqualTo("Cannot read gone.csv: the file does not exist");
    }

    @Test
    void warnsWhenTheBytesAreNotUtf8() throws IOException {
        byte[] latin1 = "city,n\nZ\u00fcrich,1\nK\u00f6ln,2\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        model.fileProperty().set(Files.write(dir.resolve("cities.csv"), latin1));

        assertThat(model.encodingProperty().get()).isEqualTo("not UTF-8");
        assertThat(model.encodingWarningProperty().get()).startsWith("Byte 0xFC at offset 8 is not UTF-8");
        assertThat(model.previewProperty().get()).isNotNull();
    }

    @Test
    void anAttributeTableGuessesItsJoinKeys() {
        ImportDialogModel users = new ImportDialogModel(DataFixtures.task(), DataFixtures.task(),
                List.of(new ImportDialogModel.JoinTarget("ratings", "ratings", List.of("user_id", "item", "rating"))));
        Path file = DataFixtures.write(dir, "users.csv", "age,user_id,country\n31,u1,NL\n45,u2,DE\n");

        users.fileProperty().set(file);

        assertThat(users.roleProperty().get()).isEqualTo(DatasetRole.USERS);
        assertThat(users.joinTargetProperty().get().id()).isEqualTo("ratings");
        assertThat(users.joinKeyProperty().get()).isEqualTo("user_id");
        assertThat(users.joinTargetKeyProperty().get()).isEqualTo("user_id");
        users.startImport();
        assertThat(users.importedProperty().get().join())
                .isEqualTo(new ImportDialogModel.Join(users.joinTargets().getFirst(), "user_id", "user_id"));
    }

    @Test
    void bigFilesAreReferredToRatherThanEmbeddedByDefault() {
        assertThat(Storage.suggestedFor(Storage.EMBED_BELOW_BYTES - 1)).isEqualTo(Storage.EMBED);
        assertThat(Storage.suggestedFor(Storage.EMBED_BELOW_BYTES)).isEqualTo(Storage.REFERENCE);
    }
}
