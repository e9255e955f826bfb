package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.data.ColumnType;
import org.recausal.engine.data.DataException;
import org.recausal.engine.data.ImportOptions;
import org.recausal.engine.data.ProblemKind;
import org.recausal.engine.data.ProblemPolicy;
import org.recausal.engine.data.Table;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.mapping.ColumnMapping;
import org.recausal.engine.mapping.MappedTable;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/** Datasets in project files: embedded and referenced, statuses when files move or change, relinking, joins. */
class ProjectDatasetsTest {

    static final String INTERACTIONS = """
            user,item,rating,clicked
            u1,i1,5,yes
            u2,i1,3,no
            u1,i2,4,yes
            u3,i3,1,no
            u9,i2,2,no
            """;
    static final String USERS = """
            user,age,segment
            u1,34,north
            u2,27,south
            u3,45,north
            """;

    @TempDir
    Path folder;
    Path interactions;
    Path users;

    @BeforeEach
    void writeData() throws IOException {
        interactions = Files.writeString(folder.resolve("interactions.csv"), INTERACTIONS);
        Files.createDirectories(folder.resolve("attributes"));
        users = Files.writeString(folder.resolve("attributes/users.csv"), USERS);
    }

    static Dag graph() {
        Dag dag = new Dag();
        dag.addVariable(Variable.of("age", Role.ORDINARY, DataType.COUNT));
        dag.addVariable(Variable.of("segment", Role.ORDINARY, DataType.CATEGORICAL));
        dag.addVariable(Variable.of("rating", Role.ORDINARY, DataType.COUNT));
        dag.addVariable(Variable.of("click", Role.OUTCOME, DataType.BINARY));
        dag.addVariable(Variable.of("taste", Role.LATENT, DataType.CONTINUOUS));
        dag.addEdge("age", "rating");
        dag.addEdge("segment", "rating");
        dag.addEdge("rating", "click");
        dag.addEdge("taste", "click");
        return dag;
    }

    static Dataset dataset(String id, DatasetSource source, Path file, ColumnMapping mapping, DatasetJoin join) {
        Table table = TableReader.read(file).table();
        return new Dataset(id, id, source, ImportOptions.defaults(), ColumnInfo.of(table), mapping, join);
    }

    private Project project(boolean embedInteractions) throws IOException {
        Project project = new Project("Shop", graph());
        DatasetSource source = embedInteractions ? DatasetSource.embed(interactions) : DatasetSource.reference(interactions);
        project.addDataset(dataset("interactions", source, interactions,
                ColumnMapping.automatic().withLink("clicked", "click"), null));
        project.addDataset(dataset("users", DatasetSource.reference(users), users, ColumnMapping.automatic(),
                new DatasetJoin("interactions", "user", "user")));
        return project;
    }

    private static Table load(Dataset dataset) {
        return Datasets.load(dataset, ProgressListener.NONE, new CancellationToken()).table();
    }

