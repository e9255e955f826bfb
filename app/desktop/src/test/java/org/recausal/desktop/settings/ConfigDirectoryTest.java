package org.recausal.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigDirectoryTest {
    private static final Path HOME = Path.of("/home/ana");

    @Test
    void linuxUsesXdgConfigHomeWhenAbsoluteElseDotConfig() {
        assertThat(ConfigDirectory.resolve(null, "Linux", Map.of("XDG_CONFIG_HOME", "/xdg"), HOME))
                .isEqualTo(Path.of("/xdg/recausal"));
        assertThat(ConfigDirectory.resolve(null, "Linux", Map.of(), HOME)).isEqualTo(Path.of("/home/ana/.config/recausal"));
        // The XDG spec: a relative value is invalid and ignored.
        assertThat(ConfigDirectory.resolve(null, "Linux", Map.of("XDG_CONFIG_HOME", "rel/dir"), HOME))
                .isEqualTo(Path.of("/home/ana/.config/recausal"));
        assertThat(ConfigDirectory.resolve(null, "FreeBSD", Map.of(), HOME)).isEqualTo(Path.of("/home/ana/.config/recausal"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(ConfigDirectory.resolve(null, "Mac OS X", Map.of("XDG_CONFIG_HOME", "/xdg"), HOME))
                .isEqualTo(Path.of("/home/ana/Library/Application Support/Recausal"));
    }

    @Test
    void windowsUsesAppData() {
        // Paths are built with this machine's separator; only the segments matter here.
        Path appData = HOME.resolve("AppData").resolve("Roaming");
        assertThat(ConfigDirectory.resolve(null, "Windows 11", Map.of("APPDATA", appData.toString()), HOME))
                .isEqualTo(appData.resolve("Recausal"));
        assertThat(ConfigDirectory.resolve(null, "Windows 11", Map.of(), HOME)).isEqualTo(appData.resolve("Recausal"));
    }

    @Test
    void thePropertyOverridesEveryPlatform() {
        assertThat(ConfigDirectory.resolve("/tmp/rc", "Windows 11", Map.of("APPDATA", "/a"), HOME))
                .isEqualTo(Path.of("/tmp/rc"));
        assertThat(ConfigDirectory.resolve(" ", "Linux", Map.of(), HOME)).isEqualTo(Path.of("/home/ana/.config/recausal"));
    }
}
