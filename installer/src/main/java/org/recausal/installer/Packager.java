package org.recausal.installer;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.lang.module.ModuleFinder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.recausal.installer.Platform.Os;

/**
 * Builds Recausal's native packages with the JDK's own tools, run by the Maven build of this module:
 * <ol>
 *   <li>the app's jars (desktop and CLI, as Maven copied them) without other platforms' native libraries;</li>
 *   <li>a runtime linked by jlink from the JDK modules those jars use (jdeps finds them) and JavaFX, with
 *       JavaFX's native libraries beside the JDK's, so nothing is unpacked into the user's home at start;</li>
 *   <li>jpackage around both: the {@code recausal} GUI launcher and the {@code recausal-cli} launcher, the
 *       icon, the sample projects and the {@code .recausal} file association.</li>
 * </ol>
 * Arguments: {@code PROJECT_ROOT TARGET_DIR VERSION [TYPE,...]}; without types it builds this system's:
 * app-image and deb (and rpm where rpmbuild is found) on Linux, msi on Windows, dmg on macOS.
 */
public final class Packager {
    static final String MIME_TYPE = "application/x-recausal-project";
    static final String EXTENSION = "recausal";
    private static final String DESKTOP_MAIN = "org.recausal.desktop.Launcher";
    private static final String CLI_MAIN = "org.recausal.cli.Main";
    private static final String CLI_LAUNCHER = "recausal-cli";
    /** Keeps Windows upgrades in place of the installed version instead of beside it: never change it. */
    private static final String WINDOWS_UPGRADE_UUID = "6f0b7d4e-9c1a-4a57-8f3e-2b6d1c9e4a10";
    /**
     * JavaFX is a named module in the linked runtime while the app and ControlsFX stay on the class path:
     * they get what the class path gave them in development (native access, and the JavaFX internals
     * ControlsFX's controls use).
     */
    static final List<String> JAVA_OPTIONS = List.of(
            "--enable-native-access=javafx.graphics,ALL-UNNAMED",
            "--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED",
            "--add-exports=javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED",
            "--add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED");
    /** Classes that would need DuckDB, which the packages leave out (it is Smile's, 85 MB of natives, unused). */
    private static final List<String> DUCKDB_USES = List.of("org/duckdb/", "smile/data/SQL");

    private final Path root;
    private final Path target;
    private final String version;
    private final Platform platform;

    Packager(Path root, Path target, String version, Platform platform) {
        this.root = root;
        this.target = target;
        this.version = version;
        this.platform = platform;
    }