    @Test
    void datasetsSurviveSaveAndOpen() throws Exception {
        Project project = project(true);
        ImportOptions custom = ImportOptions.defaults().withColumnType("rating", ColumnType.DECIMAL)
                .withPolicy(ProblemKind.UNPARSABLE_VALUE, ProblemPolicy.DROP_ROW).withMissingTokens("", "?");
        project.replaceDataset(project.dataset("interactions").orElseThrow().withMapping(
                ColumnMapping.automatic().withLink("clicked", "click").withExcluded("item")));
        Dataset users = project.dataset("users").orElseThrow();
        project.replaceDataset(new Dataset(users.id(), "User attributes", users.source(), custom.withColumnType("age",
                ColumnType.INTEGER).withColumnType("rating", ColumnType.INTEGER), users.columns(), users.mapping(),
                users.join()));
        Path file = folder.resolve("shop.recausal");
        ProjectFiles.save(project, file);

        Project opened = ProjectFiles.open(file);
        assertThat(opened.datasets()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Dataset before = project.datasets().get(i);
            Dataset after = opened.datasets().get(i);
            assertThat(after.id()).isEqualTo(before.id());
            assertThat(after.name()).isEqualTo(before.name());
            assertThat(after.options()).isEqualTo(before.options());
            assertThat(after.columns()).isEqualTo(before.columns());
            assertThat(after.mapping()).isEqualTo(before.mapping());
            assertThat(after.join()).isEqualTo(before.join());
            assertThat(after.source().fingerprint()).isEqualTo(before.source().fingerprint());
        }
        assertThat(((DatasetSource.Referenced) opened.datasets().get(1).source()).file())
                .isEqualTo(this.users.toAbsolutePath().normalize());
        String json = new String(entry(file, "datasets/users.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"path\": \"attributes/users.csv\"", "\"storage\": \"reference\"");
        assertThat(new String(entry(file, "datasets/interactions.json"), StandardCharsets.UTF_8))
                .contains("\"storage\": \"embedded\"", "\"entry\": \"data/interactions.csv\"");
        assertThat(new String(entry(file, "data/interactions.csv"), StandardCharsets.UTF_8)).isEqualTo(INTERACTIONS);
    }

    static byte[] entry(Path file, String name) throws Exception {
        try (ProjectArchive archive = ProjectArchive.open(file)) {
            return archive.read(name, 1 << 20);
        }
    }

    @Test
    void embeddedDataNoLongerNeedTheirFileOnceSaved() throws Exception {
        Project project = project(true);
        Path first = folder.resolve("first.recausal");
        ProjectFiles.save(project, first);
        Files.delete(interactions);
        Table fromSaved = load(project.dataset("interactions").orElseThrow());
        assertThat(fromSaved.rowCount()).isEqualTo(5);

        Path second = folder.resolve("second.recausal");
        ProjectFiles.save(ProjectFiles.open(first), second);
        Table reopened = load(ProjectFiles.open(second).dataset("interactions").orElseThrow());
        assertThat(reopened.labels("user").label(4)).isEqualTo("u9");
        assertThat(ProjectFiles.openChecked(second).allDataOk()).isTrue();
    }

    @Test
    void sameProjectWithDataSavesToSameBytes() throws Exception {
        Path a = folder.resolve("a.recausal");
        Path b = folder.resolve("b.recausal");
        ProjectFiles.save(project(true), a);
        ProjectFiles.save(ProjectFiles.open(a), b);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    }

    @Test
    void gzippedDataAreStoredAsTheyAre() throws Exception {
        Path gz = folder.resolve("interactions.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(INTERACTIONS.getBytes(StandardCharsets.UTF_8));
        }
        Project project = new Project("Shop", graph());
        project.addDataset(dataset("interactions", DatasetSource.embed(gz), gz, ColumnMapping.automatic(), null));
        Path file = folder.resolve("gz.recausal");
        ProjectFiles.save(project, file);
        assertThat(entry(file, "data/interactions.csv.gz")).isEqualTo(Files.readAllBytes(gz));
        assertThat(load(ProjectFiles.open(file).datasets().getFirst()).rowCount()).isEqualTo(5);
    }

    @Test
    void aProjectMovedWithItsDataFolderStillFindsThem() throws Exception {
        Path file = folder.resolve("shop.recausal");
        ProjectFiles.save(project(false), file);
        Path moved = Files.createDirectories(folder.resolve("elsewhere/deeper"));
        Files.move(file, moved.resolve("shop.recausal"));
        Files.move(interactions, moved.resolve("interactions.csv"));
        Files.createDirectories(moved.resolve("attributes"));
        Files.move(users, moved.resolve("attributes/users.csv"));
        OpenedProject opened = ProjectFiles.openChecked(moved.resolve("shop.recausal"));
        assertThat(opened.datasets()).extracting(DatasetStatus::state)
                .containsExactly(DatasetStatus.State.OK, DatasetStatus.State.OK);
    }

    @Test
    void aMissingOrChangedFileIsReportedNotUsed() throws Exception {
        Path file = folder.resolve("shop.recausal");
        ProjectFiles.save(project(false), file);
        Files.move(users, folder.resolve("users-moved.csv"));
        Files.writeString(interactions, INTERACTIONS + "u4,i9,5,yes\n");

        OpenedProject opened = ProjectFiles.openChecked(file);
        assertThat(opened.allDataOk()).isFalse();
        DatasetStatus changed = opened.datasets().get(0);
        assertThat(changed.state()).isEqualTo(DatasetStatus.State.CHANGED);
        assertThat(changed.changes()).hasSize(2);
        assertThat(changed.changes().get(0)).isEqualTo("size " + (INTERACTIONS.length() + 12) + " bytes instead of "
                + INTERACTIONS.length());
        assertThat(changed.changes().get(1)).startsWith("SHA-256 ");
        assertThat(changed.message()).contains("changed since it was attached", "relink it, or accept the changed file");
        DatasetStatus missing = opened.datasets().get(1);
        assertThat(missing.state()).isEqualTo(DatasetStatus.State.MISSING);
        assertThat(missing.found()).isNull();
        assertThat(missing.message()).contains("is missing; relink it to where users.csv is now");

        Dataset changedData = opened.project().dataset("interactions").orElseThrow();
        assertThatThrownBy(() -> load(changedData)).isInstanceOf(DataException.class)
                .hasMessageContaining("has " + (INTERACTIONS.length() + 12) + " bytes, not the " + INTERACTIONS.length());
        assertThatThrownBy(() -> ProjectData.load(opened.project(), ProgressListener.NONE, new CancellationToken()))
                .isInstanceOf(DataException.class);
    }

    @Test
    void sameSizeButDifferentContentIsCaughtWhileReading() throws Exception {
        Path file = folder.resolve("shop.recausal");
        ProjectFiles.save(project(false), file);
        Files.writeString(interactions, INTERACTIONS.replace("u9", "u8"));
        Dataset dataset = ProjectFiles.open(file).dataset("interactions").orElseThrow();
        assertThat(Datasets.check(dataset).changes()).singleElement().asString().startsWith("SHA-256");
        assertThatThrownBy(() -> load(dataset)).isInstanceOf(DataException.class)
                .hasMessageStartingWith("interactions: the data changed since they were attached (SHA-256");
    }

    @Test
    void relinkingChecksTheContentUnlessTheChangeIsAccepted() throws Exception {
        Path file = folder.resolve("shop.recausal");
        ProjectFiles.save(project(false), file);
        Path moved = folder.resolve("users-moved.csv");
        Files.move(users, moved);
        Project project = ProjectFiles.open(file);
        Dataset users = project.dataset("users").orElseThrow();

        Datasets.Relink same = Datasets.relink(users, moved, false);
        assertThat(same.relinked()).isTrue();
        assertThat(same.status().ok()).isTrue();
        assertThat(((DatasetSource.Referenced) same.dataset().source()).file()).isEqualTo(moved.toAbsolutePath());
        assertThat(same.dataset().source().fingerprint().fileName()).isEqualTo("users.csv");

        Path edited = Files.writeString(folder.resolve("users-2025.csv"), USERS + "u9,61,south\n");
        Datasets.Relink refused = Datasets.relink(users, edited, false);
        assertThat(refused.relinked()).isFalse();
        assertThat(refused.dataset()).isSameAs(users);
        assertThat(refused.status().state()).isEqualTo(DatasetStatus.State.CHANGED);

        Datasets.Relink accepted = Datasets.relink(users, edited, true);
        assertThat(accepted.relinked()).isTrue();
        assertThat(accepted.status().message()).contains("accepted as changed (size");
        assertThat(accepted.dataset().source().fingerprint()).isEqualTo(FileFingerprint.of(edited));
        project.replaceDataset(accepted.dataset());
        ProjectFiles.save(project, file);
        assertThat(ProjectFiles.openChecked(file).allDataOk()).isTrue();
        assertThat(load(accepted.dataset()).rowCount()).isEqualTo(4);

        Dataset embedded = dataset("e", DatasetSource.embed(interactions), interactions, ColumnMapping.automatic(), null);
        assertThatThrownBy(() -> Datasets.relink(embedded, moved, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileChangedBetweenAttachingAndSavingIsNotEmbedded() throws Exception {
        Project project = project(true);
        Path file = folder.resolve("shop.recausal");
        ProjectFiles.save(new Project("before", graph()), file);
        byte[] before = Files.readAllBytes(file);
        Files.writeString(interactions, INTERACTIONS.replace("yes", "YES"));
        assertThatThrownBy(() -> ProjectFiles.save(project, file)).isInstanceOf(ProjectFileException.class)
                .hasMessageStartingWith("Cannot save shop.recausal: interactions.csv (")
                .hasMessageContaining("changed since it was attached: SHA-256");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void joinedDatasetsMakeOneMappedTableWithTheJoinReport() throws Exception {
        Project project = project(true);
        ProjectData data = ProjectData.load(project, ProgressListener.NONE, new CancellationToken());
        assertThat(data.tables()).hasSize(1);
        MappedTable table = data.tables().getFirst();
        assertThat(table.name()).isEqualTo("interactions");
        assertThat(table.table().columnNames()).containsExactly("user", "item", "rating", "clicked", "age", "segment");
        assertThat(table.mapping().columnsByNode()).containsExactly(java.util.Map.entry("rating", "rating"),
                java.util.Map.entry("click", "clicked"), java.util.Map.entry("age", "age"),
                java.util.Map.entry("segment", "segment"));
        assertThat(table.mapping().nodesWithoutData()).containsExactly("taste");
        assertThat(table.mapping().unmappedColumns()).containsExactly("user", "item", "user");
        assertThat(data.joins()).singleElement().satisfies(join -> {
            assertThat(join.unmatchedRows()).isEqualTo(1);
            assertThat(join.unmatchedExamples()).containsExactly("u9");
        });
        assertThat(table.table().integers("age").isMissing(4)).isTrue();
        assertThat(table.table().integers("age").get(2)).isEqualTo(34);
    }

    @Test
    void aCopySharesTheDatasetsButNotTheGraph() throws IOException {
        Project project = project(true);
        Project copy = project.copy();
        assertThat(copy.datasets()).isEqualTo(project.datasets());
        copy.dag().addVariable(Variable.of("extra"));
        copy.removeDataset("users");
        assertThat(project.dag().contains("extra")).isFalse();
        assertThat(project.datasets()).hasSize(2);
    }

    @Test
    void theProjectRefusesJoinsItCannotBuild() throws IOException {
        Project project = project(true);
        Dataset users = project.dataset("users").orElseThrow();
        assertThatThrownBy(() -> project.addDataset(users)).hasMessage("the project already has a dataset 'users'");
        assertThatThrownBy(() -> project.addDataset(new Dataset("items", "items", users.source(), users.options(),
                users.columns(), users.mapping(), new DatasetJoin("users", "user", "user"))))
                .hasMessage("dataset 'items' is joined to 'users', which is itself joined to 'interactions'; "
                        + "join both to 'interactions' instead");
        assertThatThrownBy(() -> project.removeDataset("interactions"))
                .hasMessage("dataset 'users' is joined to 'interactions'; remove it or its join first");
        project.removeDataset("users");
        assertThat(project.datasets()).extracting(Dataset::id).containsExactly("interactions");
        assertThat(Dataset.idFor("Ratings 2024.csv.gz")).isEqualTo("Ratings_2024");
        assertThat(Dataset.idProblem("../x")).isNotNull();
    }

    /** The bytes of an embedded entry as a test reads them back through a DataBytes. */
    static String read(DataBytes bytes) throws IOException {
        try (InputStream in = bytes.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void embeddedBytesAreReadBackFromTheSavedFile() throws Exception {
        Project project = project(true);
        Path file = folder.resolve("shop.recausal");
        ProjectFiles.save(project, file);
        DatasetSource.Embedded source = (DatasetSource.Embedded) project.datasets().getFirst().source();
        assertThat(source.bytes()).isEqualTo(new DataBytes.OfArchiveEntry(file.toAbsolutePath(),
                "data/interactions.csv", INTERACTIONS.length()));
        assertThat(read(source.bytes())).isEqualTo(INTERACTIONS);
        assertThat(List.of(project.datasets().get(1).embedded())).containsExactly(false);
    }
}
