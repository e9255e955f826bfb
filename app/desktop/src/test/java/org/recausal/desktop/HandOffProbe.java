package org.recausal.desktop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A second launch in its own process, for {@link SingleInstanceTest}: claims the instance of the folder
 * named first with the other arguments and prints {@code handed off} or {@code instance}.
 */
public final class HandOffProbe {
    private HandOffProbe() {
    }

    public static void main(String[] args) throws IOException {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        Optional<SingleInstance> claimed = SingleInstance.claim(Path.of(args[0]), rest);
        System.out.println(claimed.isPresent() ? "instance" : "handed off");
        if (claimed.isPresent()) {
            claimed.get().close();
        }
    }
}
