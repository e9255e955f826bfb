package org.recausal.engine.project;

/**
 * Rules for entry names inside a project zip: relative paths with forward slashes that stay inside
 * the archive, so that a later feature extracting an entry can never write outside its folder.
 */
final class EntryName {
    private EntryName() {
    }

    /** Why {@code name} is not acceptable ("is an absolute path", ...), or {@code null} when it is. */
    static String problem(String name) {
        if (name.isEmpty()) {
            return "has an empty name";
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return "has a control character in its name";
            }
        }
        if (name.indexOf('\\') >= 0) {
            return "uses '\\' in its path (only '/' is allowed)";
        }
        if (name.startsWith("/") || (name.length() > 1 && name.charAt(1) == ':')) {
            return "is an absolute path";
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return "points outside the archive ('..')";
            }
            if (segment.equals(".")) {
                return "has a '.' path segment";
            }
        }
        return null;
    }

    /** The name quoted for a message, clipped so a hostile name cannot flood the screen. */
    static String quote(String name) {
        String shown = name.length() <= 80 ? name : name.substring(0, 80) + "…";
        StringBuilder text = new StringBuilder("'");
        shown.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                text.append(String.format("\\u%04x", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        return text.append('\'').toString();
    }
}
