package org.recausal.desktop.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Recausal keeps its per-user settings (recent files), following each platform's convention:
 * {@code $XDG_CONFIG_HOME/recausal} or {@code ~/.config/recausal} on Linux and other Unixes,
 * {@code %APPDATA%\Recausal} on Windows, {@code ~/Library/Application Support/Recausal} on macOS.
 * The system property {@value #OVERRIDE_PROPERTY} replaces all of these (tests, portable installs).
 */
public final class ConfigDirectory {
    public static final String OVERRIDE_PROPERTY = "recausal.config.dir";

    private ConfigDirectory() {
    }

    /** The directory for this machine and user; it may not exist yet. */
    public static Path locate() {
        return resolve(System.getProperty(OVERRIDE_PROPERTY), System.getProperty("os.name", ""),
                System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path resolve(String override, String osName, Map<String, String> env, Path home) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path roaming = isAbsolute(appData) ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return roaming.resolve("Recausal");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Recausal");
        }
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = isAbsolute(xdg) ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("recausal");
    }

    private static boolean isAbsolute(String path) {
        return path != null && !path.isBlank() && Path.of(path).isAbsolute();
    }
}
