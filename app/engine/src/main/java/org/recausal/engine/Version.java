package org.recausal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The application version, as stamped into {@code recausal.properties} by the build. */
public final class Version {
    private static final String RESOURCE = "recausal.properties";
    private static final String CURRENT = load();

    private Version() {
    }

    /** The version of this build, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return CURRENT;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the engine jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            // An unfiltered placeholder means the resource was copied without Maven filtering: a build bug.
            if (version.isBlank() || version.startsWith("${")) {
                throw new IllegalStateException(RESOURCE + " has no filtered version (found '" + version + "')");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
