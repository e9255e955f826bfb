package org.recausal.installer;

import java.util.Locale;

/** An operating system and processor that native libraries are built for. */
record Platform(Os os, Arch arch) {

    enum Os {
        LINUX, WINDOWS, MAC
    }

    enum Arch {
        X64, ARM64, X86, ARM, OTHER
    }

    /** The platform this JVM runs on, which is the one the packages are built for. */
    static Platform current() {
        return new Platform(osOf(System.getProperty("os.name")), archOf(System.getProperty("os.arch")));
    }

    static Os osOf(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return Os.WINDOWS;
        }
        if (name.startsWith("mac")) {
            return Os.MAC;
        }
        if (name.startsWith("linux")) {
            return Os.LINUX;
        }
        throw new IllegalArgumentException("jpackage builds no packages for " + osName);
    }

    static Arch archOf(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> Arch.X64;
            case "aarch64", "arm64" -> Arch.ARM64;
            case "x86", "i386", "i686" -> Arch.X86;
            case "arm" -> Arch.ARM;
            default -> Arch.OTHER;
        };
    }
}