    public static void main(String[] args) {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: Packager PROJECT_ROOT TARGET_DIR VERSION [TYPE,...]");
            System.exit(2);
        }
        Platform platform = Platform.current();
        List<String> types = args.length == 4 && !args[3].isBlank()
                ? Arrays.asList(args[3].split(",")) : defaultTypes(platform.os());
        Packager packager = new Packager(Path.of(args[0]), Path.of(args[1]), args[2], platform);
        try {
            packager.build(types);
        } catch (ToolFailure | IOException | UncheckedIOException e) {
            System.err.println("[installer] " + e.getMessage());
            System.exit(1);
        }
    }

    static List<String> defaultTypes(Os os) {
        return switch (os) {
            case LINUX -> onPath("rpmbuild") ? List.of("app-image", "deb", "rpm") : List.of("app-image", "deb");
            case WINDOWS -> List.of("msi");
            case MAC -> List.of("dmg");
        };
    }

    void build(List<String> types) throws IOException {
        Path work = target.resolve("jpackage");
        Path input = work.resolve("input");
        Path runtime = work.resolve("runtime");
        Path dest = target.resolve("installers");
        deleteRecursively(work);
        deleteRecursively(dest);
        Files.createDirectories(input);

        copyAppJars(target.resolve("app-jars"), input);
        copySamples(root.resolve("sample-projects"), input.resolve("samples"));
        linkRuntime(input, javafxModules(target.resolve("javafx-jars")), runtime);
        Path config = Files.createDirectories(work.resolve("config"));
        for (String type : types) {
            long start = System.nanoTime();
            run("jpackage", jpackageArguments(type.strip(), input, runtime, config, dest));
            System.out.printf("[installer] %s built in %.0f s%n", type.strip(), (System.nanoTime() - start) / 1e9);
        }
        try (Stream<Path> built = Files.list(dest)) {
            built.sorted().forEach(file -> System.out.printf("[installer] %s  %.1f MB%n", file, size(file) / 1e6));
        }
    }

    /** The version jpackage accepts: numbers only, and on macOS a first number above zero. */
    static String packageVersion(String projectVersion, Os os) {
        String numbers = projectVersion.replaceFirst("[-+].*$", "");
        if (!numbers.matches("\\d+(\\.\\d+){0,2}")) {
            throw new IllegalArgumentException("cannot make a package version of " + projectVersion);
        }
        if (os == Os.MAC && numbers.matches("0(\\..*)?")) {
            // CFBundleVersion must start above zero; 0.x.y is stamped 1.x.y on macOS until Recausal 1.0.
            return "1" + numbers.substring(1);
        }
        return numbers;
    }

    /** The launcher's name: the command on Linux, the app's title elsewhere. */
    static String applicationName(Os os) {
        return os == Os.LINUX ? "recausal" : "Recausal";
    }

    List<String> jpackageArguments(String type, Path input, Path runtime, Path config, Path dest) throws IOException {
        Os os = platform.os();
        Path icons = root.resolve("installer").resolve("icons");
        Path icon = icons.resolve(switch (os) {
            case LINUX -> "recausal.png";
            case WINDOWS -> "recausal.ico";
            case MAC -> "recausal.icns";
        });
        List<String> args = new ArrayList<>(List.of(
                "--type", type,
                "--name", applicationName(os),
                "--app-version", packageVersion(version, os),
                "--vendor", "Recausal",
                "--description", "Causal questions about recommender systems: draw the DAG, ask it, fit and simulate",
                "--copyright", "Recausal is free software under the GPL-3.0-or-later",
                "--input", input.toString(),
                "--main-jar", "recausal-desktop.jar",
                "--main-class", DESKTOP_MAIN,
                "--runtime-image", runtime.toString(),
                "--icon", icon.toString(),
                "--dest", dest.toString()));
        for (String option : JAVA_OPTIONS) {
            args.addAll(List.of("--java-options", option));
        }
        args.addAll(List.of("--add-launcher", CLI_LAUNCHER + "=" + cliLauncher(config, os)));
        if (type.equals("app-image")) {
            return args; // a folder to run from: nothing is installed, so nothing is associated
        }
        args.addAll(List.of(
                "--file-associations", fileAssociation(config, icon).toString(),
                "--license-file", root.resolve("LICENSE").toString()));
        args.addAll(switch (os) {
            case LINUX -> List.of(
                    "--linux-package-name", "recausal",
                    "--linux-app-category", "science",
                    "--linux-app-release", "1",
                    "--linux-rpm-license-type", "GPLv3+",
                    "--linux-shortcut",
                    // The MIME database and the desktop database that make the association known to desktops.
                    "--linux-package-deps", "shared-mime-info, desktop-file-utils",
                    // The menu entry with %f, and the recausal / recausal-cli commands in /usr/bin.
                    "--resource-dir", root.resolve("installer").resolve("linux").toString());
            case WINDOWS -> List.of(
                    "--win-menu", "--win-menu-group", "Recausal",
                    "--win-shortcut", "--win-dir-chooser",
                    "--win-upgrade-uuid", WINDOWS_UPGRADE_UUID);
            case MAC -> List.of(
                    "--mac-package-identifier", "org.recausal.desktop",
                    "--mac-package-name", "Recausal",
                    "--mac-app-category", "public.app-category.education");
        });
        return args;
    }

    /** The CLI: a console program on every system, with no menu entry of its own. */
    private static String cliLauncher(Path config, Os os) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("main-jar", "recausal-cli.jar");
        properties.put("main-class", CLI_MAIN);
        switch (os) {
            case LINUX -> properties.put("linux-shortcut", "false");
            case WINDOWS -> {
                properties.put("win-console", "true");
                properties.put("win-menu", "false");
                properties.put("win-shortcut", "false");
            }
            case MAC -> {
            }
        }
        return writeProperties(config.resolve("cli-launcher.properties"), properties).toString();
    }

    private static Path fileAssociation(Path config, Path icon) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("extension", EXTENSION);
        properties.put("mime-type", MIME_TYPE);
        properties.put("description", "Recausal project");
        properties.put("icon", icon.toString());
        return writeProperties(config.resolve("file-association.properties"), properties);
    }

    private static Path writeProperties(Path file, Map<String, String> properties) throws IOException {
        StringBuilder text = new StringBuilder();
        // Backslashes of Windows paths would be escapes in a properties file.
        properties.forEach((key, value) -> text.append(key).append('=').append(value.replace('\\', '/')).append('\n'));
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The app's jars, each without the native libraries of other platforms; DuckDB left out, checked unused. */
    private void copyAppJars(Path jars, Path input) throws IOException {
        for (Path jar : list(jars, "*.jar")) {
            String name = jar.getFileName().toString();
            if (name.startsWith("recausal-")) {
                requireNoDuckDb(jar);
            }
            List<String> left = NativeLibraries.copyForPlatform(jar, input.resolve(name), platform);
            if (!left.isEmpty()) {
                System.out.printf("[installer] %s: left out %d native libraries of other platforms%n", name, left.size());
            }
        }
    }

    static void requireNoDuckDb(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                String classFile;
                try (InputStream in = zip.getInputStream(entry)) {
                    classFile = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                }
                for (String use : DUCKDB_USES) {
                    if (classFile.contains(use)) {
                        throw new ToolFailure(jar.getFileName() + " uses DuckDB (" + entry.getName() + " refers to "
                                + use + "), which the installers leave out: drop duckdb_jdbc from the excludes in"
                                + " installer/pom.xml and keep only this platform's library from it");
                    }
                }
            }
        }
    }

    private static void copySamples(Path samples, Path into) throws IOException {
        Files.createDirectories(into);
        for (Path sample : list(samples, "*." + EXTENSION)) {
            Files.copy(sample, into.resolve(sample.getFileName()));
        }
    }

    /** JavaFX's modules for this platform by name (Maven also brings empty jars that are no modules). */
    private static Map<String, Path> javafxModules(Path directory) {
        Map<String, Path> modules = new TreeMap<>();
        for (Path jar : list(directory, "*.jar")) {
            ModuleFinder.of(jar).findAll().stream()
                    .filter(module -> !module.descriptor().isAutomatic())
                    .forEach(module -> modules.put(module.descriptor().name(), jar));
        }
        if (modules.isEmpty()) {
            throw new ToolFailure("no JavaFX modules in " + directory);
        }
        return modules;
    }

    private void linkRuntime(Path input, Map<String, Path> javafx, Path runtime) throws IOException {
        String modulePath = String.join(File.pathSeparator, javafx.values().stream().map(Path::toString).toList());
        TreeSet<String> modules = new TreeSet<>(jdkModulesUsed(input, modulePath));
        modules.addAll(javafx.keySet());
        System.out.println("[installer] runtime modules: " + String.join(",", modules));
        // No --compress: every package format compresses better than jlink does (the .deb is 40 MB with the
        // classes stored plainly, 58 MB with them zipped by jlink), and plain classes load faster.
        run("jlink", List.of(
                "--module-path", modulePath,
                "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--strip-native-commands",
                "--output", runtime.toString()));
        // Where the JDK keeps its own native libraries, JavaFX looks for its libraries first.
        Path libraries = runtime.resolve(platform.os() == Os.WINDOWS ? "bin" : "lib");
        for (Path jar : javafx.values()) {
            extractLibraries(jar, libraries);
        }
    }

    private List<String> jdkModulesUsed(Path input, String javafxModulePath) {
        List<String> args = new ArrayList<>(List.of("--multi-release", String.valueOf(Runtime.version().feature()),
                "--ignore-missing-deps",
                "--print-module-deps", "--module-path",
                javafxModulePath + File.pathSeparator + input));
        list(input, "*.jar").forEach(jar -> args.add(jar.toString()));
        String printed = run("jdeps", args).strip();
        String lastLine = printed.substring(printed.lastIndexOf('\n') + 1);
        return Arrays.asList(lastLine.split(","));
    }

    private void extractLibraries(Path jar, Path into) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (NativeLibraries.isLibrary(entry.getName()) && !NativeLibraries.isForeign(entry.getName(), platform)) {
                    String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, into.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /** Runs a JDK tool in this JVM (the JDK 25 the build selected) and returns what it printed. */
    private static String run(String tool, List<String> args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new ToolFailure("this JDK has no " + tool + " (a full JDK 25 is needed)"));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = provider.run(out, out, args.toArray(String[]::new));
        }
        String printed = output.toString(StandardCharsets.UTF_8);
        if (status != 0) {
            throw new ToolFailure(tool + " failed (exit " + status + "):\n" + printed + "\n" + tool + " " + String.join(" ", args));
        }
        return printed;
    }

    private static List<Path> list(Path directory, String glob) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, glob)) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static long size(Path file) {
        try (Stream<Path> files = Files.walk(file)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** A build step that cannot go on; main reports its message without a stack trace. */
    static final class ToolFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ToolFailure(String message) {
            super(message);
        }
    }
}
